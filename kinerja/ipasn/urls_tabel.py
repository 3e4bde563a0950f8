from django.urls import path

from . import views_tabel as views

urlpatterns = [
    path("tabel/", views.daftar, name="tabel-list"),
    path("tabel/baru/", views.buat, name="tabel-buat"),
]
