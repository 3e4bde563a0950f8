"""Upload page, background job and its status page, templates and export: admin only."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.core.models import Peran, PeranPengguna
from kinerja.organisasi.impor import apply_import
from kinerja.organisasi.models import ImportJob, Instansi, Pegawai, UnitKerja
from kinerja.organisasi.tasks import jalankan_impor

from .test_impor import BAD_NIP, NIP_ANALIS, NIP_KABID, csv_file, full_xlsx

User = get_user_model()
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def instansi(db):
    return Instansi.objects.create(kode="kebumen", nama="Pemerintah Kabupaten Kebumen")


@pytest.fixture
def admin(instansi):
    user = User.objects.create_user("admin-sdm", password="x")
    PeranPengguna.objects.create(user=user, instansi=instansi, peran=Peran.ADMIN_INSTANSI)
    return user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def _job(instansi, by=None, **fields):
    return ImportJob.objects.create(
        instansi=instansi, dibuat_oleh=by, berkas="impor/x.csv", nama_berkas="x.csv", **fields
    )


def _upload(client, content: bytes, name: str, **extra):
    return client.post(reverse("organisasi:impor"), {"berkas": SimpleUploadedFile(name, content), **extra})


@pytest.mark.django_db
def test_upload_enqueues_the_job_which_completes(
    admin_client, admin, instansi, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    assert admin_client.get(reverse("organisasi:impor")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(admin_client, full_xlsx().getvalue(), "organisasi.xlsx")

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("organisasi:impor-status", args=[job.pk])
    assert (job.status, job.instansi, job.dibuat_oleh, job.nama_berkas) == (
        ImportJob.Status.BERHASIL,
        instansi,
        admin,
        "organisasi.xlsx",
    )
    assert job.selesai and job.persen == 100 and job.total_baris == 9
    assert job.ringkasan["jumlah"]["pegawai"]["dibuat"] == 4
    assert Pegawai.objects.filter(instansi=instansi).count() == 4

    page = admin_client.get(response.url).content.decode()
    assert "Impor selesai" in page and "hx-trigger" not in page
    listing = admin_client.get(reverse("organisasi:impor")).content.decode()
    assert "organisasi.xlsx" in listing


@pytest.mark.django_db
def test_failed_job_shows_errors_and_saves_nothing(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(admin_client, csv_file(BAD_NIP).getvalue(), "pegawai.csv", uji_saja="on")

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.GAGAL and job.uji_saja
    assert {
        "lembar": "pegawai",
        "baris": 3,
        "kolom": "nip",
        "nilai": "12345",
        "pesan": "NIP harus terdiri atas 18 angka; yang diisi: '12345'.",
    } in job.galat
    page = admin_client.get(response.url).content.decode()
    assert "18 angka" in page and "Tidak ada data yang disimpan" in page
    assert Pegawai.objects.count() == 0


@pytest.mark.django_db
def test_status_polls_with_htmx_until_done(admin_client, admin, instansi):
    job = _job(instansi, admin, status=ImportJob.Status.BERJALAN, total_baris=1000, baris_diproses=250)
    url = reverse("organisasi:impor-status", args=[job.pk])
    partial = admin_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "<html" not in partial
    assert 'aria-valuenow="25"' in partial


@pytest.mark.django_db
def test_upload_of_a_renamed_png_is_refused(admin_client):
    response = _upload(admin_client, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.xlsx")
    assert response.status_code == 200
    assert "bukan XLSX" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_upload_over_the_size_limit_is_refused(admin_client, settings):
    settings.KINERJA_IMPORT_MAX_BYTES = 100
    response = _upload(admin_client, full_xlsx().getvalue(), "organisasi.xlsx")
    assert "terlalu besar" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_templates_and_export_download(admin_client, instansi, admin):
    apply_import(instansi, full_xlsx(), by=admin)
    response = admin_client.get(reverse("organisasi:impor-templat", args=["xlsx"]))
    assert response.status_code == 200 and "templat_impor_kinerja.xlsx" in response["Content-Disposition"]
    assert "petunjuk" in load_workbook(io.BytesIO(response.content)).sheetnames
    response = admin_client.get(reverse("organisasi:impor-templat", args=["csv"]) + "?jenis=unit_kerja")
    assert response.content.decode("utf-8-sig").startswith("kode;nama;kode_induk;aktif")
    assert admin_client.get(reverse("organisasi:impor-templat", args=["csv"]) + "?jenis=x").status_code == 404
    assert admin_client.get(reverse("organisasi:impor-templat", args=["pdf"])).status_code == 404

    response = admin_client.get(reverse("organisasi:ekspor"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    nips = [row[0] for row in wb["pegawai"].iter_rows(min_row=2, values_only=True)]
    assert NIP_ANALIS in nips and NIP_KABID in nips


def _urls(job_pk):
    return [
        reverse("organisasi:impor"),
        reverse("organisasi:impor-status", args=[job_pk]),
        reverse("organisasi:impor-templat", args=["xlsx"]),
        reverse("organisasi:ekspor"),
    ]


@pytest.mark.django_db
def test_non_admin_gets_403_on_every_view(client, instansi, admin):
    apply_import(instansi, full_xlsx(), by=admin)
    job = _job(instansi, admin)
    client.force_login(Pegawai.objects.get(nip=NIP_ANALIS).user)
    for url in _urls(job.pk):
        assert client.get(url).status_code == 403, url
    assert _upload(client, csv_file(BAD_NIP).getvalue(), "p.csv").status_code == 403
    assert ImportJob.objects.count() == 1


@pytest.mark.django_db
def test_job_of_another_instansi_is_404(admin_client, admin):
    other = Instansi.objects.create(kode="lain", nama="Instansi Lain")
    job = _job(other)
    assert admin_client.get(reverse("organisasi:impor-status", args=[job.pk])).status_code == 404
    assert UnitKerja.objects.count() == 0


@pytest.mark.django_db
def test_task_records_a_refused_file_and_runs_only_once(instansi, admin):
    job = ImportJob.objects.create(
        instansi=instansi,
        dibuat_oleh=admin,
        nama_berkas="foto.xlsx",
        berkas=SimpleUploadedFile("foto.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00"),
    )
    assert jalankan_impor.call(job.pk) == "gagal"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.GAGAL and job.selesai_pada is not None
    assert "bukan XLSX" in job.galat[0]["pesan"]
    assert jalankan_impor.call(job.pk) == "sudah diproses"


@pytest.mark.django_db
def test_task_marks_a_crash_as_error(instansi, admin, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("kinerja.organisasi.tasks.apply_import", boom)
    job = ImportJob.objects.create(
        instansi=instansi,
        dibuat_oleh=admin,
        nama_berkas="a.csv",
        berkas=SimpleUploadedFile("a.csv", b"kode;nama\r\nA;B\r\n"),
    )
    assert jalankan_impor.call(job.pk) == "error"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.ERROR and "disk penuh" in job.ringkasan["pesan"]
