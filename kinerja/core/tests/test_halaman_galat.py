"""Error pages speak Indonesian and carry the reason of a refusal."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views.defaults import page_not_found, permission_denied


@pytest.mark.django_db
def test_403_shows_the_reason(cast):
    request = RequestFactory().get("/x/")
    request.user = cast["pegawai"]
    response = permission_denied(request, PermissionDenied("Hanya pejabat penilai yang dapat menilai."))
    assert response.status_code == 403
    assert "Hanya pejabat penilai yang dapat menilai." in response.content.decode()


@pytest.mark.django_db
def test_404_in_indonesian(cast):
    request = RequestFactory().get("/x/")
    request.user = cast["pegawai"]
    response = page_not_found(request, Exception("x"))
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
