from django.urls import path

from . import views_impor as views

urlpatterns = [
    path("impor/", views.impor, name="impor"),
    path("impor/templat/", views.templat, name="impor-templat"),
]
