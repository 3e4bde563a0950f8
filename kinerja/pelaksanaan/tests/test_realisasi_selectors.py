"""The selectors other stages read (rating page, dashboards): shapes, order and fixed query counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pelaksanaan import selectors
from kinerja.pelaksanaan.models import BuktiDukung, Realisasi, RencanaAksi
from kinerja.penilaian.tests.factories import skp_disetujui
from kinerja.penilaian.workflow import StatusPenilaian
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode

from .realisasi_contoh import BAWONO, RINA, SEKAR

DIMAS, YOGA = "199503142019031004", "200001052025011001"


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


@pytest.fixture
def jadwal(skp):
    return {j.nomor: j for j in JadwalPeriode.objects.filter(periode=skp.periode)}


def _iki(skp):
    return list(IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).order_by("id"))


def test_realisasi_skp_rows_by_indikator_in_period_order_with_bukti(skp, jadwal):
    a, b, _c = _iki(skp)
    r2 = Realisasi.objects.create(indikator=a, jadwal=jadwal[2], nilai=Decimal("7.5"))
    r1 = Realisasi.objects.create(indikator=a, jadwal=jadwal[1], uraian="Draf selesai")
    Realisasi.objects.create(indikator=b, jadwal=jadwal[1], nilai=2)
    berkas = BuktiDukung.objects.create(
        realisasi=r1, berkas="bukti/1/laporan.pdf", nama="laporan.pdf", jenis="application/pdf", ukuran=99
    )
    tautan = BuktiDukung.objects.create(realisasi=r1, tautan="https://example.go.id/a", nama="Folder")

    with CaptureQueriesContext(connection) as ctx:
        hasil = selectors.realisasi_skp(skp.pk)
    assert len(ctx.captured_queries) == 2
    assert set(hasil) == {a.pk, b.pk}
    assert [(r.id, r.nomor) for r in hasil[a.pk]] == [(r1.pk, 1), (r2.pk, 2)]
    pertama = hasil[a.pk][0]
    assert (pertama.indikator_id, pertama.jadwal_id, pertama.nilai, pertama.uraian) == (
        a.pk,
        jadwal[1].pk,
        None,
        "Draf selesai",
    )
    assert pertama.bukti == [
        selectors.BarisBukti(
            berkas.pk,
            "laporan.pdf",
            reverse("pelaksanaan:bukti-unduh", args=[berkas.pk]),
            "application/pdf",
            99,
            True,
        ),
        selectors.BarisBukti(tautan.pk, "Folder", "https://example.go.id/a", "", 0, False),
    ]
    assert hasil[a.pk][1].nilai == Decimal("7.5") and hasil[a.pk][1].bukti == []

    hanya_2 = selectors.realisasi_skp(skp.pk, [jadwal[2].pk])
    assert {k: [r.id for r in v] for k, v in hanya_2.items()} == {a.pk: [r2.pk]}
    assert selectors.realisasi_skp(skp.pk, []) == {}


def test_realisasi_skp_queries_do_not_grow_with_rows(skp, jadwal):
    for iki in _iki(skp):
        for j in jadwal.values():
            r = Realisasi.objects.create(indikator=iki, jadwal=j, nilai=1)
            BuktiDukung.objects.create(realisasi=r, tautan="https://example.go.id", nama="x")
    with CaptureQueriesContext(connection) as ctx:
        hasil = selectors.realisasi_skp(skp.pk)
    assert len(ctx.captured_queries) == 2
    assert sum(len(v) for v in hasil.values()) == 12


def test_rencana_aksi_skp_by_rhk(skp, jadwal):
    rhk1, rhk2 = list(skp.rhk_set.order_by("id"))[:2]
    b = RencanaAksi.objects.create(rhk=rhk1, jadwal=jadwal[2], urutan=1, uraian="B", target="2")
    a = RencanaAksi.objects.create(rhk=rhk1, jadwal=jadwal[1], urutan=2, uraian="A", target="1")
    c = RencanaAksi.objects.create(rhk=rhk2, jadwal=jadwal[1], urutan=1, uraian="C", target="1")
    with CaptureQueriesContext(connection) as ctx:
        hasil = selectors.rencana_aksi_skp(skp.pk)
        assert hasil[rhk1.pk][0].jadwal.nomor == 1  # loaded with the row
    assert len(ctx.captured_queries) == 1
    assert hasil == {rhk1.pk: [a, b], rhk2.pk: [c]}
    assert selectors.rencana_aksi_skp(skp.pk, [jadwal[2].pk]) == {rhk1.pk: [b]}


def test_pengisian_per_skp_in_two_queries(demo, skp, jadwal):
    others = [skp_disetujui(demo[nip]) for nip in (DIMAS, RINA, YOGA)]
    kosong = skp_disetujui(demo[BAWONO], utama=0, tambahan=0)
    a, b, _c = _iki(skp)
    for iki in (a, b):
        Realisasi.objects.create(indikator=iki, jadwal=jadwal[1], nilai=1)
    Realisasi.objects.create(indikator=a, jadwal=jadwal[2], nilai=1)  # another period
    Realisasi.objects.create(indikator=_iki(others[0])[0], jadwal=jadwal[1], nilai=1)
    ids = [skp.pk, *(o.pk for o in others), kosong.pk]
    with CaptureQueriesContext(connection) as ctx:
        hasil = selectors.pengisian_per_skp(ids, jadwal[1].pk)
    assert len(ctx.captured_queries) == 2
    assert hasil == {
        skp.pk: (2, 3),
        others[0].pk: (1, 3),
        others[1].pk: (0, 3),
        others[2].pk: (0, 3),
        kosong.pk: (0, 0),
    }


def test_periode_terbuka_from_the_first_day_to_the_batas_pengisian(jadwal):
    j = jadwal[1]
    assert (j.tanggal_mulai, j.batas_pengisian) == (date(2027, 1, 1), date(2027, 4, 5))
    assert not selectors.periode_terbuka(j, date(2026, 12, 31))
    assert selectors.periode_terbuka(j, date(2027, 1, 1))
    assert selectors.periode_terbuka(j, date(2027, 4, 5))
    assert not selectors.periode_terbuka(j, date(2027, 4, 5) + timedelta(days=1))


def test_alasan_ditutup_says_why(jadwal):
    j = jadwal[1]
    assert selectors.alasan_ditutup(j, date(2027, 2, 1)) == ""
    assert selectors.alasan_ditutup(j, date(2027, 4, 6)) == (
        "Periode Triwulan I 2027 sudah ditutup pada 5 April 2027 (batas pengisian)."
    )
    assert selectors.alasan_ditutup(j, date(2026, 12, 1)) == (
        "Periode Triwulan I 2027 belum dimulai; pengisian dibuka mulai 1 Januari 2027."
    )


def test_jadwal_skp_keeps_only_periods_overlapping_the_skp(skp):
    skp.tanggal_mulai = date(2027, 5, 10)
    assert [j.nomor for j in selectors.jadwal_skp(skp)] == [2, 3, 4]
    skp.tanggal_mulai, skp.tanggal_selesai = date(2027, 1, 1), date(2027, 4, 1)
    assert [j.nomor for j in selectors.jadwal_skp(skp)] == [1, 2]


def test_the_final_status_mirrors_penilaian_workflow():
    assert StatusPenilaian.FINAL.value == selectors.PENILAIAN_FINAL
