"""IP ASN results and the Laporan Capaian IP ASN (H5)."""

from django.urls import path

from . import views_hasil

urlpatterns = [
    path("hasil/", views_hasil.ringkasan, name="hasil"),
    path("hasil/hitung/", views_hasil.hitung, name="hasil-hitung"),
    path("hasil/<int:pk>/unit/<int:unit_id>/", views_hasil.unit, name="hasil-unit"),
    path("hasil/pegawai/<int:pk>/", views_hasil.pegawai, name="hasil-pegawai"),
    path("saya/", views_hasil.saya, name="hasil-saya"),
    path("hasil/<int:pk>/laporan.pdf", views_hasil.laporan_pdf, name="laporan-pdf"),
    path("hasil/<int:pk>/laporan.xlsx", views_hasil.laporan_xlsx, name="laporan-xlsx"),
]
