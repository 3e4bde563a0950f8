"""Production settings refuse to start without a secret key; the database comes from DATABASE_URL."""

import os
import subprocess
import sys

from django.conf import settings


def _import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DATABASES['default']['ENGINE'])"],
        env=clean | env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_production_without_secret_key_refuses_to_start():
    result = _import_settings(DJANGO_DEBUG="False")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_production_with_secret_key_and_postgres_url():
    result = _import_settings(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@localhost:5432/k")
    assert result.returncode == 0 and "postgresql" in result.stdout


def test_default_database_is_sqlite_under_var():
    result = _import_settings(DJANGO_DEBUG="True")
    assert result.returncode == 0 and "sqlite3" in result.stdout
