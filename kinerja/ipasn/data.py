"""Writes of the IP ASN data of each ASN (pendidikan, pengembangan kompetensi, hukuman disiplin) with
their data dukung (seed 001 step 5; regulasi.md §6.1).

Two ways in: the ASN submits his own record with its data dukung (status diajukan, waiting for the
Analis SDM), or the Analis SDM (admin instansi) writes a record of anyone in his instansi, verified at
once. The value checks (`periksa_*`) are shared by the forms and the XLSX import.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.pelaksanaan.berkas import BerkasDitolak, periksa_berkas
from kinerja.penilaian.workflow import WorkflowError

from .models import HukumanDisiplin, PengembanganKompetensi, RiwayatPendidikan, StatusData

JP_MIN, JP_MAX = 1, 1000


@dataclass(frozen=True)
class JenisData:
    kode: str  # in URLs: /ip-asn/data/<kode>/...
    model: type
    judul: object  # lazy Indonesian label
    fields: tuple[str, ...]  # editable fields, in form order


JENIS_DATA: dict[str, JenisData] = {
    j.kode: j
    for j in (
        JenisData(
            "pendidikan",
            RiwayatPendidikan,
            gettext_lazy("Pendidikan"),
            ("jenjang", "institusi", "jurusan", "tanggal_lulus", "nomor_ijazah"),
        ),
        JenisData(
            "kompetensi",
            PengembanganKompetensi,
            gettext_lazy("Pengembangan kompetensi"),
            (
                "jenis",
                "nama",
                "penyelenggara",
                "tanggal_mulai",
                "tanggal_selesai",
                "jp",
                "sesuai_jabatan",
                "nomor_sertifikat",
            ),
        ),
        JenisData(
            "disiplin",
            HukumanDisiplin,
            gettext_lazy("Hukuman disiplin"),
            ("tingkat", "jenis", "nomor_sk", "tanggal_sk", "tmt_mulai", "tmt_selesai"),
        ),
    )
}


def jenis_data(kode: str) -> JenisData:
    return JENIS_DATA[kode]


def jenis_dari_model(obj) -> JenisData:
    return next(j for j in JENIS_DATA.values() if isinstance(obj, j.model))


# --- Value checks shared by the forms and the import ---------------------------------------------------


def periksa_nilai(kode: str, v: dict, today: date) -> dict[str, str]:
    """field -> Indonesian message for the values of one record that break a rule; empty when fine."""
    galat: dict[str, str] = {}
    if kode == "pendidikan":
        if v.get("tanggal_lulus") and v["tanggal_lulus"] > today:
            galat["tanggal_lulus"] = _("Tanggal lulus tidak boleh di masa depan.")
    elif kode == "kompetensi":
        mulai, selesai = v.get("tanggal_mulai"), v.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            galat["tanggal_selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
        jp = v.get("jp")
        if jp is not None and not JP_MIN <= jp <= JP_MAX:
            galat["jp"] = _("JP harus angka %(a)s–%(b)s.") % {"a": JP_MIN, "b": JP_MAX}
    elif kode == "disiplin":
        if v.get("tanggal_sk") and v["tanggal_sk"] > today:
            galat["tanggal_sk"] = _("Tanggal SK tidak boleh di masa depan.")
        mulai, selesai = v.get("tmt_mulai"), v.get("tmt_selesai")
        if mulai and selesai and selesai < mulai:
            galat["tmt_selesai"] = _("Tanggal berakhir hukuman tidak boleh sebelum tanggal mulai berlaku.")
    return galat


# --- Who may do what ----------------------------------------------------------------------------------


def langsung(user, pegawai) -> bool:
    """True when `user` writes verified data for `pegawai` (the admin of his instansi, not for his own
    data: an Analis SDM's own record is checked by another, like everyone's)."""
    akses = akses_of(user)
    sendiri = akses.pegawai is not None and akses.pegawai.pk == pegawai.pk
    return akses.is_admin_of(pegawai.instansi_id) and not sendiri


def pemilik(user, obj) -> bool:
    akses = akses_of(user)
    return akses.pegawai is not None and akses.pegawai.pk == obj.pegawai_id


def dapat_verifikasi(user, obj) -> bool:
    return langsung(user, obj.pegawai)


def dapat_ubah(user, obj) -> bool:
    """The admin edits any record of his instansi; the owner his own while it waits or was refused."""
    if langsung(user, obj.pegawai):
        return True
    return pemilik(user, obj) and obj.status in (StatusData.DIAJUKAN, StatusData.DITOLAK)


def dapat_hapus(user, obj) -> bool:
    """The admin deletes any record; the owner withdraws his own while it waits."""
    if langsung(user, obj.pegawai):
        return True
    return pemilik(user, obj) and obj.status == StatusData.DIAJUKAN


# --- Services -----------------------------------------------------------------------------------------


def _pasang_berkas(obj, berkas) -> None:
    try:
        jenis = periksa_berkas(berkas, berkas.name, berkas.size)
    except BerkasDitolak as e:
        raise WorkflowError(str(e)) from None
    obj.berkas.save(berkas.name, berkas, save=False)
    obj.nama_berkas = berkas.name[-255:]
    obj.jenis_berkas = jenis.mime


def _cek_nilai(kode: str, nilai: dict) -> None:
    galat = periksa_nilai(kode, nilai, timezone.localdate())
    if galat:
        raise WorkflowError(" ".join(galat.values()))


@transaction.atomic
def simpan_data(*, kode: str, pegawai, nilai: dict, by, berkas=None, obj=None):
    """Creates (obj None) or changes a record of `pegawai`. The admin's record is verified at once;
    the ASN's own is diajukan and needs a data dukung when created."""
    jenis = jenis_data(kode)
    if obj is None:
        if not (langsung(by, pegawai) or (akses_of(by).pegawai and akses_of(by).pegawai.pk == pegawai.pk)):
            raise PermissionDenied(_("Anda tidak dapat menambah data IP ASN pegawai ini."))
        obj = jenis.model(pegawai=pegawai)
        baru = True
    else:
        if not dapat_ubah(by, obj):
            raise PermissionDenied(_("Data ini tidak dapat Anda ubah."))
        baru = False
    _cek_nilai(kode, nilai)
    adalah_admin = langsung(by, pegawai)
    if baru and not adalah_admin and berkas is None:
        raise WorkflowError(_("Unggah data dukung (ijazah, sertifikat atau SK) untuk data yang Anda ajukan."))
    for field in jenis.fields:
        if field in nilai:
            setattr(obj, field, nilai[field])
    if berkas is not None:
        _pasang_berkas(obj, berkas)
    now = timezone.now()
    if adalah_admin:
        obj.status = StatusData.TERVERIFIKASI
        obj.diverifikasi_oleh, obj.diverifikasi_pada = by, now
        if baru:
            obj.diajukan_oleh = by
    else:
        obj.status = StatusData.DIAJUKAN
        obj.diajukan_oleh = by
        obj.diverifikasi_oleh, obj.diverifikasi_pada, obj.catatan_verifikasi = None, None, ""
    obj._history_user = by
    obj.save()
    return obj


