"""Reads of the rating page (one SKP in one period) and of the penilai's team page, each a fixed number
of queries whatever the SKP or team size."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from kinerja.aturan import (
    BERAKHLAK,
    CapaianOrganisasi,
    NilaiBerakhlak,
    Predikat,
    RatingKerja,
    rating_hasil_kerja_pimpinan,
    uraian_pola,
)
from kinerja.organisasi.models import Pegawai
from kinerja.pelaksanaan.selectors import BarisRealisasi, pengisian_per_skp, realisasi_skp, tulis_nilai
from kinerja.pelaksanaan.selectors_umpan_balik import umpan_balik_skp
from kinerja.perencanaan import halaman
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, PeriodeKinerja, Skp
from kinerja.perencanaan.workflow import StatusSkp

from . import services, struktur
from .distribusi import RingkasanDistribusi, ringkasan_distribusi
from .models import CapaianKinerjaOrganisasi, JustifikasiDistribusi, Penilaian, PenilaianRhk
from .workflow import StatusPenilaian

SKP_DAPAT_DINILAI = Q(status=StatusSkp.DISETUJUI) | Q(status=StatusSkp.DITUTUP, disetujui_pada__isnull=False)


# --- the rating page ----------------------------------------------------------------------------


@dataclass
class IndikatorNilai:
    iki: halaman.BarisIki
    realisasi: list[BarisRealisasi]
    satuan: str = ""

    @property
    def baris(self) -> list[tuple[BarisRealisasi, str]]:
        """Each realisasi with its number written in the IKI's satuan ("12,5 dokumen")."""
        return [(r, tulis_nilai(r.nilai, self.satuan)) for r in self.realisasi]


@dataclass
class RhkNilai:
    rhk: halaman.BarisRhk
    nomor: int
    indikator: list[IndikatorNilai]
    umpan_balik: list
    rating: str = ""
    catatan: str = ""
    field_rating: object = None  # the form's bound fields, set by the view
    field_catatan: object = None

    @property
    def rating_label(self) -> str:
        return RatingKerja(self.rating).label if self.rating else ""


@dataclass
class PerilakuNilai:
    nomor: int
    nilai: NilaiBerakhlak
    ekspektasi: str
    umpan_balik: list


@dataclass
class HalamanNilai:
    skp: Skp
    jadwal: JadwalPeriode | None
    penilaian: Penilaian | None
    penilai: Pegawai | None
    label: str
    utama: list[RhkNilai]
    tambahan: list[RhkNilai]
    perilaku: list[PerilakuNilai]
    capaian: CapaianKinerjaOrganisasi | None
    dipimpin: int | None  # the unit the pegawai leads (decision f), else None
    periodik: list[Penilaian] = field(default_factory=list)
    mulai: date | None = None  # from when the penilaian may be opened

    @property
    def rhk(self) -> list[RhkNilai]:
        return self.utama + self.tambahan

    @property
    def jenis_rhk(self) -> dict[int, str]:
        return {r.rhk.pk: r.rhk.jenis for r in self.rhk}

    @property
    def pola(self) -> str:
        return uraian_pola(CapaianOrganisasi(self.capaian.capaian)) if self.capaian else ""

    @property
    def rating_pimpinan(self) -> RatingKerja | None:
        """The fixed rating hasil kerja of a unit's pimpinan (decision f), once the capaian is set."""
        if self.dipimpin is None or self.capaian is None:
            return None
        return rating_hasil_kerja_pimpinan(CapaianOrganisasi(self.capaian.capaian))

    @property
    def sudah_dimulai(self) -> bool:
        return self.mulai is not None and timezone.localdate() >= self.mulai


def penilaian_skp(skp: Skp, jadwal: JadwalPeriode | None) -> Penilaian | None:
    return (
        Penilaian.objects.filter(skp=skp, jadwal=jadwal)
        .select_related(
            "pejabat_penilai__jabatan",
            "pejabat_penilai__unit_kerja",
            "atasan_pejabat_penilai__jabatan",
            "atasan_pejabat_penilai__unit_kerja",
        )
        .first()
    )


