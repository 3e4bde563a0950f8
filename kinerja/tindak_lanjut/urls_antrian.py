"""The Analis SDM's queue of documents (H2)."""

from django.urls import path

from . import views_antrian

urlpatterns = [
    path("antrian/", views_antrian.daftar, name="antrian"),
    path("antrian/catat/", views_antrian.catat, name="antrian-catat"),
    path("antrian/<int:pk>/teruskan/", views_antrian.teruskan, name="antrian-teruskan"),
]
