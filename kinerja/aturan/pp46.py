"""The old regime, for historical data: PP 46/2011 and Perka BKN 1/2013.

Sources: regulasi.md §7 ([S23, S24, S25]; the per-kegiatan formulas are confirmed by public
implementations [S50]); seed 003 (an SOP of that regime).
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from .referensi import PP46_KATEGORI

SEN = Decimal("0.01")
BOBOT_SKP = Decimal("0.60")  # PP 46/2011: nilai prestasi kerja = 60 % SKP + 40 % perilaku
BOBOT_PERILAKU = Decimal("0.40")
_SERATUS = Decimal("100")
_FAKTOR = Decimal("1.76")
_BATAS_EFISIENSI = Decimal("24")


def _bulat(nilai: Decimal) -> Decimal:
    return nilai.quantize(SEN, rounding=ROUND_HALF_UP)


def _rasio(realisasi: Decimal | int, target: Decimal | int, nama: str) -> Decimal:
    if target <= 0:
        raise ValueError(f"Target {nama} harus lebih dari 0.")
    return Decimal(realisasi) / Decimal(target)


def nilai_kuantitas(realisasi: Decimal | int, target: Decimal | int) -> Decimal:
    """Kuantitas = RO / TO × 100 (Perka BKN 1/2013; regulasi.md §7)."""
    return _bulat(_rasio(realisasi, target, "kuantitas") * _SERATUS)


def nilai_kualitas(realisasi: Decimal | int, target: Decimal | int) -> Decimal:
    """Kualitas = RK / TK × 100 (Perka BKN 1/2013; regulasi.md §7)."""
    return _bulat(_rasio(realisasi, target, "kualitas") * _SERATUS)


def nilai_waktu(target: Decimal | int, realisasi: Decimal | int) -> Decimal:
    """Aspek waktu from TW and RW (Perka BKN 1/2013; regulasi.md §7).

    efisiensi = 100 − RW/TW × 100; if efisiensi ≤ 24 %: ((1,76 × TW − RW) / TW) × 100;
    otherwise 76 − ((((1,76 × TW − RW) / TW) × 100) − 100).
    """
    rasio = _rasio(realisasi, target, "waktu")
    efisiensi = _SERATUS - rasio * _SERATUS
    dasar = (_FAKTOR - rasio) * _SERATUS
    if efisiensi <= _BATAS_EFISIENSI:
        return _bulat(dasar)
    return _bulat(Decimal("76") - (dasar - _SERATUS))


def nilai_biaya(target: Decimal | int, realisasi: Decimal | int) -> Decimal:
    """Aspek biaya: the waktu formula with TB and RB (regulasi.md §7)."""
    return nilai_waktu(target, realisasi)


def capaian_kegiatan(nilai_aspek: Sequence[Decimal]) -> Decimal:
    """Capaian of one kegiatan: the mean of the aspects used (3 or 4; an aspect without a target is
    left out; regulasi.md §7)."""
    if not nilai_aspek:
        raise ValueError("Capaian kegiatan membutuhkan minimal satu aspek.")
    return _bulat(sum(nilai_aspek, start=Decimal("0")) / len(nilai_aspek))


def nilai_capaian_skp(capaian: Sequence[Decimal]) -> Decimal:
    """Nilai capaian SKP: the mean over the kegiatan (regulasi.md §7; tugas tambahan and kreativitas
    are not added: UNVERIFIED)."""
    if not capaian:
        raise ValueError("Nilai capaian SKP membutuhkan minimal satu kegiatan.")
    return _bulat(sum(capaian, start=Decimal("0")) / len(capaian))


def kategori_pp46(nilai: Decimal | int, *, kategori: Sequence[tuple[int, str]] = PP46_KATEGORI) -> str:
    """Band of a PP 46/2011 score, lower edge inclusive (regulasi.md §7: ≥ 91 Sangat Baik, 76–90 Baik,
    61–75 Cukup, 51–60 Kurang, ≤ 50 the lowest, whose label is UNVERIFIED)."""
    return next(label for batas, label in kategori if nilai >= batas)


def nilai_prestasi_kerja(nilai_skp: Decimal, nilai_perilaku: Decimal) -> tuple[Decimal, str]:
    """Nilai prestasi kerja = 60 % × nilai SKP + 40 % × nilai perilaku kerja (PP 46/2011;
    regulasi.md §7), 2 decimals half-up, with its band."""
    nilai = _bulat(BOBOT_SKP * nilai_skp + BOBOT_PERILAKU * nilai_perilaku)
    return nilai, kategori_pp46(nilai)
