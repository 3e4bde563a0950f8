from django.apps import AppConfig


class PelaksanaanConfig(AppConfig):
    name = "kinerja.pelaksanaan"

    def ready(self):
        from . import dashboard  # noqa: F401 - registers the dashboard sections
