"""The distribution summary every chart and check reads (regulasi.md §3.3)."""

from decimal import Decimal

from kinerja.aturan import CapaianOrganisasi, Predikat
from kinerja.penilaian.distribusi import ringkasan_distribusi


def test_without_capaian_there_is_no_pattern_and_no_deviation():
    r = ringkasan_distribusi({Predikat.BAIK: 3}, None)
    assert r.total == 3 and r.pola == "" and not r.menyimpang
    assert [b.jumlah for b in r.batang] == [0, 3, 0, 0, 0]


def test_baik_pattern_needs_someone_below_baik_and_at_most_70_percent_baik():
    r = ringkasan_distribusi({Predikat.BAIK: 4}, CapaianOrganisasi.BAIK)
    assert r.menyimpang
    assert {p.jenis for p in r.pelanggaran} == {"maks", "ada"}
    baik = r.batang[1]
    assert baik.persen == Decimal("100.0") and baik.batas_maks == Decimal("70.00")
    assert r.pelanggaran_json[0]["predikat"] == ["baik"]


def test_fitting_distribution():
    r = ringkasan_distribusi({Predikat.SANGAT_BAIK: 2, Predikat.BAIK: 1}, "istimewa")
    assert not r.menyimpang and r.capaian is CapaianOrganisasi.ISTIMEWA
    assert r.batang[0].persen == Decimal("66.7")
