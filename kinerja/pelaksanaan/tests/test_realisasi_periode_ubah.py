"""A period with rencana aksi or realisasi cannot be dropped by narrowing the year's dates."""

from datetime import date

import pytest

from kinerja.pelaksanaan.models import Realisasi
from kinerja.penilaian.tests.factories import skp_disetujui
from kinerja.perencanaan.models import JadwalPeriode
from kinerja.perencanaan.periode import PeriodeDitolak, ubah_periode

SEKAR = "199106112012062001"


@pytest.mark.django_db
def test_narrowing_the_dates_over_a_filled_period_is_refused_and_changes_nothing(demo):
    skp = skp_disetujui(demo[SEKAR])
    periode = skp.periode
    terakhir = periode.jadwal_set.get(nomor=4)
    Realisasi.objects.create(indikator=skp.rhk_set.first().indikator_set.get(), jadwal=terakhir, nilai=3)
    with pytest.raises(PeriodeDitolak) as e:
        ubah_periode(
            periode=periode,
            tanggal_mulai=date(2027, 1, 1),
            tanggal_selesai=date(2027, 6, 30),
            batas_penyusunan=periode.batas_penyusunan,
            siklus=periode.siklus,
            batas_pengisian={},
        )
    assert "periode penilaian ke-3, 4" in str(e.value.masalah)
    periode.refresh_from_db()
    assert periode.tanggal_selesai == date(2027, 12, 31)
    assert JadwalPeriode.objects.filter(periode=periode).count() == 4


@pytest.mark.django_db
def test_narrowing_empty_periods_is_allowed(demo):
    periode = skp_disetujui(demo[SEKAR]).periode
    ubah_periode(
        periode=periode,
        tanggal_mulai=date(2027, 1, 1),
        tanggal_selesai=date(2027, 6, 30),
        batas_penyusunan=periode.batas_penyusunan,
        siklus=periode.siklus,
        batas_pengisian={},
    )
    assert list(periode.jadwal_set.values_list("nomor", flat=True)) == [1, 2]
