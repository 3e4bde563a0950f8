"""Angka kredit (PermenPANRB 1/2023 Pasal 37(1), Peraturan BKN 3/2023; regulasi.md §4; vectors §12.1)."""

from decimal import Decimal

import pytest

from kinerja.aturan import (
    AK_KOEFISIEN,
    AK_PERSEN,
    AKK_KENAIKAN_JENJANG,
    AKK_KENAIKAN_PANGKAT,
    GOLONGAN_RUANG,
    JENJANG_GOLONGAN,
    JenjangFungsional,
    Predikat,
    akumulasi_angka_kredit,
    angka_kredit,
    proyeksi_kenaikan,
    tabel_proyeksi,
)

P, J = Predikat, JenjangFungsional

VEKTOR_ANGKA_KREDIT = [
    pytest.param(
        P.SANGAT_BAIK, J.AHLI_PERTAMA, 12, Decimal("18.75"), id="regulasi.md §12.1 BKN example [S14]"
    ),
    pytest.param(P.BAIK, J.AHLI_PERTAMA, 2, Decimal("2.08"), id="§12.1 BKN example [S14] 2,0833"),
    pytest.param(P.BUTUH_PERBAIKAN, J.AHLI_MADYA, 12, Decimal("28.13"), id="§12.1 [S46] 28,125 half-up"),
    pytest.param(P.BAIK, J.AHLI_PERTAMA, 1, Decimal("1.04"), id="§12.1 computed 1,0417"),
    pytest.param(P.KURANG, J.AHLI_MUDA, 12, Decimal("12.50"), id="§12.1 computed Kurang Ahli Muda"),
    pytest.param(P.SANGAT_BAIK, J.AHLI_UTAMA, 12, Decimal("75.00"), id="§12.1 computed Ahli Utama"),
    pytest.param(P.SANGAT_BAIK, J.TERAMPIL, 12, Decimal("7.50"), id="§12.1 computed Terampil"),
    pytest.param(P.SANGAT_KURANG, J.PEMULA, 12, Decimal("0.94"), id="§12.1 computed 0,9375"),
    pytest.param(P.BAIK, J.MAHIR, 6, Decimal("6.25"), id="§12.1 computed Mahir 6 months"),
    pytest.param(P.BUTUH_PERBAIKAN, J.PENYELIA, 3, Decimal("4.69"), id="§12.1 computed 4,6875"),
]


@pytest.mark.parametrize(("predikat", "jenjang", "bulan", "ak"), VEKTOR_ANGKA_KREDIT)
def test_angka_kredit(predikat, jenjang, bulan, ak):
    hasil = angka_kredit(predikat, jenjang, bulan)
    assert hasil == ak
    assert hasil.as_tuple().exponent == -2


def test_akumulasi_adds_rounded_conversions():
    # regulasi.md §12.1 / decision h: 18,75 + 2,08 = 20,83 [S14]
    konversi = [(P.SANGAT_BAIK, J.AHLI_PERTAMA, 12), (P.BAIK, J.AHLI_PERTAMA, 2)]
    assert akumulasi_angka_kredit(konversi) == Decimal("20.83")
    assert akumulasi_angka_kredit(konversi, ak_awal=Decimal("10")) == Decimal("30.83")
    assert akumulasi_angka_kredit([]) == Decimal("0.00")


@pytest.mark.parametrize("bulan", [pytest.param(0, id="§4.2 zero months"), pytest.param(13, id="§4.2 13")])
def test_bulan_outside_1_to_12(bulan):
    with pytest.raises(ValueError, match="1 sampai 12"):
        angka_kredit(P.BAIK, J.AHLI_PERTAMA, bulan)


def test_koefisien_is_reference_data():
    # decision g: the koefisien table is versioned reference data
    koefisien = dict(AK_KOEFISIEN) | {J.AHLI_PERTAMA: Decimal("10")}
    assert angka_kredit(P.BAIK, J.AHLI_PERTAMA, koefisien=koefisien) == Decimal("10.00")


