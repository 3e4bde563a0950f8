from django.apps import AppConfig


class PenilaianConfig(AppConfig):
    name = "kinerja.penilaian"

    def ready(self):
        from . import dashboard  # noqa: F401 - registers the dashboard sections
