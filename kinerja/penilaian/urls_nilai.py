"""Rating: the penilaian of one SKP in one period (nomor 0 = annual) and the penilai's team."""

from django.urls import path

from . import views

NILAI = "skp/<int:skp_pk>/<int:nomor>/"

urlpatterns = [
    path("tim/", views.tim, name="tim"),
    path("tim/finalisasi/", views.finalisasi, name="finalisasi"),
    path(NILAI, views.nilai, name="nilai"),
    path(f"{NILAI}saran/", views.saran, name="saran"),
]
