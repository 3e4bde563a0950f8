"""Seed 001 step 5 in a browser: Sekar submits a diklat with its certificate as data dukung; Dimas (the
Analis SDM) downloads it from his queue and accepts it; Sekar sees it verified."""

from pathlib import Path

import pytest

from kinerja.ipasn.models import PengembanganKompetensi, StatusData
from kinerja.pelaksanaan.tests.realisasi_contoh import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEKAR, DIMAS = "199106112012062001", "199503142019031004"


def test_submit_download_and_verify(page, login_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login_as(SEKAR)
    page.goto("/ip-asn/data/")
    page.locator("#bagian-kompetensi").get_by_role("link", name="Ajukan data").click()
    page.get_by_label("Jenis").select_option("teknis")
    page.get_by_label("Nama kegiatan").fill("Pelatihan Analisis Beban Kerja")
    page.get_by_label("Tanggal mulai").fill("2026-03-02")
    page.get_by_label("Tanggal selesai").fill("2026-03-06")
    page.get_by_label("Jam pelajaran (JP)").fill("40")
    page.get_by_label("Data dukung").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_url("**/ip-asn/data/")
    assert "Menunggu verifikasi" in page.locator("#bagian-kompetensi").inner_text()

    login_as(DIMAS)
    page.goto("/ip-asn/verifikasi-data/?jenis=kompetensi")
    baris = page.get_by_role("row").filter(has_text="Pelatihan Analisis Beban Kerja")
    with page.expect_download() as unduh:
        baris.get_by_role("link", name="sertifikat.pdf").click()
    assert Path(unduh.value.path()).read_bytes() == PDF
    baris.get_by_role("button", name="Terima").click()
    page.wait_for_load_state()
    assert PengembanganKompetensi.objects.get().status == StatusData.TERVERIFIKASI

    login_as(SEKAR)
    page.goto("/ip-asn/data/")
    assert "Terverifikasi" in page.locator("#bagian-kompetensi").inner_text()
