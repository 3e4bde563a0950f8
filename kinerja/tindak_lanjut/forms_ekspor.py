"""The export page's choices: instansi (those the user manages), year, unit (within that instansi),
kind and format. Every wrong value is an Indonesian form error and nothing is produced."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.perencanaan.selectors_laporan import pohon_instansi, turunan

from .ekspor import FORMATS, LAYOUTS, Lingkup

TAHUN_MIN, TAHUN_MAX = 2000, 2100


class EksporForm(forms.Form):
    instansi = forms.TypedChoiceField(
        label=gettext_lazy("Instansi"), coerce=int, required=False, empty_value=None
    )
    tahun = forms.IntegerField(
        label=gettext_lazy("Tahun"),
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "min_value": gettext_lazy("Tahun harus antara 2000 dan 2100."),
            "max_value": gettext_lazy("Tahun harus antara 2000 dan 2100."),
            "invalid": gettext_lazy("Tahun harus berupa angka, mis. 2027."),
        },
    )
    unit = forms.IntegerField(
        label=gettext_lazy("Unit kerja (beserta sub-unit)"),
        required=False,
        error_messages={"invalid": gettext_lazy("Unit kerja tidak dikenal.")},
    )
    jenis = forms.ChoiceField(
        label=gettext_lazy("Data"),
        choices=[(jenis, layout.judul) for jenis, layout in LAYOUTS.items()],
        error_messages={"invalid_choice": gettext_lazy("Jenis ekspor “%(value)s” tidak dikenal.")},
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[(f, f.upper()) for f in FORMATS],
        error_messages={"invalid_choice": gettext_lazy("Format “%(value)s” tidak dikenal (CSV atau XLSX).")},
    )

    def __init__(self, *args, instansi_list, instansi_bawaan: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_bawaan = instansi_bawaan
        self.instansi_by_id = {i.pk: i for i in instansi_list}
        self.fields["instansi"].choices = [(i.pk, i.nama) for i in instansi_list]
        self.fields["instansi"].error_messages["invalid_choice"] = _("Instansi ini tidak dapat Anda ekspor.")

    def clean(self):
        data = super().clean()
        if data.get("instansi") is None and "instansi" not in self.errors:
            data["instansi"] = self.instansi_bawaan
        instansi = self.instansi_by_id.get(data.get("instansi"))
        unit_id = data.get("unit")
        if instansi is None or "tahun" not in data:
            return data
        data["unit_kode"] = ""
        unit_ids = None
        if unit_id is not None:
            pohon = pohon_instansi(instansi.pk)
            unit = next((u for u in pohon.units if u.id == unit_id), None)
            if unit is None:
                self.add_error(
                    "unit", _("Unit kerja ini tidak ada di %(instansi)s.") % {"instansi": instansi}
                )
                return data
            unit_ids = turunan(unit.id, pohon.anak)
            data["unit_kode"] = unit.kode
        data["lingkup"] = Lingkup(instansi=instansi, tahun=data["tahun"], unit_ids=unit_ids)
        return data
