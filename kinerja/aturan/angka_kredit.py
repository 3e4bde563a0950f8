"""Angka kredit of jabatan fungsional by conversion of the predikat, and its accumulation.

Sources: PermenPANRB 1/2023 Pasal 37(1) (conversion percentages), Peraturan BKN 3/2023 (formula,
AKK); regulasi.md §4.1–§4.5; decisions g and h.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .enums import JenjangFungsional, Predikat
from .referensi import AK_KOEFISIEN, AKK_KENAIKAN_JENJANG, AKK_KENAIKAN_PANGKAT

SEN = Decimal("0.01")
_P = Predikat
_J = JenjangFungsional

# regulasi.md §4.1: PermenPANRB 1/2023 Pasal 37(1), share of the annual koefisien per predikat.
AK_PERSEN: dict[Predikat, Decimal] = {
    _P.SANGAT_BAIK: Decimal("1.50"),
    _P.BAIK: Decimal("1.00"),
    _P.BUTUH_PERBAIKAN: Decimal("0.75"),
    _P.KURANG: Decimal("0.50"),
    _P.SANGAT_KURANG: Decimal("0.25"),
}

# regulasi.md §4.3: golongan ruang range of each jenjang.
JENJANG_GOLONGAN: dict[JenjangFungsional, tuple[str, ...]] = {
    _J.PEMULA: ("II/a",),
    _J.TERAMPIL: ("II/b", "II/c", "II/d"),
    _J.MAHIR: ("III/a", "III/b"),
    _J.PENYELIA: ("III/c", "III/d"),
    _J.AHLI_PERTAMA: ("III/a", "III/b"),
    _J.AHLI_MUDA: ("III/c", "III/d"),
    _J.AHLI_MADYA: ("IV/a", "IV/b", "IV/c"),
    _J.AHLI_UTAMA: ("IV/d", "IV/e"),
}


def angka_kredit(
    predikat: Predikat,
    jenjang: JenjangFungsional,
    bulan: int = 12,
    *,
    koefisien: Mapping[JenjangFungsional, Decimal] | None = None,
) -> Decimal:
    """AK = (bulan / 12) × persen(predikat) × koefisien(jenjang) (Peraturan BKN 3/2023, regulasi.md
    §4.2), rounded to 2 decimals half-up per conversion (decision h). ``bulan`` counts whole months,
    1 to 12. ``koefisien`` defaults to ``referensi.AK_KOEFISIEN`` (versioned reference data)."""
    if not 1 <= bulan <= 12:
        raise ValueError(f"Jumlah bulan penilaian harus 1 sampai 12, bukan {bulan}.")
    tabel = AK_KOEFISIEN if koefisien is None else koefisien
    nilai = Decimal(bulan) / 12 * AK_PERSEN[Predikat(predikat)] * tabel[JenjangFungsional(jenjang)]
    return nilai.quantize(SEN, rounding=ROUND_HALF_UP)


def akumulasi_angka_kredit(
    konversi: Iterable[tuple[Predikat, JenjangFungsional, int]],
    *,
    ak_awal: Decimal = Decimal("0"),
    koefisien: Mapping[JenjangFungsional, Decimal] | None = None,
) -> Decimal:
    """Sum of the rounded conversions (decision h: 18,75 + 2,08 = 20,83, BKN example [S14]),
    starting from ``ak_awal`` (e.g. AK already recorded in SIASN)."""
    total = ak_awal + sum(
        (angka_kredit(p, j, b, koefisien=koefisien) for p, j, b in konversi), start=Decimal("0")
    )
    return total.quantize(SEN)


def akk_kenaikan_pangkat(jenjang: JenjangFungsional) -> Decimal:
    """AKK needed for each pangkat step inside the jenjang (regulasi.md §4.4)."""
    return AKK_KENAIKAN_PANGKAT[JenjangFungsional(jenjang)]


def akk_kenaikan_jenjang(jenjang: JenjangFungsional) -> Decimal | None:
    """AKK needed for the next jenjang; None at the top jenjang (regulasi.md §4.4)."""
    return AKK_KENAIKAN_JENJANG[JenjangFungsional(jenjang)]


@dataclass(frozen=True)
class Proyeksi:
    """How many years at one predikat reach the AKK for the next pangkat or jenjang.

    ``tahun`` is None when there is no target (kenaikan jenjang from Penyelia or Ahli Utama); 0 when
    ``ak_awal`` already meets it.
    """

    jenjang: JenjangFungsional
    predikat: Predikat
    tujuan: str
    akk: Decimal | None
    ak_awal: Decimal
    ak_per_tahun: Decimal
    kekurangan: Decimal | None
    tahun: int | None


def proyeksi_kenaikan(
    jenjang: JenjangFungsional,
    predikat: Predikat,
    *,
    tujuan: str = "pangkat",
    ak_awal: Decimal = Decimal("0"),
    koefisien: Mapping[JenjangFungsional, Decimal] | None = None,
    akk: Decimal | None = None,
) -> Proyeksi:
    """Years of ``predikat`` needed to reach the AKK of the next pangkat (``tujuan="pangkat"``) or
    jenjang (``tujuan="jenjang"``), counting whole years of the rounded annual conversion
    (regulasi.md §4.4, §4.5: Ahli Pertama reaches 50 in 4 years at Baik, in the 3rd at Sangat Baik).
    ``akk`` overrides the built-in AKK (a later version of the reference data, decision g).
    The AK requirement only: the other conditions (§4.4, §5.2) are checked elsewhere."""
    jenjang = JenjangFungsional(jenjang)
    predikat = Predikat(predikat)
    if tujuan not in ("pangkat", "jenjang"):
        raise ValueError(f"Tujuan kenaikan harus 'pangkat' atau 'jenjang', bukan {tujuan!r}.")
    if akk is None:
        akk = akk_kenaikan_pangkat(jenjang) if tujuan == "pangkat" else akk_kenaikan_jenjang(jenjang)
    per_tahun = angka_kredit(predikat, jenjang, 12, koefisien=koefisien)
    if akk is None:
        return Proyeksi(jenjang, predikat, tujuan, None, ak_awal, per_tahun, None, None)
    kekurangan = max(akk - ak_awal, Decimal("0"))
    tahun = math.ceil(kekurangan / per_tahun)
    return Proyeksi(jenjang, predikat, tujuan, akk, ak_awal, per_tahun, kekurangan, tahun)


def tabel_proyeksi(
    jenjang: JenjangFungsional,
    *,
    tujuan: str = "pangkat",
    ak_awal: Decimal = Decimal("0"),
    koefisien: Mapping[JenjangFungsional, Decimal] | None = None,
) -> dict[Predikat, Proyeksi]:
    """``proyeksi_kenaikan`` for every predikat, best first."""
    return {
        p: proyeksi_kenaikan(jenjang, p, tujuan=tujuan, ak_awal=ak_awal, koefisien=koefisien)
        for p in Predikat
    }
