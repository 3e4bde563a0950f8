"""Versions of the IP ASN reference table (decision g; regulasi.md §6.1–§6.3): the structured form that
the superadmin fills, prefilled from the latest version, and the service that saves a new version only
when `TabelIpAsn.clean()` (the rule `aturan.ip_asn.TabelIpAsn.validasi()`) finds it consistent."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.aturan import Predikat
from kinerja.aturan.ip_asn import DIMENSI, TABEL_IP_ASN_DEFAULT
from kinerja.core.access import akses_of

from .models import TabelIpAsn

BAGIAN = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
JUMLAH_KATEGORI = 5


def tabel_terakhir() -> TabelIpAsn | None:
    return TabelIpAsn.objects.order_by("-berlaku_mulai").first()


def _isi(tabel: TabelIpAsn | None) -> dict:
    """The values of a version (or of the seeded default) as plain dicts."""
    if tabel is not None:
        return {
            "bobot": dict(tabel.bobot),
            "kualifikasi": dict(tabel.kualifikasi),
            "kompetensi": dict(tabel.kompetensi),
            "kinerja": dict(tabel.kinerja),
            "disiplin": dict(tabel.disiplin),
            "kategori": [list(k) for k in tabel.kategori],
        }
    d = TABEL_IP_ASN_DEFAULT
    return {
        "bobot": dict(d.bobot),
        "kualifikasi": dict(d.kualifikasi),
        "kompetensi": dict(d.kompetensi),
        "kinerja": {str(k): v for k, v in d.kinerja.items()},
        "disiplin": dict(d.disiplin),
        "kategori": [list(k) for k in d.kategori],
    }


LABEL_KUNCI = {p.value: p.label for p in Predikat} | {
    "tidak_pernah": gettext_lazy("Tidak pernah dihukum disiplin"),
    "ringan": gettext_lazy("Hukuman disiplin ringan"),
    "sedang": gettext_lazy("Hukuman disiplin sedang"),
    "berat": gettext_lazy("Hukuman disiplin berat"),
    "diklat_kepemimpinan_sesuai_jabatan": gettext_lazy("Diklat kepemimpinan sesuai jabatan"),
    "diklat_fungsional_sesuai_jenjang": gettext_lazy("Diklat fungsional sesuai jenjang"),
    "diklat_teknis_20_jp_2_tahun_terakhir": gettext_lazy("Diklat teknis ≥ 20 JP dalam 2 tahun terakhir"),
    "seminar_workshop": gettext_lazy("Seminar / workshop / sejenisnya"),
    "S3": "S-3",
    "S2": "S-2",
    "S1_D4": "S-1 / D-IV",
    "D3": "D-III",
    "D1_D2": "D-I / D-II",
    "SLTA_KEBAWAH": gettext_lazy("SLTA ke bawah"),
}


def label(kunci: str) -> str:
    return str(LABEL_KUNCI.get(kunci, kunci))


class TabelForm(forms.Form):
    """One number field per entry of each sub-table; the keys are those of the latest version."""

    versi = forms.CharField(label=gettext_lazy("Nama versi"), max_length=200)
    berlaku_mulai = forms.DateField(
        label=gettext_lazy("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    catatan = forms.CharField(
        label=gettext_lazy("Catatan / dasar hukum"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, dasar: TabelIpAsn | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.isi = _isi(dasar)
        self.kelompok: list[tuple[str, list[str]]] = []
        for d in DIMENSI:
            self._angka(f"bobot__{d}", _("Bobot %(d)s") % {"d": d}, self.isi["bobot"].get(d))
        self.kelompok.append((str(_("Bobot dimensi (jumlah harus 100)")), [f"bobot__{d}" for d in DIMENSI]))
        for bagian in BAGIAN:
            names = []
            for kunci, nilai in self.isi[bagian].items():
                self._angka(f"{bagian}__{kunci}", label(kunci), nilai)
                names.append(f"{bagian}__{kunci}")
            self.kelompok.append((str(_("Poin %(d)s") % {"d": bagian}), names))
        kategori = self.isi["kategori"] + [[None, ""]] * (JUMLAH_KATEGORI - len(self.isi["kategori"]))
        names = []
        for i, (batas, nama) in enumerate(kategori[:JUMLAH_KATEGORI]):
            self.fields[f"kategori_label__{i}"] = forms.CharField(
                label=_("Kategori %(i)s") % {"i": i + 1}, initial=nama, max_length=32
            )
            self._angka(f"kategori_batas__{i}", _("Batas bawah kategori %(i)s") % {"i": i + 1}, batas)
            names += [f"kategori_label__{i}", f"kategori_batas__{i}"]
        self.kelompok.append(
            (str(_("Kategori (dari yang tertinggi; batas bawah inklusif, terakhir 0)")), names)
        )
        if dasar is not None:
            self.fields["versi"].initial = dasar.versi
            self.fields["catatan"].initial = dasar.catatan

    def _angka(self, name: str, label_: str, initial) -> None:
        self.fields[name] = forms.IntegerField(label=label_, initial=initial, min_value=0, max_value=100)

    def grup(self):
        return [(judul, [self[n] for n in names]) for judul, names in self.kelompok]

    def clean_berlaku_mulai(self):
        tanggal = self.cleaned_data["berlaku_mulai"]
        if TabelIpAsn.objects.filter(berlaku_mulai=tanggal).exists():
            raise ValidationError(_("Sudah ada versi tabel yang berlaku mulai tanggal ini."))
        return tanggal

    def nilai(self) -> dict:
        c = self.cleaned_data
        out = {"versi": c["versi"], "berlaku_mulai": c["berlaku_mulai"], "catatan": c["catatan"]}
        out["bobot"] = {d: c[f"bobot__{d}"] for d in DIMENSI}
        for bagian in BAGIAN:
            out[bagian] = {k: c[f"{bagian}__{k}"] for k in self.isi[bagian]}
        out["kategori"] = [
            [c[f"kategori_batas__{i}"], c[f"kategori_label__{i}"]] for i in range(JUMLAH_KATEGORI)
        ]
        return out


@transaction.atomic
def buat_tabel(*, nilai: dict, by) -> TabelIpAsn:
    """Saves a new version; raises ValidationError (Indonesian messages) and saves nothing when the
    table is inconsistent (weights not adding up to 100, maxima unequal to the weights...)."""
    if not akses_of(by).is_superadmin:
        raise PermissionDenied(_("Hanya superadmin yang dapat membuat versi tabel IP ASN."))
    tabel = TabelIpAsn(**nilai)
    tabel.full_clean()
    tabel._history_user = by
    tabel.save()
    return tabel
