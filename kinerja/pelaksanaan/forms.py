"""Forms of the pelaksanaan pages. They only read the input (numbers with a decimal comma, files);
the rules (lengths, ranges, file types, open periods) are the services'."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _


def baca_angka(teks: str) -> Decimal | None:
    """ "12", "12,5", "1.234,5" or "12.5" as a Decimal; "" as None; ValueError when not a number."""
    teks = teks.strip().replace(" ", "").replace("\u00a0", "")
    if not teks:
        return None
    if "," in teks:
        teks = teks.replace(".", "").replace(",", ".")
    try:
        nilai = Decimal(teks)
    except InvalidOperation:
        raise ValueError(teks) from None
    if not nilai.is_finite():
        raise ValueError(teks)
    return nilai


class RencanaAksiForm(forms.Form):
    rhk = forms.IntegerField(widget=forms.HiddenInput)
    rencana_aksi = forms.IntegerField(required=False, widget=forms.HiddenInput)  # set when editing
    uraian = forms.CharField(
        label=_("Rencana aksi"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target = forms.CharField(label=_("Target periodik"), required=False)


class RealisasiForm(forms.Form):
    nilai = forms.CharField(
        label=_("Realisasi (angka)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    uraian = forms.CharField(
        label=_("Realisasi (uraian)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    berkas = forms.FileField(label=_("Berkas bukti dukung"), required=False, allow_empty_file=True)
    tautan = forms.CharField(label=_("Tautan bukti dukung"), required=False)

    def clean_nilai(self):
        try:
            return baca_angka(self.cleaned_data["nilai"])
        except ValueError:
            raise forms.ValidationError(
                _("Realisasi angka harus berupa bilangan, mis. 12 atau 12,5.")
            ) from None


class BuktiForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas"), required=False, allow_empty_file=True)
    tautan = forms.CharField(label=_("Tautan"), required=False)
    nama = forms.CharField(label=_("Nama tautan"), required=False)
