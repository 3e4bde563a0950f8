from django.urls import path

from . import views, views_laporan, views_manual, views_matriks, views_periode, views_pk

app_name = "perencanaan"
urlpatterns = [
    path("", views.skp_saya, name="skp-saya"),
    path("bawahan/", views.inbox, name="skp-inbox"),
    path("klasifikasi/", views.klasifikasi, name="klasifikasi"),
    path("pohon/", views_laporan.pohon, name="pohon"),
    path("rekap/", views_laporan.rekap, name="rekap"),
    path("rekap/xlsx/", views_laporan.rekap_xlsx, name="rekap-xlsx"),
    path("<int:pk>/", views.skp_detail, name="skp-detail"),
    path("<int:pk>/aksi/", views.skp_aksi, name="skp-aksi"),
    path("<int:pk>/pdf/", views.skp_pdf, name="skp-pdf"),
    path("<int:pk>/pindah/", views.skp_pindah, name="skp-pindah"),
    path("<int:pk>/xlsx/", views_laporan.skp_xlsx, name="skp-xlsx"),
    path("<int:pk>/rhk/", views.rhk_tambah, name="rhk-tambah"),
    path("<int:pk>/lampiran/", views.lampiran_simpan, name="lampiran-simpan"),
    path("<int:pk>/ekspektasi/", views.ekspektasi_simpan, name="ekspektasi-simpan"),
    path("<int:pk>/matriks/", views_matriks.matriks_edit, name="matriks"),
    path("<int:pk>/matriks/pdf/", views_matriks.matriks_pdf, name="matriks-pdf"),
    path("<int:pk>/isi-matriks/", views_matriks.isi_matriks, name="isi-matriks"),
    path("<int:pk>/manual/pdf/", views_manual.manual_pdf, name="manual-pdf"),
    path("indikator/<int:pk>/manual/", views_manual.manual_edit, name="manual"),
    path("rhk/<int:pk>/indikator/", views.indikator_tambah, name="indikator-tambah"),
    path("rhk/<int:pk>/hapus/", views.rhk_hapus, name="rhk-hapus"),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="indikator-hapus"),
    path("pk/", views_pk.pk_list, name="pk-list"),
    path("pk/baru/", views_pk.pk_create, name="pk-create"),
    path("pk/impor/", views_pk.pk_impor, name="pk-impor"),
    path("pk/impor/templat.xlsx", views_pk.pk_impor_templat, name="pk-impor-templat"),
    path("pk/<int:pk>/", views_pk.pk_detail, name="pk-detail"),
    path("pk/<int:pk>/ubah/", views_pk.pk_edit, name="pk-edit"),
    path("pk/<int:pk>/hapus/", views_pk.pk_hapus, name="pk-hapus"),
    path("periode/", views_periode.periode_list, name="periode-list"),
    path("periode/<int:pk>/", views_periode.periode_edit, name="periode-edit"),
]
