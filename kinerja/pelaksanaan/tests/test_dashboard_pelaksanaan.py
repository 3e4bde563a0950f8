"""The pegawai's pelaksanaan section of the dashboard: realisasi of the current period, umpan balik
received lately and requests waiting, in four queries; nothing for those it does not concern."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kinerja.core.access import akses_of
from kinerja.pelaksanaan.dashboard import realisasi_saya, tautan
from kinerja.pelaksanaan.models import PeranPemberi, PermintaanUmpanBalik, Realisasi, UmpanBalik
from kinerja.penilaian.tests.factories import skp_disetujui
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode

WIB = ZoneInfo("Asia/Jakarta")
SEKAR, BAWONO, DIMAS, YOGA = (
    "199106112012062001",
    "198103021999121001",
    "199503142019031004",
    "200001052025011001",
)


@pytest.fixture
def sekar(demo):
    """Sekar's approved SKP (3 indikator), one realisasi in period 2; two umpan balik from Bawono and one
    she wrote herself; Dimas asks her for umpan balik."""
    skp = skp_disetujui(demo[SEKAR])
    dua = JadwalPeriode.objects.get(periode=skp.periode, nomor=2)
    Realisasi.objects.create(
        indikator=IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).first(), jadwal=dua
    )
    for pemberi in (demo[BAWONO], demo[BAWONO], demo[SEKAR]):
        UmpanBalik.objects.create(skp=skp, pemberi=pemberi, peran=PeranPemberi.PIMPINAN, isi="Baik")
    PermintaanUmpanBalik.objects.create(skp=skp_disetujui(demo[DIMAS]), diminta=demo[SEKAR])
    return skp


def _pada(time_machine, *args):
    time_machine.move_to(datetime(*args, 9, tzinfo=WIB), tick=False)


@pytest.mark.django_db
def test_pegawai_sees_progress_feedback_and_requests(cast, sekar, time_machine, django_assert_num_queries):
    for tanggal in ((2027, 5, 10), (2027, 7, 1)):
        _pada(time_machine, *tanggal)
        UmpanBalik.objects.filter(skp=sekar).update(created_at=timezone.now())
        lama = UmpanBalik.objects.filter(skp=sekar, pemberi__nip=BAWONO).order_by("pk").first()
        UmpanBalik.objects.filter(pk=lama.pk).update(created_at=timezone.now() - timedelta(days=40))
        akses = akses_of(cast["pegawai"])
        with django_assert_num_queries(4):  # jadwal, SKP with counts, umpan balik per SKP, requests
            bagian = realisasi_saya(akses)
        realisasi, umpan_balik, permintaan = bagian.items
        assert "periode ke-2: 1 dari 3 indikator terisi" in realisasi.teks
        assert "5 Juli 2027" in realisasi.teks
        assert realisasi.url == tautan("pelaksanaan:periode", sekar.pk, 2)
        assert (umpan_balik.jumlah, umpan_balik.url) == (1, tautan("pelaksanaan:umpan-balik", sekar.pk))
        assert (permintaan.jumlah, permintaan.tingkat) == (1, "warning")
        assert permintaan.url == tautan("pelaksanaan:permintaan-list")
        if tanggal == (2027, 5, 10):
            assert realisasi.tingkat == "info" and "(56 hari lagi)" in realisasi.teks
        else:
            assert realisasi.tingkat == "warning" and "(4 hari lagi)" in realisasi.teks


@pytest.mark.django_db
def test_period_filled_in_is_a_success_and_the_ending_period_shows_until_its_batas(cast, sekar, time_machine):
    satu = JadwalPeriode.objects.get(periode=sekar.periode, nomor=1)
    Realisasi.objects.bulk_create(
        Realisasi(indikator=i, jadwal=satu) for i in IndikatorKinerjaIndividu.objects.filter(rhk__skp=sekar)
    )
    _pada(time_machine, 2027, 4, 3)  # period 2 has begun; period 1's batas is 5 April
    item = realisasi_saya(akses_of(cast["pegawai"])).items[0]
    assert "periode ke-1: 3 dari 3" in item.teks and item.tingkat == "success"


@pytest.mark.django_db
def test_nothing_for_those_it_does_not_concern(cast, demo, sekar, time_machine):
    _pada(time_machine, 2027, 5, 10)
    assert realisasi_saya(akses_of(cast["superadmin"])) is None  # no pegawai record
    assert realisasi_saya(akses_of(demo[YOGA].user)) is None  # no approved SKP, nothing asked


@pytest.mark.django_db
def test_dashboard_page_shows_the_section(cast, sekar, client_as, time_machine):
    _pada(time_machine, 2027, 5, 10)
    response = client_as(cast["pegawai"]).get("/")
    assert response.status_code == 200
    assert "Pelaksanaan kinerja saya" in response.content.decode()
