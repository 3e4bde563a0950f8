"""Forms of the rating page and the team page (GET filters validated like any input)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import RatingKerja

BELUM = [("", _("— belum dinilai —"))]


def _pilihan_rating(label, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=BELUM + RatingKerja.choices(), required=False, **kwargs)


class PenilaianForm(forms.Form):
    """A judgement per rencana hasil kerja (field `rhk_<id>` with `catatan_<id>`), the rating hasil
    kerja (fixed for a unit's pimpinan: `tetap`), the rating perilaku and the catatan/rekomendasi."""

    rating_hasil_kerja = _pilihan_rating(_("Rating hasil kerja"))
    rating_perilaku = _pilihan_rating(_("Rating perilaku kerja"))
    catatan = forms.CharField(
        label=_("Catatan/rekomendasi"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, rhk_ids: list[int], hasil_tetap: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rhk_ids = list(rhk_ids)
        for pk in self.rhk_ids:
            self.fields[f"rhk_{pk}"] = _pilihan_rating(_("Penilaian rencana hasil kerja"))
            self.fields[f"catatan_{pk}"] = forms.CharField(
                label=_("Catatan"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        if hasil_tetap:
            self.fields["rating_hasil_kerja"].disabled = True

    @classmethod
    def awal(cls, penilaian, rhk_rows) -> dict:
        """Initial values from a stored penilaian and the RHK rows of the page."""
        if penilaian is None:
            return {}
        data = {
            "rating_hasil_kerja": penilaian.rating_hasil_kerja,
            "rating_perilaku": penilaian.rating_perilaku,
            "catatan": penilaian.catatan,
        }
        for r in rhk_rows:
            data[f"rhk_{r.rhk.pk}"] = r.rating
            data[f"catatan_{r.rhk.pk}"] = r.catatan
        return data

    def rhk_ratings(self) -> dict[int, tuple[str, str]]:
        return {
            pk: (self.cleaned_data.get(f"rhk_{pk}", ""), self.cleaned_data.get(f"catatan_{pk}", ""))
            for pk in self.rhk_ids
        }

    def nilai_layanan(self) -> dict:
        """The keyword arguments of `services.simpan_penilaian`."""
        return {
            "rhk_ratings": self.rhk_ratings(),
            "rating_hasil_kerja": self.cleaned_data.get("rating_hasil_kerja") or "",
            "rating_perilaku": self.cleaned_data.get("rating_perilaku") or "",
            "catatan": self.cleaned_data.get("catatan") or "",
        }


class TimFilterForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    nomor = forms.IntegerField(label=_("Periode"), min_value=0, max_value=12, required=False)


class FinalisasiForm(forms.Form):
    tahun = forms.IntegerField(min_value=2000, max_value=2100)
    nomor = forms.IntegerField(min_value=0, max_value=12)
    alasan = forms.CharField(
        label=_("Justifikasi penyimpangan distribusi"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
