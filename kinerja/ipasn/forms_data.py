"""Forms of the IP ASN data: one ModelForm per kind (fields from `data.JENIS_DATA`), the data dukung,
and the verification decision. Value rules come from `data.periksa_nilai` (shared with the import)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.pelaksanaan.berkas import BerkasDitolak, periksa_berkas

from .data import JENIS_DATA, JP_MAX, JP_MIN, periksa_nilai

_TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _DataForm(forms.ModelForm):
    kode = ""
    berkas = forms.FileField(
        label=_("Data dukung"),
        required=False,
        help_text=_("Ijazah, sertifikat atau SK: PDF, gambar PNG/JPEG, atau dokumen Office."),
    )

    def __init__(self, *args, berkas_wajib: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].required = berkas_wajib
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                field.widget = _TANGGAL
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "form-select")
            else:
                field.widget.attrs.setdefault("class", "form-control")
            if name == "jp":
                field.widget.attrs.update(min=JP_MIN, max=JP_MAX)

    def clean_berkas(self):
        berkas = self.cleaned_data.get("berkas")
        if berkas:
            try:
                periksa_berkas(berkas, berkas.name, berkas.size)
            except BerkasDitolak as e:
                raise forms.ValidationError(str(e)) from None
        return berkas

    def clean(self):
        data = super().clean()
        for field, pesan in periksa_nilai(self.kode, data, timezone.localdate()).items():
            self.add_error(field, pesan)
        return data

    def nilai(self) -> dict:
        return {f: self.cleaned_data[f] for f in JENIS_DATA[self.kode].fields}


def _form_class(kode: str) -> type[_DataForm]:
    jenis = JENIS_DATA[kode]
    meta = type("Meta", (), {"model": jenis.model, "fields": jenis.fields})
    return type(f"{jenis.model.__name__}Form", (_DataForm,), {"Meta": meta, "kode": kode})


FORMS: dict[str, type[_DataForm]] = {kode: _form_class(kode) for kode in JENIS_DATA}


class VerifikasiForm(forms.Form):
    aksi = forms.ChoiceField(choices=[("terima", _("Terima")), ("tolak", _("Tolak"))])
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=2000)


class CariPegawaiForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False, max_length=100)
