"""Default values of the versioned reference data (regulasi.md decision g).

Values marked UNVERIFIED in the domain reference are defaults, not facts: the web app keeps them in
the database with an effective date and passes them to the rule functions; these constants are the
seeded defaults and the values used when nothing is passed. Every table names its section of
``regulasi.md`` and its marker there.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from .enums import CapaianOrganisasi, JenjangFungsional, Predikat, RatingKerja

_A, _S, _B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
_P = Predikat
_J = JenjangFungsional
_C = CapaianOrganisasi

# §8.1 rule 5: the TMT CPNS month is not before the month of the 18th birthday.
# UNVERIFIED (configurable default); the legal minimum age for CPNS applicants is 18.
USIA_MINIMAL_TMT = 18

# §3.6, decision f: capaian organisasi of the unit -> rating hasil kerja of its pimpinan.
# The principle is SE MenPANRB 3/2023; the mapping itself is UNVERIFIED (configurable default).
RATING_HASIL_KERJA_PIMPINAN: dict[CapaianOrganisasi, RatingKerja] = {
    _C.ISTIMEWA: _A,
    _C.BAIK: _S,
    _C.BUTUH_PERBAIKAN: _B,
    _C.KURANG: _B,
    _C.SANGAT_KURANG: _B,
}

# §4.3 koefisien angka kredit per year (Peraturan BKN 3/2023; decision g: versioned reference data).
# Ahli Pertama and Ahli Muda: source [S14, S47]; the others confirmed by public implementations only;
# Pemula (3,75) by one implementation only: verify.
AK_KOEFISIEN: dict[JenjangFungsional, Decimal] = {
    _J.PEMULA: Decimal("3.75"),
    _J.TERAMPIL: Decimal("5"),
    _J.MAHIR: Decimal("12.5"),
    _J.PENYELIA: Decimal("25"),
    _J.AHLI_PERTAMA: Decimal("12.5"),
    _J.AHLI_MUDA: Decimal("25"),
    _J.AHLI_MADYA: Decimal("37.5"),
    _J.AHLI_UTAMA: Decimal("50"),
}

# §4.4 angka kredit kumulatif minimal per pangkat step inside the jenjang (source [S13, S14b, S12b]).
AKK_KENAIKAN_PANGKAT: dict[JenjangFungsional, Decimal] = {
    _J.PEMULA: Decimal("15"),
    _J.TERAMPIL: Decimal("20"),
    _J.MAHIR: Decimal("50"),
    _J.PENYELIA: Decimal("100"),
    _J.AHLI_PERTAMA: Decimal("50"),
    _J.AHLI_MUDA: Decimal("100"),
    _J.AHLI_MADYA: Decimal("150"),
    _J.AHLI_UTAMA: Decimal("200"),
}

# §4.4 angka kredit kumulatif minimal for the next jenjang; None: top jenjang of its category.
AKK_KENAIKAN_JENJANG: dict[JenjangFungsional, Decimal | None] = {
    _J.PEMULA: Decimal("15"),
    _J.TERAMPIL: Decimal("60"),
    _J.MAHIR: Decimal("100"),
    _J.PENYELIA: None,
    _J.AHLI_PERTAMA: Decimal("100"),
    _J.AHLI_MUDA: Decimal("200"),
    _J.AHLI_MADYA: Decimal("450"),
    _J.AHLI_UTAMA: None,
}


class PeriodeKp(NamedTuple):
    """One dated rule of kenaikan pangkat periods (regulasi.md §5.1): the period dates are the 1st of
    each month in ``bulan``, for candidate dates between ``berlaku_mulai`` and ``berlaku_sampai``
    (both inclusive; None = open)."""

    berlaku_mulai: date | None
    berlaku_sampai: date | None
    bulan: tuple[int, ...]
    dasar_hukum: str


# §5.1 (decision g: versioned reference data).
KP_PERIODE: tuple[PeriodeKp, ...] = (
    PeriodeKp(None, date(2023, 12, 31), (4, 10), "Keputusan Kepala BKN 12/2002"),
    PeriodeKp(date(2024, 1, 1), date(2025, 9, 30), (2, 4, 6, 8, 10, 12), "Peraturan BKN 4/2023 Pasal 2"),
    PeriodeKp(date(2025, 10, 1), None, tuple(range(1, 13)), "Peraturan BKN 4/2025"),
)

# §6.1 IP ASN dimension weights (PermenPANRB 38/2018, Peraturan BKN 8/2019; source [S28, S60, S61]).
IP_ASN_BOBOT: dict[str, int] = {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5}

# §6.2 categories, lower edge inclusive (source [S29]; inclusive edges for fractions UNVERIFIED).
IP_ASN_KATEGORI: tuple[tuple[int, str], ...] = (
    (91, "Sangat Tinggi"),
    (81, "Tinggi"),
    (71, "Sedang"),
    (61, "Rendah"),
    (0, "Sangat Rendah"),
)

# §6.3 sub-tables. S-3 and S-2 sourced [S28]; everything else UNVERIFIED (configurable default).
IP_ASN_KUALIFIKASI: dict[str, int] = {
    "S3": 25,
    "S2": 20,
    "S1_D4": 15,
    "D3": 10,
    "D1_D2": 5,
    "SLTA_KEBAWAH": 1,
}
IP_ASN_KOMPETENSI: dict[str, int] = {
    "diklat_kepemimpinan_sesuai_jabatan": 15,
    "diklat_fungsional_sesuai_jenjang": 15,
    "diklat_teknis_20_jp_2_tahun_terakhir": 5,
    "seminar_workshop": 5,
}
IP_ASN_KINERJA: dict[Predikat, int] = {
    _P.SANGAT_BAIK: 30,
    _P.BAIK: 25,
    _P.BUTUH_PERBAIKAN: 15,
    _P.KURANG: 5,
    _P.SANGAT_KURANG: 1,
}
IP_ASN_DISIPLIN: dict[str, int] = {"tidak_pernah": 5, "ringan": 3, "sedang": 2, "berat": 1}

# §7 PP 46/2011 bands, lower edge inclusive (source [S23, S24]); the lowest label is UNVERIFIED
# ("Buruk" or "Sangat Kurang").
PP46_KATEGORI: tuple[tuple[int, str], ...] = (
    (91, "Sangat Baik"),
    (76, "Baik"),
    (61, "Cukup"),
    (51, "Kurang"),
    (0, "Buruk"),
)

# Decision d: keberatan within 14 calendar days after the result is received (PP 30/2019 Pasal 59;
# calendar vs working days UNVERIFIED, configurable).
KEBERATAN_HARI = 14

# Decision c: the SKP deadline (month, day) of the year; default 31 January (seed 000), configurable per year.
BATAS_SKP: tuple[int, int] = (1, 31)

# Decision b: batas pengisian of an evaluation period (bulan, triwulan, semester), in calendar days
# after the period ends. No source gives one: UNVERIFIED (configurable default; the admin instansi
# changes every row's date on the period page).
BATAS_PENGISIAN_HARI = 5

# Decision c: SKP deadline reminders, sent this many calendar days before batas penyusunan (0: on the
# day itself); a "terlambat" notice follows on the day after. Kinerja's choice, no source: UNVERIFIED
# (configurable default).
PENGINGAT_SKP_HARI: tuple[int, ...] = (14, 7, 3, 1, 0)
