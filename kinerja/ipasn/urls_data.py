from django.urls import path

from . import views_data as views

urlpatterns = [
    path("data/", views.saya, name="data-saya"),
    path("data/<str:kode>/tambah/", views.tambah_saya, name="data-tambah"),
    path("data/<str:kode>/<int:pk>/ubah/", views.ubah, name="data-ubah"),
    path("data/<str:kode>/<int:pk>/hapus/", views.hapus, name="data-hapus"),
    path("data/<str:kode>/<int:pk>/berkas/", views.berkas, name="data-berkas"),
    path("data/<str:kode>/<int:pk>/verifikasi/", views.verifikasi_aksi, name="data-verifikasi-aksi"),
    path("data-pegawai/", views.pegawai_list, name="data-pegawai-list"),
    path("data-pegawai/<int:pk>/", views.pegawai_detail, name="data-pegawai"),
    path("data-pegawai/<int:pk>/<str:kode>/tambah/", views.tambah_pegawai, name="data-pegawai-tambah"),
    path("verifikasi-data/", views.verifikasi, name="data-verifikasi"),
]
