"""The realisasi pages: upload through the form, download by whoever may see the SKP (404 for the
others), the owner alone writes (403 for the penilai), the closed state, and constant query counts."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pelaksanaan.models import BuktiDukung, Realisasi, RencanaAksi
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, RencanaHasilKerja

from . import realisasi_contoh as contoh
from .realisasi_contoh import AMIRUDIN, BAWONO, MAYA, RINA, SEKAR

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def _media_and_day(settings, tmp_path, time_machine):
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to(datetime(2027, 2, 10, 9, 0, tzinfo=WIB), tick=False)


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


@pytest.fixture
def iki(skp):
    return IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp, rhk__jenis="utama").first()


@pytest.fixture
def jadwal(skp):
    return JadwalPeriode.objects.get(periode=skp.periode, nomor=1)


@pytest.fixture
def as_(demo, client_as):
    def login(nip):
        return client_as(demo[nip].user)

    return login


def _url_realisasi(skp, iki, nomor=1):
    return reverse("pelaksanaan:realisasi-simpan", args=[skp.pk, nomor, iki.pk])


def _pesan(response) -> list[str]:
    """The messages stored so far (a redirect is not followed, so earlier ones stay queued)."""
    return [str(m) for m in response.wsgi_request._messages]


@pytest.fixture
def bukti_pdf(skp, iki, as_):
    as_(SEKAR).post(
        _url_realisasi(skp, iki),
        {
            "nilai": "4,5",
            "uraian": "Empat dokumen",
            "berkas": contoh.unggahan("Laporan TW I.pdf", contoh.PDF),
        },
    )
    return BuktiDukung.objects.get()


def test_owner_uploads_realisasi_with_a_file_through_the_form(skp, iki, jadwal, as_, tmp_path):
    response = as_(SEKAR).post(
        _url_realisasi(skp, iki),
        {
            "nilai": "4,5",
            "uraian": "Empat dokumen",
            "berkas": contoh.unggahan("Laporan TW I.pdf", contoh.PDF),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("pelaksanaan:periode", args=[skp.pk, 1]) + f"#iki-{iki.pk}"
    r = Realisasi.objects.get(indikator=iki, jadwal=jadwal)
    assert (r.nilai, r.uraian) == (Decimal("4.5"), "Empat dokumen")
    bukti = r.bukti_set.get()
    assert (bukti.nama, bukti.jenis) == ("Laporan TW I.pdf", "application/pdf")
    assert (tmp_path / bukti.berkas.name).read_bytes() == contoh.PDF
    assert _pesan(response) == ["Realisasi disimpan."]


@pytest.mark.parametrize("nip", [SEKAR, BAWONO, AMIRUDIN])
def test_owner_penilai_and_atasan_download_the_file_as_an_attachment(bukti_pdf, as_, nip):
    response = as_(nip).get(reverse("pelaksanaan:bukti-unduh", args=[bukti_pdf.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Laporan TW I.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == contoh.PDF


@pytest.mark.parametrize("nip", [MAYA, RINA])
def test_outsider_and_a_colleague_outside_the_team_get_404(bukti_pdf, skp, as_, nip):
    client = as_(nip)
    assert client.get(reverse("pelaksanaan:bukti-unduh", args=[bukti_pdf.pk])).status_code == 404
    assert client.get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).status_code == 404
    assert client.post(reverse("pelaksanaan:bukti-hapus", args=[bukti_pdf.pk])).status_code == 404


def test_the_media_url_is_not_how_files_are_served(bukti_pdf, as_):
    response = as_(SEKAR).get("/" + "media/" + bukti_pdf.berkas.name)
    assert response.status_code == 404


def test_a_link_bukti_is_followed_after_the_check(skp, iki, jadwal, as_):
    as_(SEKAR).post(_url_realisasi(skp, iki), {"nilai": "1", "tautan": "https://drive.example.go.id/x"})
    bukti = BuktiDukung.objects.get()
    response = as_(BAWONO).get(reverse("pelaksanaan:bukti-unduh", args=[bukti.pk]))
    assert (response.status_code, response["Location"]) == (302, "https://drive.example.go.id/x")


def test_penilai_cannot_write_the_pegawai_realisasi(skp, iki, as_, bukti_pdf):
    client = as_(BAWONO)
    assert client.post(_url_realisasi(skp, iki), {"nilai": "9"}).status_code == 403
    ra = {"rhk": iki.rhk_id, "uraian": "x", "target": "1"}
    assert client.post(reverse("pelaksanaan:rencana-aksi-simpan", args=[skp.pk, 1]), ra).status_code == 403
    assert client.post(reverse("pelaksanaan:bukti-hapus", args=[bukti_pdf.pk])).status_code == 403
    unggah = reverse("pelaksanaan:bukti-unggah", args=[bukti_pdf.realisasi_id])
    assert client.post(unggah, {"tautan": "https://example.go.id"}).status_code == 403
    assert Realisasi.objects.get().nilai == Decimal("4.5")
    assert BuktiDukung.objects.count() == 1 and not RencanaAksi.objects.exists()


def test_a_fake_file_through_the_form_is_refused_with_a_message(skp, iki, as_, tmp_path):
    response = as_(SEKAR).post(
        _url_realisasi(skp, iki),
        {"nilai": "3", "berkas": contoh.unggahan("foto.png", contoh.EXE, "image/png")},
    )
    assert response.status_code == 302
    assert (
        "Isi berkas “foto.png” bukan PNG seperti yang disebut namanya; berkas ditolak." in _pesan(response)[0]
    )
    assert not Realisasi.objects.exists() and not list(tmp_path.rglob("*.png"))


def test_a_number_that_is_not_one_is_refused_by_the_form(skp, iki, as_):
    response = as_(SEKAR).post(_url_realisasi(skp, iki), {"nilai": "empat"})
    assert _pesan(response) == ["Realisasi angka harus berupa bilangan, mis. 12 atau 12,5."]
    assert not Realisasi.objects.exists()


def test_bukti_upload_and_delete_by_the_owner(bukti_pdf, as_, tmp_path, django_capture_on_commit_callbacks):
    client = as_(SEKAR)
    unggah = reverse("pelaksanaan:bukti-unggah", args=[bukti_pdf.realisasi_id])
    response = client.post(unggah, {"berkas": contoh.unggahan("rekap.xlsx", contoh.xlsx())})
    assert _pesan(response) == ["Bukti dukung ditambahkan."]
    assert BuktiDukung.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pelaksanaan:bukti-hapus", args=[bukti_pdf.pk]))
    assert _pesan(response)[-1] == "Bukti dukung dihapus."
    assert not (tmp_path / bukti_pdf.berkas.name).exists()
    assert BuktiDukung.objects.count() == 1


def test_rencana_aksi_add_and_delete_through_the_page(skp, iki, as_):
    client = as_(SEKAR)
    url = reverse("pelaksanaan:rencana-aksi-simpan", args=[skp.pk, 1])
    response = client.post(url, {"rhk": iki.rhk_id, "uraian": "Menyusun draf", "target": "1 draf"})
    assert response["Location"].endswith(f"#rhk-{iki.rhk_id}")
    ra = RencanaAksi.objects.get()
    response = client.post(url, {"rhk": iki.rhk_id, "uraian": "", "target": ""})
    assert _pesan(response)[-1] == (
        "Tuliskan rencana aksinya. Tuliskan target periodik rencana aksi (menuju target tahunan)."
    )
    client.post(reverse("pelaksanaan:rencana-aksi-hapus", args=[ra.pk]))
    assert not RencanaAksi.objects.exists()


def test_rhk_of_another_skp_is_404(skp, as_, demo):
    lain = RencanaHasilKerja.objects.filter(skp=skp_disetujui(demo[BAWONO])).first()
    url = reverse("pelaksanaan:rencana-aksi-simpan", args=[skp.pk, 1])
    assert as_(SEKAR).post(url, {"rhk": lain.pk, "uraian": "x", "target": "1"}).status_code == 404


def test_period_not_in_the_skp_is_404(skp, as_):
    assert as_(SEKAR).get(reverse("pelaksanaan:periode", args=[skp.pk, 5])).status_code == 404


def test_open_period_page_has_the_forms(skp, as_):
    html = as_(SEKAR).get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "batas pengisian" in html and "5 April 2027" in html
    assert "Terbuka" in html


def test_period_page_lists_utama_first_and_shows_the_number_back(skp, iki, as_):
    client = as_(SEKAR)
    client.post(_url_realisasi(skp, iki), {"nilai": "4,50"})
    html = client.get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).content.decode()
    assert html.index("Hasil kerja 1") < html.index("Hasil kerja 2") < html.index("Hasil kerja 3")
    assert f'id="nilai-{iki.pk}" value="4,5"' in html and "4,5 dokumen" in html


def test_penilai_reads_the_period_page_without_forms(skp, as_):
    html = as_(BAWONO).get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).content.decode()
    assert "multipart/form-data" not in html
    assert "diisi oleh pegawai pemilik SKP" in html


def test_closed_period_is_read_only(skp, iki, as_, time_machine):
    as_(SEKAR).post(_url_realisasi(skp, iki), {"nilai": "3"})
    time_machine.move_to(datetime(2027, 4, 6, 9, 0, tzinfo=WIB), tick=False)
    client = as_(SEKAR)
    html = client.get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).content.decode()
    assert "sudah ditutup pada 5 April 2027" in html and "Ditutup" in html
    assert "<form" not in html.split('id="isi"')[1]
    response = client.post(_url_realisasi(skp, iki), {"nilai": "7"})
    assert "Periode Triwulan I 2027 sudah ditutup pada 5 April 2027 (batas pengisian)." in _pesan(response)
    assert Realisasi.objects.get().nilai == Decimal(3)


def test_final_penilaian_shows_the_period_as_final(skp, jadwal, as_):
    penilaian_dengan(skp, jadwal=jadwal, final=True)
    html = as_(SEKAR).get(reverse("pelaksanaan:periode", args=[skp.pk, 1])).content.decode()
    assert "Penilaian final" in html and "sudah difinalisasi" in html
    assert "multipart/form-data" not in html


def test_skp_page_shows_periods_and_progress(skp, iki, as_):
    as_(SEKAR).post(_url_realisasi(skp, iki), {"nilai": "4"})
    response = as_(AMIRUDIN).get(reverse("pelaksanaan:skp", args=[skp.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for nama in ("Triwulan I 2027", "Triwulan II 2027", "Triwulan III 2027", "Triwulan IV 2027"):
        assert nama in html
    assert "1 dari 3" in html  # one of the three indikator has a realisasi in Triwulan I
    assert "4 dokumen" in html and "40% dari target" in html  # the latest realisasi vs target 10


def test_skp_page_of_a_draft_skp_is_read_only(demo, as_):
    from kinerja.perencanaan.tests.factories import skp_dengan_status

    draf = skp_dengan_status(demo[SEKAR], versi=2)
    html = as_(SEKAR).get(reverse("pelaksanaan:skp", args=[draf.pk])).content.decode()
    assert "hanya untuk dibaca" in html


# --- query counts -------------------------------------------------------------------------------


def _isi(skp, jadwal, *, rhk: int, iki: int, bukti: int) -> None:
    """`rhk` more rencana hasil kerja with `iki` indikator each, every indikator with a realisasi in
    `jadwal` and `bukti` links, and one rencana aksi per RHK."""
    for i in range(rhk):
        r = RencanaHasilKerja.objects.create(skp=skp, uraian=f"RHK tambahan {i}", urutan=10 + i)
        RencanaAksi.objects.create(rhk=r, jadwal=jadwal, uraian="Aksi", target="1")
        for k in range(iki):
            indikator = IndikatorKinerjaIndividu.objects.create(
                rhk=r, uraian=f"Indikator {k}", target_min=5, target_max=5, satuan="laporan"
            )
            realisasi = Realisasi.objects.create(indikator=indikator, jadwal=jadwal, nilai=k)
            BuktiDukung.objects.bulk_create(
                BuktiDukung(realisasi=realisasi, tautan=f"https://example.go.id/{n}", nama=f"T{n}")
                for n in range(bukti)
            )


def _hitung(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("nama", ["pelaksanaan:periode", "pelaksanaan:skp"])
def test_pages_run_the_same_number_of_queries_whatever_the_size(skp, jadwal, as_, nama):
    client = as_(SEKAR)
    args = [skp.pk, 1] if nama == "pelaksanaan:periode" else [skp.pk]
    url = reverse(nama, args=args)
    client.get(url)  # warm the session and the content types
    kecil = _hitung(client, url)
    _isi(skp, jadwal, rhk=6, iki=3, bukti=4)
    assert _hitung(client, url) == kecil


def test_period_page_query_budget(skp, jadwal, as_, django_assert_max_num_queries):
    _isi(skp, jadwal, rhk=3, iki=2, bukti=2)
    client = as_(SEKAR)
    # session, user, skp with its identity, roles (akses), jadwal, final penilaian, rhk, indikator,
    # rencana aksi, realisasi, bukti; the menu (is the user a pejabat penilai)
    with django_assert_max_num_queries(12):
        client.get(reverse("pelaksanaan:periode", args=[skp.pk, 1]))
