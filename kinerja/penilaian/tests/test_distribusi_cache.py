"""The unit distribution is cached between writes and never shown stale after one."""

import pytest
import time_machine
from django.urls import reverse

from kinerja.aturan import Predikat, RatingKerja
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian import services
from kinerja.penilaian.models import CapaianKinerjaOrganisasi

from .factories import penilaian_dengan, skp_disetujui

BAWONO, SEKAR, RINA = "198103021999121001", "199106112012062001", "199708222020122003"
HALAMAN = reverse("penilaian:distribusi")
SESUAI, DI_ATAS = RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_ATAS_EKSPEKTASI


def _jumlah(client, unit):
    d = client.get(HALAMAN, {"unit": unit.pk, "tahun": 2027, "nomor": 0}).context["d"]
    return {b.predikat: b.jumlah for b in d.ringkasan.batang if b.jumlah}


@pytest.mark.django_db
def test_a_rating_a_finalisation_and_a_capaian_each_show_at_once(demo, cast, client_as):
    bidang = UnitKerja.objects.get(kode="BKPSDM-IPKP")
    sekar = penilaian_dengan(skp_disetujui(demo[SEKAR]), hasil=SESUAI, perilaku=SESUAI)
    penilaian_dengan(skp_disetujui(demo[RINA]), hasil=SESUAI, perilaku=SESUAI)
    client = client_as(cast["analis_sdm"])
    assert _jumlah(client, bidang) == {Predikat.BAIK: 2}
    assert _jumlah(client, bidang) == {Predikat.BAIK: 2}  # served from the cache

    with time_machine.travel("2027-12-20 09:00 +0700"):
        services.simpan_penilaian(
            sekar,
            rhk_ratings={},
            rating_hasil_kerja=DI_ATAS,
            rating_perilaku=DI_ATAS,
            by=cast["pejabat_penilai"],
        )
    assert _jumlah(client, bidang) == {Predikat.SANGAT_BAIK: 1, Predikat.BAIK: 1}

    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=bidang, periode=sekar.periode, jadwal=None, capaian="istimewa"
    )
    d = client.get(HALAMAN, {"unit": bidang.pk, "tahun": 2027, "nomor": 0}).context["d"]
    assert d.capaian.capaian == "istimewa"

    with time_machine.travel("2027-12-20 09:00 +0700"):
        services.finalisasi_tim(demo[BAWONO], sekar.periode, None, alasan="", by=cast["pejabat_penilai"])
    d = client.get(HALAMAN, {"unit": bidang.pk, "tahun": 2027, "nomor": 0}).context["d"]
    assert d.final == 2 and d.draf == 0
