"""The UI works offline: every asset the base template links is served from the project's own files."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

BASE = Path(settings.BASE_DIR) / "kinerja" / "templates" / "base.html"
ASSETS = re.findall(r"{% static '([^']+)' %}", BASE.read_text())


@pytest.mark.parametrize("path", ASSETS)
def test_linked_asset_exists(path):
    assert finders.find(path), path


def test_no_cdn():
    assert "https://" not in BASE.read_text()


@pytest.mark.django_db
def test_assets_are_served(client):
    for path in ASSETS:
        response = client.get(f"/{settings.STATIC_URL.strip('/')}/{path}")
        assert response.status_code == 200, path
