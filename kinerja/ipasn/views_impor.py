"""XLSX import of the IP ASN data by the Analis SDM (admin instansi), with a "hanya periksa" dry run,
and its template."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.core.access import akses_of
from kinerja.core.unduhan import unduhan
from kinerja.organisasi.impor import BerkasDitolak
from kinerja.organisasi.models import Instansi

from .impor import LAYOUT, impor_data_ipasn, templat_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImporForm(forms.Form):
    instansi = forms.ModelChoiceField(queryset=Instansi.objects.none(), label=gettext_lazy("Instansi"))
    berkas = forms.FileField(label=gettext_lazy("Buku kerja XLSX"))
    uji_saja = forms.BooleanField(
        label=gettext_lazy("Hanya periksa (tidak menyimpan apa pun)"), required=False, initial=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        akses = akses_of(user)
        qs = Instansi.objects.order_by("nama")
        if not akses.is_superadmin:
            qs = qs.filter(pk__in=akses.admin_instansi_ids)
        self.fields["instansi"].queryset = qs
        if akses.instansi_id in akses.admin_instansi_ids:
            self.fields["instansi"].initial = akses.instansi_id


def _admin(request):
    if not akses_of(request.user).is_admin:
        raise PermissionDenied(_("Impor data IP ASN hanya untuk Analis SDM (admin instansi)."))


@login_required
def impor(request):
    _admin(request)
    form = ImporForm(request.POST or None, request.FILES or None, user=request.user)
    hasil = None
    if request.method == "POST" and form.is_valid():
        try:
            hasil = impor_data_ipasn(
                instansi_id=form.cleaned_data["instansi"].pk,
                berkas=form.cleaned_data["berkas"],
                uji_saja=form.cleaned_data["uji_saja"],
                by=request.user,
            )
        except BerkasDitolak as e:
            form.add_error("berkas", str(e))
        else:
            if hasil.disimpan:
                messages.success(request, _("Impor selesai; semua baris disimpan."))
            elif hasil.berhasil:
                messages.info(request, _("Pemeriksaan selesai tanpa kesalahan; belum ada yang disimpan."))
            else:
                messages.error(
                    request, _("Ada kesalahan; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
                )
    return render(
        request,
        "ipasn/impor_form.html",
        {"form": form, "hasil": hasil, "layout": LAYOUT},
    )


@login_required
def templat(request):
    _admin(request)
    return unduhan(templat_xlsx(), "templat_impor_data_ip_asn.xlsx", XLSX)
