"""Writes of pelaksanaan: rencana aksi, realisasi and bukti dukung of an approved SKP.

Every write is the SKP's pegawai's, on an approved SKP (or one closed at a change of position after
approval), in a period that has started and whose batas pengisian has not passed, and whose
penilaian is not final (regulasi.md §2.15, §2.16, decision b). A refused write changes nothing: the
input is checked before anything is written, and a file already stored is removed again when the
transaction fails.
"""

import os
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, RencanaHasilKerja, Skp

from . import selectors
from .berkas import BerkasDitolak, periksa_berkas
from .models import BuktiDukung, Realisasi, RencanaAksi

URAIAN_MAKS = 2000  # characters of a rencana aksi or a realisasi in words
TARGET_MAKS = 200  # RencanaAksi.target
TAUTAN_MAKS = 500  # BuktiDukung.tautan
NILAI_MAKS = Decimal("999999999999.99")  # what Realisasi.nilai holds (14 digits, 2 decimals)
PERSEN_MAKS = Decimal(1000)  # a realisasi in percent above this is a typing error
# Kinerja's sanity check, not a rule of the regulation: a realisasi above this many times the upper
# target is taken for a typing error (a target of 10 dokumen accepts up to 1.000).
KELIPATAN_TARGET_MAKS = 100
SATUAN_PERSEN = {"%", "persen", "persentase"}


class PelaksanaanDitolak(Exception):
    """A write refused by the rules; the message is Indonesian and shown to the user as it is."""


# --- preconditions ------------------------------------------------------------------------------


def _pastikan_pemilik(skp: Skp, by) -> None:
    me = akses_of(by).pegawai
    if me is None or me.pk != skp.pegawai_id:
        raise PermissionDenied(
            _("Hanya pegawai pemilik SKP yang dapat mengisi rencana aksi, realisasi dan bukti dukung.")
        )


def _pastikan_terbuka(skp: Skp, jadwal: JadwalPeriode, today: date | None) -> None:
    """Refuses when the SKP, the period or its penilaian does not allow writing (PelaksanaanDitolak)."""
    if jadwal.periode_id != skp.periode_id or not (
        jadwal.tanggal_mulai <= skp.tanggal_selesai and jadwal.tanggal_selesai >= skp.tanggal_mulai
    ):
        raise PelaksanaanDitolak(_("Periode ini tidak termasuk masa berlaku SKP."))
    jadwal.periode = skp.periode
    final = jadwal.pk in selectors.jadwal_final(skp.pk)
    alasan = selectors.alasan_terkunci(skp, jadwal, today or timezone.localdate(), final=final)
    if alasan:
        raise PelaksanaanDitolak(alasan)


def _skp_indikator(indikator: IndikatorKinerjaIndividu) -> Skp:
    """The SKP of an indikator (already loaded when the caller selected `indikator__rhk__skp`)."""
    return indikator.rhk.skp


# --- rencana aksi -------------------------------------------------------------------------------


@transaction.atomic
def simpan_rencana_aksi(
    *,
    skp: Skp,
    jadwal: JadwalPeriode,
    rhk: RencanaHasilKerja,
    uraian: str,
    target: str,
    by,
    rencana_aksi: RencanaAksi | None = None,
    today: date | None = None,
) -> RencanaAksi:
    """Adds a rencana aksi with its periodic target under `rhk` for the period, or changes
    `rencana_aksi` (which must be of that RHK and period)."""
    _pastikan_pemilik(skp, by)
    _pastikan_terbuka(skp, jadwal, today)
    if rhk.skp_id != skp.pk:
        raise PelaksanaanDitolak(_("Rencana hasil kerja itu bukan bagian dari SKP ini."))
    if rencana_aksi is not None and (rencana_aksi.rhk_id != rhk.pk or rencana_aksi.jadwal_id != jadwal.pk):
        raise PelaksanaanDitolak(_("Rencana aksi itu bukan bagian dari rencana hasil kerja dan periode ini."))
    uraian, target = (uraian or "").strip(), (target or "").strip()
    masalah = []
    if not uraian:
        masalah.append(_("Tuliskan rencana aksinya."))
    elif len(uraian) > URAIAN_MAKS:
        masalah.append(_("Rencana aksi paling panjang %(n)s karakter.") % {"n": URAIAN_MAKS})
    if not target:
        masalah.append(_("Tuliskan target periodik rencana aksi (menuju target tahunan)."))
    elif len(target) > TARGET_MAKS:
        masalah.append(_("Target periodik paling panjang %(n)s karakter.") % {"n": TARGET_MAKS})
    if masalah:
        raise PelaksanaanDitolak(" ".join(masalah))
    if rencana_aksi is None:
        urutan = RencanaAksi.objects.filter(rhk=rhk, jadwal=jadwal).count() + 1
        return RencanaAksi.objects.create(rhk=rhk, jadwal=jadwal, urutan=urutan, uraian=uraian, target=target)
    rencana_aksi.uraian, rencana_aksi.target = uraian, target
    rencana_aksi.save(update_fields=["uraian", "target", "updated_at"])
    return rencana_aksi


