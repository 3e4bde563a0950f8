"""Working days: weekends and HariLibur skipped; a same-day duration is 0 (convention in hari_kerja)."""

from datetime import date

import pytest

from kinerja.sop.hari_kerja import hari_kerja_antara, tambah_hari_kerja
from kinerja.sop.models import HariLibur

# November 2027: Monday the 1st ... Friday the 5th, weekend 6-7; the 3rd made a holiday below.
SENIN, SELASA, RABU, KAMIS, JUMAT, SABTU, MINGGU = (date(2027, 11, d) for d in range(1, 8))
SENIN_2 = date(2027, 11, 8)
LIBUR = {RABU}


@pytest.mark.parametrize(
    ("mulai", "selesai", "expected"),
    [
        (SENIN, SENIN, 0),  # same day
        (SENIN, SELASA, 1),
        (SELASA, KAMIS, 1),  # Wednesday is a holiday
        (JUMAT, SENIN_2, 1),  # weekend skipped
        (SABTU, MINGGU, 0),
        (SABTU, SENIN_2, 1),
        (SENIN, SENIN_2, 4),  # Tue, Thu, Fri, Mon
        (KAMIS, SELASA, 0),  # backwards
    ],
)
def test_hari_kerja_antara(mulai, selesai, expected):
    assert hari_kerja_antara(mulai, selesai, LIBUR) == expected


@pytest.mark.parametrize(
    ("tanggal", "n", "expected"),
    [
        (SENIN, 0, SENIN),
        (SENIN, 1, SELASA),
        (SELASA, 1, KAMIS),  # over the holiday
        (JUMAT, 1, SENIN_2),  # over the weekend
        (SENIN, 4, SENIN_2),
        (SABTU, 1, SENIN_2),
    ],
)
def test_tambah_hari_kerja(tanggal, n, expected):
    assert tambah_hari_kerja(tanggal, n, LIBUR) == expected
    assert hari_kerja_antara(tanggal, expected, LIBUR) == n


@pytest.mark.django_db
def test_holidays_are_read_from_the_database():
    HariLibur.objects.create(tanggal=RABU, keterangan="Libur uji")
    assert hari_kerja_antara(SELASA, KAMIS) == 1
    assert tambah_hari_kerja(SELASA, 1) == KAMIS
    # A long walk reads further windows: 60 working days from 1 November 2027 with one holiday.
    assert hari_kerja_antara(SENIN, tambah_hari_kerja(SENIN, 60)) == 60


def test_negative_n_is_refused():
    with pytest.raises(ValueError):
        tambah_hari_kerja(SENIN, -1, LIBUR)
