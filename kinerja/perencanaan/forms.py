from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import Aspek, Perspektif

from .models import IndikatorKinerjaIndividu, LampiranSkp, ManualIndikator, RencanaHasilKerja, Skp


class BukaSkpForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2020, max_value=2100)
    pendekatan = forms.ChoiceField(label=_("Pendekatan"), choices=Skp.Pendekatan.choices)
    salin = forms.BooleanField(label=_("Salin isi SKP tahun lalu"), required=False)


class RencanaHasilKerjaForm(forms.ModelForm):
    class Meta:
        model = RencanaHasilKerja
        fields = ["jenis", "uraian", "intervensi", "sasaran", "penugasan_dari"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, intervensi_qs, sasaran_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervensi"].queryset = intervensi_qs
        self.fields["intervensi"].required = False
        self.fields["intervensi"].empty_label = "—"
        # SKP JPT: the Perjanjian Kinerja sasaran it comes from; JF may also cascade from a sasaran.
        self.fields["sasaran"].queryset = sasaran_qs
        self.fields["sasaran"].required = False
        self.fields["sasaran"].empty_label = "—"
        self.fields["sasaran"].label_from_instance = lambda s: f"{s.perjanjian.unit_kerja} — {s.uraian}"

    def clean_uraian(self):
        uraian = " ".join(self.cleaned_data["uraian"].split())
        if not uraian:
            raise forms.ValidationError(_("Rencana hasil kerja tidak boleh kosong."))
        skp = self.instance.skp
        duplikat = skp.rhk_set.exclude(pk=self.instance.pk).filter(uraian__iexact=uraian).exists()
        if duplikat:
            raise forms.ValidationError(_("Rencana hasil kerja ini sudah ada di SKP."))
        return uraian


class IndikatorForm(forms.ModelForm):
    class Meta:
        model = IndikatorKinerjaIndividu
        fields = ["uraian", "aspek", "perspektif", "target_min", "target_max", "satuan", "target_teks"]
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 2}),
            "target_teks": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.skp = skp
        self.fields["aspek"].choices = [("", "—"), *Aspek.choices()]
        self.fields["perspektif"].choices = [("", "—"), *Perspektif.choices()]
        if skp.jenis == Skp.Jenis.JPT:
            del self.fields["aspek"]
        else:
            del self.fields["perspektif"]

    def clean(self):
        data = super().clean()
        low, high = data.get("target_min"), data.get("target_max")
        if low is None and high is not None:
            self.add_error("target_min", _("Isi batas bawah target bila batas atas diisi."))
        if low is not None and high is not None and low > high:
            self.add_error("target_max", _("Batas atas target tidak boleh lebih kecil dari batas bawahnya."))
        if low is None and not (data.get("target_teks") or "").strip():
            self.add_error(
                "target_min", _("Indikator harus memiliki target: angka (atau rentang) atau uraian.")
            )
        if self.skp.jenis == Skp.Jenis.JPT and not data.get("perspektif"):
            self.add_error("perspektif", _("Pilih perspektif indikator SKP JPT."))
        return data


class LampiranForm(forms.ModelForm):
    class Meta:
        model = LampiranSkp
        fields = ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in fields}


class AksiForm(forms.Form):
    aksi = forms.ChoiceField(choices=[(a, a) for a in ("ajukan", "setujui", "kembalikan", "revisi")])
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ManualIndikatorForm(forms.ModelForm):
    """Manual Indikator Kinerja (seed 002, format 03): formula and satuan are optional only under the
    kualitatif approach."""

    class Meta:
        model = ManualIndikator
        fields = [
            "tujuan",
            "definisi",
            "formula",
            "satuan",
            "kualitas_tingkat_kendali",
            "sumber_data",
            "periode_pelaporan",
        ]
        widgets = {
            "tujuan": forms.Textarea(attrs={"rows": 2}),
            "definisi": forms.Textarea(attrs={"rows": 3}),
            "formula": forms.Textarea(attrs={"rows": 2}),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
            "kualitas_tingkat_kendali": forms.RadioSelect,
            "periode_pelaporan": forms.RadioSelect,
        }

    def __init__(self, *args, skp: Skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.kuantitatif = skp.pendekatan == Skp.Pendekatan.KUANTITATIF
        for name in ("formula", "satuan"):
            self.fields[name].required = self.kuantitatif
        for name in ("tujuan", "definisi", "sumber_data"):
            self.fields[name].error_messages["required"] = _("Bagian ini wajib diisi.")

    def clean(self):
        data = super().clean()
        for name in ("tujuan", "definisi", "sumber_data", "formula", "satuan"):
            if isinstance(data.get(name), str):
                data[name] = data[name].strip()
                if self.fields[name].required and not data[name]:
                    self.add_error(name, _("Bagian ini wajib diisi."))
        return data


class PindahJabatanForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Mulai jabatan baru"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Isi tanggal mulai jabatan baru."),
            "invalid": _("Tanggal tidak valid."),
        },
    )
