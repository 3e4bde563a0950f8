"""Pembinaan, penghargaan and sanksi (H1)."""

from django.urls import path

from . import views_pembinaan as views

urlpatterns = [
    path("pembinaan/", views.daftar, name="pembinaan-list"),
    path("pembinaan/baru/", views.tambah, name="pembinaan-tambah"),
    path("pembinaan/<int:pk>/", views.detail, name="pembinaan-detail"),
    path("pembinaan/<int:pk>/aksi/", views.aksi, name="pembinaan-aksi"),
    path("pembinaan/<int:pk>/laporan.pdf", views.pdf, name="pembinaan-pdf"),
    path("penghargaan/", views.penghargaan_list, name="penghargaan-list"),
    path("penghargaan/baru/", views.penghargaan_tambah, name="penghargaan-tambah"),
    path("sanksi/", views.sanksi_list, name="sanksi-list"),
    path("sanksi/baru/", views.sanksi_tambah, name="sanksi-tambah"),
]