@transaction.atomic
def hapus_rencana_aksi(*, rencana_aksi: RencanaAksi, by, today: date | None = None) -> None:
    skp = rencana_aksi.rhk.skp
    _pastikan_pemilik(skp, by)
    _pastikan_terbuka(skp, rencana_aksi.jadwal, today)
    rencana_aksi.delete()


# --- realisasi and bukti ------------------------------------------------------------------------


def periksa_nilai(nilai: Decimal | None, indikator: IndikatorKinerjaIndividu) -> list[str]:
    """What is wrong with a realisasi number for this indikator (empty when nothing)."""
    if nilai is None:
        return []
    try:
        if not nilai.is_finite():
            return [_("Realisasi angka harus berupa bilangan.")]
        if nilai < 0:
            return [_("Realisasi angka tidak boleh negatif.")]
        if nilai.as_tuple().exponent < -2:
            return [_("Realisasi angka paling banyak dua angka di belakang koma.")]
    except (InvalidOperation, TypeError):
        return [_("Realisasi angka harus berupa bilangan.")]
    angka = selectors.tulis_nilai(nilai, indikator.satuan)
    if nilai > NILAI_MAKS:
        return [_("Realisasi %(nilai)s tidak masuk akal; periksa kembali angkanya.") % {"nilai": angka}]
    if indikator.satuan.strip().lower() in SATUAN_PERSEN and nilai > PERSEN_MAKS:
        return [_("Realisasi %(nilai)s tidak masuk akal untuk satuan persen.") % {"nilai": angka}]
    batas = indikator.target_max if indikator.target_max is not None else indikator.target_min
    if batas is not None and batas > 0 and nilai > batas * KELIPATAN_TARGET_MAKS:
        return [
            _("Realisasi %(nilai)s lebih dari %(kali)s kali target (%(target)s); periksa kembali angkanya.")
            % {"nilai": angka, "kali": KELIPATAN_TARGET_MAKS, "target": indikator.target}
        ]
    return []


def _periksa_tautan(tautan: str) -> list[str]:
    if len(tautan) > TAUTAN_MAKS:
        return [_("Tautan bukti dukung paling panjang %(n)s karakter.") % {"n": TAUTAN_MAKS}]
    try:
        URLValidator(schemes=["http", "https"])(tautan)
    except ValidationError:
        return [_("Tautan “%(tautan)s” bukan alamat http:// atau https:// yang sah.") % {"tautan": tautan}]
    return []


def _nama_berkas(berkas) -> str:
    return os.path.basename(str(getattr(berkas, "name", "") or "")).strip()[:255]


def _periksa_bukti(berkas, tautan: str) -> tuple[list[str], object]:
    """Problems with an upload and/or a link, and the kind of the file (None without a file)."""
    masalah, jenis = [], None
    if berkas is not None:
        try:
            jenis = periksa_berkas(berkas, _nama_berkas(berkas), berkas.size)
        except BerkasDitolak as e:
            masalah.append(str(e))
    if tautan:
        masalah += _periksa_tautan(tautan)
    return masalah, jenis


def _simpan_berkas(realisasi: Realisasi, berkas, jenis, by, tersimpan: list[str]) -> BuktiDukung:
    nama = _nama_berkas(berkas)
    bukti = BuktiDukung(
        realisasi=realisasi, nama=nama, jenis=jenis.mime, ukuran=berkas.size, diunggah_oleh=by
    )
    berkas.seek(0)
    bukti.berkas.save(get_valid_filename(nama)[-120:] or f"bukti.{jenis.kode}", berkas, save=False)
    tersimpan.append(bukti.berkas.name)
    bukti.save()
    return bukti


