"""Kenaikan pangkat: period dates as dated rules and the predikat condition.

Sources: regulasi.md §5.1 (Keputusan Kepala BKN 12/2002; Peraturan BKN 4/2023 Pasal 2; Peraturan BKN
4/2025) and §5.2; decision g (periods are versioned reference data).
"""

from collections.abc import Sequence
from datetime import date

from .enums import Predikat
from .referensi import KP_PERIODE, PeriodeKp

# regulasi.md §5.2: "predikat at least Baik".
PREDIKAT_MINIMAL_BAIK = frozenset({Predikat.SANGAT_BAIK, Predikat.BAIK})

_BATAS_PENCARIAN_BULAN = 120


def _aturan_berlaku(tanggal: date, periode: Sequence[PeriodeKp]) -> PeriodeKp | None:
    for aturan in periode:
        if (aturan.berlaku_mulai is None or aturan.berlaku_mulai <= tanggal) and (
            aturan.berlaku_sampai is None or tanggal <= aturan.berlaku_sampai
        ):
            return aturan
    return None


def _bulan_berikut(tanggal: date) -> date:
    return date(tanggal.year + tanggal.month // 12, tanggal.month % 12 + 1, 1)


def periode_kenaikan_pangkat_berikut(tanggal: date, *, periode: Sequence[PeriodeKp] = KP_PERIODE) -> date:
    """The first kenaikan pangkat period date strictly after ``tanggal`` (regulasi.md §5.1).

    Each candidate (the 1st of a month) is judged by the rule in force on that candidate date: six
    periods a year until 30 September 2025, the 1st of every month from 1 October 2025. KP anumerta
    and KP pengabdian are outside the periods. Raises ``ValueError`` when the rules give no period
    date within ten years.
    """
    calon = _bulan_berikut(tanggal)
    for _ in range(_BATAS_PENCARIAN_BULAN):
        aturan = _aturan_berlaku(calon, periode)
        if aturan is not None and calon.month in aturan.bulan:
            return calon
        calon = _bulan_berikut(calon)
    raise ValueError(
        f"Tidak ada periode kenaikan pangkat setelah {tanggal.isoformat()} dalam data referensi."
    )


def predikat_memenuhi_syarat_kp(predikat_tahunan: Sequence[Predikat], *, tahun: int = 2) -> bool:
    """True when each of the last ``tahun`` annual predikat (most recent last) is at least Baik
    (KP reguler and KP for JF: "predikat at least Baik in the last 2 years", regulasi.md §5.2;
    kenaikan jenjang: the last year, §4.4, so ``tahun=1``)."""
    terakhir = list(predikat_tahunan)[-tahun:]
    return len(terakhir) == tahun and all(Predikat(p) in PREDIKAT_MINIMAL_BAIK for p in terakhir)