def halaman_nilai(skp: Skp, jadwal: JadwalPeriode | None, penilaian: Penilaian | None) -> HalamanNilai:
    """What the pejabat penilai weighs (seed 002 "3.a"–"3.d"): per RHK its indikator, target and the
    realisasi of the period (annual: of every period) with bukti, the feedback history beside it, and
    per BerAKHLAK value the ekspektasi khusus and its feedback; the capaian that applies."""
    realisasi = realisasi_skp(skp.pk, [jadwal.pk] if jadwal else None)
    satuan = dict(IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).values_list("id", "satuan"))
    ub = umpan_balik_skp(skp.pk)
    ratings = {}
    if penilaian is not None:
        ratings = {
            rhk_id: (rating, catatan)
            for rhk_id, rating, catatan in PenilaianRhk.objects.filter(penilaian=penilaian).values_list(
                "rhk_id", "rating", "catatan"
            )
        }
    utama, tambahan = [], []
    for r in halaman.baris_rhk(skp):
        daftar = utama if r.jenis == "utama" else tambahan
        rating, catatan = ratings.get(r.pk, ("", ""))
        daftar.append(
            RhkNilai(
                rhk=r,
                nomor=len(daftar) + 1,
                indikator=[
                    IndikatorNilai(
                        iki,
                        realisasi.get(iki.pk, []),
                        satuan.get(iki.pk, ""),
                    )
                    for iki in r.indikator
                ],
                umpan_balik=ub.per_rhk.get(r.pk, []),
                rating=rating,
                catatan=catatan,
            )
        )
    ekspektasi = halaman.ekspektasi(skp)
    perilaku = [
        PerilakuNilai(i + 1, nilai, ekspektasi.get(i, ""), ub.per_nilai.get(i, []))
        for i, nilai in enumerate(BERAKHLAK)
    ]
    penilai = penilaian.pejabat_penilai if penilaian else services.penilai_skp(skp)
    capaian, dipimpin = services.capaian_skp(skp, jadwal.pk if jadwal else None, penilai)
    return HalamanNilai(
        skp=skp,
        jadwal=jadwal,
        penilaian=penilaian,
        penilai=penilai,
        label=services.nama_periode(skp.periode, jadwal),
        utama=utama,
        tambahan=tambahan,
        perilaku=perilaku,
        capaian=capaian,
        dipimpin=dipimpin,
        periodik=hasil_periodik(skp) if jadwal is None else [],
        mulai=services.mulai_penilaian(skp.periode, jadwal),
    )


def hasil_periodik(skp: Skp) -> list[Penilaian]:
    """The periodic penilaian of the pegawai in the SKP's year, shown beside the annual one (decision e:
    not averaged)."""
    return list(
        Penilaian.objects.filter(pegawai_id=skp.pegawai_id, periode_id=skp.periode_id, jadwal__isnull=False)
        .select_related("jadwal")
        .order_by("jadwal__nomor", "id")
    )


# --- the team page ------------------------------------------------------------------------------


@dataclass
class BarisTim:
    pegawai: Pegawai
    skp: Skp | None = None
    skp_status: str = ""  # the status of the pegawai's SKP when none can be rated yet
    penilaian: Penilaian | None = None
    pengisian: tuple[int, int] | None = None  # (indikator with a realisasi, indikator) in the period

    @property
    def status_penilaian(self) -> str:
        if self.penilaian is None:
            return "belum"
        return self.penilaian.status

    @property
    def skp_status_label(self) -> str:
        status = self.skp.status if self.skp else self.skp_status
        return StatusSkp(status).label if status else ""


@dataclass
class HalamanTim:
    periode: PeriodeKinerja
    jadwal: JadwalPeriode | None
    label: str
    baris: list[BarisTim]
    capaian: CapaianKinerjaOrganisasi | None
    ringkasan: RingkasanDistribusi
    justifikasi: JustifikasiDistribusi | None

    @property
    def siap_final(self) -> list[BarisTim]:
        return [b for b in self.baris if b.penilaian and not b.penilaian.final and b.penilaian.predikat]

    @property
    def belum_lengkap(self) -> list[BarisTim]:
        return [b for b in self.baris if not (b.penilaian and (b.penilaian.final or b.penilaian.predikat))]

    @property
    def nomor(self) -> int:
        return self.jadwal.nomor if self.jadwal else 0


def periode_instansi(instansi_id: int, tahun: int) -> PeriodeKinerja | None:
    return PeriodeKinerja.objects.filter(instansi_id=instansi_id, tahun=tahun).first()


def jadwal_periode(periode: PeriodeKinerja) -> list[JadwalPeriode]:
    return list(JadwalPeriode.objects.filter(periode=periode).order_by("nomor"))


