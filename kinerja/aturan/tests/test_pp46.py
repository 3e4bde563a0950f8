"""PP 46/2011 and Perka BKN 1/2013, historical data (regulasi.md §7; vectors §12.7)."""

from decimal import Decimal

import pytest

from kinerja.aturan import (
    capaian_kegiatan,
    kategori_pp46,
    nilai_biaya,
    nilai_capaian_skp,
    nilai_kualitas,
    nilai_kuantitas,
    nilai_prestasi_kerja,
    nilai_waktu,
)

VEKTOR_PP46_WAKTU = [
    pytest.param(12, 12, Decimal("76"), id="regulasi.md §12.7 efisiensi 0 %"),
    pytest.param(12, 10, Decimal("92.67"), id="§12.7 efisiensi 16,7 % <= 24 %"),
    pytest.param(12, 6, Decimal("50"), id="§12.7 efisiensi 50 % > 24 %"),
    pytest.param(100, 76, Decimal("100"), id="§7 efisiensi exactly 24 %"),
]


@pytest.mark.parametrize(("tw", "rw", "nilai"), VEKTOR_PP46_WAKTU)
def test_nilai_waktu(tw, rw, nilai):
    assert nilai_waktu(tw, rw) == nilai
    assert nilai_biaya(tw, rw) == nilai  # regulasi.md §7: biaya as waktu with TB/RB


@pytest.mark.parametrize(
    ("fungsi", "realisasi", "target", "nilai"),
    [
        pytest.param(nilai_kuantitas, 9, 10, Decimal("90"), id="regulasi.md §7 RO/TO x 100"),
        pytest.param(nilai_kualitas, 85, 100, Decimal("85"), id="§7 RK/TK x 100"),
        pytest.param(nilai_kuantitas, 2, 3, Decimal("66.67"), id="§7 rounding half-up"),
    ],
)
def test_kuantitas_kualitas(fungsi, realisasi, target, nilai):
    assert fungsi(realisasi, target) == nilai


@pytest.mark.parametrize("fungsi", [nilai_kuantitas, nilai_kualitas, nilai_waktu])
def test_target_must_be_positive(fungsi):
    with pytest.raises(ValueError, match="lebih dari 0"):
        fungsi(1, 0) if fungsi is not nilai_waktu else fungsi(0, 1)


def test_capaian_kegiatan_and_skp():
    # regulasi.md §7: mean over the aspects used, then over the kegiatan
    assert capaian_kegiatan([Decimal("90"), Decimal("85"), Decimal("76")]) == Decimal("83.67")
    assert nilai_capaian_skp([Decimal("83.67"), Decimal("80")]) == Decimal("81.84")  # 81,835 half-up
    with pytest.raises(ValueError):
        capaian_kegiatan([])
    with pytest.raises(ValueError):
        nilai_capaian_skp([])


def test_nilai_prestasi_kerja_vector():
    # regulasi.md §12.7: 60 % x 85 + 40 % x 80 = 83,00 Baik
    assert nilai_prestasi_kerja(Decimal("85"), Decimal("80")) == (Decimal("83.00"), "Baik")


@pytest.mark.parametrize(
    ("nilai", "kategori"),
    [
        pytest.param(91, "Sangat Baik", id="regulasi.md §7 >= 91"),
        pytest.param(90, "Baik", id="§7 76-90"),
        pytest.param(76, "Baik", id="§7 76"),
        pytest.param(75, "Cukup", id="§7 61-75"),
        pytest.param(60, "Kurang", id="§7 51-60"),
        pytest.param(50, "Buruk", id="§7 <= 50 (label UNVERIFIED)"),
    ],
)
def test_kategori_pp46(nilai, kategori):
    assert kategori_pp46(nilai) == kategori
