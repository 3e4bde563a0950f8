"""Umpan balik berkelanjutan: history per SKP, giving, asking, answering (seed 002 "3.a", "3.c")."""

from django.urls import path

from . import views_umpan_balik as views

urlpatterns = [
    path("skp/<int:skp_pk>/umpan-balik/", views.riwayat, name="umpan-balik"),
    path("skp/<int:skp_pk>/umpan-balik/beri/", views.beri, name="umpan-balik-beri"),
    path("skp/<int:skp_pk>/umpan-balik/minta/", views.minta, name="umpan-balik-minta"),
    path("umpan-balik/<int:pk>/hapus/", views.hapus, name="umpan-balik-hapus"),
    path("umpan-balik/cari-pegawai/", views.cari, name="umpan-balik-cari"),
    path("permintaan/", views.permintaan_list, name="permintaan-list"),
    path("permintaan/<int:pk>/", views.permintaan_jawab, name="permintaan-jawab"),
    path("permintaan/<int:pk>/tolak/", views.permintaan_tolak, name="permintaan-tolak"),
]
