"""Evaluation results, their documents and the keberatan (H5)."""

from django.urls import path

from . import views_hasil, views_keberatan

urlpatterns = [
    path("saya/", views_hasil.saya, name="saya"),
    path("<int:pk>/", views_hasil.hasil, name="hasil"),
    path("<int:pk>/terima/", views_hasil.terima, name="terima"),
    path("<int:pk>/pdf/", views_hasil.pdf, name="pdf"),
    path("<int:pk>/keberatan/", views_keberatan.ajukan, name="keberatan-ajukan"),
    path("keberatan/", views_keberatan.daftar, name="keberatan-list"),
    path("keberatan/<int:pk>/", views_keberatan.detail, name="keberatan-detail"),
    path("keberatan/<int:pk>/aksi/", views_keberatan.aksi, name="keberatan-aksi"),
]
