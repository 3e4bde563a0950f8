from django.urls import path

from . import views_capaian, views_distribusi

urlpatterns = [
    path("capaian/", views_capaian.capaian_list, name="capaian"),
    path("capaian/simpan/", views_capaian.capaian_simpan, name="capaian-simpan"),
    path("capaian/pola/", views_capaian.capaian_pola, name="capaian-pola"),
    path("distribusi/", views_distribusi.distribusi, name="distribusi"),
    path("distribusi/penetapan.pdf", views_distribusi.penetapan_pdf, name="penetapan-pdf"),
]
