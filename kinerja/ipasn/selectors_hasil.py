"""Reads of the IP ASN results, scoped to the user: the instansi overview (dimension averages,
category distribution, per-unit aggregates over the unit tree, trend over the years), a unit's
pegawai, one pegawai's result with the points lost, and the user's own result and team.

Every read is a fixed number of queries: aggregates are computed in the database per unit and rolled
up the tree in Python (`kinerja.perencanaan.selectors_laporan.pohon_instansi`).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, Q, QuerySet, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from kinerja.aturan.ip_asn import DIMENSI
from kinerja.core.access import akses_of
from kinerja.organisasi.models import nama_dengan_gelar
from kinerja.organisasi.selectors import pegawai_scope
from kinerja.perencanaan.selectors_laporan import Unit, pohon_instansi, turunan

from .models import HasilIpAsn, PerhitunganIpAsn
from .perhitungan import FUNGSIONAL, KEPEMIMPINAN, SEMINAR, TAHAP_PRIORITAS, TEKNIS

DUA = Decimal("0.01")
_JUMLAH = DecimalField(max_digits=16, decimal_places=2)

INDIKATOR = ("kualifikasi", KEPEMIMPINAN, FUNGSIONAL, TEKNIS, SEMINAR, "kinerja", "disiplin")
LABEL_INDIKATOR = {
    "kualifikasi": _("Kualifikasi pendidikan"),
    KEPEMIMPINAN: _("Diklat kepemimpinan sesuai jabatan"),
    FUNGSIONAL: _("Diklat fungsional sesuai jenjang"),
    TEKNIS: _("Diklat teknis ≥ 20 JP dalam 2 tahun terakhir"),
    SEMINAR: _("Seminar / workshop"),
    "kinerja": _("Predikat kinerja tahunan"),
    "disiplin": _("Disiplin"),
}
SARAN = {
    "kualifikasi": _("Tingkatkan pendidikan formal ke jenjang berikutnya (izin/tugas belajar)."),
    KEPEMIMPINAN: _("Ikuti pelatihan kepemimpinan yang sesuai jabatan."),
    FUNGSIONAL: _("Ikuti pelatihan fungsional yang sesuai jenjang jabatan."),
    TEKNIS: _("Ikuti pelatihan teknis hingga ≥ 20 JP dalam dua tahun terakhir."),
    SEMINAR: _("Ikuti seminar, workshop atau kegiatan sejenis."),
    "kinerja": _("Tingkatkan predikat kinerja tahunan; pastikan penilaian tahunan difinalisasi."),
    "disiplin": _("Hindari pelanggaran disiplin; poin pulih setelah masa hukuman berakhir."),
}
LABEL_DIMENSI = {
    "kualifikasi": _("Kualifikasi"),
    "kompetensi": _("Kompetensi"),
    "kinerja": _("Kinerja"),
    "disiplin": _("Disiplin"),
}


def _rata(jumlah, n: int) -> Decimal | None:
    return (Decimal(jumlah) / n).quantize(DUA, ROUND_HALF_UP) if n else None


# --- scope ---------------------------------------------------------------------------------------


def visible_perhitungan(user) -> QuerySet[PerhitunganIpAsn]:
    """Computations of the instansi the user belongs to or manages (others: 404)."""
    akses = akses_of(user)
    qs = PerhitunganIpAsn.objects.select_related("instansi", "tabel")
    if akses.is_superadmin:
        return qs
    ids = set(akses.pengelola_instansi_ids)
    if akses.instansi_id:
        ids.add(akses.instansi_id)
    return qs.filter(instansi_id__in=ids)


def sees_instansi(user, instansi_id: int) -> bool:
    """The overview, the unit pages and the report belong to the admin and pimpinan of the instansi."""
    return akses_of(user).sees_whole_instansi(instansi_id)


def visible_hasil(user) -> QuerySet[HasilIpAsn]:
    """Per pegawai results: one's own, one's team (as pejabat penilai or atasan) and, for admin and
    pimpinan, the whole instansi."""
    return HasilIpAsn.objects.filter(pegawai_scope(user, "pegawai__")).select_related(
        "perhitungan__instansi", "perhitungan__tabel", "pegawai__jabatan", "unit_kerja"
    )


# --- overview ------------------------------------------------------------------------------------


def perhitungan_tahun(instansi_id: int, tahun: int) -> PerhitunganIpAsn | None:
    """The computation that stands for the year: the latest of the highest stage."""
    rows = [p for p in tren_ip_asn(instansi_id) if p.tahun == tahun]
    return rows[0] if rows else None


def tren_ip_asn(instansi_id: int) -> list[PerhitunganIpAsn]:
    """One computation per year, oldest year first: the latest one, preferring tervalidasi > awal >
    draf (one query)."""
    terpilih: dict[int, PerhitunganIpAsn] = {}
    for p in PerhitunganIpAsn.objects.filter(instansi_id=instansi_id).select_related("instansi", "tabel"):
        lama = terpilih.get(p.tahun)
        kunci = (TAHAP_PRIORITAS.get(p.tahap, 0), p.created_at, p.pk)
        if lama is None or kunci > (TAHAP_PRIORITAS.get(lama.tahap, 0), lama.created_at, lama.pk):
            terpilih[p.tahun] = p
    return [terpilih[t] for t in sorted(terpilih)]


@dataclass
class BarisUnit:
    """A unit's IP ASN: its own pegawai (``*_sendiri``) and its whole subtree."""

    unit: Unit
    jumlah_sendiri: int = 0
    jumlah: int = 0
    total_sendiri: Decimal = Decimal(0)
    jumlah_dimensi: dict = field(default_factory=lambda: dict.fromkeys(DIMENSI, Decimal(0)))
    total: Decimal = Decimal(0)

    @property
    def nilai_sendiri(self) -> Decimal | None:
        return _rata(self.total_sendiri, self.jumlah_sendiri)

    @property
    def nilai(self) -> Decimal | None:
        return _rata(self.total, self.jumlah)

    @property
    def rata_dimensi(self) -> dict[str, Decimal | None]:
        return {d: _rata(v, self.jumlah) for d, v in self.jumlah_dimensi.items()}


