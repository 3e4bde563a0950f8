from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpasnConfig(AppConfig):
    name = "kinerja.ipasn"
    verbose_name = _("Indeks Profesionalitas ASN")

    def ready(self):
        from kinerja.core.modul import impor_modul

        # sop_aksi*.py: the system actions of the SOP steps; dashboard*.py: sections.
        impor_modul(self.name, "sop_aksi")
        impor_modul(self.name, "dashboard")
