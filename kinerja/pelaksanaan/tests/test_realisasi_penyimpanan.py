"""Where bukti dukung files go: MEDIA_ROOT by default, an S3-compatible bucket when KINERJA_S3_BUCKET is
set (settings read in a fresh interpreter; building the storage needs no network)."""

import json
import os
import subprocess
import sys

from django.conf import settings

CETAK = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage, storages
s = storages["default"]
print(json.dumps({
    "storages": settings.STORAGES,
    "kelas": f"{type(s).__module__}.{type(s).__name__}",
    "bucket": getattr(s, "bucket_name", None),
    "endpoint": getattr(s, "endpoint_url", None),
    "region": getattr(s, "region_name", None),
    "maks_mb": settings.KINERJA_BUKTI_MAKS_MB,
}))
"""


def _baca(**env) -> dict:
    bersih = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "KINERJA_"))
    }
    result = subprocess.run(
        [sys.executable, "-c", CETAK],
        env=bersih | {"DJANGO_DEBUG": "True", "DJANGO_SETTINGS_MODULE": "config.settings"} | env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_default_storage_is_the_local_media_folder_and_static_files_unchanged():
    hasil = _baca()
    assert hasil["kelas"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert hasil["storages"]["staticfiles"] == {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    assert hasil["maks_mb"] == 10


def test_s3_compatible_storage_from_the_environment(tmp_path):
    rahasia = tmp_path / "s3-secret"
    rahasia.write_text("rahasia-dari-berkas\n")
    hasil = _baca(
        KINERJA_S3_BUCKET="bukti-kinerja",
        KINERJA_S3_ENDPOINT_URL="https://s3.example.go.id",
        KINERJA_S3_ACCESS_KEY="AKIA-CONTOH",
        KINERJA_S3_SECRET_KEY_FILE=str(rahasia),
        KINERJA_S3_REGION="id-jkt-1",
        KINERJA_BUKTI_MAKS_MB="25",
    )
    assert hasil["kelas"] == "storages.backends.s3.S3Storage"
    assert (hasil["bucket"], hasil["endpoint"], hasil["region"]) == (
        "bukti-kinerja",
        "https://s3.example.go.id",
        "id-jkt-1",
    )
    options = hasil["storages"]["default"]["OPTIONS"]
    assert options["access_key"] == "AKIA-CONTOH"
    assert options["secret_key"] == "rahasia-dari-berkas"
    assert options["default_acl"] == "private" and options["file_overwrite"] is False
    assert (
        hasil["storages"]["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    assert hasil["maks_mb"] == 25


def test_optional_s3_settings_are_left_to_the_library():
    options = _baca(KINERJA_S3_BUCKET="bukti")["storages"]["default"]["OPTIONS"]
    assert "endpoint_url" not in options and "region_name" not in options and "access_key" not in options


def test_a_size_limit_that_is_not_a_number_stops_the_start():
    bersih = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KINERJA_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env=bersih | {"DJANGO_DEBUG": "True", "KINERJA_BUKTI_MAKS_MB": "sepuluh"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert result.returncode != 0 and "KINERJA_BUKTI_MAKS_MB" in result.stderr
