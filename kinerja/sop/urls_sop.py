"""SOP pages (H6): SOPs as data and their runs."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/mulai/", views.mulai, name="mulai"),
    path("proses/<int:pk>/", views.proses, name="proses"),
    path("proses/<int:pk>/langkah/", views.langkah, name="langkah"),
    path("dokumen/<int:pk>/", views.dokumen, name="dokumen"),
]
