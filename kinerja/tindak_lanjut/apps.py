from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TindakLanjutConfig(AppConfig):
    name = "kinerja.tindak_lanjut"
    verbose_name = _("Tindak lanjut dan angka kredit")

    def ready(self):
        from kinerja.core.modul import impor_modul

        # penerima_*.py: receivers of penilaian.signals.hasil_ditetapkan; dashboard*.py: sections.
        impor_modul(self.name, "penerima_")
        impor_modul(self.name, "dashboard")