def agregat_unit(perhitungan: PerhitunganIpAsn) -> list[BarisUnit]:
    """Per unit of the instansi, in tree order, the units with at least one measured pegawai in
    their subtree (one query plus the cached unit tree)."""
    pohon = pohon_instansi(perhitungan.instansi_id)
    baris = {u.id: BarisUnit(u) for u in pohon.units}
    rows = (
        HasilIpAsn.objects.filter(perhitungan=perhitungan)
        .values("unit_kerja_id")
        .annotate(
            n=Count("id"),
            t=Sum("total", output_field=_JUMLAH),
            **{d: Sum(d, output_field=_JUMLAH) for d in DIMENSI},
        )
        .order_by()
    )
    for r in rows:
        b = baris.get(r["unit_kerja_id"])
        if b is None:
            continue
        b.jumlah_sendiri, b.total_sendiri = r["n"], r["t"]
        b.jumlah, b.total = r["n"], r["t"]
        b.jumlah_dimensi = {d: r[d] for d in DIMENSI}
    for u in reversed(pohon.units):  # tree order reversed: every child before its parent
        b, induk = baris[u.id], baris.get(u.induk_id)
        if induk is not None and b.jumlah:
            induk.jumlah += b.jumlah
            induk.total += b.total
            induk.jumlah_dimensi = {d: induk.jumlah_dimensi[d] + b.jumlah_dimensi[d] for d in DIMENSI}
    return [baris[u.id] for u in pohon.units if baris[u.id].jumlah]


def distribusi_kategori(perhitungan: PerhitunganIpAsn) -> list[tuple[str, int, Decimal]]:
    """(kategori, jumlah pegawai, persen) for every category of the table, highest first."""
    counts = dict(
        HasilIpAsn.objects.filter(perhitungan=perhitungan)
        .values_list("kategori")
        .annotate(n=Count("id"))
        .order_by()
    )
    n = perhitungan.jumlah_pegawai or sum(counts.values())
    return [
        (label, counts.get(label, 0), _rata(counts.get(label, 0) * 100, n) or Decimal(0))
        for _batas, label in perhitungan.tabel.kategori
    ]


@dataclass(frozen=True)
class PoinHilang:
    kunci: str
    label: str
    rata: Decimal  # points lost per pegawai on average
    jumlah_pegawai: int  # pegawai who lost points here
    saran: str


def poin_hilang_utama(
    perhitungan: PerhitunganIpAsn, *, unit_ids: list[int] | None = None
) -> list[PoinHilang]:
    """Points lost per indicator over the computation (or some units), largest first (one query)."""
    qs = HasilIpAsn.objects.filter(perhitungan=perhitungan)
    if unit_ids is not None:
        qs = qs.filter(unit_kerja_id__in=unit_ids)
    agg = {}
    for i, k in enumerate(INDIKATOR):
        nilai = Cast(KT(f"poin_hilang__{k}"), _JUMLAH)
        agg[f"s{i}"] = Coalesce(Sum(nilai), Decimal(0), output_field=_JUMLAH)
        agg[f"n{i}"] = Count("id", filter=Q(**{f"poin_hilang__{k}__gt": 0}))
    agg["n"] = Count("id")
    r = qs.aggregate(**agg)
    out = [
        PoinHilang(
            k, str(LABEL_INDIKATOR[k]), _rata(r[f"s{i}"], r["n"]) or Decimal(0), r[f"n{i}"], str(SARAN[k])
        )
        for i, k in enumerate(INDIKATOR)
    ]
    return sorted((p for p in out if p.rata > 0), key=lambda p: -p.rata)


