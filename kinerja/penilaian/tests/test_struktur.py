"""Who leads a unit, who sets its capaian, which capaian a team is read against."""

import pytest

from kinerja.aturan import Predikat, RatingKerja
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.models import CapaianKinerjaOrganisasi
from kinerja.penilaian.struktur import (
    capaian_berlaku,
    dapat_menetapkan_capaian,
    jumlah_predikat,
    kepala_unit,
    penilaian_tim,
    unit_dipimpin,
)
from kinerja.perencanaan import services

from .factories import penilaian_dengan, skp_disetujui

BAWONO, SEKAR, AMIRUDIN = "198103021999121001", "199106112012062001", "196804241998031011"


@pytest.fixture
def units(demo):
    return {u.kode: u for u in UnitKerja.objects.all()}


def test_kepala_unit_is_the_structural_head_of_each_unit(demo, units):
    kepala = kepala_unit(u.pk for u in units.values())
    assert kepala[units["BKPSDM-IPKP"].pk].nip == BAWONO
    assert kepala[units["BKPSDM"].pk].nip == AMIRUDIN
    assert units["DJK"].pk not in kepala  # vacant in the demo


def test_unit_dipimpin(demo, units):
    assert unit_dipimpin(demo[BAWONO]) == units["BKPSDM-IPKP"].pk
    assert unit_dipimpin(demo[SEKAR]) is None  # a JF leads nothing


def test_capaian_is_set_by_the_pimpinan_one_level_above(demo, units, cast):
    bidang = units["BKPSDM-IPKP"]
    assert dapat_menetapkan_capaian(cast["atasan_pejabat_penilai"], bidang)  # Kepala BKPSDM
    assert not dapat_menetapkan_capaian(cast["pejabat_penilai"], bidang)  # the Kabid himself
    assert not dapat_menetapkan_capaian(cast["pegawai"], bidang)
    assert not dapat_menetapkan_capaian(cast["outsider"], bidang)
    assert dapat_menetapkan_capaian(cast["pimpinan"], bidang)
    assert dapat_menetapkan_capaian(cast["superadmin"], bidang)


def test_capaian_berlaku_falls_back_to_the_nearest_unit_above(demo, units):
    periode = services.periode_tahun(demo[SEKAR].instansi, 2027)
    bidang = units["BKPSDM-IPKP"]
    assert capaian_berlaku(bidang.pk, periode.pk, None) is None
    atas = CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=units["BKPSDM"], periode=periode, capaian="baik"
    )
    assert capaian_berlaku(bidang.pk, periode.pk, None) == atas
    jadwal = periode.jadwal_set.first()
    assert capaian_berlaku(bidang.pk, periode.pk, jadwal.pk) is None  # periodic is separate
    sendiri = CapaianKinerjaOrganisasi.objects.create(unit_kerja=bidang, periode=periode, capaian="istimewa")
    assert capaian_berlaku(bidang.pk, periode.pk, None) == sendiri


def test_jumlah_predikat_of_a_team(demo):
    bawono = demo[BAWONO]
    tim = [p for p in demo.values() if p.pejabat_penilai_id == bawono.pk]
    di_atas, sesuai = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI
    penilaian_dengan(skp_disetujui(tim[0]), hasil=di_atas, perilaku=di_atas)
    penilaian_dengan(skp_disetujui(tim[1]), hasil=sesuai, perilaku=sesuai)
    penilaian_dengan(skp_disetujui(tim[2]), hasil=None)
    periode = services.periode_tahun(bawono.instansi, 2027)
    assert jumlah_predikat(penilaian_tim(bawono.pk, periode.pk, None)) == {
        Predikat.SANGAT_BAIK: 1,
        Predikat.BAIK: 1,
    }
