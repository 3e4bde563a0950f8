"""The enums of the regulation, each with its Indonesian label.

Sources: domain reference (``regulasi.md``) §3.2, §3.4, §3.5, §3.7, §2.9 and §8.4.
Values are lowercase snake strings of at most 16 characters (they are stored in the database).
"""

from ._enum import LabelledEnum


class RatingKerja(LabelledEnum):
    """Rating hasil kerja and rating perilaku kerja (PermenPANRB 6/2022; regulasi.md §3.4, §3.5)."""

    DI_ATAS_EKSPEKTASI = "di_atas", "Di Atas Ekspektasi"
    SESUAI_EKSPEKTASI = "sesuai", "Sesuai Ekspektasi"
    DI_BAWAH_EKSPEKTASI = "di_bawah", "Di Bawah Ekspektasi"


class Predikat(LabelledEnum):
    """Predikat kinerja pegawai (PermenPANRB 6/2022; regulasi.md §3.7)."""

    SANGAT_BAIK = "sangat_baik", "Sangat Baik"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang/Misconduct"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class CapaianOrganisasi(LabelledEnum):
    """Capaian kinerja organisasi (SE MenPANRB 3/2023; regulasi.md §3.2)."""

    ISTIMEWA = "istimewa", "Istimewa"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class JenisJabatan(LabelledEnum):
    """Jenis jabatan: JPT, jabatan administrasi and jabatan fungsional (regulasi.md §8.4)."""

    JPT_UTAMA = "jpt_utama", "JPT Utama"
    JPT_MADYA = "jpt_madya", "JPT Madya"
    JPT_PRATAMA = "jpt_pratama", "JPT Pratama"
    ADMINISTRATOR = "administrator", "Administrator"
    PENGAWAS = "pengawas", "Pengawas"
    PELAKSANA = "pelaksana", "Pelaksana"
    FUNGSIONAL = "fungsional", "Jabatan Fungsional"

    @property
    def is_jpt(self) -> bool:
        """True for the three levels of jabatan pimpinan tinggi (SKP format JPT, regulasi.md §2.4)."""
        return self in _JPT

    @property
    def is_administrasi(self) -> bool:
        """True for administrator, pengawas and pelaksana (jabatan administrasi, regulasi.md §8.4)."""
        return self in _ADMINISTRASI


_JPT = frozenset({JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA})
_ADMINISTRASI = frozenset({JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS, JenisJabatan.PELAKSANA})


class JenjangFungsional(LabelledEnum):
    """Jenjang jabatan fungsional, keterampilan then keahlian, lowest first (regulasi.md §8.4)."""

    PEMULA = "pemula", "Pemula"
    TERAMPIL = "terampil", "Terampil"
    MAHIR = "mahir", "Mahir"
    PENYELIA = "penyelia", "Penyelia"
    AHLI_PERTAMA = "ahli_pertama", "Ahli Pertama"
    AHLI_MUDA = "ahli_muda", "Ahli Muda"
    AHLI_MADYA = "ahli_madya", "Ahli Madya"
    AHLI_UTAMA = "ahli_utama", "Ahli Utama"

    @property
    def is_keahlian(self) -> bool:
        """True for the four jenjang of JF keahlian (Ahli Pertama … Ahli Utama)."""
        return self.value.startswith("ahli_")

    @property
    def kategori(self) -> str:
        """``"keahlian"`` or ``"keterampilan"`` (regulasi.md §8.4)."""
        return "keahlian" if self.is_keahlian else "keterampilan"

    @property
    def berikutnya(self) -> "JenjangFungsional | None":
        """The next jenjang in the same category; None for Penyelia and Ahli Utama (regulasi.md §4.4)."""
        return _JENJANG_BERIKUTNYA[self]


_J = JenjangFungsional
_JENJANG_BERIKUTNYA: dict[JenjangFungsional, JenjangFungsional | None] = {
    _J.PEMULA: _J.TERAMPIL,
    _J.TERAMPIL: _J.MAHIR,
    _J.MAHIR: _J.PENYELIA,
    _J.PENYELIA: None,
    _J.AHLI_PERTAMA: _J.AHLI_MUDA,
    _J.AHLI_MUDA: _J.AHLI_MADYA,
    _J.AHLI_MADYA: _J.AHLI_UTAMA,
    _J.AHLI_UTAMA: None,
}


class JenisRumusan(LabelledEnum):
    """How a rencana hasil kerja is worded (seed 004; regulasi.md §2.9)."""

    PENCAPAIAN = "pencapaian", "Pencapaian"
    AKTIVITAS = "aktivitas", "Aktivitas"
    KATEGORI = "kategori", "Kategori"
