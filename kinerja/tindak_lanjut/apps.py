from django.apps import AppConfig


class TindakLanjutConfig(AppConfig):
    name = "kinerja.tindak_lanjut"
