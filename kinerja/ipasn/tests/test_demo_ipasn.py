"""The demo IP ASN data is idempotent and matches the demo organisation."""

import pytest

from kinerja.ipasn.demo import RINA, SEKAR, muat_demo_ipasn
from kinerja.ipasn.models import HukumanDisiplin, PengembanganKompetensi, RiwayatPendidikan, StatusData


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_demo_is_idempotent_and_consistent(demo):
    pertama = muat_demo_ipasn()
    assert pertama["pendidikan"] > 0 and pertama["kompetensi"] > 0 and pertama["disiplin"] == 1
    assert muat_demo_ipasn() == {"pendidikan": 0, "kompetensi": 0, "disiplin": 0}
    for r in RiwayatPendidikan.objects.select_related("pegawai"):
        assert r.jenjang == r.pegawai.pendidikan_terakhir
    assert HukumanDisiplin.objects.get().pegawai.nip == RINA
    diajukan = PengembanganKompetensi.objects.get(status=StatusData.DIAJUKAN)
    assert diajukan.pegawai.nip == SEKAR and diajukan.berkas.read().startswith(b"%PDF-")
    jenis = set(PengembanganKompetensi.objects.values_list("jenis", flat=True))
    assert {"teknis", "fungsional", "kepemimpinan", "seminar"} <= jenis
    assert PengembanganKompetensi.objects.filter(
        jenis="teknis", jp__gte=20, tanggal_selesai__year__gte=2026
    ).exists()
