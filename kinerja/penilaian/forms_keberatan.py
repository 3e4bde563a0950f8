"""Forms of the keberatan: filing it, and each step of the atasan's examination (one form per action;
the action is posted with it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import RatingKerja

from .workflow import AksiKeberatan

TEKS_MAKS = 5000


def _teks(label, wajib_pesan, rows=4):
    return forms.CharField(
        label=label,
        max_length=TEKS_MAKS,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": wajib_pesan,
            "max_length": _("Teks terlalu panjang (paling banyak %(limit_value)d karakter)."),
        },
    )


class KeberatanForm(forms.Form):
    alasan = _teks(_("Alasan keberatan"), _("Alasan keberatan wajib diisi."), rows=5)


class MintaPenjelasanForm(forms.Form):
    teks = _teks(
        _("Permintaan penjelasan kepada pejabat penilai dan pegawai"),
        _("Isi permintaan penjelasan wajib diisi."),
    )


class PenjelasanForm(forms.Form):
    teks = _teks(_("Penjelasan Anda"), _("Penjelasan wajib diisi."))


class KuatkanForm(forms.Form):
    teks = _teks(_("Pertimbangan keputusan"), _("Pertimbangan keputusan wajib diisi."))


_RATING = [("", "—"), *RatingKerja.choices()]


class UbahForm(forms.Form):
    rating_hasil_kerja = forms.ChoiceField(
        label=_("Rating hasil kerja yang baru"),
        choices=_RATING,
        error_messages={"required": _("Pilih rating hasil kerja yang baru.")},
    )
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja yang baru"),
        choices=_RATING,
        error_messages={"required": _("Pilih rating perilaku kerja yang baru.")},
    )
    teks = _teks(_("Pertimbangan keputusan"), _("Pertimbangan keputusan wajib diisi."))


FORM_AKSI: dict[AksiKeberatan, type[forms.Form]] = {
    AksiKeberatan.MINTA_PENJELASAN: MintaPenjelasanForm,
    AksiKeberatan.JELASKAN_PENILAI: PenjelasanForm,
    AksiKeberatan.JELASKAN_PEGAWAI: PenjelasanForm,
    AksiKeberatan.KUATKAN: KuatkanForm,
    AksiKeberatan.UBAH: UbahForm,
}


def form_aksi(aksi: str, data=None) -> forms.Form | None:
    """The bound (or blank) form of an action, with ids of its own; None for an unknown action."""
    try:
        aksi = AksiKeberatan(aksi)
    except ValueError:
        return None
    return FORM_AKSI[aksi](data, auto_id=f"{aksi.value}-%s")
