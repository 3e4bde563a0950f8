from django.urls import path

from . import views_ekspor

urlpatterns = [
    path("ekspor/", views_ekspor.ekspor, name="ekspor"),
]
