"""Umpan balik berkelanjutan: the pejabat penilai (or the atasan) gives feedback on a realisasi, a
rencana hasil kerja or a BerAKHLAK value; the pegawai asks colleagues and stakeholders for feedback,
and they answer or decline inside the app.

Sources: seed 002 ("3.a" and "3.c" tables: feedback from several givers, each named with role and
evidence); regulasi.md §2.16. Feedback is a record: it is never edited; its giver may delete it within
`BATAS_HAPUS` (a typo caught at once), except an answer to a request, which the pegawai was told of.
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kinerja.aturan import BERAKHLAK
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Pegawai
from kinerja.perencanaan.models import JadwalPeriode, RencanaHasilKerja, Skp
from kinerja.perencanaan.workflow import StatusSkp

from .models import PeranPemberi, PermintaanUmpanBalik, Realisasi, UmpanBalik

BATAS_HAPUS = timedelta(minutes=15)
# Feedback belongs to the pelaksanaan of an approved SKP; one closed at a change of position still
# receives feedback on the months it covered.
STATUS_TERBUKA = frozenset({StatusSkp.DISETUJUI, StatusSkp.DITUTUP})
PERAN_DIMINTA = (PeranPemberi.REKAN, PeranPemberi.STAKEHOLDER, PeranPemberi.LAINNYA)
PANJANG_ISI = 4000
PANJANG_BUKTI = 2000
PANJANG_PESAN = 2000


class UmpanBalikDitolak(Exception):
    """Input the rules refuse; the message is Indonesian and shown to the user."""


def _pegawai(user) -> Pegawai | None:
    return akses_of(user).pegawai if user is not None else None


def dapat_memberi(skp: Skp, user) -> bool:
    """The SKP's pejabat penilai (snapshot or current) and the pegawai's atasan pejabat penilai."""
    me = _pegawai(user)
    if me is None or me.pk == skp.pegawai_id:
        return False
    pegawai = skp.pegawai
    return me.pk in {skp.pejabat_penilai_id, pegawai.pejabat_penilai_id, pegawai.atasan_pejabat_penilai_id}


def dapat_meminta(skp: Skp, user) -> bool:
    me = _pegawai(user)
    return me is not None and me.pk == skp.pegawai_id


def pastikan_pemberi(skp: Skp, user) -> None:
    if not dapat_memberi(skp, user):
        raise PermissionDenied(
            _("Hanya pejabat penilai atau atasan pejabat penilai yang dapat memberi umpan balik.")
        )


def pastikan_peminta(skp: Skp, user) -> None:
    if not dapat_meminta(skp, user):
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat meminta umpan balik."))


def terbuka(skp: Skp) -> bool:
    return skp.status in STATUS_TERBUKA


def _cek_terbuka(skp: Skp) -> None:
    if not terbuka(skp):
        raise UmpanBalikDitolak(_("Umpan balik hanya dapat diberikan pada SKP yang sudah disetujui."))


def _bersih(teks: str, *, wajib: str | None, panjang: int, nama: str) -> str:
    teks = (teks or "").strip()
    if wajib and not teks:
        raise UmpanBalikDitolak(wajib)
    if len(teks) > panjang:
        raise UmpanBalikDitolak(
            _("%(nama)s terlalu panjang (paling banyak %(n)d karakter).") % {"nama": nama, "n": panjang}
        )
    return teks


def _cek_nilai(nilai_berakhlak: int | None) -> None:
    if nilai_berakhlak is not None and not 0 <= nilai_berakhlak < len(BERAKHLAK):
        raise UmpanBalikDitolak(_("Nilai BerAKHLAK tidak dikenal."))


def _cek_rhk(skp: Skp, rhk: RencanaHasilKerja | None) -> None:
    if rhk is not None and rhk.skp_id != skp.pk:
        raise UmpanBalikDitolak(_("Rencana hasil kerja ini bukan bagian dari SKP tersebut."))


def _ringkas(teks: str) -> str:
    """Long text cut for a notification (the page shows it whole)."""
    return Truncator(teks).chars(300)


def url_riwayat(skp: Skp) -> str:
    return reverse("pelaksanaan:umpan-balik", args=[skp.pk])


@transaction.atomic
def beri_umpan_balik(
    *,
    skp: Skp,
    by,
    isi: str,
    bukti: str = "",
    rhk: RencanaHasilKerja | None = None,
    realisasi: Realisasi | None = None,
    nilai_berakhlak: int | None = None,
    jadwal: JadwalPeriode | None = None,
) -> UmpanBalik:
    """Feedback of the penilai (or the atasan) as pimpinan on exactly one thing of the SKP: a realisasi
    (its period is the realisasi's), a rencana hasil kerja or a BerAKHLAK value (index into BERAKHLAK)."""
    pastikan_pemberi(skp, by)
    _cek_terbuka(skp)
    if sum(x is not None for x in (rhk, realisasi, nilai_berakhlak)) != 1:
        raise UmpanBalikDitolak(
            _("Pilih satu hal yang diberi umpan balik: realisasi, rencana hasil kerja atau nilai BerAKHLAK.")
        )
    _cek_rhk(skp, rhk)
    _cek_nilai(nilai_berakhlak)
    if jadwal is not None and jadwal.periode_id != skp.periode_id:
        raise UmpanBalikDitolak(_("Periode penilaian ini bukan milik tahun SKP tersebut."))
    if realisasi is not None:
        rhk = RencanaHasilKerja.objects.get(indikator_set=realisasi.indikator_id)
        if rhk.skp_id != skp.pk:
            raise UmpanBalikDitolak(_("Realisasi ini bukan bagian dari SKP tersebut."))
        if jadwal is not None and jadwal.pk != realisasi.jadwal_id:
            raise UmpanBalikDitolak(_("Umpan balik atas realisasi mengikuti periode realisasi tersebut."))
        jadwal = realisasi.jadwal
    isi = _bersih(isi, wajib=_("Tuliskan umpan balik."), panjang=PANJANG_ISI, nama=_("Umpan balik"))
    bukti = _bersih(bukti, wajib=None, panjang=PANJANG_BUKTI, nama=_("Bukti"))
    ub = UmpanBalik.objects.create(
        skp=skp,
        pemberi=_pegawai(by),
        peran=PeranPemberi.PIMPINAN,
        rhk=rhk,
        realisasi=realisasi,
        nilai_berakhlak=nilai_berakhlak,
        jadwal=jadwal,
        isi=isi,
        bukti=bukti,
    )
    beri_tahu(
        [skp.pegawai.user],
        _("Umpan balik baru dari %(nama)s") % {"nama": ub.pemberi.nama_lengkap},
        _("%(nama)s memberi umpan balik atas %(hal)s pada SKP %(tahun)s Anda.")
        % {
            "nama": ub.pemberi.nama_lengkap,
            "hal": uraian_hal(rhk, nilai_berakhlak),
            "tahun": skp.periode.tahun,
        },
        url_riwayat(skp),
    )
    return ub


def uraian_hal(rhk: RencanaHasilKerja | None, nilai_berakhlak: int | None) -> str:
    """What the feedback is about, in words: "rencana hasil kerja “…”" or "nilai Akuntabel"."""
    if rhk is not None:
        teks = rhk.uraian if len(rhk.uraian) <= 80 else rhk.uraian[:79] + "…"
        return _("rencana hasil kerja “%(rhk)s”") % {"rhk": teks}
    return _("nilai %(nilai)s") % {"nilai": BERAKHLAK[nilai_berakhlak].nama}


@transaction.atomic
def minta_umpan_balik(
    *,
    skp: Skp,
    by,
    diminta: Pegawai,
    peran: str,
    pesan: str,
    rhk: RencanaHasilKerja | None = None,
    nilai_berakhlak: int | None = None,
) -> PermintaanUmpanBalik:
    """The SKP's pegawai asks an active colleague of the same instansi for feedback on one RHK or one
    BerAKHLAK value, as rekan, stakeholder or other colleague."""
    pastikan_peminta(skp, by)
    _cek_terbuka(skp)
    if (rhk is None) == (nilai_berakhlak is None):
        raise UmpanBalikDitolak(_("Pilih satu rencana hasil kerja atau satu nilai BerAKHLAK."))
    _cek_rhk(skp, rhk)
    _cek_nilai(nilai_berakhlak)
    if peran not in PERAN_DIMINTA:
        raise UmpanBalikDitolak(
            _("Pilih peran pemberi: rekan kerja setingkat, stakeholder terkait atau rekan kerja lainnya.")
        )
    if diminta.pk == skp.pegawai_id:
        raise UmpanBalikDitolak(_("Anda tidak dapat meminta umpan balik dari diri sendiri."))
    if diminta.instansi_id != skp.pegawai.instansi_id:
        raise UmpanBalikDitolak(_("Umpan balik hanya dapat diminta dari pegawai instansi yang sama."))
    if not diminta.aktif:
        raise UmpanBalikDitolak(_("%(nama)s tidak aktif lagi.") % {"nama": diminta.nama_lengkap})
    if diminta.user_id is None or not diminta.user.is_active:
        raise UmpanBalikDitolak(
            _("%(nama)s belum memiliki akun Kinerja yang aktif.") % {"nama": diminta.nama_lengkap}
        )
    pesan = _bersih(pesan, wajib=_("Tuliskan pesan permintaan."), panjang=PANJANG_PESAN, nama=_("Pesan"))
    ganda = PermintaanUmpanBalik.objects.filter(
        skp=skp,
        diminta=diminta,
        rhk=rhk,
        nilai_berakhlak=nilai_berakhlak,
        status=PermintaanUmpanBalik.Status.MENUNGGU,
    )
    if ganda.exists():
        raise UmpanBalikDitolak(
            _("Permintaan kepada %(nama)s atas hal yang sama masih menunggu jawaban.")
            % {"nama": diminta.nama_lengkap}
        )
    permintaan = PermintaanUmpanBalik.objects.create(
        skp=skp, diminta=diminta, peran=peran, rhk=rhk, nilai_berakhlak=nilai_berakhlak, pesan=pesan
    )
    pegawai = skp.pegawai
    beri_tahu(
        [diminta.user],
        _("%(nama)s meminta umpan balik Anda") % {"nama": pegawai.nama_lengkap},
        _("%(nama)s meminta umpan balik atas %(hal)s. Pesan: %(pesan)s")
        % {"nama": pegawai.nama_lengkap, "hal": uraian_hal(rhk, nilai_berakhlak), "pesan": _ringkas(pesan)},
        reverse("pelaksanaan:permintaan-jawab", args=[permintaan.pk]),
    )
    return permintaan


def _cek_penjawab(permintaan: PermintaanUmpanBalik, by) -> None:
    me = _pegawai(by)
    if me is None or me.pk != permintaan.diminta_id:
        raise PermissionDenied(_("Hanya pegawai yang diminta yang dapat menjawab permintaan ini."))
    if permintaan.status != PermintaanUmpanBalik.Status.MENUNGGU:
        raise UmpanBalikDitolak(_("Permintaan ini sudah dijawab atau ditolak."))


def _tutup_permintaan(permintaan: PermintaanUmpanBalik, status: str) -> None:
    """Compare-and-swap from `menunggu`: answered once, even from two tabs at the same moment."""
    now = timezone.now()
    n = PermintaanUmpanBalik.objects.filter(
        pk=permintaan.pk, status=PermintaanUmpanBalik.Status.MENUNGGU
    ).update(status=status, dijawab_pada=now, updated_at=now)
    if n != 1:
        raise UmpanBalikDitolak(_("Permintaan ini sudah dijawab atau ditolak."))
    permintaan.status, permintaan.dijawab_pada = status, now


@transaction.atomic
def jawab_permintaan(*, permintaan: PermintaanUmpanBalik, by, isi: str, bukti: str = "") -> UmpanBalik:
    """The answer of the person asked, as an UmpanBalik linked to the request, in the requested role."""
    _cek_penjawab(permintaan, by)
    isi = _bersih(isi, wajib=_("Tuliskan umpan balik."), panjang=PANJANG_ISI, nama=_("Umpan balik"))
    bukti = _bersih(bukti, wajib=None, panjang=PANJANG_BUKTI, nama=_("Bukti"))
    _tutup_permintaan(permintaan, PermintaanUmpanBalik.Status.DIJAWAB)
    ub = UmpanBalik.objects.create(
        skp_id=permintaan.skp_id,
        pemberi_id=permintaan.diminta_id,
        peran=permintaan.peran,
        rhk_id=permintaan.rhk_id,
        nilai_berakhlak=permintaan.nilai_berakhlak,
        isi=isi,
        bukti=bukti,
        permintaan=permintaan,
    )
    skp, pemberi = permintaan.skp, permintaan.diminta
    beri_tahu(
        [skp.pegawai.user],
        _("%(nama)s menjawab permintaan umpan balik Anda") % {"nama": pemberi.nama_lengkap},
        _("Umpan balik atas %(hal)s: %(isi)s")
        % {"hal": uraian_hal(permintaan.rhk, permintaan.nilai_berakhlak), "isi": _ringkas(isi)},
        url_riwayat(skp),
    )
    return ub


@transaction.atomic
def tolak_permintaan(*, permintaan: PermintaanUmpanBalik, by) -> PermintaanUmpanBalik:
    _cek_penjawab(permintaan, by)
    _tutup_permintaan(permintaan, PermintaanUmpanBalik.Status.DITOLAK)
    skp, pemberi = permintaan.skp, permintaan.diminta
    beri_tahu(
        [skp.pegawai.user],
        _("%(nama)s menolak permintaan umpan balik Anda") % {"nama": pemberi.nama_lengkap},
        _("Permintaan umpan balik atas %(hal)s tidak dijawab. Anda dapat meminta kepada pegawai lain.")
        % {"hal": uraian_hal(permintaan.rhk, permintaan.nilai_berakhlak)},
        url_riwayat(skp),
    )
    return permintaan


def dapat_dihapus(
    *, pemberi_id: int, dari_permintaan: bool, waktu: datetime, pegawai_id: int | None, now: datetime
) -> bool:
    return pemberi_id == pegawai_id and not dari_permintaan and now - waktu <= BATAS_HAPUS


@transaction.atomic
def hapus_umpan_balik(*, umpan_balik: UmpanBalik, by, now: datetime | None = None) -> None:
    """The giver takes back feedback given by mistake, within BATAS_HAPUS of giving it."""
    me = _pegawai(by)
    if me is None or me.pk != umpan_balik.pemberi_id:
        raise PermissionDenied(_("Hanya pemberi yang dapat menghapus umpan balik ini."))
    if umpan_balik.permintaan_id is not None:
        raise UmpanBalikDitolak(_("Jawaban atas permintaan umpan balik tidak dapat dihapus."))
    now = now or timezone.now()
    if now - umpan_balik.created_at > BATAS_HAPUS:
        raise UmpanBalikDitolak(
            _(
                "Umpan balik hanya dapat dihapus dalam %(menit)d menit setelah diberikan; "
                "sesudahnya umpan balik menjadi catatan tetap."
            )
            % {"menit": BATAS_HAPUS.seconds // 60}
        )
    UmpanBalik.objects.filter(pk=umpan_balik.pk).delete()
