"""Usulan pengembangan kompetensi and the Nota Dinas usulan (H2)."""

from django.urls import path

from . import views_usulan

urlpatterns = [
    path("usulan/", views_usulan.usulan_list, name="usulan-list"),
    path("usulan/baru/", views_usulan.usulan_create, name="usulan-create"),
    path("usulan/<int:pk>/ubah/", views_usulan.usulan_edit, name="usulan-edit"),
    path("usulan/<int:pk>/hapus/", views_usulan.usulan_hapus, name="usulan-hapus"),
    path("usulan/<int:pk>/tolak/", views_usulan.usulan_tolak, name="usulan-tolak"),
    path("nota-dinas/", views_usulan.nota_list, name="nota-list"),
    path("nota-dinas/baru/", views_usulan.nota_create, name="nota-create"),
    path("nota-dinas/<int:pk>/", views_usulan.nota_detail, name="nota-detail"),
    path("nota-dinas/<int:pk>/ubah/", views_usulan.nota_edit, name="nota-edit"),
    path("nota-dinas/<int:pk>/kirim/", views_usulan.nota_kirim, name="nota-kirim"),
    path("nota-dinas/<int:pk>/hapus/", views_usulan.nota_hapus, name="nota-hapus"),
    path("nota-dinas/<int:pk>/pdf/", views_usulan.nota_pdf, name="nota-pdf"),
]
