from django.urls import path

from . import views_rekap

urlpatterns = [
    path("rekap/", views_rekap.rekap, name="rekap"),
    path("rekap/xlsx/", views_rekap.rekap_xlsx, name="rekap-xlsx"),
]
