"""Pola distribusi predikat kinerja pegawai by capaian organisasi.

Source: SE MenPANRB 3/2023 as quoted in regulasi.md §3.3 [S9, S10]; seed 002 ("Kurva bukanlah forced
distribution"). Kinerja applies the pattern as a guideline (decision a): a deviation needs a written
justification unless the instansi makes it a hard block.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple, cast

from .enums import CapaianOrganisasi, Predikat

JenisBatas = Literal["maks", "min", "ada"]


class Batas(NamedTuple):
    """One rule of a pola distribusi.

    ``jenis``: ``"maks"`` (share <= nilai), ``"min"`` (share >= nilai) or ``"ada"`` (at least one
    pegawai). The share is the summed count of ``predikat`` divided by the number of pegawai,
    compared exactly, without rounding (regulasi.md §3.3; rounding for small units UNVERIFIED).
    """

    jenis: JenisBatas
    predikat: tuple[Predikat, ...]
    nilai: Decimal | None = None


_P = Predikat
_C = CapaianOrganisasi

# regulasi.md §3.3 (SE MenPANRB 3/2023).
POLA_DISTRIBUSI: dict[CapaianOrganisasi, tuple[Batas, ...]] = {
    _C.ISTIMEWA: (Batas("maks", (_P.SANGAT_BAIK,), Decimal("0.70")),),
    _C.BAIK: (
        Batas("maks", (_P.BAIK,), Decimal("0.70")),
        Batas("ada", (_P.BUTUH_PERBAIKAN, _P.KURANG)),
    ),
    _C.BUTUH_PERBAIKAN: (
        Batas("min", (_P.BUTUH_PERBAIKAN,), Decimal("0.60")),
        Batas("maks", (_P.SANGAT_BAIK,), Decimal("0.10")),
    ),
    _C.KURANG: (
        Batas("min", (_P.KURANG,), Decimal("0.60")),
        Batas("min", (_P.BUTUH_PERBAIKAN,), Decimal("0.10")),
        Batas("maks", (_P.SANGAT_BAIK,), Decimal("0.10")),
    ),
    _C.SANGAT_KURANG: (
        Batas("min", (_P.SANGAT_KURANG,), Decimal("0.60")),
        Batas("min", (_P.KURANG, _P.BUTUH_PERBAIKAN), Decimal("0.10")),
        Batas("maks", (_P.SANGAT_BAIK,), Decimal("0")),
    ),
}

# The predikat named by "sebagian besar" in each row of §3.3, used in the text of the pattern.
_SEBAGIAN_BESAR: dict[CapaianOrganisasi, Predikat] = {
    _C.ISTIMEWA: _P.SANGAT_BAIK,
    _C.BAIK: _P.BAIK,
    _C.BUTUH_PERBAIKAN: _P.BUTUH_PERBAIKAN,
    _C.KURANG: _P.KURANG,
    _C.SANGAT_KURANG: _P.SANGAT_KURANG,
}

_PERSEN = Decimal("0.0001")


@dataclass(frozen=True)
class Pelanggaran:
    """A rule of the pattern that a distribution breaks.

    ``aturan``: the rule in words; ``predikat``: the predikat it counts; ``batas``: the share the
    rule allows or requires (None for "ada"); ``aktual``: the actual share (4 decimals);
    ``jumlah``: the number of pegawai with those predikat; ``selisih``: by how much the share misses
    the limit (positive); ``selisih_pegawai``: the fewest pegawai whose predikat must change to fit.
    """

    aturan: str
    jenis: JenisBatas
    predikat: tuple[Predikat, ...]
    batas: Decimal | None
    aktual: Decimal
    jumlah: int
    selisih: Decimal
    selisih_pegawai: int


def pola_distribusi(capaian_organisasi: CapaianOrganisasi) -> tuple[Batas, ...]:
    """The rules of the pattern for a capaian organisasi, as data (regulasi.md §3.3)."""
    return POLA_DISTRIBUSI[CapaianOrganisasi(capaian_organisasi)]


def _persen(nilai: Decimal) -> str:
    return f"{(nilai * 100).normalize():f} %"


def _daftar(predikat: tuple[Predikat, ...]) -> str:
    return " dan/atau ".join(p.label for p in predikat)


def uraian_batas(batas: Batas) -> str:
    """One rule in Indonesian, e.g. "paling banyak 70 % pegawai berpredikat Sangat Baik"."""
    if batas.jenis == "ada":
        return f"harus ada pegawai berpredikat {_daftar(batas.predikat)}"
    nilai = cast(Decimal, batas.nilai)
    if batas.jenis == "maks" and nilai == 0:
        return f"tidak boleh ada pegawai berpredikat {_daftar(batas.predikat)}"
    kata = "paling banyak" if batas.jenis == "maks" else "paling sedikit"
    return f"{kata} {_persen(nilai)} pegawai berpredikat {_daftar(batas.predikat)}"


def uraian_pola(capaian_organisasi: CapaianOrganisasi) -> str:
    """The pattern of a capaian organisasi in Indonesian (regulasi.md §3.3)."""
    capaian = CapaianOrganisasi(capaian_organisasi)
    aturan = "; ".join(uraian_batas(b) for b in POLA_DISTRIBUSI[capaian])
    return (
        f"Capaian organisasi {capaian.label}: sebagian besar pegawai berpredikat "
        f"{_SEBAGIAN_BESAR[capaian].label}; {aturan}. Pola ini panduan, bukan kuota."
    )


def _cek_batas(batas: Batas, jumlah: int, total: int) -> Pelanggaran | None:
    aktual = Decimal(jumlah) / total
    nilai = cast(Decimal, batas.nilai)
    if batas.jenis == "ada":
        if jumlah > 0:
            return None
        selisih, selisih_pegawai = Decimal(0), 1
    elif batas.jenis == "maks":
        if jumlah <= nilai * total:
            return None
        selisih = aktual - nilai
        selisih_pegawai = jumlah - math.floor(nilai * total)
    else:
        if jumlah >= nilai * total:
            return None
        selisih = nilai - aktual
        selisih_pegawai = math.ceil(nilai * total) - jumlah
    return Pelanggaran(
        aturan=uraian_batas(batas),
        jenis=batas.jenis,
        predikat=batas.predikat,
        batas=batas.nilai,
        aktual=aktual.quantize(_PERSEN),
        jumlah=jumlah,
        selisih=selisih.quantize(_PERSEN),
        selisih_pegawai=selisih_pegawai,
    )


def cek_distribusi(
    capaian_organisasi: CapaianOrganisasi,
    jumlah_per_predikat: Mapping[Predikat, int],
    *,
    pola: Mapping[CapaianOrganisasi, tuple[Batas, ...]] | None = None,
) -> list[Pelanggaran]:
    """Check the predikat of the pegawai below a pimpinan against the pattern of the unit's
    capaian organisasi (regulasi.md §3.3, decision a). Returns the broken rules; empty if it fits.

    A unit without pegawai breaks nothing. Raises ``ValueError`` for a negative count.
    """
    jumlah = {Predikat(p): n for p, n in jumlah_per_predikat.items()}
    if any(n < 0 for n in jumlah.values()):
        raise ValueError("Jumlah pegawai per predikat tidak boleh negatif.")
    total = sum(jumlah.values())
    if total == 0:
        return []
    tabel = POLA_DISTRIBUSI if pola is None else pola
    hasil = []
    for batas in tabel[CapaianOrganisasi(capaian_organisasi)]:
        pelanggaran = _cek_batas(batas, sum(jumlah.get(p, 0) for p in batas.predikat), total)
        if pelanggaran is not None:
            hasil.append(pelanggaran)
    return hasil
