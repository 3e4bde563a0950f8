"""Defaults of the period settings and the SKP reminders (decisions b and c; both UNVERIFIED)."""

from datetime import date, timedelta

import pytest

from kinerja.aturan import batas_penyusunan_skp
from kinerja.aturan.referensi import BATAS_PENGISIAN_HARI, PENGINGAT_SKP_HARI


@pytest.mark.parametrize(
    ("akhir_periode", "batas_pengisian"),
    [
        pytest.param(date(2027, 3, 31), date(2027, 4, 5), id="triwulan I"),
        pytest.param(date(2028, 2, 29), date(2028, 3, 5), id="leap February"),
        pytest.param(date(2027, 12, 31), date(2028, 1, 5), id="year end"),
    ],
)
def test_batas_pengisian_is_five_calendar_days_after_the_period(akhir_periode, batas_pengisian):
    assert akhir_periode + timedelta(days=BATAS_PENGISIAN_HARI) == batas_pengisian


@pytest.mark.parametrize(
    ("hari", "tanggal"),
    [
        pytest.param(14, date(2027, 1, 17), id="two weeks before"),
        pytest.param(7, date(2027, 1, 24), id="one week before"),
        pytest.param(3, date(2027, 1, 28), id="three days before"),
        pytest.param(1, date(2027, 1, 30), id="the day before"),
        pytest.param(0, date(2027, 1, 31), id="the deadline itself (seed 000)"),
    ],
)
def test_reminder_days_before_the_default_deadline(hari, tanggal):
    assert hari in PENGINGAT_SKP_HARI
    assert batas_penyusunan_skp(2027) - timedelta(days=hari) == tanggal


def test_reminder_days_are_distinct_descending_and_end_on_the_deadline():
    assert list(PENGINGAT_SKP_HARI) == sorted(set(PENGINGAT_SKP_HARI), reverse=True)
    assert PENGINGAT_SKP_HARI[-1] == 0
