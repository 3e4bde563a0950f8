from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "kinerja.perencanaan"

    def ready(self):
        from . import dashboard  # noqa: F401 - registers the dashboard sections
