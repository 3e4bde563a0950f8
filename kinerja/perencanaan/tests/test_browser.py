"""A browser walks the SKP of a demo team: the Kabid drafts the SKP his analyst's SKP intervenes, the
analyst drafts, submits, gets it back with a note, revises, gets it approved and downloads the PDF."""

import shutil
import subprocess

import pytest

from kinerja.perencanaan.models import Skp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KABID, SEKAR = "198103021999121001", "199106112012062001"


def _buat_skp(page, tahun="2027"):
    page.get_by_role("link", name="SKP saya").click()
    page.get_by_role("spinbutton", name="Tahun").fill(tahun)
    page.get_by_role("button", name="Buat draf SKP").click()
    page.wait_for_url("**/skp/*/")


def _tambah_rhk(page, uraian, intervensi=None):
    page.get_by_label("Rencana hasil kerja", exact=True).fill(uraian)
    if intervensi:
        page.get_by_label("rencana hasil kerja pimpinan yang diintervensi").select_option(label=intervensi)
    page.get_by_role("button", name="Tambah", exact=True).click()
    page.wait_for_load_state()


def _tambah_indikator(page, uraian, target, aspek="Kualitas"):
    page.locator("details summary", has_text="Tambah indikator").last.click()
    form = page.locator("details[open] form").last
    form.get_by_label("indikator kinerja individu").fill(uraian)
    form.get_by_label("aspek").select_option(label=aspek)
    form.get_by_label("target (batas bawah)").fill(target)
    form.get_by_label("satuan").fill("%")
    form.get_by_role("button", name="Simpan indikator").click()
    page.wait_for_load_state()


def test_skp_cycle_in_the_browser(page, login_as, live_server):
    login_as(KABID)
    _buat_skp(page)
    _tambah_rhk(page, "Terlaksananya promosi ASN sesuai peraturan")

    login_as(SEKAR)
    _buat_skp(page)
    page.get_by_label("Rencana hasil kerja", exact=True).fill("Melaksanakan rapat koordinasi")
    page.wait_for_selector("#saran-rumusan .text-warning")  # the advice appears while typing
    _tambah_rhk(
        page,
        "Terevaluasinya pelaksanaan promosi ASN",
        intervensi="Terlaksananya promosi ASN sesuai peraturan",
    )
    _tambah_indikator(page, "Persentase evaluasi pelaksanaan promosi ASN", "100")
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    page.wait_for_load_state()
    skp = Skp.objects.get(pegawai__nip=SEKAR)
    assert skp.status == "diajukan"

    login_as(KABID)
    page.goto("/skp/bawahan/")
    page.get_by_placeholder("Catatan (wajib bila dikembalikan)").fill("Tambahkan indikator waktu.")
    page.get_by_role("button", name="Kembalikan").click()
    page.wait_for_load_state()

    login_as(SEKAR)
    page.goto(skp.get_absolute_url())
    assert page.locator(".alert-warning", has_text="Tambahkan indikator waktu.").is_visible()
    _tambah_indikator(page, "Ketepatan waktu evaluasi", "12", aspek="Waktu")
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    page.wait_for_load_state()

    login_as(KABID)
    page.goto("/skp/bawahan/")
    page.get_by_role("button", name="Setujui").click()
    page.wait_for_load_state()
    skp.refresh_from_db()
    assert skp.status == "disetujui"

    login_as(SEKAR)
    page.goto(skp.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh PDF").click()
    path = download.value.path()
    text = " ".join(
        subprocess.run([shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert "Sekar Satiti" in text and "19910611 201206 2 001" in text
    assert "Terevaluasinya pelaksanaan promosi ASN" in text and "Terlaksananya promosi ASN" in text