@dataclass
class Ringkasan:
    """Everything the overview and the report show about one computation."""

    perhitungan: PerhitunganIpAsn
    dimensi: list[tuple[str, str, Decimal, int]]  # (key, label, average, weight)
    distribusi: list[tuple[str, int, Decimal]]
    unit: list[BarisUnit]
    tren: list[PerhitunganIpAsn]
    sebelumnya: PerhitunganIpAsn | None
    poin_hilang: list[PoinHilang]

    @property
    def selisih(self) -> Decimal | None:
        if self.sebelumnya is None or self.sebelumnya.nilai is None or self.perhitungan.nilai is None:
            return None
        return self.perhitungan.nilai - self.sebelumnya.nilai


def ringkasan_perhitungan(perhitungan: PerhitunganIpAsn) -> Ringkasan:
    bobot = perhitungan.tabel.bobot
    dimensi = [
        (d, str(LABEL_DIMENSI[d]), Decimal(perhitungan.rata_dimensi.get(d, "0")), int(bobot.get(d, 0)))
        for d in DIMENSI
    ]
    tren = tren_ip_asn(perhitungan.instansi_id)
    lalu = [p for p in tren if p.tahun < perhitungan.tahun]
    return Ringkasan(
        perhitungan=perhitungan,
        dimensi=dimensi,
        distribusi=distribusi_kategori(perhitungan),
        unit=agregat_unit(perhitungan),
        tren=tren,
        sebelumnya=lalu[-1] if lalu else None,
        poin_hilang=poin_hilang_utama(perhitungan),
    )


# --- unit, pegawai -------------------------------------------------------------------------------

BARIS_FIELDS = (
    "id",
    "pegawai__nip",
    "pegawai__nama",
    "pegawai__gelar_depan",
    "pegawai__gelar_belakang",
    "unit_kerja__nama",
    "kualifikasi",
    "kompetensi",
    "kinerja",
    "disiplin",
    "total",
    "kategori",
    "catatan",
)


@dataclass(frozen=True)
class BarisPegawai:
    id: int
    nip: str
    nama: str
    unit: str
    kualifikasi: Decimal
    kompetensi: Decimal
    kinerja: Decimal
    disiplin: Decimal
    total: Decimal
    kategori: str
    catatan: str


def _baris(rows) -> list[BarisPegawai]:
    return [BarisPegawai(r[0], r[1], nama_dengan_gelar(r[3], r[2], r[4]), r[5] or "", *r[6:]) for r in rows]


def hasil_unit(perhitungan: PerhitunganIpAsn, unit_id: int, *, offset: int = 0, limit: int = 100):
    """The pegawai of the unit and its sub-units, lowest total first (where help is needed most)."""
    unit_ids = turunan(unit_id, pohon_instansi(perhitungan.instansi_id).anak)
    qs = HasilIpAsn.objects.filter(perhitungan=perhitungan, unit_kerja_id__in=unit_ids)
    rows = qs.order_by("total", "pegawai__nama", "id").values_list(*BARIS_FIELDS)[offset : offset + limit]
    return _baris(rows), unit_ids


def hasil_tim(user, perhitungan: PerhitunganIpAsn) -> list[BarisPegawai]:
    """The results of the pegawai the user evaluates (pejabat penilai) in this computation."""
    akses = akses_of(user)
    if akses.pegawai is None:
        return []
    rows = (
        HasilIpAsn.objects.filter(perhitungan=perhitungan, pegawai__pejabat_penilai_id=akses.pegawai.pk)
        .order_by("total", "pegawai__nama")
        .values_list(*BARIS_FIELDS)
    )
    return _baris(rows)


def hasil_saya(user, tahun: int) -> HasilIpAsn | None:
    """The user's own result in the computation that stands for the year in their instansi."""
    akses = akses_of(user)
    if akses.pegawai is None:
        return None
    perhitungan = perhitungan_tahun(akses.pegawai.instansi_id, tahun)
    if perhitungan is None:
        return None
    return visible_hasil(user).filter(perhitungan=perhitungan, pegawai=akses.pegawai).first()


@dataclass(frozen=True)
class Indikator:
    kunci: str
    label: str
    poin: Decimal | int  # points obtained
    maksimum: int
    hilang: Decimal | int
    saran: str


def rincian_indikator(hasil: HasilIpAsn) -> list[Indikator]:
    """Each indicator with the points obtained, the maximum and a hint where points were lost."""
    tabel = hasil.perhitungan.tabel
    maks = {"kualifikasi": int(tabel.bobot["kualifikasi"]), **tabel.kompetensi}
    maks |= {"kinerja": int(tabel.bobot["kinerja"]), "disiplin": int(tabel.bobot["disiplin"])}
    out = []
    for k in INDIKATOR:
        hilang = Decimal(str(hasil.poin_hilang.get(k, 0)))
        m = int(maks.get(k, 0))
        out.append(
            Indikator(k, str(LABEL_INDIKATOR[k]), m - hilang, m, hilang, str(SARAN[k]) if hilang else "")
        )
    return out
