from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import JenisJabatan

from .models import Jabatan, Pegawai, PenugasanPlt, StatusKepegawaian, UnitKerja
from .validation import normalise_nip


class PegawaiFilterForm(forms.Form):
    """GET filters of the pegawai list, validated (healthchecks' LogFiltersForm)."""

    q = forms.CharField(label=_("Cari nama atau NIP"), required=False, max_length=100)
    # The unit is chosen from the unit tree (links carry ?unit=); a select of thousands of units would
    # make every page of the list heavy, so it travels as a hidden field and shows as a removable chip.
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"), queryset=UnitKerja.objects.none(), required=False, widget=forms.HiddenInput
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *StatusKepegawaian.choices], required=False
    )
    jenis_jabatan = forms.ChoiceField(
        label=_("Jenis jabatan"),
        choices=[("", _("Semua jenis jabatan")), *JenisJabatan.choices()],
        required=False,
    )
    aktif = forms.ChoiceField(
        label=_("Keaktifan"),
        choices=[("", _("Semua")), ("1", _("Aktif")), ("0", _("Tidak aktif"))],
        required=False,
    )

    tim = forms.ChoiceField(
        label=_("Tim"),
        choices=[
            ("", _("Semua yang dapat saya lihat")),
            ("langsung", _("Yang saya nilai")),
            ("atasan", _("Yang saya awasi sebagai atasan penilai")),
        ],
        required=False,
    )
    masalah = forms.ChoiceField(
        label=_("Kelengkapan data"),
        choices=[
            ("", _("Semua")),
            ("tanpa_jabatan", _("Tanpa jabatan")),
            ("tanpa_penilai", _("Tanpa pejabat penilai")),
            ("tanpa_email", _("Tanpa email")),
        ],
        required=False,
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units

    def filters(self) -> dict:
        data = self.cleaned_data
        aktif = {"1": True, "0": False}.get(data.get("aktif") or "")
        return {
            "q": data.get("q", "").strip(),
            "unit": data.get("unit"),
            "status": data.get("status", ""),
            "jenis_jabatan": data.get("jenis_jabatan", ""),
            "aktif": aktif,
            "tim": data.get("tim", ""),
            "masalah": data.get("masalah", ""),
        }


class InstansiBoundForm(forms.ModelForm):
    """Limits every organisation choice to the instansi the record belongs to."""

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.instansi = instansi
        for name, field in self.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model in (UnitKerja, Jabatan, Pegawai):
                field.queryset = model.objects.filter(instansi=instansi)
            if name == "pejabat_penilai_khusus":
                field.required = False


class PegawaiForm(InstansiBoundForm):
    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=30,
        help_text=_("18 angka; boleh ditulis berspasi, mis. 19860926 201505 1 001."),
    )

    def clean_nip(self):
        return normalise_nip(self.cleaned_data["nip"])

    class Meta:
        model = Pegawai
        fields = [
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "status",
            "golongan_ruang",
            "golongan_pppk",
            "unit_kerja",
            "jabatan",
            "pendidikan_terakhir",
            "email",
            "aktif",
            "pejabat_penilai_khusus",
        ]


class UnitKerjaForm(InstansiBoundForm):
    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "induk", "aktif"]


class JabatanForm(InstansiBoundForm):
    class Meta:
        model = Jabatan
        fields = ["kode", "nama", "jenis", "jenjang", "unit_kerja", "atasan"]


class PenugasanForm(forms.ModelForm):
    class Meta:
        model = PenugasanPlt
        fields = ["jenis", "jabatan", "tanggal_mulai", "tanggal_selesai", "nomor_sk"]
        widgets = {
            "tanggal_mulai": forms.DateInput(attrs={"type": "date"}),
            "tanggal_selesai": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.pegawai = pegawai
        self.fields["jabatan"].queryset = Jabatan.objects.filter(instansi_id=pegawai.instansi_id)
