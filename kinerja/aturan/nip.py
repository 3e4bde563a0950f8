"""NIP PNS and NI PPPK: parsing and validation.

Sources: regulasi.md §8.1 (Perka BKN 22/2007 and 43/2007 [S51, S52, S53]) and §8.2 (NI PPPK [S53, S54]).
"""

import re
from dataclasses import dataclass
from datetime import date

from .referensi import USIA_MINIMAL_TMT

_JENIS_KELAMIN = {"1": "L", "2": "P"}  # regulasi.md §8.1: 1 laki-laki, 2 perempuan
_DELAPAN_BELAS_ANGKA = re.compile(r"\d{18}")


class NipTidakValid(ValueError):
    """A NIP or NI PPPK that breaks one of the rules of regulasi.md §8.1 / §8.2.

    ``kode`` is a short machine code: ``panjang``, ``tanggal_lahir``, ``bulan_tmt``, ``usia_tmt``,
    ``jenis_kelamin`` or ``nomor_urut``; ``str(e)`` is an Indonesian sentence for the user.
    """

    def __init__(self, kode: str, pesan: str) -> None:
        super().__init__(pesan)
        self.kode = kode


@dataclass(frozen=True)
class NipInfo:
    """The parts of a NIP PNS (regulasi.md §8.1)."""

    nip: str
    tanggal_lahir: date
    tahun_tmt: int
    bulan_tmt: int
    jenis_kelamin: str
    nomor_urut: int

    @property
    def tmt_cpns(self) -> date:
        """TMT CPNS: the day is always the 1st (regulasi.md §8.1)."""
        return date(self.tahun_tmt, self.bulan_tmt, 1)


@dataclass(frozen=True)
class NiPppkInfo:
    """The parts of a NI PPPK (regulasi.md §8.2)."""

    ni: str
    tanggal_lahir: date
    tahun_pengangkatan: int
    jumlah_perjanjian: int
    jenis_kelamin: str
    nomor_urut: int


def normalisasi_nip(nip: str) -> str:
    """Remove the spaces of the written form ``"19860926 201505 1 001"`` (regulasi.md §8.1, rule 1)."""
    return "".join(nip.split())


def tulis_nip(nip: str) -> str:
    """The written form of an 18-digit NIP or NI PPPK, grouped 8-6-1-3: ``"19860926 201505 1 001"``.

    regulasi.md §8.1 (the grouping the seeds use); anything that is not 18 characters is returned as is.
    """
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if len(nip) == 18 else nip


def _cek_panjang_dan_lahir(nomor: str, nama: str) -> tuple[str, date]:
    """Rules 1–3 of regulasi.md §8.1, shared by NIP and NI PPPK: 18 digits and a real tanggal lahir."""
    s = normalisasi_nip(nomor)
    if not _DELAPAN_BELAS_ANGKA.fullmatch(s):
        raise NipTidakValid("panjang", f"{nama} harus terdiri atas 18 angka; yang diisi: {nomor!r}.")
    try:
        lahir = date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        raise NipTidakValid(
            "tanggal_lahir", f"Angka ke-1 sampai ke-8 {nama} ({s[:8]}) bukan tanggal lahir yang sah."
        ) from None
    return s, lahir


def _cek_jenis_kelamin_dan_urut(s: str, nama: str) -> tuple[str, int]:
    """Rules 6–7 of regulasi.md §8.1: digit 15 is 1 or 2, digits 16–18 are not 000."""
    if s[14] not in _JENIS_KELAMIN:
        raise NipTidakValid(
            "jenis_kelamin",
            f"Angka ke-15 {nama} harus 1 (laki-laki) atau 2 (perempuan), bukan {s[14]}.",
        )
    nomor_urut = int(s[15:18])
    if nomor_urut == 0:
        raise NipTidakValid("nomor_urut", f"Nomor urut {nama} (angka ke-16 sampai ke-18) tidak boleh 000.")
    return _JENIS_KELAMIN[s[14]], nomor_urut


def parse_nip(nip: str, *, usia_minimal: int = USIA_MINIMAL_TMT) -> NipInfo:
    """Parse and validate a NIP PNS (regulasi.md §8.1, validation rules 1–7).

    ``usia_minimal``: the TMT CPNS month may not be before the month of this birthday; the default
    (18) is UNVERIFIED reference data (``referensi.USIA_MINIMAL_TMT``).
    """
    s, lahir = _cek_panjang_dan_lahir(nip, "NIP")
    tahun_tmt, bulan_tmt = int(s[8:12]), int(s[12:14])
    if not 1 <= bulan_tmt <= 12:
        raise NipTidakValid(
            "bulan_tmt", f"Angka ke-13 dan ke-14 NIP ({s[12:14]}) harus bulan TMT CPNS 01 sampai 12."
        )
    if (tahun_tmt, bulan_tmt) < (lahir.year + usia_minimal, lahir.month):
        raise NipTidakValid(
            "usia_tmt",
            f"TMT CPNS {bulan_tmt:02d}/{tahun_tmt} lebih awal dari bulan ulang tahun ke-{usia_minimal} "
            f"({lahir.month:02d}/{lahir.year + usia_minimal}).",
        )
    jenis_kelamin, nomor_urut = _cek_jenis_kelamin_dan_urut(s, "NIP")
    return NipInfo(s, lahir, tahun_tmt, bulan_tmt, jenis_kelamin, nomor_urut)


def parse_ni_pppk(ni: str, *, usia_minimal: int = USIA_MINIMAL_TMT) -> NiPppkInfo:
    """Parse and validate a NI PPPK (regulasi.md §8.2).

    Digits 9–12 are the year of the first appointment, 13–14 the jumlah perjanjian kerja (no month
    check), 15 the gender, 16–18 the nomor urut. Only the year of appointment is known, so the age
    rule compares years: the appointment year may not be before the year of the ``usia_minimal``-th
    birthday (UNVERIFIED default 18).
    """
    s, lahir = _cek_panjang_dan_lahir(ni, "NI PPPK")
    tahun = int(s[8:12])
    if tahun < lahir.year + usia_minimal:
        raise NipTidakValid(
            "usia_tmt",
            f"Tahun pengangkatan {tahun} lebih awal dari tahun ulang tahun ke-{usia_minimal} "
            f"({lahir.year + usia_minimal}).",
        )
    jenis_kelamin, nomor_urut = _cek_jenis_kelamin_dan_urut(s, "NI PPPK")
    return NiPppkInfo(s, lahir, tahun, int(s[12:14]), jenis_kelamin, nomor_urut)
