"""Realisasi: an SKP's periods, one period's rencana aksi, realisasi and bukti dukung."""

from django.urls import path

from . import views

PERIODE = "skp/<int:skp_pk>/periode/<int:nomor>/"

urlpatterns = [
    path("skp/<int:skp_pk>/", views.skp_view, name="skp"),
    path(PERIODE, views.periode_view, name="periode"),
    path(f"{PERIODE}rencana-aksi/", views.rencana_aksi_simpan, name="rencana-aksi-simpan"),
    path("rencana-aksi/<int:pk>/hapus/", views.rencana_aksi_hapus, name="rencana-aksi-hapus"),
    path(
        f"{PERIODE}indikator/<int:indikator_pk>/realisasi/",
        views.realisasi_simpan,
        name="realisasi-simpan",
    ),
    path("realisasi/<int:pk>/bukti/", views.bukti_unggah, name="bukti-unggah"),
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti-unduh"),
    path("bukti/<int:pk>/hapus/", views.bukti_hapus, name="bukti-hapus"),
]
