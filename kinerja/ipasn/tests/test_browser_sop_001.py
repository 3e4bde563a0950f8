"""Seed 001 in a browser (issue 6's "done when"), with the ESDM demo accounts signing in by NIP:

Ida (Sesditjen) starts the year's run, uploads the Biro SDM letter and assigns Rudi (Kepala Bagian
Umum); Rudi assigns Nurul (Analis SDM) and Fajar (Tata Usaha); Nurul reviews the data (computed by the
system) late, after a week; Rudi has the meeting prepared and holds it; Nurul updates the data; Rudi
returns it with a note, Nurul redoes it, Rudi approves; Ida approves; Rudi holds the validation
meeting; Nurul drafts the report (made by the system); Rudi approves it, Ida reads it and gives her
arahan, Fajar archives it: the run is "Selesai". The Laporan Capaian IP ASN downloaded from the run
page holds the IP ASN value the page shows and its category.
"""

import re
import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kinerja.ipasn.models import PerhitunganIpAsn
from kinerja.ipasn.sop_001 import KODE
from kinerja.pelaksanaan.tests.realisasi_contoh import PDF
from kinerja.sop.models import JejakLangkah, ProsesSop, Sop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IDA, RUDI, NURUL, FAJAR = (
    "196801081992012001",
    "197607152002121003",
    "198805202011012004",
    "199309092015031002",
)
WIB = ZoneInfo("Asia/Jakarta")


def _teks_pdf(path) -> str:
    out = subprocess.run([shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _ok(page):
    page.wait_for_load_state()
    assert page.locator(".alert-danger").count() == 0, page.locator(".alert-danger").first.inner_text()


def _isi(page, nama: str, teks: str):
    page.get_by_label(f"Isi {nama}", exact=True).fill(teks)


def _pilihan(demo, nip: str) -> str:
    return f"{demo[nip].nama} — {nip}"


def _kirim(page, tombol: str = "Selesaikan langkah"):
    page.get_by_role("button", name=tombol).click()
    _ok(page)


def test_seed_001_from_the_request_to_the_archive_with_one_return(page, login_as, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sop = Sop.objects.get(kode=KODE)

    with time_machine.travel(datetime(2027, 12, 6, 9, 0, tzinfo=WIB), tick=True) as waktu:  # a Monday
        login_as(IDA)
        page.goto("/sop/")
        page.get_by_role("link", name=sop.nama).click()
        page.get_by_label("Tahun").fill("2027")
        page.get_by_role("button", name="Mulai proses").click()
        _ok(page)
        proses = ProsesSop.objects.get(sop=sop, tahun=2027)
        url = f"/sop/proses/{proses.pk}/"
        page.wait_for_url(f"**{url}")
        page.get_by_label("Berkas Surat Kepala Biro SDM hal Rekonsiliasi Data IP ASN").set_input_files(
            files=[{"name": "surat-biro-sdm.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        _isi(page, "Disposisi kepada Kepala Bagian Umum", "Siapkan data capaian IP ASN tahun 2027.")
        page.get_by_label("Tugaskan Kepala Bagian Umum").select_option(label=_pilihan(demo, RUDI))
        _kirim(page)

        login_as(RUDI)
        page.goto("/")
        page.get_by_role("link", name=re.compile("langkah 1")).click()
        _isi(page, "Disposisi kepada Analis SDM Aparatur", "Mutakhirkan data capaian IP ASN.")
        page.get_by_label("Tugaskan Analis SDM Aparatur").select_option(label=_pilihan(demo, NURUL))
        page.get_by_label("Tugaskan Tata Usaha").select_option(label=_pilihan(demo, FAJAR))
        _kirim(page)

        # Nurul reviews a week later: 5 working days against the standard 3, late.
        waktu.move_to(datetime(2027, 12, 13, 10, 0, tzinfo=WIB))
        login_as(NURUL)
        page.goto(url)
        assert page.get_by_text("dibuat otomatis").is_visible()
        _isi(page, "Konsep Undangan Rapat", "Undangan rapat internal rekonsiliasi, Kamis 16 Desember 2027.")
        _kirim(page)
        baris = page.locator("#linimasa tbody").nth(1)
        assert baris.get_by_text("terlambat").is_visible()
        assert PerhitunganIpAsn.objects.filter(instansi=proses.instansi, tahun=2027, tahap="draf").exists()

        login_as(RUDI)
        page.goto(url)
        _isi(page, "Undangan Rapat", "Undangan rapat internal ditandatangani.")
        _kirim(page)
        _isi(
            page,
            "Notula Rapat hasil rekonsiliasi data capaian IP ASN",
            "Notula: 3 data pendidikan diperbaiki.",
        )
        _kirim(page)

        login_as(NURUL)
        page.goto(url)
        konsep = "Konsep nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN"
        _isi(page, konsep, "Konsep nota dinas versi 1.")
        _kirim(page)

        # Rudi returns step 6 with a note; Nurul redoes step 5.
        login_as(RUDI)
        page.goto(url)
        page.get_by_label("Catatan (wajib bila dikembalikan)").fill("Tambahkan rekap per unit kerja.")
        _kirim(page, "Kembalikan untuk revisi")
        assert JejakLangkah.objects.filter(proses=proses, hasil="dikembalikan").count() == 1

        login_as(NURUL)
        page.goto(url)
        assert page.get_by_text("Tambahkan rekap per unit kerja.").first.is_visible()
        _isi(page, konsep, "Konsep nota dinas versi 2, dengan rekap per unit kerja.")
        _kirim(page)

        login_as(RUDI)
        page.goto(url)
        _isi(
            page,
            "Nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN",
            "Nota dinas disampaikan.",
        )
        _kirim(page, "Setujui")

        login_as(IDA)
        page.goto(url)
        _isi(page, "Disposisi rekonsiliasi dengan Biro SDM", "Lakukan rekonsiliasi dengan Biro SDM.")
        _kirim(page, "Setujui")

        login_as(RUDI)
        page.goto(url)
        _isi(page, "Notula Rapat validasi", "Notula validasi bersama Biro SDM.")
        _kirim(page)

        login_as(NURUL)
        page.goto(url)
        _kirim(page)  # the report is made by the system

        login_as(RUDI)
        page.goto(url)
        _isi(page, "Nota Dinas Laporan Capaian IP ASN", "Nota dinas laporan disampaikan kepada Sesditjen.")
        _kirim(page, "Setujui")

        login_as(IDA)
        page.goto(url)
        _isi(page, "Arahan/disposisi", "Tingkatkan capaian dimensi kompetensi.")
        _kirim(page)

        login_as(FAJAR)
        page.goto(url)
        _isi(page, "Arsip", "Diarsipkan secara manual dan elektronik.")
        _kirim(page)

        assert page.locator("#status-proses").inner_text() == "Selesai"
        assert ProsesSop.objects.get(pk=proses.pk).status == "selesai"
        # The value and category as the page shows them, then in the downloaded report.
        laporan = page.locator("#linimasa div", has_text="Konsep Nota Dinas Laporan Capaian IP ASN")
        cocok = re.search(r"IP ASN (\d+,\d\d) \(([^)]+)\)", laporan.inner_text())
        assert cocok, laporan.inner_text()
        nilai, kategori = cocok.groups()
        with page.expect_download() as download:
            laporan.get_by_role("link", name="Konsep Nota Dinas Laporan Capaian IP ASN").click()
        teks = _teks_pdf(download.value.path())
        assert nilai in teks and kategori in teks
        validasi = PerhitunganIpAsn.objects.get(instansi=proses.instansi, tahun=2027, tahap="tervalidasi")
        assert validasi.kategori == kategori