def test_tables_cover_every_jenjang_and_predikat():
    for tabel in (AK_KOEFISIEN, AKK_KENAIKAN_PANGKAT, AKK_KENAIKAN_JENJANG, JENJANG_GOLONGAN):
        assert set(tabel) == set(JenjangFungsional)
    assert set(AK_PERSEN) == set(Predikat)
    for golongan in JENJANG_GOLONGAN.values():
        assert set(golongan) <= set(GOLONGAN_RUANG)


@pytest.mark.parametrize(
    ("jenjang", "predikat", "tujuan", "ak_awal", "akk", "tahun"),
    [
        pytest.param(J.AHLI_PERTAMA, P.BAIK, "pangkat", "0", "50", 4, id="regulasi.md §4.5 4 years at Baik"),
        pytest.param(
            J.AHLI_PERTAMA, P.SANGAT_BAIK, "pangkat", "0", "50", 3, id="§4.5 3rd year at Sangat Baik"
        ),
        pytest.param(J.AHLI_MADYA, P.BAIK, "pangkat", "0", "150", 4, id="§4.4 Ahli Madya 150 per step"),
        pytest.param(J.AHLI_MUDA, P.BAIK, "jenjang", "0", "200", 8, id="§4.4 Ahli Muda -> Madya 200"),
        pytest.param(J.PEMULA, P.BAIK, "jenjang", "0", "15", 4, id="§4.4 Pemula 15"),
        pytest.param(J.AHLI_PERTAMA, P.BAIK, "pangkat", "60", "50", 0, id="§4.4 already met"),
        pytest.param(J.AHLI_PERTAMA, P.BAIK, "pangkat", "40", "50", 1, id="§4.4 with ak_awal"),
        pytest.param(J.AHLI_UTAMA, P.BAIK, "jenjang", "0", None, None, id="§4.4 Ahli Utama top jenjang"),
        pytest.param(J.PENYELIA, P.BAIK, "jenjang", "0", None, None, id="§4.4 Penyelia top jenjang"),
    ],
)
def test_proyeksi_kenaikan(jenjang, predikat, tujuan, ak_awal, akk, tahun):
    proyeksi = proyeksi_kenaikan(jenjang, predikat, tujuan=tujuan, ak_awal=Decimal(ak_awal))
    assert proyeksi.akk == (None if akk is None else Decimal(akk))
    assert proyeksi.tahun == tahun
    assert proyeksi.ak_per_tahun == angka_kredit(predikat, jenjang)


def test_proyeksi_rejects_unknown_tujuan():
    with pytest.raises(ValueError, match="pangkat"):
        proyeksi_kenaikan(J.AHLI_MUDA, P.BAIK, tujuan="jabatan")


def test_tabel_proyeksi_for_every_predikat():
    tabel = tabel_proyeksi(J.AHLI_PERTAMA)
    assert list(tabel) == list(Predikat)
    # regulasi.md §4.1: Sangat Kurang gives 25 % of 12,5 = 3,13 a year -> 16 years for 50
    assert tabel[P.SANGAT_KURANG].tahun == 16
    assert tabel[P.BAIK].tahun == 4


@pytest.mark.parametrize(
    ("tujuan", "akk", "tahun"),
    [
        ("pangkat", "75", 6),  # a later AKK version (decision g): 75 / 12,5 per year at Baik = 6 years
        ("jenjang", "60", 5),  # 60 / 12,5 = 4,8 -> the 5th year
    ],
)
def test_proyeksi_kenaikan_with_akk_of_another_version(tujuan, akk, tahun):
    proyeksi = proyeksi_kenaikan(J.AHLI_PERTAMA, P.BAIK, tujuan=tujuan, akk=Decimal(akk))
    assert (proyeksi.akk, proyeksi.tahun) == (Decimal(akk), tahun)
