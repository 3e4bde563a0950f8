"""Angka kredit of jabatan fungsional (H3), under /tindak-lanjut/angka-kredit/."""

from django.urls import path

from . import views_ak

urlpatterns = [
    path("angka-kredit/", views_ak.saya, name="ak-saya"),
    path("angka-kredit/pegawai/<int:pk>/", views_ak.pegawai, name="ak-pegawai"),
    path("angka-kredit/pegawai/<int:pk>/awal/", views_ak.ak_awal, name="ak-awal"),
    path("angka-kredit/pegawai/<int:pk>/<int:tahun>/pdf/", views_ak.pdf, name="ak-pdf"),
    path("angka-kredit/penilaian/<int:pk>/konversi/", views_ak.konversi, name="ak-konversi"),
    path("angka-kredit/koefisien/", views_ak.koefisien, name="ak-koefisien"),
    path("angka-kredit/koefisien/tambah/", views_ak.koefisien_tambah, name="ak-koefisien-tambah"),
    path("angka-kredit/rekap.xlsx", views_ak.rekap_xlsx, name="ak-rekap-xlsx"),
]
