"""Forms of the Perjanjian Kinerja pages: the list filter, the editor and the import upload.

The editor is one plain form for the PK (unit, tahun, sumber), a formset of sasaran and, per sasaran,
a formset of its IKU (prefix `sasaran-<n>-iku`). Blank extra rows are ignored; "add a row" is a
submit button that posts the page back with one more row, so everything works with plain POSTs.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.impor import BerkasDitolak, periksa_berkas
from kinerja.organisasi.models import Instansi, UnitKerja

from .models import PerjanjianKinerja
from .services_pk import IkuData, SasaranData

TAHUN_MIN, TAHUN_MAX = 2000, 2100
_TAHUN_SALAH = _("Tahun harus berupa angka antara 2000 dan 2100, misalnya 2027.")
_TAHUN_PESAN = {"invalid": _TAHUN_SALAH, "min_value": _TAHUN_SALAH, "max_value": _TAHUN_SALAH}


def _rapikan(teks: str) -> str:
    return " ".join(teks.split())


class _BisaDiam:
    """`diam = True` hides the errors: the page posted back only to add a row is shown without them."""

    diam = False

    @property
    def errors(self):
        return ErrorDict() if self.diam else super().errors


class PkFilterForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        required=False,
        error_messages=_TAHUN_PESAN,
    )
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=UnitKerja.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _("Unit kerja ini tidak ditemukan atau di luar jangkauan Anda.")},
    )

    def __init__(self, *args, unit_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_qs.order_by("kode")


class PerjanjianForm(_BisaDiam, forms.Form):
    unit_kerja = forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=UnitKerja.objects.none(),
        empty_label=_("Pilih unit kerja"),
        error_messages={
            "required": _("Pilih unit kerja."),
            "invalid_choice": _("Unit kerja ini bukan unit instansi yang Anda kelola."),
        },
    )
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={"required": _("Isi tahun."), **_TAHUN_PESAN},
    )
    sumber = forms.ChoiceField(
        label=_("Sumber"),
        choices=PerjanjianKinerja.Sumber.choices,
        error_messages={"invalid_choice": _("Sumber harus Perjanjian Kinerja atau Rencana Strategis.")},
    )

    def __init__(self, *args, unit_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = unit_qs.order_by("instansi__nama", "kode")


class SasaranForm(_BisaDiam, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    uraian = forms.CharField(
        label=_("Sasaran strategis"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Uraian sasaran strategis harus diisi.")},
    )

    def clean_uraian(self):
        return _rapikan(self.cleaned_data["uraian"])


class IkuForm(_BisaDiam, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    uraian = forms.CharField(
        label=_("Indikator kinerja"), error_messages={"required": _("Uraian indikator kinerja harus diisi.")}
    )
    target = forms.CharField(
        label=_("Target"),
        max_length=100,
        error_messages={
            "required": _("Target indikator harus diisi, misalnya 90 % atau 3 dokumen."),
            "max_length": _("Target paling panjang 100 karakter."),
        },
    )

    def clean_uraian(self):
        return _rapikan(self.cleaned_data["uraian"])

    def clean_target(self):
        return _rapikan(self.cleaned_data["target"])


# At most 50 sasaran of 50 IKU each: a tampered TOTAL_FORMS cannot make the page build millions of forms.
BARIS_MAKS = 50
SasaranFormSet = forms.formset_factory(
    SasaranForm, extra=0, can_delete=True, max_num=BARIS_MAKS, absolute_max=BARIS_MAKS, validate_max=True
)
IkuFormSet = forms.formset_factory(
    IkuForm, extra=0, can_delete=True, max_num=BARIS_MAKS, absolute_max=BARIS_MAKS, validate_max=True
)


def _iku_prefix(n: int) -> str:
    return f"sasaran-{n}-iku"


def _hapus(form) -> bool:
    return bool(getattr(form, "cleaned_data", {}).get("DELETE"))


def _terisi(fs, i: int, form) -> bool:
    """A row that counts: an existing one (not marked for deletion) or a new one with something typed."""
    return not _hapus(form) and (i < fs.initial_form_count() or form.has_changed())


class PkEditor:
    """The PK form, the sasaran formset and one IKU formset per sasaran, validated together."""

    def __init__(self, data=None, *, unit_qs, pk: PerjanjianKinerja | None = None):
        if pk is not None:
            header = {"unit_kerja": pk.unit_kerja_id, "tahun": pk.tahun, "sumber": pk.sumber}
            sasaran = list(pk.sasaran_set.all())
        else:
            header = {
                "tahun": timezone.localdate().year,
                "sumber": PerjanjianKinerja.Sumber.PERJANJIAN_KINERJA,
            }
            sasaran = []
        self.header = PerjanjianForm(data, unit_qs=unit_qs, initial=header)
        self.sasaran = SasaranFormSet(
            data, prefix="sasaran", initial=[{"id": s.pk, "uraian": s.uraian} for s in sasaran]
        )
        if data is None:
            self.sasaran.extra = 1  # an empty row ready to fill
        self.iku = []
        for n in range(self.sasaran.total_form_count()):
            lama = list(sasaran[n].indikator_set.all()) if n < len(sasaran) else []
            fs = IkuFormSet(
                data,
                prefix=_iku_prefix(n),
                initial=[{"id": i.pk, "uraian": i.uraian, "target": i.target} for i in lama],
            )
            if data is None:
                fs.extra = 1
            self.iku.append(fs)
        self.galat: list[str] = []

    @staticmethod
    def dengan_baris_baru(data, tambah: str):
        """A copy of posted data with one more empty sasaran ("sasaran") or IKU row ("iku-<n>")."""
        data = data.copy()
        if tambah == "sasaran":
            n = _angka(data.get("sasaran-TOTAL_FORMS"))
            data["sasaran-TOTAL_FORMS"] = str(n + 1)
            data[f"{_iku_prefix(n)}-TOTAL_FORMS"] = "1"
            data[f"{_iku_prefix(n)}-INITIAL_FORMS"] = "0"
        elif tambah.startswith("iku-") and tambah[4:].isdigit():
            kunci = f"{_iku_prefix(int(tambah[4:]))}-TOTAL_FORMS"
            if kunci in data:
                data[kunci] = str(_angka(data.get(kunci)) + 1)
        return data

    def diamkan(self) -> None:
        """Shows the posted rows without their errors (after "add a row", before anything is checked)."""
        for form in [self.header, *self.sasaran.forms, *(f for fs in self.iku for f in fs.forms)]:
            form.diam = True

    @property
    def baris(self):
        """(number shown, sasaran form, its IKU formset) for the template."""
        return [(n + 1, f, fs) for n, (f, fs) in enumerate(zip(self.sasaran.forms, self.iku, strict=True))]

    def is_valid(self) -> bool:
        ok = self.header.is_valid() & self.sasaran.is_valid()
        ok &= all([fs.is_valid() for fs in self.iku])
        if not ok:
            self.galat.append(_("Periksa kembali isian yang ditandai."))
            for e in [*self.sasaran.non_form_errors(), *(e for fs in self.iku for e in fs.non_form_errors())]:
                self.galat.append(e)
            return False
        jumlah = 0
        for no, form, fs in self.baris:
            iku = [f for i, f in enumerate(fs.forms) if _terisi(fs, i, f)]
            if not _terisi(self.sasaran, no - 1, form):
                if iku and not _hapus(form):
                    self.galat.append(
                        _("Indikator di sasaran %(no)s belum memiliki uraian sasaran.") % {"no": no}
                    )
                continue
            jumlah += 1
            if not iku:
                self.galat.append(
                    _(
                        "Sasaran %(no)s belum memiliki indikator kinerja; isi minimal satu indikator "
                        "dan targetnya."
                    )
                    % {"no": no}
                )
        if not jumlah and not self.galat:
            self.galat.append(_("Isi minimal satu sasaran strategis dengan indikator dan targetnya."))
        return not self.galat

    def sasaran_data(self) -> list[SasaranData]:
        """The rows to save, in order; call after is_valid()."""
        out = []
        for no, form, fs in self.baris:
            if not _terisi(self.sasaran, no - 1, form):
                continue
            iku = tuple(
                IkuData(
                    uraian=f.cleaned_data["uraian"], target=f.cleaned_data["target"], id=f.cleaned_data["id"]
                )
                for i, f in enumerate(fs.forms)
                if _terisi(fs, i, f)
            )
            out.append(
                SasaranData(uraian=form.cleaned_data["uraian"], indikator=iku, id=form.cleaned_data["id"])
            )
        return out


def _angka(teks) -> int:
    return int(teks) if str(teks).isdigit() else 0


class ImporPkForm(forms.Form):
    instansi = forms.ModelChoiceField(
        label=_("Instansi"),
        queryset=Instansi.objects.none(),
        empty_label=_("Pilih instansi"),
        error_messages={
            "required": _("Pilih instansi."),
            "invalid_choice": _("Instansi ini bukan instansi yang Anda kelola."),
        },
    )
    berkas = forms.FileField(
        label=_("Berkas XLSX"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": _("Pilih berkas XLSX yang akan diimpor.")},
        help_text=_(
            "Satu lembar dengan kolom kode_unit, tahun, sumber, no_sasaran, sasaran, no_indikator, "
            "indikator, target; satu baris per indikator. Bila ada satu baris yang salah, tidak ada "
            "yang disimpan."
        ),
    )

    def __init__(self, *args, instansi_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = instansi_qs.order_by("nama")

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            jenis = periksa_berkas(berkas)
        except BerkasDitolak as e:
            raise forms.ValidationError(str(e)) from None
        if jenis != "xlsx" or not berkas.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas Excel .xlsx (bukan CSV atau format lain)."))
        return berkas
