"""Golongan ruang, pangkat, PPPK golongan (regulasi.md §8.3, §8.5; seed 004)."""

import pytest

from kinerja.aturan import GOLONGAN_PPPK, GOLONGAN_RUANG, PANGKAT, golongan_berikut, label_pangkat


def test_tables_have_17_entries_in_order():
    assert len(GOLONGAN_RUANG) == 17 and len(PANGKAT) == 17 and len(GOLONGAN_PPPK) == 17
    assert tuple(PANGKAT) == GOLONGAN_RUANG
    assert GOLONGAN_RUANG[0] == "I/a" and GOLONGAN_RUANG[-1] == "IV/e"
    assert GOLONGAN_PPPK[0] == "I" and GOLONGAN_PPPK[-1] == "XVII"


@pytest.mark.parametrize(
    ("golongan", "label"),
    [
        pytest.param("III/c", "Penata – III/c", id="seed 004: Penata – III/c"),
        pytest.param("IV/a", "Pembina – IV/a", id="seed 004: Pembina - IV/a"),
        pytest.param("IV/c", "Pembina Utama Muda – IV/c", id="seed 004: Pembina Utama Muda– IV/c"),
        pytest.param("IV/d", "Pembina Utama Madya – IV/d", id="seed 004: Pembina Utama Madya- IV/d"),
        pytest.param("I/a", "Juru Muda – I/a", id="regulasi.md §8.3 I/a"),
        pytest.param("II/b", "Pengatur Muda Tingkat I – II/b", id="regulasi.md §8.3 II/b"),
        pytest.param("IV/e", "Pembina Utama – IV/e", id="regulasi.md §8.3 IV/e"),
    ],
)
def test_label_pangkat(golongan, label):
    assert label_pangkat(golongan) == label


@pytest.mark.parametrize(
    ("golongan", "berikut"),
    [
        pytest.param("III/a", "III/b", id="regulasi.md §8.3 within a golongan"),
        pytest.param("II/d", "III/a", id="regulasi.md §8.3 across golongan"),
        pytest.param("IV/e", None, id="regulasi.md §8.3 top"),
    ],
)
def test_golongan_berikut(golongan, berikut):
    assert golongan_berikut(golongan) == berikut


@pytest.mark.parametrize("fungsi", [label_pangkat, golongan_berikut])
def test_unknown_golongan_is_rejected(fungsi):
    with pytest.raises(ValueError, match="tidak dikenal"):
        fungsi("V/a")