@transaction.atomic
def hapus_data(*, obj, by) -> None:
    if not dapat_hapus(by, obj):
        if pemilik(by, obj):
            raise WorkflowError(_("Data yang sudah diverifikasi atau ditolak tidak dapat ditarik."))
        raise PermissionDenied(_("Data ini tidak dapat Anda hapus."))
    obj._history_user = by
    berkas = obj.berkas.name
    obj.delete()
    if berkas:
        storage = obj.berkas.storage
        transaction.on_commit(lambda: storage.delete(berkas))


@transaction.atomic
def verifikasi_data(*, obj, terima: bool, catatan: str, by):
    """diajukan -> terverifikasi (terima) or ditolak (tolak, with a required catatan); the ASN is
    notified. Locked row: two Analis SDM cannot both decide."""
    if not dapat_verifikasi(by, obj):
        raise PermissionDenied(_("Hanya Analis SDM instansi pegawai yang dapat memverifikasi data ini."))
    catatan = catatan.strip()
    if not terima and not catatan:
        raise WorkflowError(_("Tuliskan alasan penolakan pada catatan."))
    kunci = type(obj).objects.select_for_update().filter(pk=obj.pk, status=StatusData.DIAJUKAN).first()
    if kunci is None:
        raise WorkflowError(_("Data ini sudah diverifikasi atau ditarik. Muat ulang halaman."))
    kunci.status = StatusData.TERVERIFIKASI if terima else StatusData.DITOLAK
    kunci.diverifikasi_oleh, kunci.diverifikasi_pada, kunci.catatan_verifikasi = by, timezone.now(), catatan
    kunci._history_user = by
    kunci.save(
        update_fields=["status", "diverifikasi_oleh", "diverifikasi_pada", "catatan_verifikasi", "updated_at"]
    )
    jenis = jenis_dari_model(kunci)
    konteks = {"jenis": jenis.judul, "data": str(kunci)}
    if terima:
        judul = _("Data IP ASN diterima: %(jenis)s %(data)s") % konteks
        pesan = _("Analis SDM telah memverifikasi data Anda.")
    else:
        judul = _("Data IP ASN ditolak: %(jenis)s %(data)s") % konteks
        pesan = _("Alasan: %(catatan)s") % {"catatan": catatan}
    user = kunci.pegawai.user if kunci.pegawai.user_id else None
    beri_tahu([user], judul, pesan, reverse("ipasn:data-saya"))
    return kunci