def jadwal_sekarang(jadwal: list[JadwalPeriode], hari_ini: date) -> JadwalPeriode | None:
    """The period containing today; before the year the first, after it the last (None: no periods)."""
    for j in jadwal:
        if j.tanggal_mulai <= hari_ini <= j.tanggal_selesai:
            return j
    dimulai = [j for j in jadwal if j.tanggal_mulai <= hari_ini]
    return dimulai[-1] if dimulai else (jadwal[0] if jadwal else None)


def tim_penilai(penilai: Pegawai, periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> HalamanTim:
    """The penilai's team in one period: pegawai whose approved SKP has them as pejabat penilai (or,
    without a snapshot, whose current pejabat penilai they are), with the penilaian already opened, and
    the current bawahan still without an approved SKP; the team's distribution against the capaian."""
    jadwal_id = jadwal.pk if jadwal else None
    penilaian = list(
        struktur.penilaian_tim(penilai.pk, periode.pk, jadwal_id).select_related("pegawai__jabatan", "skp")
    )
    baris: dict[int, BarisTim] = {p.skp_id: BarisTim(p.pegawai, p.skp, penilaian=p) for p in penilaian}
    skp_qs = (
        Skp.objects.filter(SKP_DAPAT_DINILAI, periode=periode)
        .filter(
            Q(pejabat_penilai=penilai) | Q(pejabat_penilai__isnull=True, pegawai__pejabat_penilai=penilai)
        )
        .exclude(pk__in=Penilaian.objects.filter(periode=periode, jadwal=jadwal).values("skp_id"))
        .select_related("pegawai__jabatan")
    )
    if jadwal is not None:
        skp_qs = skp_qs.filter(
            tanggal_mulai__lte=jadwal.tanggal_selesai, tanggal_selesai__gte=jadwal.tanggal_mulai
        )
    for skp in skp_qs:
        baris[skp.pk] = BarisTim(skp.pegawai, skp)
    ada = {b.pegawai.pk for b in baris.values()}
    tanpa_skp = {
        p.pk: p
        for p in Pegawai.objects.filter(pejabat_penilai=penilai, aktif=True)
        .exclude(pk__in=ada)
        .select_related("jabatan")
    }
    status_skp = {}
    for pegawai_id, status in (
        Skp.objects.filter(pegawai_id__in=list(tanpa_skp), periode=periode)
        .exclude(status=StatusSkp.DIGANTI)
        .order_by("pegawai_id", "versi", "tanggal_mulai")
        .values_list("pegawai_id", "status")
    ):
        status_skp[pegawai_id] = status  # the newest version wins
    rows = list(baris.values()) + [
        BarisTim(p, skp_status=status_skp.get(p.pk, "")) for p in tanpa_skp.values()
    ]
    # Realisasi filled in the period (the annual penilaian: in the last period of the year).
    jadwal_isi = jadwal or JadwalPeriode.objects.filter(periode=periode).order_by("-nomor").first()
    if jadwal_isi is not None:
        pengisian = pengisian_per_skp([b.skp.pk for b in rows if b.skp], jadwal_isi.pk)
        for b in rows:
            if b.skp:
                b.pengisian = pengisian.get(b.skp.pk)
    rows.sort(key=lambda b: (b.pegawai.nama, b.pegawai.pk, b.skp.tanggal_mulai if b.skp else date.min))
    capaian = struktur.capaian_berlaku(services.unit_penilai(penilai), periode.pk, jadwal_id)
    jumlah = Counter(Predikat(p.predikat) for p in penilaian if p.predikat)
    justifikasi = (
        JustifikasiDistribusi.objects.filter(pejabat_penilai=penilai, periode=periode, jadwal=jadwal)
        .order_by("-created_at", "-id")
        .first()
    )
    return HalamanTim(
        periode=periode,
        jadwal=jadwal,
        label=services.nama_periode(periode, jadwal),
        baris=rows,
        capaian=capaian,
        ringkasan=ringkasan_distribusi(jumlah, capaian.capaian if capaian else None),
        justifikasi=justifikasi,
    )


def masih_draf(penilai: Pegawai, periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> list[str]:
    """Names of the team members whose penilaian stays draft (no predikat yet), for the message after a
    finalisation."""
    return list(
        struktur.penilaian_tim(penilai.pk, periode.pk, jadwal.pk if jadwal else None)
        .filter(status=StatusPenilaian.DRAF)
        .order_by("pegawai__nama")
        .values_list("pegawai__nama", flat=True)
    )
