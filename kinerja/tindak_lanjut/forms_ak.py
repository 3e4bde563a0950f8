"""Forms of the angka kredit pages: the AK awal of a pegawai and a new koefisien version."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import JenjangFungsional


class AkAwalForm(forms.Form):
    angka_kredit = forms.DecimalField(
        label=_("Angka kredit awal"), max_digits=8, decimal_places=3, min_value=0
    )
    per_tanggal = forms.DateField(label=_("Per tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    tmt_pangkat = forms.DateField(
        label=_("TMT pangkat terakhir"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tmt_jenjang = forms.DateField(
        label=_("TMT jenjang jabatan"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)


class KoefisienForm(forms.Form):
    """One version of the koefisien table: a start date and the values of all eight jenjang."""

    berlaku_mulai = forms.DateField(label=_("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    dasar = forms.CharField(label=_("Dasar hukum"), max_length=255)

    def __init__(self, *args, awal: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        awal = awal or {}
        for j in JenjangFungsional:
            nilai = awal.get(j.value)
            self.fields[f"koefisien_{j.value}"] = forms.DecimalField(
                label=_("Koefisien %(j)s") % {"j": j.label},
                max_digits=6,
                decimal_places=2,
                min_value=Decimal("0.01"),
                initial=nilai.koefisien if nilai else None,
            )
            self.fields[f"akk_pangkat_{j.value}"] = forms.DecimalField(
                label=_("AKK pangkat %(j)s") % {"j": j.label},
                max_digits=7,
                decimal_places=2,
                min_value=Decimal("0.01"),
                initial=nilai.akk_pangkat if nilai else None,
            )
            self.fields[f"akk_jenjang_{j.value}"] = forms.DecimalField(
                label=_("AKK jenjang %(j)s") % {"j": j.label},
                max_digits=7,
                decimal_places=2,
                min_value=Decimal("0.01"),
                required=False,
                initial=nilai.akk_jenjang if nilai else None,
            )

    def baris(self):
        """For the template: (jenjang, its three bound fields)."""
        return [
            (j, self[f"koefisien_{j.value}"], self[f"akk_pangkat_{j.value}"], self[f"akk_jenjang_{j.value}"])
            for j in JenjangFungsional
        ]

    def nilai(self) -> dict:
        d = self.cleaned_data
        return {
            j.value: (d[f"koefisien_{j.value}"], d[f"akk_pangkat_{j.value}"], d.get(f"akk_jenjang_{j.value}"))
            for j in JenjangFungsional
        }