def _simpan_tautan(realisasi: Realisasi, tautan: str, nama: str, by) -> BuktiDukung:
    return BuktiDukung.objects.create(
        realisasi=realisasi, tautan=tautan, nama=(nama.strip() or tautan)[:255], diunggah_oleh=by
    )


def _hapus_berkas_tersimpan(nama: list[str]) -> None:
    for n in nama:
        default_storage.delete(n)


def simpan_realisasi(
    *,
    skp: Skp,
    jadwal: JadwalPeriode,
    indikator: IndikatorKinerjaIndividu,
    nilai: Decimal | None,
    uraian: str,
    by,
    berkas=None,
    tautan: str = "",
    today: date | None = None,
) -> Realisasi:
    """Writes the realisasi of `indikator` in the period (a number in its satuan and/or words), with
    an optional bukti dukung file and/or link, all in one transaction."""
    _pastikan_pemilik(skp, by)
    uraian, tautan = (uraian or "").strip(), (tautan or "").strip()
    masalah = []
    if indikator.rhk.skp_id != skp.pk:
        raise PelaksanaanDitolak(_("Indikator itu bukan bagian dari SKP ini."))
    if nilai is None and not uraian:
        masalah.append(_("Isi realisasi berupa angka dan/atau uraian."))
    masalah += periksa_nilai(nilai, indikator)
    if len(uraian) > URAIAN_MAKS:
        masalah.append(_("Uraian realisasi paling panjang %(n)s karakter.") % {"n": URAIAN_MAKS})
    bukti_masalah, jenis = _periksa_bukti(berkas, tautan)
    masalah += bukti_masalah
    tersimpan: list[str] = []
    try:
        with transaction.atomic():
            _pastikan_terbuka(skp, jadwal, today)
            if masalah:
                raise PelaksanaanDitolak(" ".join(masalah))
            realisasi, _baru = Realisasi.objects.select_for_update().get_or_create(
                indikator=indikator,
                jadwal=jadwal,
                defaults={"nilai": nilai, "uraian": uraian, "diisi_oleh": by},
            )
            if not _baru:
                realisasi.nilai, realisasi.uraian, realisasi.diisi_oleh = nilai, uraian, by
                realisasi.save(update_fields=["nilai", "uraian", "diisi_oleh", "updated_at"])
            if berkas is not None:
                _simpan_berkas(realisasi, berkas, jenis, by, tersimpan)
            if tautan:
                _simpan_tautan(realisasi, tautan, "", by)
    except BaseException:
        _hapus_berkas_tersimpan(tersimpan)
        raise
    return realisasi


def tambah_bukti(
    *,
    realisasi: Realisasi,
    by,
    berkas=None,
    tautan: str = "",
    nama: str = "",
    today: date | None = None,
) -> list[BuktiDukung]:
    """Adds bukti dukung to an existing realisasi: an uploaded file and/or a link (named `nama`)."""
    skp = _skp_indikator(realisasi.indikator)
    _pastikan_pemilik(skp, by)
    tautan = (tautan or "").strip()
    if berkas is None and not tautan:
        raise PelaksanaanDitolak(_("Pilih berkas untuk diunggah atau isi tautan bukti dukung."))
    masalah, jenis = _periksa_bukti(berkas, tautan)
    if len((nama or "").strip()) > 255:
        masalah.append(_("Nama tautan paling panjang 255 karakter."))
    tersimpan: list[str] = []
    baru = []
    try:
        with transaction.atomic():
            _pastikan_terbuka(skp, realisasi.jadwal, today)
            if masalah:
                raise PelaksanaanDitolak(" ".join(masalah))
            if berkas is not None:
                baru.append(_simpan_berkas(realisasi, berkas, jenis, by, tersimpan))
            if tautan:
                baru.append(_simpan_tautan(realisasi, tautan, nama or "", by))
    except BaseException:
        _hapus_berkas_tersimpan(tersimpan)
        raise
    return baru


@transaction.atomic
def hapus_bukti(*, bukti: BuktiDukung, by, today: date | None = None) -> None:
    """Deletes a bukti dukung while its period is open; its stored file is deleted after commit."""
    skp = _skp_indikator(bukti.realisasi.indikator)
    _pastikan_pemilik(skp, by)
    _pastikan_terbuka(skp, bukti.realisasi.jadwal, today)
    nama = bukti.berkas.name if bukti.berkas else ""
    storage = bukti.berkas.storage
    bukti.delete()
    if nama:
        transaction.on_commit(lambda: storage.delete(nama))
