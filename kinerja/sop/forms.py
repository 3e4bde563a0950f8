"""Forms of the SOP pages: starting a run, and the active step's form built from the step's row (one
text area and an optional file per document, a pegawai picker per role the step assigns)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.organisasi.models import Instansi, Pegawai

from . import aksi as registry
from .models import LangkahSop, ProsesSop, Sop
from .services import kelengkapan_luar


class MulaiForm(forms.Form):
    instansi = forms.ModelChoiceField(label=gettext_lazy("Instansi"), queryset=Instansi.objects.none())
    tahun = forms.IntegerField(label=gettext_lazy("Tahun"), min_value=2000, max_value=2100)
    nip_pelaksana = forms.CharField(
        label=gettext_lazy("NIP pelaksana langkah pertama"),
        required=False,
        max_length=18,
        help_text=gettext_lazy("Kosongkan bila Anda sendiri (pimpinan instansi) pelaksananya."),
    )

    def __init__(self, *args, sop: Sop, instansi_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.sop = sop
        self.fields["instansi"].queryset = Instansi.objects.filter(pk__in=instansi_ids).order_by("nama")
        pertama = sop.langkah_set.order_by("urutan").first()
        self.peran_pertama = pertama.pelaksana if pertama else ""
        if pertama is not None:
            self.fields["nip_pelaksana"].label = _("NIP %(peran)s (pelaksana langkah pertama)") % {
                "peran": sop.nama_peran(pertama.pelaksana)
            }

    def clean(self):
        data = super().clean()
        nip = (data.get("nip_pelaksana") or "").strip()
        data["penugasan"] = {}
        if nip and data.get("instansi") is not None:
            pegawai = Pegawai.objects.filter(nip=nip, instansi=data["instansi"], aktif=True).first()
            if pegawai is None:
                self.add_error(
                    "nip_pelaksana", _("Tidak ada pegawai aktif instansi ini dengan NIP tersebut.")
                )
            else:
                data["penugasan"] = {self.peran_pertama: pegawai}
        return data


class PegawaiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pegawai) -> str:
        return f"{obj.nama} — {obj.nip}"


def _kunci(i: int) -> tuple[str, str]:
    return f"teks_{i}", f"berkas_{i}"


class LangkahForm(forms.Form):
    """The active row's form: documents (keluaran, and the kelengkapan coming from outside), the
    pegawai of the roles it assigns, and a note."""

    catatan = forms.CharField(
        label=gettext_lazy("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, proses: ProsesSop, langkah: LangkahSop, semua: list[LangkahSop], **kwargs):
        super().__init__(*args, **kwargs)
        self.langkah = langkah
        otomatis = set(registry.dihasilkan(langkah.aksi))
        self.otomatis = [k for k in langkah.keluaran if k in otomatis]
        self.dokumen = kelengkapan_luar(langkah, semua) + [k for k in langkah.keluaran if k not in otomatis]
        self.baris = []
        for i, nama in enumerate(self.dokumen):
            teks, berkas = _kunci(i)
            self.fields[teks] = forms.CharField(
                label=nama, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
            self.fields[berkas] = forms.FileField(label=_("Berkas %(nama)s") % {"nama": nama}, required=False)
            self.baris.append((nama, self[teks], self[berkas]))
        pilihan = Pegawai.objects.filter(instansi_id=proses.instansi_id, aktif=True).order_by("nama")
        self.peran = []
        for kode in langkah.menugaskan:
            self.fields[f"peran_{kode}"] = PegawaiChoiceField(
                label=_("Tugaskan %(peran)s") % {"peran": proses.sop.nama_peran(kode)},
                queryset=pilihan,
                required=False,
            )
            self.peran.append(self[f"peran_{kode}"])

    def dokumen_data(self) -> dict:
        out = {}
        for i, nama in enumerate(self.dokumen):
            teks, berkas = _kunci(i)
            out[nama] = (self.cleaned_data.get(teks, ""), self.cleaned_data.get(berkas))
        return out

    def penugasan_data(self) -> dict:
        return {kode: self.cleaned_data.get(f"peran_{kode}") for kode in self.langkah.menugaskan}
