"""Forms of pembinaan (one per action, posted with the action's name), of penghargaan and sanksi,
and the list filter. Field rules only; the domain rules are in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusPenilaian

from .models import HasilEvaluasiUlang, JenisPembinaan, JenisPenghargaan, JenisSanksi, StatusPembinaan
from .pembinaan import AksiPembinaan

TEKS_MAKS = 5000
_TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_PANJANG = _("Teks terlalu panjang (paling banyak %(limit_value)d karakter).")


def _teks(label, wajib: str | None = None, rows=3):
    return forms.CharField(
        label=label,
        max_length=TEKS_MAKS,
        required=wajib is not None,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": wajib or "", "max_length": _PANJANG},
    )


def _tanggal(label, wajib: str | None = None, initial=None):
    return forms.DateField(
        label=label,
        required=wajib is not None,
        widget=_TANGGAL,
        initial=initial,
        error_messages={"required": wajib or "", "invalid": _("Tanggal tidak valid.")},
    )


class _PegawaiChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama_lengkap} ({obj.nip})"


class _PenilaianChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        from kinerja.penilaian.services import nama_periode

        periode = nama_periode(obj.periode, obj.jadwal)
        return f"{obj.pegawai.nama_lengkap}: {periode}, {obj.get_predikat_display()}"


def _penilaian_field(pegawai_qs):
    return _PenilaianChoice(
        label=_("Berdasarkan hasil evaluasi"),
        required=False,
        queryset=Penilaian.objects.filter(pegawai__in=pegawai_qs, status=StatusPenilaian.FINAL)
        .select_related("pegawai", "periode", "jadwal")
        .order_by("pegawai__nama", "-periode__tahun", "jadwal__nomor"),
        error_messages={
            "invalid_choice": _(
                "Hasil evaluasi yang dipilih tidak tersedia: harus sudah final dan dapat Anda lihat."
            )
        },
    )


def _pegawai_field(pegawai_qs):
    return _PegawaiChoice(
        label=_("Pegawai"),
        queryset=pegawai_qs.order_by("nama"),
        error_messages={
            "required": _("Pilih pegawai."),
            "invalid_choice": _("Pegawai yang dipilih tidak dapat Anda catat."),
        },
    )


class FilterPembinaanForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *StatusPembinaan.choices]
    )
    unit = forms.ModelChoiceField(label=_("Unit kerja"), required=False, queryset=UnitKerja.objects.none())

    def __init__(self, *args, instansi_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        if instansi_id is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = UnitKerja.objects.filter(instansi_id=instansi_id).order_by("kode")
            self.fields["unit"].empty_label = _("Semua unit")


class PembinaanBaruForm(forms.Form):
    def __init__(self, *args, pegawai_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"] = _pegawai_field(pegawai_qs)
        self.fields["jenis"] = forms.ChoiceField(label=_("Bentuk pembinaan"), choices=JenisPembinaan.choices)
        self.fields["penilaian"] = _penilaian_field(pegawai_qs)
        self.fields["permasalahan"] = _teks(
            _("Permasalahan kinerja"), _("Uraikan permasalahan kinerja yang akan dibina."), rows=4
        )


class MulaiForm(forms.Form):
    tujuan = _teks(_("Tujuan pembinaan"), _("Tujuan pembinaan wajib diisi."))
    tanggal_mulai = _tanggal(_("Tanggal mulai"), _("Tanggal mulai wajib diisi."), initial=timezone.localdate)


class SesiForm(forms.Form):
    tanggal = _tanggal(_("Tanggal sesi"), _("Tanggal sesi wajib diisi."), initial=timezone.localdate)
    topik = forms.CharField(
        label=_("Topik"), max_length=255, error_messages={"required": _("Topik sesi wajib diisi.")}
    )
    catatan = _teks(_("Catatan pembahasan"))
    kesepakatan = _teks(_("Kesepakatan / rencana tindak"))
    target_tanggal = _tanggal(_("Target penyelesaian"))


class TutupForm(forms.Form):
    hasil = _teks(_("Hasil pembinaan"), _("Hasil pembinaan wajib diisi."))
    evaluasi_ulang = forms.ChoiceField(
        label=_("Hasil evaluasi ulang"),
        choices=HasilEvaluasiUlang.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih hasil evaluasi ulang: kinerja membaik atau belum membaik.")},
    )
    catatan_evaluasi_ulang = _teks(_("Catatan evaluasi ulang"))
    rekomendasi = _teks(_("Rekomendasi"), _("Rekomendasi wajib diisi."))
    tanggal_selesai = _tanggal(
        _("Tanggal selesai"), _("Tanggal selesai wajib diisi."), initial=timezone.localdate
    )


class BatalForm(forms.Form):
    alasan = _teks(_("Alasan pembatalan"), _("Alasan pembatalan wajib diisi."))


FORM_AKSI = {
    AksiPembinaan.MULAI: MulaiForm,
    AksiPembinaan.SESI: SesiForm,
    AksiPembinaan.TUTUP: TutupForm,
    AksiPembinaan.BATALKAN: BatalForm,
}


class PenghargaanForm(forms.Form):
    def __init__(self, *args, pegawai_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"] = _pegawai_field(pegawai_qs)
        self.fields["penilaian"] = _penilaian_field(pegawai_qs)
        self.fields["jenis"] = forms.ChoiceField(
            label=_("Jenis penghargaan"), choices=JenisPenghargaan.choices
        )
        self.fields["uraian"] = _teks(_("Uraian"), _("Uraian penghargaan wajib diisi."))
        self.fields["tanggal"] = _tanggal(_("Tanggal"), _("Tanggal wajib diisi."), initial=timezone.localdate)


class SanksiForm(forms.Form):
    def __init__(self, *args, pegawai_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"] = _pegawai_field(pegawai_qs)
        self.fields["penilaian"] = _penilaian_field(pegawai_qs)
        self.fields["jenis"] = forms.ChoiceField(label=_("Jenis sanksi"), choices=JenisSanksi.choices)
        self.fields["dasar"] = forms.CharField(
            label=_("Dasar hukum"), max_length=255, required=False, initial="PP 30/2019 Pasal 56–58"
        )
        self.fields["nomor_sk"] = forms.CharField(label=_("Nomor keputusan"), max_length=100, required=False)
        self.fields["uraian"] = _teks(_("Uraian"), _("Uraian sanksi wajib diisi."))
        self.fields["tanggal_mulai"] = _tanggal(_("Berlaku mulai"), _("Tanggal mulai berlaku wajib diisi."))
        self.fields["tanggal_selesai"] = _tanggal(_("Berlaku sampai"))
        self.fields["tanggal_selesai"].help_text = _(
            "Wajib untuk penempatan sementara (paling lama 1 tahun)."
        )
