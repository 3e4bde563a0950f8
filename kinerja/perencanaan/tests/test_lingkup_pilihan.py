"""The unit picker of the report pages stays small in an instansi of thousands of units."""

import pytest

from kinerja.organisasi.models import UnitKerja
from kinerja.perencanaan import selectors_laporan
from kinerja.perencanaan.selectors_laporan import Lingkup, Unit


def _lingkup(units, unit):
    return Lingkup(instansi=None, instansi_list=[], unit=unit, units=units, unit_ids=[], tahun=2027)


def test_small_instansi_offers_every_unit():
    units = [Unit(1, "A", "A", None), Unit(2, "B", "B", 1, 1)]
    assert _lingkup(units, units[0]).pilihan_unit == units


def test_large_instansi_offers_the_path_the_children_and_the_top_units():
    top = [Unit(i, f"T{i}", f"T{i}", None) for i in range(1, 4)]
    bidang = [Unit(100 + i, f"B{i}", f"B{i}", 1, 1) for i in range(150)]
    seksi = [Unit(1000 + i, f"S{i}", f"S{i}", 100, 2) for i in range(100)]
    units = top + bidang + seksi
    pilihan = _lingkup(units, bidang[0]).pilihan_unit
    assert {u.id for u in pilihan} == {1, 2, 3, 100} | {s.id for s in seksi}
    assert len(_lingkup(units, seksi[5]).pilihan_unit) == 5  # T1..T3, B0, S5


@pytest.mark.django_db
def test_the_unit_tree_is_remembered_until_a_unit_changes(demo, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(selectors_laporan, "_pohon", {})
    instansi = UnitKerja.objects.get(kode="BKPSDM").instansi_id
    with django_assert_num_queries(1):
        units = selectors_laporan.units_instansi(instansi)
    with django_assert_num_queries(0):
        assert selectors_laporan.units_instansi(instansi) is units
    UnitKerja.objects.create(instansi_id=instansi, kode="BARU", nama="Unit Baru")
    with django_assert_num_queries(1):
        assert "BARU" in {u.kode for u in selectors_laporan.units_instansi(instansi)}
