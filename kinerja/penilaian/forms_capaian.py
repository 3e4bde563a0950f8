"""Forms of the capaian and distribution pages: the GET filters and the capaian of one unit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import CapaianOrganisasi

TAHUN_MIN, TAHUN_MAX = 2000, 2100
NOMOR_MAX = 12  # bulanan: 12 periods a year


class PeriodeFilterForm(forms.Form):
    """GET filters shared by the capaian and distribution pages; an invalid one is dropped with a note."""

    instansi = forms.IntegerField(label=_("Instansi"), required=False, min_value=1)
    unit = forms.IntegerField(label=_("Unit kerja"), required=False, min_value=1)
    tahun = forms.IntegerField(label=_("Tahun"), required=False, min_value=TAHUN_MIN, max_value=TAHUN_MAX)
    nomor = forms.IntegerField(label=_("Periode penilaian"), required=False, min_value=0, max_value=NOMOR_MAX)


class CapaianForm(forms.Form):
    """The capaian of one unit for one period (nomor 0: the annual evaluation), with its basis."""

    unit = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    tahun = forms.IntegerField(min_value=TAHUN_MIN, max_value=TAHUN_MAX, widget=forms.HiddenInput)
    nomor = forms.IntegerField(min_value=0, max_value=NOMOR_MAX, widget=forms.HiddenInput)
    capaian = forms.ChoiceField(
        label=_("Capaian kinerja organisasi"),
        choices=[("", _("— pilih —")), *CapaianOrganisasi.choices()],
        error_messages={
            "required": _("Pilih capaian kinerja organisasi."),
            "invalid_choice": _(
                "Capaian organisasi “%(value)s” tidak dikenal: pilih Istimewa, Baik, Butuh Perbaikan, "
                "Kurang atau Sangat Kurang."
            ),
        },
    )
    dasar = forms.CharField(
        label=_("Dasar penetapan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. capaian Perjanjian Kinerja, capaian rencana aksi dan target periodik."),
        error_messages={
            "required": _(
                "Isi dasar penetapan capaian organisasi (mis. capaian Perjanjian Kinerja, capaian "
                "rencana aksi)."
            ),
            "max_length": _("Dasar penetapan paling banyak %(limit_value)d karakter."),
        },
    )
