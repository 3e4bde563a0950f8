from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "kinerja.dokumen"
