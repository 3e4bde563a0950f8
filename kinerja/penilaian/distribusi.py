"""A team's or unit's distribution of predikat read against the pattern of a capaian organisasi: the
data every distribution chart, warning and finalisation check uses (regulasi.md §3.3, decision a).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.aturan import CapaianOrganisasi, Predikat, cek_distribusi, pola_distribusi, uraian_pola
from kinerja.aturan.distribusi import Batas, Pelanggaran


@dataclass(frozen=True)
class Batang:
    """One predikat's bar: how many, what share, and the limit the pattern puts on it (if one rule
    names this predikat alone)."""

    predikat: Predikat
    jumlah: int
    persen: Decimal  # 0–100, 1 decimal
    batas_maks: Decimal | None = None  # 0–100
    batas_min: Decimal | None = None  # 0–100


@dataclass(frozen=True)
class RingkasanDistribusi:
    capaian: CapaianOrganisasi | None
    total: int
    batang: list[Batang]
    pola: str  # the pattern in words ("" without a capaian)
    aturan: tuple[Batas, ...] = ()
    pelanggaran: list[Pelanggaran] = field(default_factory=list)

    @property
    def menyimpang(self) -> bool:
        return bool(self.pelanggaran)

    @property
    def pelanggaran_json(self) -> list[dict]:
        """The deviations as stored with a justification (JSON-safe)."""
        return [
            {
                "aturan": p.aturan,
                "predikat": [x.value for x in p.predikat],
                "aktual": str(p.aktual),
                "jumlah": p.jumlah,
                "selisih_pegawai": p.selisih_pegawai,
            }
            for p in self.pelanggaran
        ]


def _persen(n: int, total: int) -> Decimal:
    if total == 0:
        return Decimal(0)
    return (Decimal(n) * 100 / total).quantize(Decimal("0.1"))


def ringkasan_distribusi(
    jumlah: Mapping[Predikat, int], capaian: CapaianOrganisasi | str | None
) -> RingkasanDistribusi:
    """Counts per predikat (missing = 0) against the pattern of `capaian` (None: no pattern yet)."""
    capaian = CapaianOrganisasi(capaian) if capaian else None
    total = sum(jumlah.values())
    aturan = pola_distribusi(capaian) if capaian else ()
    batang = []
    for p in Predikat:
        maks = mins = None
        for b in aturan:
            if b.predikat == (p,) and b.nilai is not None:
                if b.jenis == "maks":
                    maks = b.nilai * 100
                elif b.jenis == "min":
                    mins = b.nilai * 100
        n = jumlah.get(p, 0)
        batang.append(Batang(p, n, _persen(n, total), maks, mins))
    return RingkasanDistribusi(
        capaian=capaian,
        total=total,
        batang=batang,
        pola=uraian_pola(capaian) if capaian else "",
        aturan=aturan,
        pelanggaran=cek_distribusi(capaian, jumlah) if capaian else [],
    )
