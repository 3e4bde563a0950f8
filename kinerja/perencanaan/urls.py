from django.urls import path

from . import views, views_matriks, views_periode

app_name = "perencanaan"
urlpatterns = [
    path("", views.skp_saya, name="skp-saya"),
    path("bawahan/", views.inbox, name="skp-inbox"),
    path("klasifikasi/", views.klasifikasi, name="klasifikasi"),
    path("<int:pk>/", views.skp_detail, name="skp-detail"),
    path("<int:pk>/aksi/", views.skp_aksi, name="skp-aksi"),
    path("<int:pk>/pdf/", views.skp_pdf, name="skp-pdf"),
    path("<int:pk>/rhk/", views.rhk_tambah, name="rhk-tambah"),
    path("<int:pk>/lampiran/", views.lampiran_simpan, name="lampiran-simpan"),
    path("<int:pk>/ekspektasi/", views.ekspektasi_simpan, name="ekspektasi-simpan"),
    path("<int:pk>/matriks/", views_matriks.matriks_edit, name="matriks"),
    path("<int:pk>/matriks/pdf/", views_matriks.matriks_pdf, name="matriks-pdf"),
    path("<int:pk>/isi-matriks/", views_matriks.isi_matriks, name="isi-matriks"),
    path("rhk/<int:pk>/indikator/", views.indikator_tambah, name="indikator-tambah"),
    path("rhk/<int:pk>/hapus/", views.rhk_hapus, name="rhk-hapus"),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="indikator-hapus"),
    path("periode/", views_periode.periode_list, name="periode-list"),
    path("periode/<int:pk>/", views_periode.periode_edit, name="periode-edit"),
]
