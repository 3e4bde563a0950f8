"""Manual Indikator Kinerja of an SKP JPT: form (kuantitatif vs kualitatif), rights, submission, PDF."""

import pytest
from django.urls import reverse

from kinerja.dokumen.tests.test_skp_pdf import pdftotext
from kinerja.perencanaan import services
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, ManualIndikator, RencanaHasilKerja
from kinerja.perencanaan.validasi import masalah_pengajuan

AMIRUDIN = "196804241998031011"
LENGKAP = {
    "tujuan": "Mengukur ketepatan penempatan pegawai",
    "definisi": "Pegawai yang dipromosikan sesuai kompetensi",
    "formula": "jumlah sesuai / jumlah promosi x 100%",
    "satuan": "%",
    "kualitas_tingkat_kendali": "outcome_antara",
    "sumber_data": "Laporan Baperjakat",
    "periode_pelaporan": "triwulanan",
}


def _skp_jpt(demo, pendekatan="kuantitatif"):
    kepala = demo[AMIRUDIN]
    skp = services.buka_skp(
        pegawai=kepala, periode=services.periode_tahun(kepala.instansi, 2027), pendekatan=pendekatan
    )
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian="Meningkatnya kualitas manajemen ASN")
    iki = IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, uraian="Indeks sistem merit", target_min=80, satuan="poin", perspektif="anggaran"
    )
    return skp, iki


@pytest.mark.django_db
def test_jpt_skp_needs_a_manual_per_indikator(demo, client_as):
    skp, iki = _skp_jpt(demo)
    assert any("manual indikator" in m for m in masalah_pengajuan(skp))
    client = client_as(demo[AMIRUDIN].user)
    response = client.post(reverse("perencanaan:manual", args=[iki.pk]), LENGKAP)
    assert response.status_code == 302
    assert ManualIndikator.objects.get(indikator=iki).sumber_data == "Laporan Baperjakat"
    assert masalah_pengajuan(skp) == []
    html = client.get(skp.get_absolute_url()).content.decode()
    assert reverse("perencanaan:manual", args=[iki.pk]) in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pendekatan", "kosong", "ok"),
    [
        ("kuantitatif", "formula", False),
        ("kuantitatif", "satuan", False),
        ("kualitatif", "formula", True),  # optional under the kualitatif approach (seed 002)
        ("kualitatif", "satuan", True),
        ("kualitatif", "tujuan", False),
        ("kualitatif", "definisi", False),
        ("kuantitatif", "sumber_data", False),
        ("kuantitatif", "kualitas_tingkat_kendali", False),
        ("kuantitatif", "periode_pelaporan", False),
    ],
)
def test_required_parts_depend_on_the_approach(demo, client_as, pendekatan, kosong, ok):
    _skp, iki = _skp_jpt(demo, pendekatan)
    data = LENGKAP | {kosong: "  "}
    response = client_as(demo[AMIRUDIN].user).post(reverse("perencanaan:manual", args=[iki.pk]), data)
    assert ManualIndikator.objects.filter(indikator=iki).exists() is ok
    assert response.status_code == (302 if ok else 200)


@pytest.mark.django_db
def test_bad_choice_is_refused(demo, client_as):
    _skp, iki = _skp_jpt(demo)
    response = client_as(demo[AMIRUDIN].user).post(
        reverse("perencanaan:manual", args=[iki.pk]), LENGKAP | {"periode_pelaporan": "mingguan"}
    )
    assert response.status_code == 200 and not ManualIndikator.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pejabat_penilai", "analis_sdm", "pimpinan"])
def test_only_the_owner_writes_the_manual(demo, cast, client_as, role):
    _skp, iki = _skp_jpt(demo)
    client = client_as(cast[role])
    if role == "pejabat_penilai":  # Bawono does not see his boss's SKP
        assert client.get(reverse("perencanaan:manual", args=[iki.pk])).status_code == 404
        return
    assert client.get(reverse("perencanaan:manual", args=[iki.pk])).status_code == 200
    assert client.post(reverse("perencanaan:manual", args=[iki.pk]), LENGKAP).status_code == 403
    assert not ManualIndikator.objects.exists()


@pytest.mark.django_db
def test_submitted_skp_manual_is_read_only(demo, client_as):
    skp, iki = _skp_jpt(demo)
    client = client_as(demo[AMIRUDIN].user)
    client.post(reverse("perencanaan:manual", args=[iki.pk]), LENGKAP)
    services.jalankan(skp, "ajukan", by=demo[AMIRUDIN].user)
    response = client.post(reverse("perencanaan:manual", args=[iki.pk]), LENGKAP | {"tujuan": "Diubah"})
    assert response.status_code == 403
    assert ManualIndikator.objects.get().tujuan == LENGKAP["tujuan"]


@pytest.mark.django_db
def test_manual_pdf(demo, client_as):
    skp, iki = _skp_jpt(demo)
    client = client_as(demo[AMIRUDIN].user)
    client.post(reverse("perencanaan:manual", args=[iki.pk]), LENGKAP)
    response = client.get(reverse("perencanaan:manual-pdf", args=[skp.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdftotext(response.content).split())
    for teks in ["MANUAL INDIKATOR KINERJA", "Indeks sistem merit", "Laporan Baperjakat", "☒ Outcome Antara"]:
        assert teks in text
    assert "☐ Outcome " in text and "☒ Triwulanan" in text
