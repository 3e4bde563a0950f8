"""The cascade in a browser (issue 4's "done when"): the Kepala BKPSDM (JPT) fills an SKP from the
unit's Perjanjian Kinerja, writes its Manual Indikator and the Matriks Peran Hasil; his Kabid's SKP is
drafted from the matrix, submitted, returned with a note, revised, approved; the PDF holds the Kabid's
name, NIP and every rencana hasil kerja."""

import shutil
import subprocess

import pytest

from kinerja.organisasi.models import UnitKerja
from kinerja.perencanaan.models import PerjanjianKinerja, Skp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPALA, KABID = "196804241998031011", "198103021999121001"
SASARAN = "Meningkatnya profesionalitas ASN Kabupaten Kebumen"
RHK_JPT = "Terwujudnya manajemen ASN berbasis sistem merit"
PERAN = "Promosi dan mutasi ASN terlaksana sesuai sistem merit"


def _buat_skp(page):
    page.get_by_role("link", name="SKP saya").click()
    page.get_by_role("spinbutton", name="Tahun").fill("2027")
    page.get_by_role("button", name="Buat draf SKP").click()
    page.wait_for_url("**/skp/*/")


def _indikator(page, uraian, target, *, perspektif=None, aspek=None):
    page.locator("details summary", has_text="Tambah indikator").last.click()
    form = page.locator("details[open] form").last
    form.get_by_label("indikator kinerja individu").fill(uraian)
    if perspektif:
        form.get_by_label("perspektif").select_option(label=perspektif)
    if aspek:
        form.get_by_label("aspek").select_option(label=aspek)
    form.get_by_label("target (batas bawah)").fill(target)
    form.get_by_label("satuan").fill("%")
    form.get_by_role("button", name="Simpan indikator").click()
    page.wait_for_load_state()


def _ajukan(page):
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    page.wait_for_load_state()


def test_cascade_from_perjanjian_kinerja_to_an_approved_skp(page, login_as, demo):
    pk = PerjanjianKinerja.objects.create(unit_kerja=UnitKerja.objects.get(kode="BKPSDM"), tahun=2027)
    pk.sasaran_set.create(uraian=SASARAN).indikator_set.create(uraian="Indeks sistem merit", target="0,8")

    # The JPT: an SKP whose RHK comes from the PK sasaran, its indikator with perspektif Anggaran
    # and its manual, then the matrix for his team.
    login_as(KEPALA)
    _buat_skp(page)
    page.get_by_label("Rencana hasil kerja", exact=True).fill(RHK_JPT)
    page.get_by_label("Sasaran Perjanjian Kinerja yang menjadi asal").select_option(index=1)
    page.get_by_role("button", name="Tambah", exact=True).click()
    page.wait_for_load_state()
    _indikator(page, "Persentase realisasi anggaran manajemen ASN", "95", perspektif="Anggaran")
    page.get_by_role("link", name="susun manual").click()
    page.get_by_label("tujuan").fill("Mengukur penyerapan anggaran")
    page.get_by_label("definisi").fill("Realisasi dibanding pagu")
    page.get_by_label("formula").fill("realisasi / pagu x 100%")
    page.get_by_label("satuan pengukuran").fill("%")
    page.get_by_label("Outcome", exact=True).check()
    page.get_by_label("sumber data").fill("Laporan keuangan")
    page.get_by_label("Triwulanan").check()
    page.get_by_role("button", name="Simpan manual").click()
    page.wait_for_url("**/skp/*/")
    jpt = Skp.objects.get(pegawai__nip=KEPALA)
    assert jpt.rhk_set.get().sasaran.uraian == SASARAN
    page.get_by_role("link", name="Matriks peran hasil").click()
    page.get_by_label(f"{demo[KABID].nama}: {RHK_JPT}").fill(PERAN)
    page.get_by_role("button", name="Simpan matriks").click()
    page.wait_for_load_state()
    assert page.locator(".alert-success").is_visible()
    page.get_by_role("link", name="SKP v1").click()
    _ajukan(page)
    assert Skp.objects.get(pk=jpt.pk).status == "diajukan"

    # The Kabid: his SKP opens with the RHK the matrix gave him, linked to his boss's.
    login_as(KABID)
    _buat_skp(page)
    assert page.get_by_role("cell", name=PERAN).is_visible()
    skp = Skp.objects.get(pegawai__nip=KABID)
    rhk = skp.rhk_set.get()
    assert (rhk.uraian, rhk.intervensi.uraian) == (PERAN, RHK_JPT)
    _indikator(page, "Persentase promosi sesuai hasil uji kompetensi", "100", aspek="Kualitas")
    _ajukan(page)
    assert Skp.objects.get(pk=skp.pk).status == "diajukan"

    login_as(KEPALA)
    page.goto("/skp/bawahan/")
    page.get_by_placeholder("Catatan (wajib bila dikembalikan)").fill("Tambahkan indikator waktu.")
    page.get_by_role("button", name="Kembalikan").click()
    page.wait_for_load_state()
    assert Skp.objects.get(pk=skp.pk).status == "dikembalikan"

    login_as(KABID)
    page.goto(skp.get_absolute_url())
    assert page.locator(".alert-warning", has_text="Tambahkan indikator waktu.").is_visible()
    _indikator(page, "Ketepatan waktu penetapan promosi", "100", aspek="Waktu")
    _ajukan(page)

    login_as(KEPALA)
    page.goto("/skp/bawahan/")
    page.get_by_role("button", name="Setujui").click()
    page.wait_for_load_state()
    assert Skp.objects.get(pk=skp.pk).status == "disetujui"

    login_as(KABID)
    page.goto(skp.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh PDF").click()
    text = " ".join(
        subprocess.run(
            [shutil.which("pdftotext"), str(download.value.path()), "-"], capture_output=True, check=True
        )
        .stdout.decode()
        .split()
    )
    assert demo[KABID].nama in text and demo[KABID].nip_tertulis in text
    assert PERAN in text and RHK_JPT in text  # his RHK and the intervened one of the JPT
