"""Usulan pengembangan kompetensi (seed 000 steps 5–6; regulasi.md §3.11): the pejabat penilai
proposes a competence development for a member of his team, usually after an evaluation or a
pembinaan; a pegawai may propose one for himself, which his pejabat penilai keeps (by leaving it in
the usulan of the team) or rejects. An usulan can be changed or withdrawn while it is ``diusulkan``;
once its Nota Dinas is sent it belongs to the Analis SDM's queue (`nota_dinas`, `antrian`).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusPenilaian, WorkflowError

from .models import JenisPengembangan, Pembinaan, StatusUsulan, UsulanPengembangan

# The hours of one proposed activity, in jam pelajaran. The upper bound is a sanity limit for one
# activity (a year of full-time training is about 500 JP): configurable default, not a rule.
JP_MIN, JP_MAX = 1, 500


@dataclass(frozen=True)
class DataUsulan:
    pegawai: Pegawai
    tahun: int
    jenis: str
    nama_kegiatan: str
    jp: int
    alasan: str
    penilaian: Penilaian | None = None
    pembinaan: Pembinaan | None = None


def _me(by) -> Pegawai | None:
    return akses_of(by).pegawai


def dapat_mengusulkan_untuk(by, pegawai: Pegawai) -> bool:
    """The pejabat penilai of the pegawai, or the pegawai himself."""
    me = _me(by)
    return me is not None and me.pk in (pegawai.pk, pegawai.pejabat_penilai_id)


def dapat_mengubah(by, usulan: UsulanPengembangan) -> bool:
    """The pejabat penilai of the pegawai may change any usulan of his team; a pegawai only the usulan
    he made himself."""
    me = _me(by)
    if me is None:
        return False
    if me.pk == usulan.pegawai.pejabat_penilai_id:
        return True
    return me.pk == usulan.pegawai_id and usulan.diusulkan_oleh_id == by.pk


def dapat_menolak(by, usulan: UsulanPengembangan) -> bool:
    me = _me(by)
    return me is not None and me.pk == usulan.pegawai.pejabat_penilai_id and me.pk != usulan.pegawai_id


def _periksa(data: DataUsulan) -> dict:
    """The checks the form also makes, repeated here so that every caller gets them."""
    if data.jenis not in JenisPengembangan.values:
        raise WorkflowError(_("Bentuk pengembangan kompetensi tidak dikenal."))
    nama = (data.nama_kegiatan or "").strip()
    if not nama:
        raise WorkflowError(_("Kompetensi atau kegiatan yang diusulkan wajib diisi."))
    if data.jp is None or not (JP_MIN <= data.jp <= JP_MAX):
        raise WorkflowError(
            _("Jam pelajaran (JP) harus antara %(min)s dan %(max)s.") % {"min": JP_MIN, "max": JP_MAX}
        )
    alasan = (data.alasan or "").strip()
    if not alasan:
        raise WorkflowError(_("Alasan atau kesenjangan kompetensi wajib diisi."))
    tahun = data.tahun
    if data.penilaian is not None:
        if data.penilaian.pegawai_id != data.pegawai.pk:
            raise WorkflowError(_("Penilaian yang dirujuk bukan penilaian pegawai yang diusulkan."))
        if data.penilaian.status != StatusPenilaian.FINAL:
            raise WorkflowError(_("Usulan hanya dapat merujuk penilaian yang telah final."))
        tahun = data.penilaian.periode.tahun
    if data.pembinaan is not None and data.pembinaan.pegawai_id != data.pegawai.pk:
        raise WorkflowError(_("Pembinaan yang dirujuk bukan pembinaan pegawai yang diusulkan."))
    if not tahun or not (2000 <= tahun <= 2100):
        raise WorkflowError(_("Tahun usulan tidak valid."))
    return {
        "pegawai": data.pegawai,
        "tahun": tahun,
        "jenis": data.jenis,
        "nama_kegiatan": nama,
        "jp": data.jp,
        "alasan": alasan,
        "penilaian": data.penilaian,
        "pembinaan": data.pembinaan,
    }


@transaction.atomic
def buat_usulan(*, data: DataUsulan, by) -> UsulanPengembangan:
    if not dapat_mengusulkan_untuk(by, data.pegawai):
        raise PermissionDenied(
            _("Usulan pengembangan hanya dapat dibuat oleh pejabat penilai pegawai atau pegawai itu sendiri.")
        )
    return UsulanPengembangan.objects.create(**_periksa(data), diusulkan_oleh=by)


def _pastikan_diusulkan(usulan: UsulanPengembangan) -> None:
    if usulan.status != StatusUsulan.DIUSULKAN:
        raise WorkflowError(
            _("Usulan berstatus “%(status)s” tidak dapat diubah lagi.")
            % {"status": usulan.get_status_display()}
        )


def _cas(usulan: UsulanPengembangan, **fields) -> None:
    """Compare-and-swap on the status: two people cannot both act on the same usulan."""
    n = UsulanPengembangan.objects.filter(pk=usulan.pk, status=StatusUsulan.DIUSULKAN).update(**fields)
    if n != 1:
        raise WorkflowError(_("Usulan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi."))


@transaction.atomic
def ubah_usulan(*, usulan: UsulanPengembangan, data: DataUsulan, by) -> UsulanPengembangan:
    if not dapat_mengubah(by, usulan):
        raise PermissionDenied(_("Anda tidak dapat mengubah usulan ini."))
    _pastikan_diusulkan(usulan)
    if data.pegawai.pk != usulan.pegawai_id:
        raise WorkflowError(_("Pegawai yang diusulkan tidak dapat diganti; buat usulan baru."))
    fields = _periksa(data)
    del fields["pegawai"]
    _cas(usulan, updated_at=timezone.now(), **fields)
    usulan.refresh_from_db()
    return usulan


@transaction.atomic
def hapus_usulan(*, usulan: UsulanPengembangan, by) -> None:
    if not dapat_mengubah(by, usulan):
        raise PermissionDenied(_("Anda tidak dapat menghapus usulan ini."))
    _pastikan_diusulkan(usulan)
    n, _detail = UsulanPengembangan.objects.filter(pk=usulan.pk, status=StatusUsulan.DIUSULKAN).delete()
    if n != 1:
        raise WorkflowError(_("Usulan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi."))


@transaction.atomic
def tolak_usulan(*, usulan: UsulanPengembangan, by) -> UsulanPengembangan:
    """The pejabat penilai does not keep an usulan (typically one the pegawai made for himself); it
    leaves any draft Nota Dinas."""
    if not dapat_menolak(by, usulan):
        raise PermissionDenied(_("Hanya pejabat penilai pegawai yang dapat menolak usulan."))
    _pastikan_diusulkan(usulan)
    _cas(usulan, status=StatusUsulan.DITOLAK, nota_dinas=None, updated_at=timezone.now())
    usulan.status, usulan.nota_dinas = StatusUsulan.DITOLAK, None
    return usulan
