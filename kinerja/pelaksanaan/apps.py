from django.apps import AppConfig


class PelaksanaanConfig(AppConfig):
    name = "kinerja.pelaksanaan"
