"""Kenaikan pangkat periods and predikat condition (regulasi.md §5.1, §5.2; vectors §12.3)."""

from datetime import date

import pytest

from kinerja.aturan import KP_PERIODE, PeriodeKp, Predikat, periode_kenaikan_pangkat_berikut
from kinerja.aturan.kenaikan_pangkat import predikat_memenuhi_syarat_kp

VEKTOR_KP = [
    pytest.param(
        date(2023, 5, 15), date(2023, 10, 1), id="regulasi.md §12.3 KepKa BKN 12/2002 April/Oktober"
    ),
    pytest.param(date(2023, 11, 15), date(2024, 2, 1), id="§12.3 PerBKN 4/2023 from 2024-01-01"),
    pytest.param(date(2024, 1, 15), date(2024, 2, 1), id="§12.3 PerBKN 4/2023 Pasal 2"),
    pytest.param(date(2024, 12, 2), date(2025, 2, 1), id="§12.3 across the year"),
    pytest.param(date(2025, 8, 15), date(2025, 10, 1), id="§12.3 2025-09-01 is not a period"),
    pytest.param(date(2025, 10, 15), date(2025, 11, 1), id="§12.3 PerBKN 4/2025 monthly"),
    pytest.param(date(2025, 12, 15), date(2026, 1, 1), id="§12.3 monthly across the year"),
    pytest.param(date(2024, 4, 1), date(2024, 6, 1), id="§5.1 a period date gives the next one"),
]


@pytest.mark.parametrize(("tanggal", "berikut"), VEKTOR_KP)
def test_periode_kenaikan_pangkat_berikut(tanggal, berikut):
    assert periode_kenaikan_pangkat_berikut(tanggal) == berikut


def test_periods_are_reference_data():
    # decision g: the periods are versioned; a gap in the rules is skipped
    periode = (PeriodeKp(date(2030, 1, 1), None, (7,), "contoh"),)
    assert periode_kenaikan_pangkat_berikut(date(2024, 1, 1), periode=periode) == date(2030, 7, 1)
    assert KP_PERIODE[-1].berlaku_sampai is None


def test_no_period_in_ten_years():
    with pytest.raises(ValueError, match="Tidak ada periode"):
        periode_kenaikan_pangkat_berikut(date(2024, 1, 1), periode=())


P = Predikat


@pytest.mark.parametrize(
    ("predikat", "tahun", "memenuhi"),
    [
        pytest.param([P.BAIK, P.SANGAT_BAIK], 2, True, id="regulasi.md §5.2 Baik in the last 2 years"),
        pytest.param([P.KURANG, P.BAIK, P.BAIK], 2, True, id="§5.2 only the last 2 count"),
        pytest.param([P.BAIK, P.BUTUH_PERBAIKAN], 2, False, id="§5.2 Butuh Perbaikan last year"),
        pytest.param([P.BAIK], 2, False, id="§5.2 one year of data"),
        pytest.param([P.BUTUH_PERBAIKAN, P.BAIK], 1, True, id="§4.4 kenaikan jenjang: last year"),
    ],
)
def test_predikat_memenuhi_syarat_kp(predikat, tahun, memenuhi):
    assert predikat_memenuhi_syarat_kp(predikat, tahun=tahun) is memenuhi
