from django.urls import path

from . import views, views_impor

app_name = "organisasi"
urlpatterns = [
    path("unit/", views.unit_tree, name="unit-tree"),
    path("unit/baru/", views.unit_form, name="unit-create"),
    path("unit/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("unit/<int:pk>/ubah/", views.unit_form, name="unit-edit"),
    path("jabatan/", views.jabatan_list, name="jabatan-list"),
    path("jabatan/baru/", views.jabatan_form, name="jabatan-create"),
    path("jabatan/<int:pk>/ubah/", views.jabatan_form, name="jabatan-edit"),
    path("pegawai/", views.pegawai_list, name="pegawai-list"),
    path("pegawai/baru/", views.pegawai_form, name="pegawai-create"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai-detail"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_form, name="pegawai-edit"),
    path("pegawai/<int:pk>/penugasan/baru/", views.penugasan_create, name="penugasan-create"),
    path("impor/", views_impor.impor, name="impor"),
    path("impor/templat.<str:fmt>", views_impor.templat, name="impor-templat"),
    path("impor/<int:pk>/", views_impor.impor_status, name="impor-status"),
    path("ekspor/", views_impor.ekspor, name="ekspor"),
]
