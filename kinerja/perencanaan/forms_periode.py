"""Forms of the period settings: pick the instansi, open a year, edit dates, siklus and jadwal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PeriodeKinerja


def _tanggal(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Tanggal wajib diisi."),
            "invalid": _("Tulis tanggal yang benar (tttt-bb-hh)."),
        },
    )


class PilihInstansiForm(forms.Form):
    """`?instansi=` of the period pages, among the instansi the user administers."""

    instansi = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = queryset


class BuatPeriodeForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=2020,
        max_value=2100,
        error_messages={
            "required": _("Isi tahun periode."),
            "invalid": _("Tahun harus berupa angka."),
            "min_value": _("Tahun paling awal %(limit_value)s."),
            "max_value": _("Tahun paling akhir %(limit_value)s."),
        },
    )
    siklus = forms.ChoiceField(
        label=_("Siklus evaluasi"),
        choices=PeriodeKinerja.Siklus.choices,
        initial=PeriodeKinerja.Siklus.TRIWULANAN,
        error_messages={"invalid_choice": _("Pilih siklus bulanan, triwulanan atau semesteran.")},
    )


class PeriodeForm(forms.Form):
    tanggal_mulai = _tanggal(_("Awal periode SKP"))
    tanggal_selesai = _tanggal(_("Akhir periode SKP"))
    batas_penyusunan = _tanggal(_("Batas penyusunan SKP"))
    siklus = forms.ChoiceField(
        label=_("Siklus evaluasi"),
        choices=PeriodeKinerja.Siklus.choices,
        help_text=_("Mengubah siklus menyusun ulang jadwal di bawah dengan batas pengisian bawaan."),
        error_messages={"invalid_choice": _("Pilih siklus bulanan, triwulanan atau semesteran.")},
    )


class JadwalForm(forms.Form):
    nomor = forms.IntegerField(min_value=1, max_value=12, widget=forms.HiddenInput)
    batas_pengisian = _tanggal(_("Batas pengisian"))


class BaseJadwalFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        nomor = [f.cleaned_data["nomor"] for f in self.forms]
        if len(nomor) != len(set(nomor)):
            raise forms.ValidationError(_("Jadwal periode dikirim ganda. Muat ulang halaman."))


JadwalFormSet = forms.formset_factory(
    JadwalForm, formset=BaseJadwalFormSet, extra=0, max_num=12, absolute_max=12, validate_max=True
)
