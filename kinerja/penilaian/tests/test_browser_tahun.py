"""A whole year in a browser (issue 5's "done when"), with the demo team of the Kabid IPKP:

Sekar plans a rencana aksi and fills a realisasi with a PDF as bukti dukung, and asks her colleague Rina
for feedback, who answers; the Kabid (her pejabat penilai) gives feedback; the Kepala BKPSDM sets the
capaian organisasi of the bidang; at the year's end the Kabid rates Sekar (per-RHK judgements, ratings,
predikat), sees the team's distribution break the pattern, justifies it and finalises; Sekar downloads
the Dokumen Evaluasi (its text holds her name, NIP and predikat), confirms receipt and files a keberatan;
the Kepala BKPSDM asks for explanations, the Kabid explains, and the Kepala changes the rating.
"""

import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kinerja.aturan import RatingKerja
from kinerja.pelaksanaan.models import BuktiDukung, PermintaanUmpanBalik, Realisasi, RencanaAksi, UmpanBalik
from kinerja.pelaksanaan.tests.realisasi_contoh import PDF
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, JustifikasiDistribusi, Penilaian
from kinerja.penilaian.workflow import StatusKeberatan

from .factories import penilaian_dengan, skp_disetujui

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
RINA, DIMAS, YOGA = "199708222020122003", "199503142019031004", "200001052025011001"
WIB = ZoneInfo("Asia/Jakarta")
SESUAI = RatingKerja.SESUAI_EKSPEKTASI


