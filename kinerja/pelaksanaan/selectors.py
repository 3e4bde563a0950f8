"""Scoped, preloaded reads of pelaksanaan: rencana aksi, realisasi and bukti dukung of an SKP.

The public selectors (`realisasi_skp`, `rencana_aksi_skp`, `pengisian_per_skp`, `periode_terbuka`,
`alasan_ditutup`) are also read by the rating page (penilaian) and the dashboards: keep their names
and shapes. Each runs a fixed number of queries whatever the number of rows.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.organisasi.selectors import dapat_melihat
from kinerja.perencanaan.models import (
    IndikatorKinerjaIndividu,
    JadwalPeriode,
    RencanaHasilKerja,
    Skp,
    tulis_target,
)
from kinerja.perencanaan.periode import nama_jadwal
from kinerja.perencanaan.selectors import skp_dasar
from kinerja.perencanaan.workflow import StatusSkp

from .models import BuktiDukung, Realisasi, RencanaAksi

# penilaian.workflow.StatusPenilaian.FINAL: pelaksanaan comes before penilaian and does not import it
# (style.md §1); test_realisasi_selectors checks that both agree.
PENILAIAN_FINAL = "final"


# --- for others -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarisBukti:
    id: int
    nama: str
    url: str  # the download view for an uploaded file, the link itself for a tautan
    jenis: str  # MIME type read from the file's content; "" for a tautan
    ukuran: int  # bytes; 0 for a tautan
    berkas: bool  # True: an uploaded file, False: a tautan


@dataclass(slots=True)
class BarisRealisasi:
    id: int
    indikator_id: int
    jadwal_id: int
    nomor: int  # JadwalPeriode.nomor: the period's place in the year
    nilai: Decimal | None  # in the indikator's satuan
    uraian: str
    diperbarui: datetime
    bukti: list[BarisBukti] = field(default_factory=list)


def realisasi_skp(skp_id: int, jadwal_ids: list[int] | None = None) -> dict[int, list[BarisRealisasi]]:
    """indikator id -> its realisasi rows, ordered by period (jadwal nomor), each with its bukti
    dukung in upload order. `jadwal_ids=None` reads every period. Two queries."""
    realisasi = Realisasi.objects.filter(indikator__rhk__skp_id=skp_id)
    bukti = BuktiDukung.objects.filter(realisasi__indikator__rhk__skp_id=skp_id)
    if jadwal_ids is not None:
        realisasi = realisasi.filter(jadwal_id__in=jadwal_ids)
        bukti = bukti.filter(realisasi__jadwal_id__in=jadwal_ids)
    baris: dict[int, BarisRealisasi] = {}
    hasil: dict[int, list[BarisRealisasi]] = {}
    for pk, indikator_id, jadwal_id, nomor, nilai, uraian, diubah in realisasi.order_by(
        "jadwal__nomor", "id"
    ).values_list("id", "indikator_id", "jadwal_id", "jadwal__nomor", "nilai", "uraian", "updated_at"):
        r = BarisRealisasi(pk, indikator_id, jadwal_id, nomor, nilai, uraian, diubah)
        baris[pk] = r
        hasil.setdefault(indikator_id, []).append(r)
    for pk, realisasi_id, nama, berkas, tautan, jenis, ukuran in bukti.order_by(
        "created_at", "id"
    ).values_list("id", "realisasi_id", "nama", "berkas", "tautan", "jenis", "ukuran"):
        if realisasi_id in baris:
            url = reverse("pelaksanaan:bukti-unduh", args=[pk]) if berkas else tautan
            baris[realisasi_id].bukti.append(BarisBukti(pk, nama, url, jenis, ukuran, bool(berkas)))
    return hasil


def rencana_aksi_skp(skp_id: int, jadwal_ids: list[int] | None = None) -> dict[int, list[RencanaAksi]]:
    """rencana hasil kerja id -> its rencana aksi (with `jadwal` loaded), ordered by period, then
    urutan. `jadwal_ids=None` reads every period. One query."""
    qs = RencanaAksi.objects.filter(rhk__skp_id=skp_id).select_related("jadwal")
    if jadwal_ids is not None:
        qs = qs.filter(jadwal_id__in=jadwal_ids)
    hasil: dict[int, list[RencanaAksi]] = {}
    for ra in qs.order_by("jadwal__nomor", "urutan", "id"):
        hasil.setdefault(ra.rhk_id, []).append(ra)
    return hasil


def pengisian_per_skp(skp_ids: list[int], jadwal_id: int) -> dict[int, tuple[int, int]]:
    """SKP id -> (indikator with a realisasi in that period, indikator in the SKP) for every id given
    (an SKP with no indikator reads (0, 0)). Two queries whatever the number of SKP."""
    total = dict(
        IndikatorKinerjaIndividu.objects.filter(rhk__skp_id__in=skp_ids)
        .order_by()
        .values("rhk__skp_id")
        .annotate(n=Count("id"))
        .values_list("rhk__skp_id", "n")
    )
    terisi = dict(
        Realisasi.objects.filter(jadwal_id=jadwal_id, indikator__rhk__skp_id__in=skp_ids)
        .order_by()
        .values("indikator__rhk__skp_id")
        .annotate(n=Count("indikator_id", distinct=True))
        .values_list("indikator__rhk__skp_id", "n")
    )
    return {pk: (terisi.get(pk, 0), total.get(pk, 0)) for pk in skp_ids}


def periode_terbuka(jadwal: JadwalPeriode, today: date) -> bool:
    """Realisasi of this period may be written: it has started and its batas pengisian has not passed
    (the dates only; a finalised penilaian also closes it, see `alasan_terkunci`)."""
    return jadwal.tanggal_mulai <= today <= jadwal.batas_pengisian


def alasan_ditutup(jadwal: JadwalPeriode, today: date) -> str:
    """Why the period cannot be filled in on `today` ("" while it is open), for the user."""
    if today < jadwal.tanggal_mulai:
        return _("Periode %(nama)s belum dimulai; pengisian dibuka mulai %(tanggal)s.") % {
            "nama": nama_periode(jadwal),
            "tanggal": _tgl(jadwal.tanggal_mulai),
        }
    if today > jadwal.batas_pengisian:
        return _("Periode %(nama)s sudah ditutup pada %(tanggal)s (batas pengisian).") % {
            "nama": nama_periode(jadwal),
            "tanggal": _tgl(jadwal.batas_pengisian),
        }
    return ""


# --- for this stage ---------------------------------------------------------------------------


def nama_periode(jadwal: JadwalPeriode) -> str:
    """ "Triwulan I 2027" (reads jadwal.periode: load it with the jadwal)."""
    return f"{nama_jadwal(jadwal.periode.siklus, jadwal.nomor)} {jadwal.periode.tahun}"


def _tgl(d: date) -> str:
    return date_format(d, "j F Y")


def skp_dapat_diisi(skp: Skp) -> bool:
    """An approved SKP, or one closed at a change of position after it had been approved."""
    return skp.status == StatusSkp.DISETUJUI or (
        skp.status == StatusSkp.DITUTUP and skp.disetujui_pada is not None
    )


def jadwal_skp(skp: Skp) -> list[JadwalPeriode]:
    """The evaluation periods of the SKP's year that overlap the SKP's own dates, in order."""
    jadwal = list(
        JadwalPeriode.objects.filter(
            periode_id=skp.periode_id,
            tanggal_mulai__lte=skp.tanggal_selesai,
            tanggal_selesai__gte=skp.tanggal_mulai,
        ).order_by("nomor")
    )
    for j in jadwal:
        j.periode = skp.periode
    return jadwal


def jadwal_final(skp_id: int) -> set[int]:
    """The periods whose penilaian of this SKP has been finalised (their realisasi are locked)."""
    return set(
        Skp.objects.filter(
            pk=skp_id, penilaian_set__status=PENILAIAN_FINAL, penilaian_set__jadwal__isnull=False
        ).values_list("penilaian_set__jadwal_id", flat=True)
    )


def alasan_terkunci(skp: Skp, jadwal: JadwalPeriode, today: date, *, final: bool) -> str:
    """Why rencana aksi, realisasi and bukti of this SKP and period cannot be written ("" when they
    can): the SKP is not approved, the period is not open, or its penilaian is final."""
    if skp.status == StatusSkp.DIGANTI:
        return _("SKP versi ini sudah diganti oleh revisinya; isi realisasi pada versi yang berlaku.")
    if not skp_dapat_diisi(skp):
        return _("SKP ini belum disetujui; rencana aksi dan realisasi diisi setelah SKP disetujui.")
    if final:
        return _("Penilaian periode %(nama)s sudah difinalisasi; realisasinya tidak dapat diubah lagi.") % {
            "nama": nama_periode(jadwal)
        }
    return alasan_ditutup(jadwal, today)


def skp_terlihat(user, pk: int) -> Skp | None:
    """An SKP the user may see (perencanaan's rule), or None."""
    return skp_dasar(user, pk)


def bukti_terlihat(user, pk: int) -> BuktiDukung | None:
    """A bukti dukung whose SKP the user may see, with its realisasi, jadwal and SKP loaded, or None."""
    bukti = (
        BuktiDukung.objects.select_related(
            "realisasi__jadwal__periode", "realisasi__indikator__rhk__skp__pegawai"
        )
        .filter(pk=pk)
        .first()
    )
    if bukti is None or not dapat_melihat(user, bukti.realisasi.indikator.rhk.skp.pegawai):
        return None
    return bukti


# --- page rows ----------------------------------------------------------------------------------


@dataclass(slots=True)
class BarisIndikator:
    pk: int
    uraian: str
    target: str
    satuan: str
    target_angka: Decimal | None  # the upper bound of a numeric target
    realisasi: BarisRealisasi | None = None  # the period page: the realisasi of that period
    kolom: list[str] = field(default_factory=list)  # the SKP page: the realisasi of each period, as text
    terakhir: BarisRealisasi | None = None  # the SKP page: the realisasi of the latest period with one

    def tulis(self, r: BarisRealisasi | None) -> str:
        """A realisasi as the pages print it: "12,5 dokumen", else its words."""
        if r is None:
            return ""
        return tulis_nilai(r.nilai, self.satuan) or r.uraian

    @property
    def nilai_isian(self) -> str:
        """The period's realisasi number as the form shows it back ("4,5", not "4,50")."""
        if self.realisasi is None or self.realisasi.nilai is None:
            return ""
        return f"{self.realisasi.nilai.normalize():f}".replace(".", ",")

    @property
    def nilai_realisasi(self) -> str:
        """The period's realisasi number with its satuan ("" without one)."""
        return tulis_nilai(self.realisasi.nilai, self.satuan) if self.realisasi else ""

    @property
    def teks_terakhir(self) -> str:
        return self.tulis(self.terakhir)

    @property
    def persen_terakhir(self) -> int | None:
        """The latest numeric realisasi as a share of the numeric target (a ratio, not a rating)."""
        r = self.terakhir
        if r is None or r.nilai is None or not self.target_angka:
            return None
        return int((r.nilai * 100 / self.target_angka).to_integral_value())


@dataclass(slots=True)
class BarisRhk:
    pk: int
    jenis: str
    uraian: str
    indikator: list[BarisIndikator] = field(default_factory=list)
    rencana_aksi: list[RencanaAksi] = field(default_factory=list)  # the period page
    kolom: list[tuple[int, int]] = field(default_factory=list)  # the SKP page, per period: (terisi, aksi)


def tulis_nilai(nilai: Decimal | None, satuan: str) -> str:
    """A realisasi number as the pages print it: "12,5 dokumen"."""
    return tulis_target(nilai, None, satuan, "") if nilai is not None else ""


def _baris_rhk(skp: Skp) -> dict[int, BarisRhk]:
    """The SKP's rencana hasil kerja with their indikator and targets (two queries)."""
    baris = (
        RencanaHasilKerja.objects.filter(skp=skp)
        .order_by("urutan", "id")
        .values_list("pk", "jenis", "uraian")
    )
    # utama before tambahan, as the SKP prints them (a stable sort keeps urutan inside each)
    baris = sorted(baris, key=lambda b: b[1] != RencanaHasilKerja.Jenis.UTAMA)
    rhk = {pk: BarisRhk(pk, jenis, uraian) for pk, jenis, uraian in baris}
    for pk, rhk_id, uraian, low, high, satuan, teks in (
        IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp)
        .order_by("urutan", "id")
        .values_list("pk", "rhk_id", "uraian", "target_min", "target_max", "satuan", "target_teks")
    ):
        rhk[rhk_id].indikator.append(
            BarisIndikator(pk, uraian, tulis_target(low, high, satuan, teks), satuan, high or low)
        )
    return rhk


