from django.apps import AppConfig


class IpasnConfig(AppConfig):
    name = "kinerja.ipasn"
