"""IP ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019; regulasi.md §6; vectors §12.6)."""

import dataclasses
from decimal import Decimal

import pytest

from kinerja.aturan import TABEL_IP_ASN_DEFAULT, DataIpAsn, Predikat, kategori_ip_asn, nilai_ip_asn

VEKTOR_IP_ASN_KATEGORI = [
    pytest.param(100, "Sangat Tinggi", id="regulasi.md §12.6 100"),
    pytest.param(91, "Sangat Tinggi", id="§12.6 91"),
    pytest.param(90, "Tinggi", id="§12.6 90"),
    pytest.param(Decimal("90.5"), "Tinggi", id="§12.6 90,5 lower edge inclusive"),
    pytest.param(81, "Tinggi", id="§12.6 81"),
    pytest.param(80, "Sedang", id="§12.6 80"),
    pytest.param(71, "Sedang", id="§12.6 71"),
    pytest.param(70, "Rendah", id="§12.6 70"),
    pytest.param(61, "Rendah", id="§12.6 61"),
    pytest.param(60, "Sangat Rendah", id="§12.6 60"),
    pytest.param(Decimal("60.5"), "Sangat Rendah", id="§12.6 60,5"),
    pytest.param(0, "Sangat Rendah", id="§12.6 0"),
]


@pytest.mark.parametrize(("nilai", "kategori"), VEKTOR_IP_ASN_KATEGORI)
def test_kategori_ip_asn(nilai, kategori):
    assert kategori_ip_asn(nilai) == kategori


@pytest.mark.parametrize(
    "nilai", [pytest.param(-1, id="§6.2 below 0"), pytest.param(101, id="§6.2 above 100")]
)
def test_kategori_outside_range(nilai):
    with pytest.raises(ValueError, match="0 sampai 100"):
        kategori_ip_asn(nilai)


CONTOH = DataIpAsn(
    kualifikasi="S1_D4",
    predikat=Predikat.BAIK,
    kompetensi={"diklat_kepemimpinan_sesuai_jabatan", "diklat_teknis_20_jp_2_tahun_terakhir"},
    kompetensi_tidak_berlaku={"diklat_fungsional_sesuai_jenjang"},
    disiplin="tidak_pernah",
)


def test_nilai_ip_asn_vector():
    # regulasi.md §12.6: S-1 (15) + kompetensi 35 + kinerja Baik (25) + no hukuman disiplin (5) = 80 -> Sedang
    hasil = nilai_ip_asn(CONTOH)
    assert tuple(hasil.per_dimensi.values()) == (15, 35, 25, 5)
    assert hasil.total == 80
    assert hasil.kategori == "Sedang"
    assert hasil.poin_hilang == {
        "kualifikasi": 10,
        "diklat_kepemimpinan_sesuai_jabatan": 0,
        "diklat_fungsional_sesuai_jenjang": 0,
        "diklat_teknis_20_jp_2_tahun_terakhir": 0,
        "seminar_workshop": 5,
        "kinerja": 5,
        "disiplin": 0,
    }
    assert sum(hasil.poin_hilang.values()) + hasil.total == 100


def test_nilai_ip_asn_maximum():
    # regulasi.md §6.1: the point tables carry the weight; the maximum is 100
    data = DataIpAsn("S3", Predikat.SANGAT_BAIK, kompetensi=set(TABEL_IP_ASN_DEFAULT.kompetensi))
    hasil = nilai_ip_asn(data)
    assert hasil.total == 100 and hasil.kategori == "Sangat Tinggi"
    assert not any(hasil.poin_hilang.values())


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        pytest.param({"kualifikasi": "S4"}, "kualifikasi", id="§6.3 unknown kualifikasi"),
        pytest.param({"disiplin": "sangat_berat"}, "disiplin", id="§6.3 unknown disiplin"),
        pytest.param({"kompetensi": {"kursus"}}, "kompetensi", id="§6.3 unknown kompetensi"),
    ],
)
def test_unknown_answer(ubah, pesan):
    with pytest.raises(ValueError, match=pesan):
        nilai_ip_asn(dataclasses.replace(CONTOH, **ubah))


def test_default_table_is_valid():
    # regulasi.md §12 "Also test": weights sum to 100, kompetensi components to 40
    assert TABEL_IP_ASN_DEFAULT.validasi() == []
    assert sum(TABEL_IP_ASN_DEFAULT.bobot.values()) == 100
    assert sum(TABEL_IP_ASN_DEFAULT.kompetensi.values()) == 40


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        pytest.param({"bobot": {"kualifikasi": 25}}, "Dimensi bobot", id="§6.1 missing dimension"),
        pytest.param(
            {"bobot": {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 10}},
            "harus 100",
            id="§6.1 weights sum to 105",
        ),
        pytest.param(
            {"bobot": {"kualifikasi": 30, "kompetensi": 35, "kinerja": 30, "disiplin": 5}},
            "dimensi kualifikasi",
            id="§6.3 kualifikasi max differs from weight",
        ),
        pytest.param({"kinerja": {Predikat.BAIK: 30}}, "kelima predikat", id="§6.3 kinerja per predikat"),
        pytest.param({"kategori": ((0, "A"), (50, "B"))}, "menurun", id="§6.2 edges not descending"),
        pytest.param({"kategori": ((50, "B"),)}, "menurun", id="§6.2 edges not ending at 0"),
        pytest.param({"kategori": ()}, "menurun", id="§6.2 no categories"),
    ],
)
def test_validasi_finds_problems(ubah, pesan):
    masalah = dataclasses.replace(TABEL_IP_ASN_DEFAULT, **ubah).validasi()
    assert any(pesan in m for m in masalah), masalah
