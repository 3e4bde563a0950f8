from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SopConfig(AppConfig):
    name = "kinerja.sop"
    verbose_name = _("SOP dan alur kerja")

    def ready(self):
        from kinerja.core.modul import impor_modul

        impor_modul(self.name, "dashboard")
