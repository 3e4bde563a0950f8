"""Forms of the usulan pengembangan kompetensi, the Nota Dinas and the Analis SDM's queue."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import JenisKiriman, JenisPengembangan, StatusKiriman, StatusUsulan
from .usulan import JP_MAX, JP_MIN

TEKS_MAKS = 5000


class _PenilaianField(forms.ModelChoiceField):
    def label_from_instance(self, p):
        bagian = _("tahunan") if p.jadwal_id is None else _("periode ke-%(n)s") % {"n": p.jadwal.nomor}
        return f"{p.pegawai.nama_lengkap} – {p.periode.tahun} {bagian} ({p.get_predikat_display()})"


class _PembinaanField(forms.ModelChoiceField):
    def label_from_instance(self, p):
        return f"{p.pegawai.nama_lengkap} – {p.get_jenis_display()} ({p.get_status_display()})"


class UsulanForm(forms.Form):
    pegawai = forms.ModelChoiceField(
        label=_("Pegawai"), queryset=None, error_messages={"required": _("Pilih pegawai yang diusulkan.")}
    )
    tahun = forms.IntegerField(
        label=_("Tahun"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Jika merujuk penilaian, tahun mengikuti tahun penilaian."),
    )
    jenis = forms.ChoiceField(label=_("Bentuk pengembangan"), choices=JenisPengembangan.choices)
    nama_kegiatan = forms.CharField(
        label=_("Kompetensi / kegiatan yang diusulkan"),
        max_length=255,
        error_messages={"required": _("Kompetensi atau kegiatan yang diusulkan wajib diisi.")},
    )
    jp = forms.IntegerField(
        label=_("Jam pelajaran (JP)"),
        min_value=JP_MIN,
        max_value=JP_MAX,
        error_messages={
            "required": _("Jam pelajaran (JP) wajib diisi."),
            "min_value": _("Jam pelajaran (JP) paling sedikit %(limit_value)s."),
            "max_value": _("Jam pelajaran (JP) paling banyak %(limit_value)s."),
        },
    )
    alasan = forms.CharField(
        label=_("Alasan / kesenjangan kompetensi"),
        max_length=TEKS_MAKS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Alasan atau kesenjangan kompetensi wajib diisi.")},
    )
    penilaian = _PenilaianField(label=_("Berdasarkan penilaian (opsional)"), queryset=None, required=False)
    pembinaan = _PembinaanField(label=_("Berdasarkan pembinaan (opsional)"), queryset=None, required=False)

    def __init__(self, *args, pegawai_qs, penilaian_qs, pembinaan_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai_qs
        self.fields["penilaian"].queryset = penilaian_qs
        self.fields["pembinaan"].queryset = pembinaan_qs
        self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} ({p.nip})"
        if not self.is_bound and "tahun" not in self.initial:
            self.initial["tahun"] = timezone.localdate().year


class NotaForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun usulan"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    kepada = forms.CharField(
        label=_("Kepada"),
        max_length=255,
        help_text=_("Unit/pejabat yang menangani pengembangan kompetensi pegawai."),
        error_messages={"required": _("Tujuan nota dinas (kepada) wajib diisi.")},
    )
    nomor = forms.CharField(label=_("Nomor nota dinas"), max_length=100, required=False)
    tanggal = forms.DateField(
        label=_("Tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    perihal = forms.CharField(label=_("Hal"), max_length=255, required=False)

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:  # the year of a nota does not change
            del self.fields["tahun"]


class TeruskanForm(forms.Form):
    diteruskan_ke = forms.CharField(
        label=_("Diteruskan kepada"),
        max_length=255,
        error_messages={"required": _("Isi unit atau pejabat tujuan penerusan.")},
    )
    catatan = forms.CharField(label=_("Catatan"), max_length=TEKS_MAKS, required=False)


class AntrianFilterForm(forms.Form):
    """GET filters of the queue; an invalid value is ignored (the field's filter is dropped)."""

    jenis = forms.ChoiceField(label=_("Jenis dokumen"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit kerja"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        semua = [("", _("Semua"))]
        self.fields["jenis"].choices = semua + list(JenisKiriman.choices)
        self.fields["status"].choices = semua + list(StatusKiriman.choices)
        self.fields["unit"].choices = semua + [(u.id, u.label) for u in units]

    def nilai(self) -> dict:
        if self.is_valid():
            return self.cleaned_data
        return {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}


class UsulanFilterForm(forms.Form):
    lingkup = forms.ChoiceField(
        label=_("Lingkup"),
        required=False,
        choices=[("", _("Semua yang dapat saya lihat")), ("saya", _("Usulan saya")), ("tim", _("Tim saya"))],
    )
    tahun = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua"))] + list(StatusUsulan.choices)
    )

    def nilai(self) -> dict:
        if self.is_valid():
            return self.cleaned_data
        return {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
