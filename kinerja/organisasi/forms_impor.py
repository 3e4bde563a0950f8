from django import forms
from django.utils.translation import gettext_lazy as _

from .impor import BerkasDitolak, periksa_berkas


class ImporForm(forms.Form):
    """The upload: the file is checked by its content (a real XLSX or UTF-8 CSV) and its size."""

    berkas = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        help_text=_(
            "Gunakan templat di bawah. Satu berkas CSV berisi satu jenis data; XLSX boleh memuat "
            "lembar unit_kerja, jabatan dan pegawai sekaligus."
        ),
    )
    uji_saja = forms.BooleanField(
        label=_("Hanya periksa (tanpa menyimpan)"),
        required=False,
        help_text=_(
            "Menampilkan kesalahan dan jumlah data yang akan dibuat atau diubah tanpa menyimpan apa pun."
        ),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Unggah berkas .xlsx atau .csv."))
        try:
            jenis = periksa_berkas(berkas)
        except BerkasDitolak as e:
            raise forms.ValidationError(str(e)) from None
        if not berkas.name.lower().endswith(f".{jenis}"):
            pesan = _("Isi berkas tidak sesuai dengan namanya: berkas ini berisi %(jenis)s.")
            raise forms.ValidationError(pesan % {"jenis": jenis.upper()})
        return berkas
