"""Working days (hari kerja): Monday to Friday, except the public holidays and cuti bersama stored as
``HariLibur``.

Convention (the one an SOP's "Waktu: n Hari Kerja" is read with): a duration counts the working days
*after* the day a step began, up to and including the day it was done. A step finished on the day it
began took 0 working days; one begun on Friday and finished on Monday took 1. So a step of n HK begun
on day D is on time when finished by ``tambah_hari_kerja(D, n)``, and
``hari_kerja_antara(D, tambah_hari_kerja(D, n)) == n``.

Both functions take the holidays as an argument (a set of dates) or read them from the database for
the range they need, in one query.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from .models import HariLibur

SABTU = 5  # date.weekday(): Monday 0 ... Saturday 5, Sunday 6


def libur_antara(mulai: date, selesai: date) -> set[date]:
    return set(
        HariLibur.objects.filter(tanggal__gte=mulai, tanggal__lte=selesai).values_list("tanggal", flat=True)
    )


def is_hari_kerja(tanggal: date, libur: Iterable[date]) -> bool:
    return tanggal.weekday() < SABTU and tanggal not in libur


def hari_kerja_antara(mulai: date, selesai: date, libur: set[date] | None = None) -> int:
    """Working days d with mulai < d <= selesai (0 when selesai is not after mulai)."""
    if selesai <= mulai:
        return 0
    if libur is None:
        libur = libur_antara(mulai, selesai)
    n = 0
    d = mulai + timedelta(days=1)
    while d <= selesai:
        n += is_hari_kerja(d, libur)
        d += timedelta(days=1)
    return n


def tambah_hari_kerja(tanggal: date, n: int, libur: set[date] | None = None) -> date:
    """The n-th working day after `tanggal` (`tanggal` itself when n is 0)."""
    if n < 0:
        raise ValueError("n must not be negative")
    # Holidays are read for a window long enough for n working days plus the longest cuti bersama;
    # when the walk outruns it, the next window is read.
    jendela = n * 2 + 31
    batas = tanggal + timedelta(days=jendela)
    if libur is None:
        libur = libur_antara(tanggal, batas)
        baca_lagi = True
    else:
        baca_lagi = False
    d = tanggal
    while n > 0:
        d += timedelta(days=1)
        if baca_lagi and d > batas:
            libur = libur | libur_antara(d, d + timedelta(days=jendela))
            batas = d + timedelta(days=jendela)
        if is_hari_kerja(d, libur):
            n -= 1
    return d