def _teks_pdf(path) -> str:
    out = subprocess.run([shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _ok(page):
    page.wait_for_load_state()
    assert page.locator(".alert-danger").count() == 0, page.locator(".alert-danger").first.inner_text()


def test_a_year_from_rencana_aksi_to_a_keberatan_that_changes_the_rating(
    page, login_as, demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    skp = skp_disetujui(demo[SEKAR], utama=2, tambahan=0)
    rhk1, rhk2 = skp.rhk_set.order_by("urutan")
    iki1 = rhk1.indikator_set.get()
    # The rest of the team, already rated Baik in draft: with Sekar's Baik the whole team is Baik.
    for nip in (RINA, DIMAS, YOGA):
        penilaian_dengan(skp_disetujui(demo[nip], utama=1, tambahan=0), hasil=SESUAI, perilaku=SESUAI)

    with time_machine.travel(datetime(2027, 2, 10, 9, 0, tzinfo=WIB), tick=True) as waktu:
        # Triwulan I: Sekar's rencana aksi, realisasi with a PDF, and a request for feedback.
        login_as(SEKAR)
        page.goto(skp.get_absolute_url())
        page.get_by_role("link", name="Rencana aksi & realisasi").click()
        page.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/")
        page.goto(f"/pelaksanaan/skp/{skp.pk}/periode/1/")
        page.locator("details", has=page.locator(f"#ra-uraian-baru-{rhk1.pk}")).locator("summary").click()
        page.locator(f"#ra-uraian-baru-{rhk1.pk}").fill("Menyusun draf kajian promosi")
        page.locator(f"#ra-target-baru-{rhk1.pk}").fill("1 draf")
        page.locator(f"#ra-uraian-baru-{rhk1.pk}").locator("xpath=ancestor::form").get_by_role(
            "button", name="Tambah"
        ).click()
        _ok(page)
        assert RencanaAksi.objects.get(rhk=rhk1).target == "1 draf"
        page.locator(f"#nilai-{iki1.pk}").fill("4")
        page.locator(f"#uraian-{iki1.pk}").fill("Empat dokumen kajian selesai")
        page.locator(f"#berkas-{iki1.pk}").set_input_files(
            files=[{"name": "kajian.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.locator(f"#nilai-{iki1.pk}").locator("xpath=ancestor::form").get_by_role(
            "button", name="Simpan realisasi"
        ).click()
        _ok(page)
        realisasi = Realisasi.objects.get(indikator=iki1, jadwal__nomor=1)
        assert realisasi.nilai == 4
        assert BuktiDukung.objects.get(realisasi=realisasi).jenis == "application/pdf"

        page.goto(f"/pelaksanaan/skp/{skp.pk}/umpan-balik/")
        minta = page.locator("form", has=page.get_by_role("button", name="Kirim permintaan"))
        minta.get_by_label("Umpan balik atas").select_option(index=1)
        minta.get_by_label("Cari pegawai (nama atau NIP)").fill(RINA)
        minta.get_by_label("Pesan").fill("Mohon masukan atas kajian promosi saya.")
        minta.get_by_role("button", name="Kirim permintaan").click()
        _ok(page)
        permintaan = PermintaanUmpanBalik.objects.get(skp=skp, diminta=demo[RINA])

        login_as(RINA)
        page.goto("/pelaksanaan/permintaan/")
        page.goto(f"/pelaksanaan/permintaan/{permintaan.pk}/")
        page.get_by_label("Umpan balik", exact=True).fill("Kajiannya rapi dan datanya lengkap.")
        page.get_by_role("button", name="Kirim umpan balik").click()
        _ok(page)

        login_as(BAWONO)
        page.goto(f"/pelaksanaan/skp/{skp.pk}/umpan-balik/")
        beri = page.locator("form", has=page.get_by_role("button", name="Simpan umpan balik"))
        beri.get_by_label("Umpan balik atas").select_option(index=1)
        beri.get_by_label("Umpan balik", exact=True).fill(
            "Kajian sesuai NSPK; percepat penyusunan rekomendasi."
        )
        beri.get_by_role("button", name="Simpan umpan balik").click()
        _ok(page)
        assert set(UmpanBalik.objects.filter(skp=skp).values_list("peran", flat=True)) == {
            "rekan",
            "pimpinan",
        }

        # The year's end: the capaian of the bidang, set by the Kepala BKPSDM.
        waktu.move_to(datetime(2027, 12, 20, 9, 0, tzinfo=WIB))
        login_as(AMIRUDIN)
        page.goto("/penilaian/capaian/?tahun=2027&nomor=0")
        bidang = demo[BAWONO].jabatan.unit_kerja
        page.locator(f"#capaian-{bidang.pk}").select_option("baik")
        page.locator(f"#dasar-{bidang.pk}").fill("Capaian Perjanjian Kinerja bidang 96 %")
        page.locator(f"#capaian-{bidang.pk}").locator("xpath=ancestor::form").get_by_role(
            "button", name="Tetapkan capaian"
        ).click()
        _ok(page)
        assert CapaianKinerjaOrganisasi.objects.get(unit_kerja=bidang, jadwal=None).capaian == "baik"

        # The Kabid rates Sekar for the year.
        login_as(BAWONO)
        page.goto(f"/penilaian/skp/{skp.pk}/0/")
        for i in (1, 2):
            page.get_by_label(f"Penilaian rencana hasil kerja {i}").select_option("sesuai")
        page.get_by_label("Rating hasil kerja").select_option("sesuai")
        page.get_by_label("Rating perilaku kerja").select_option("sesuai")
        page.get_by_role("button", name="Simpan penilaian").click()
        _ok(page)
        penilaian = Penilaian.objects.get(skp=skp, jadwal=None)
        assert penilaian.predikat == "baik"

        # All four Baik under capaian Baik: more than 70 % Baik and nobody below: a warning.
        page.goto("/penilaian/tim/?tahun=2027&nomor=0")
        assert page.get_by_text("paling banyak 70 % pegawai berpredikat Baik").first.is_visible()
        page.get_by_role("button", name="Finalisasi").click()
        page.wait_for_load_state()
        assert Penilaian.objects.get(pk=penilaian.pk).status == "draf"  # no justification, no finalisation
        page.get_by_label("Justifikasi penyimpangan distribusi").fill(
            "Seluruh anggota tim memenuhi ekspektasi; tidak ada yang kinerjanya di bawah ekspektasi."
        )
        page.get_by_role("button", name="Finalisasi").click()
        _ok(page)
        assert Penilaian.objects.get(pk=penilaian.pk).status == "final"
        assert JustifikasiDistribusi.objects.filter(pejabat_penilai=demo[BAWONO]).exists()

        # Sekar reads the result, downloads the document, confirms receipt, objects.
        login_as(SEKAR)
        page.goto("/penilaian/saya/")
        page.goto(f"/penilaian/{penilaian.pk}/")
        with page.expect_download() as download:
            page.get_by_role("link", name="PDF").first.click()
        teks = _teks_pdf(download.value.path())
        assert demo[SEKAR].nama in teks and demo[SEKAR].nip_tertulis in teks
        assert "BAIK" in teks.upper()
        page.get_by_role("button", name="Konfirmasi penerimaan").click()
        _ok(page)
        page.get_by_label("Alasan keberatan").fill("Realisasi saya melampaui target di tiga triwulan.")
        page.get_by_role("button", name="Ajukan keberatan").click()
        _ok(page)
        keberatan = Penilaian.objects.get(pk=penilaian.pk).keberatan

        login_as(AMIRUDIN)
        page.goto("/penilaian/keberatan/")
        page.goto(f"/penilaian/keberatan/{keberatan.pk}/")
        page.get_by_label("Permintaan penjelasan kepada pejabat penilai dan pegawai").fill(
            "Jelaskan dasar rating hasil kerja."
        )
        page.get_by_role("button", name="Kirim permintaan penjelasan").click()
        _ok(page)

        login_as(BAWONO)
        page.goto(f"/penilaian/keberatan/{keberatan.pk}/")
        page.get_by_label("Penjelasan Anda").fill("Realisasi sesuai target, tidak melampaui.")
        page.get_by_role("button", name="Kirim penjelasan").click()
        _ok(page)

        login_as(AMIRUDIN)
        page.goto(f"/penilaian/keberatan/{keberatan.pk}/")
        ubah = page.locator("form", has=page.get_by_role("button", name="Ubah hasil evaluasi"))
        ubah.get_by_label("Rating hasil kerja yang baru").select_option("di_atas")
        ubah.get_by_label("Rating perilaku kerja yang baru").select_option("di_atas")
        ubah.get_by_label("Pertimbangan keputusan").fill("Bukti dukung menunjukkan realisasi di atas target.")
        ubah.get_by_role("button", name="Ubah hasil evaluasi").click()
        _ok(page)

    keberatan.refresh_from_db()
    penilaian.refresh_from_db()
    assert keberatan.status == StatusKeberatan.DIUBAH and keberatan.predikat_semula == "baik"
    assert (penilaian.rating_hasil_kerja, penilaian.predikat, penilaian.status) == (
        "di_atas",
        "sangat_baik",
        "final",
    )
    assert penilaian.riwayat_set.count() >= 6  # opened, saved, finalised, received, keberatan steps
