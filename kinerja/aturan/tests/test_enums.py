"""Enums, labels and choices (regulasi.md §3.2, §3.4, §3.7, §8.4; seed 004)."""

import pytest

from kinerja.aturan import (
    CapaianOrganisasi,
    JenisJabatan,
    JenisRumusan,
    JenjangFungsional,
    Predikat,
    RatingKerja,
)
from kinerja.aturan.skp import Aspek, Perspektif

SEMUA_ENUM = [RatingKerja, Predikat, CapaianOrganisasi, JenisJabatan, JenjangFungsional, JenisRumusan]


@pytest.mark.parametrize("cls", [*SEMUA_ENUM, Perspektif, Aspek], ids=lambda c: c.__name__)
def test_values_are_short_snake_strings_with_labels(cls):
    for member in cls:
        assert isinstance(member, str)
        assert member.value == member.value.lower() and " " not in member.value
        assert len(member.value) <= 16
        assert member.label
        assert cls(member.value) is member
    assert cls.choices() == [(m.value, m.label) for m in cls]


@pytest.mark.parametrize(
    ("member", "label"),
    [
        pytest.param(Predikat.KURANG, "Kurang/Misconduct", id="regulasi.md §3.7 label Kurang/Misconduct"),
        pytest.param(Predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan", id="regulasi.md §3.7"),
        pytest.param(RatingKerja.DI_ATAS_EKSPEKTASI, "Di Atas Ekspektasi", id="seed 002 3.b"),
        pytest.param(CapaianOrganisasi.ISTIMEWA, "Istimewa", id="regulasi.md §3.2 SE MenPANRB 3/2023"),
        pytest.param(JenisJabatan.JPT_UTAMA, "JPT Utama", id="regulasi.md §8.4 JPT"),
        pytest.param(JenisJabatan.FUNGSIONAL, "Jabatan Fungsional", id="regulasi.md §8.4 JF"),
        pytest.param(JenjangFungsional.AHLI_PERTAMA, "Ahli Pertama", id="regulasi.md §8.4 keahlian"),
        pytest.param(JenisRumusan.PENCAPAIAN, "Pencapaian", id="seed 004 table header"),
    ],
)
def test_labels(member, label):
    assert member.label == label
    assert str(member) == member.value


@pytest.mark.parametrize(
    ("jabatan", "is_jpt", "is_administrasi"),
    [
        pytest.param(JenisJabatan.JPT_UTAMA, True, False, id="regulasi.md §8.4 JPT Utama"),
        pytest.param(JenisJabatan.JPT_MADYA, True, False, id="regulasi.md §8.4 JPT Madya"),
        pytest.param(JenisJabatan.JPT_PRATAMA, True, False, id="regulasi.md §8.4 JPT Pratama"),
        pytest.param(JenisJabatan.ADMINISTRATOR, False, True, id="regulasi.md §8.4 administrator"),
        pytest.param(JenisJabatan.PENGAWAS, False, True, id="regulasi.md §8.4 pengawas"),
        pytest.param(JenisJabatan.PELAKSANA, False, True, id="regulasi.md §8.4 pelaksana"),
        pytest.param(JenisJabatan.FUNGSIONAL, False, False, id="regulasi.md §8.4 fungsional"),
    ],
)
def test_jenis_jabatan_groups(jabatan, is_jpt, is_administrasi):
    assert jabatan.is_jpt is is_jpt
    assert jabatan.is_administrasi is is_administrasi


_J = JenjangFungsional


@pytest.mark.parametrize(
    ("jenjang", "kategori", "berikutnya"),
    [
        pytest.param(_J.PEMULA, "keterampilan", _J.TERAMPIL, id="regulasi.md §8.4 Pemula"),
        pytest.param(_J.TERAMPIL, "keterampilan", _J.MAHIR, id="regulasi.md §8.4 Terampil"),
        pytest.param(_J.MAHIR, "keterampilan", _J.PENYELIA, id="regulasi.md §8.4 Mahir"),
        pytest.param(_J.PENYELIA, "keterampilan", None, id="regulasi.md §4.4 Penyelia top"),
        pytest.param(_J.AHLI_PERTAMA, "keahlian", _J.AHLI_MUDA, id="regulasi.md §8.4 Ahli Pertama"),
        pytest.param(_J.AHLI_MUDA, "keahlian", _J.AHLI_MADYA, id="regulasi.md §8.4 Ahli Muda"),
        pytest.param(_J.AHLI_MADYA, "keahlian", _J.AHLI_UTAMA, id="regulasi.md §8.4 Ahli Madya"),
        pytest.param(_J.AHLI_UTAMA, "keahlian", None, id="regulasi.md §4.4 Ahli Utama top"),
    ],
)
def test_jenjang_kategori(jenjang, kategori, berikutnya):
    assert jenjang.kategori == kategori
    assert jenjang.is_keahlian is (kategori == "keahlian")
    assert jenjang.berikutnya is berikutnya