def halaman_periode(skp: Skp, jadwal: JadwalPeriode) -> list[BarisRhk]:
    """Everything the period page shows per RHK: its rencana aksi of the period and, per indikator,
    the target and the period's realisasi with its bukti. Five queries whatever the size."""
    rhk = _baris_rhk(skp)
    for rhk_id, rows in rencana_aksi_skp(skp.pk, [jadwal.pk]).items():
        rhk[rhk_id].rencana_aksi = rows
    realisasi = realisasi_skp(skp.pk, [jadwal.pk])
    for r in rhk.values():
        for iki in r.indikator:
            rows = realisasi.get(iki.pk)
            iki.realisasi = rows[0] if rows else None
    return list(rhk.values())


def halaman_skp(skp: Skp, jadwal: list[JadwalPeriode]) -> list[BarisRhk]:
    """The SKP page's progress per RHK: for every period the indikator with a realisasi and the
    number of rencana aksi, and per indikator its realisasi of each period and the latest one.
    Five queries whatever the size."""
    rhk = _baris_rhk(skp)
    ids = [j.pk for j in jadwal]
    realisasi = realisasi_skp(skp.pk, ids)
    rencana = rencana_aksi_skp(skp.pk, ids)
    for r in rhk.values():
        terisi = dict.fromkeys(ids, 0)
        for iki in r.indikator:
            rows = {row.jadwal_id: row for row in realisasi.get(iki.pk, [])}
            iki.kolom = [iki.tulis(rows.get(pk)) for pk in ids]
            iki.terakhir = max(rows.values(), key=lambda row: row.nomor, default=None)
            for pk in rows:
                terisi[pk] += 1
        aksi = dict.fromkeys(ids, 0)
        for ra in rencana.get(r.pk, []):
            aksi[ra.jadwal_id] += 1
        r.kolom = [(terisi[pk], aksi[pk]) for pk in ids]
    return list(rhk.values())
