"""Forms of umpan balik: the penilai's feedback, the pegawai's request, the colleague's answer.

What the feedback is about is one choice ("rhk:<pk>", "realisasi:<pk>", "nilai:<index>") among the
SKP's own things, so a key from another SKP is simply not a valid choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import BERAKHLAK
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.validation import normalise_nip
from kinerja.perencanaan.models import RencanaHasilKerja, Skp

from . import selectors_umpan_balik as selectors
from .models import PeranPemberi, Realisasi
from .umpan_balik import PANJANG_BUKTI, PANJANG_ISI, PANJANG_PESAN, PERAN_DIMINTA


def _pendek(teks: str, n: int = 90) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def _pilihan_rhk(rhk: list[selectors.BarisRhk]) -> list[tuple[str, str]]:
    huruf = {RencanaHasilKerja.Jenis.UTAMA: "A", RencanaHasilKerja.Jenis.TAMBAHAN: "B"}
    return [(f"rhk:{r.pk}", f"{huruf.get(r.jenis, '')}.{r.nomor} {_pendek(r.uraian)}") for r in rhk]


def _pilihan_nilai() -> list[tuple[str, str]]:
    return [(f"nilai:{i}", f"{i + 1}. {nilai.nama}") for i, nilai in enumerate(BERAKHLAK)]


class _SasaranForm(forms.Form):
    """Resolves the chosen "jenis:pk" into keyword arguments for the service. Its <select> has option
    groups, so the template renders it with Django's widget (styled here) rather than the `bs` filter."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].widget.attrs["class"] = "form-select"

    def full_clean(self):
        super().full_clean()
        if "sasaran" in self.errors:
            self.fields["sasaran"].widget.attrs["class"] = "form-select is-invalid"

    def _sasaran(self, skp: Skp) -> dict:
        jenis, _sep, kunci = self.cleaned_data["sasaran"].partition(":")
        kunci = int(kunci)
        if jenis == "rhk":
            return {"rhk": RencanaHasilKerja.objects.get(pk=kunci, skp=skp)}
        if jenis == "realisasi":
            return {"realisasi": Realisasi.objects.select_related("jadwal").get(pk=kunci)}
        return {"nilai_berakhlak": kunci}


_ISI = {
    "label": _("Umpan balik"),
    "max_length": PANJANG_ISI,
    "widget": forms.Textarea(attrs={"rows": 3}),
    "error_messages": {"required": _("Tuliskan umpan balik.")},
}
_BUKTI = {
    "label": _("Berdasarkan bukti"),
    "required": False,
    "max_length": PANJANG_BUKTI,
    "widget": forms.Textarea(attrs={"rows": 2}),
    "help_text": _("Mis. hasil survei kepuasan, dokumen yang diserahkan, kejadian yang diamati."),
}
_SASARAN_WAJIB = {
    "required": _("Pilih hal yang diberi umpan balik."),
    "invalid_choice": _("Pilihan tidak dikenal."),
}


class BeriUmpanBalikForm(_SasaranForm):
    sasaran = forms.ChoiceField(label=_("Umpan balik atas"), error_messages=_SASARAN_WAJIB)
    jadwal = forms.TypedChoiceField(
        label=_("Periode penilaian"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Umpan balik atas realisasi mengikuti periode realisasinya."),
        error_messages={"invalid_choice": _("Periode penilaian tidak dikenal.")},
    )
    isi = forms.CharField(**_ISI)
    bukti = forms.CharField(**_BUKTI)

    def __init__(self, *args, skp: Skp, rhk, realisasi, jadwal, **kwargs):
        super().__init__(*args, **kwargs)
        self.skp = skp
        self._jadwal = {j.pk: j for j in jadwal}
        pilihan = [("", "—"), (_("Rencana hasil kerja"), _pilihan_rhk(rhk))]
        if realisasi:
            pilihan.append(
                (
                    _("Realisasi"),
                    [
                        (
                            f"realisasi:{pk}",
                            _("Periode %(n)s — %(iki)s") % {"n": nomor, "iki": _pendek(iki, 80)},
                        )
                        for pk, nomor, iki in realisasi
                    ],
                )
            )
        pilihan.append((_("Perilaku kerja (BerAKHLAK)"), _pilihan_nilai()))
        self.fields["sasaran"].choices = pilihan
        self.fields["jadwal"].choices = [("", "—")] + [
            (
                j.pk,
                _("Periode %(n)s (%(mulai)s – %(selesai)s)")
                % {
                    "n": j.nomor,
                    "mulai": j.tanggal_mulai.strftime("%d/%m"),
                    "selesai": j.tanggal_selesai.strftime("%d/%m/%Y"),
                },
            )
            for j in jadwal
        ]

    def layanan_kwargs(self) -> dict:
        """Keyword arguments for `umpan_balik.beri_umpan_balik` (after `is_valid`)."""
        return {
            **self._sasaran(self.skp),
            "jadwal": self._jadwal.get(self.cleaned_data["jadwal"]),
            "isi": self.cleaned_data["isi"],
            "bukti": self.cleaned_data["bukti"],
        }


class MintaUmpanBalikForm(_SasaranForm):
    sasaran = forms.ChoiceField(label=_("Umpan balik atas"), error_messages=_SASARAN_WAJIB)
    cari = forms.CharField(label=_("Cari pegawai (nama atau NIP)"), required=False, max_length=100)
    diminta = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    peran = forms.ChoiceField(
        label=_("Sebagai"),
        choices=[(p.value, p.label) for p in PERAN_DIMINTA],
        initial=PeranPemberi.REKAN,
        error_messages={"invalid_choice": _("Peran pemberi tidak dikenal.")},
    )
    pesan = forms.CharField(
        label=_("Pesan"),
        max_length=PANJANG_PESAN,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan pesan permintaan.")},
    )

    def __init__(self, *args, skp: Skp, rhk, **kwargs):
        super().__init__(*args, **kwargs)
        self.skp = skp
        self.fields["sasaran"].choices = [
            ("", "—"),
            (_("Rencana hasil kerja"), _pilihan_rhk(rhk)),
            (_("Perilaku kerja (BerAKHLAK)"), _pilihan_nilai()),
        ]

    def clean(self):
        data = super().clean()
        # The colleague picked from the search results, or a NIP typed straight into the search box.
        nip = normalise_nip(data.get("diminta") or "")
        if not nip:
            ketik = normalise_nip(data.get("cari") or "")
            nip = ketik if ketik.isdigit() else ""
        if not nip:
            self.add_error("cari", _("Pilih pegawai yang diminta umpan balik: cari dengan nama atau NIP."))
            return data
        pegawai = (
            Pegawai.objects.filter(nip=nip, instansi_id=self.skp.pegawai.instansi_id)
            .select_related("user")
            .first()
        )
        if pegawai is None:
            self.add_error(
                "cari", _("Pegawai dengan NIP %(nip)s tidak ditemukan di instansi Anda.") % {"nip": nip}
            )
        data["pegawai_diminta"] = pegawai
        return data

    def layanan_kwargs(self) -> dict:
        """Keyword arguments for `umpan_balik.minta_umpan_balik` (after `is_valid`)."""
        return {
            **self._sasaran(self.skp),
            "diminta": self.cleaned_data["pegawai_diminta"],
            "peran": self.cleaned_data["peran"],
            "pesan": self.cleaned_data["pesan"],
        }


class JawabPermintaanForm(forms.Form):
    isi = forms.CharField(**_ISI)
    bukti = forms.CharField(**_BUKTI)
