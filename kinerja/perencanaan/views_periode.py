"""Period settings pages, for the admin instansi (and the superadmin, who picks the instansi).

Others get 403; a period of an instansi the user cannot see is 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Instansi
from kinerja.organisasi.selectors import visible_instansi

from . import periode as layanan
from .forms_periode import BuatPeriodeForm, JadwalFormSet, PeriodeForm, PilihInstansiForm
from .models import PeriodeKinerja


def _require_admin(request, instansi_id: int) -> None:
    if not akses_of(request.user).is_admin_of(instansi_id):
        raise PermissionDenied(_("Hanya admin instansi yang dapat mengatur periode kinerja."))


def _dikelola(user) -> QuerySet[Instansi]:
    akses = akses_of(user)
    qs = Instansi.objects.order_by("nama")
    return qs if akses.is_superadmin else qs.filter(pk__in=akses.admin_instansi_ids)


def _instansi(request) -> tuple[Instansi, list[Instansi]]:
    """The instansi of the list page: `instansi` (query or form) among those administered, else own."""
    akses = akses_of(request.user)
    if not akses.is_admin:
        raise PermissionDenied(_("Hanya admin instansi yang dapat mengatur periode kinerja."))
    pilihan = list(_dikelola(request.user))
    data = request.POST if request.method == "POST" else request.GET
    if "instansi" in data:
        form = PilihInstansiForm({"instansi": data["instansi"]}, queryset=_dikelola(request.user))
        if not form.is_valid():
            raise Http404(_("Instansi tidak ditemukan."))
        return form.cleaned_data["instansi"], pilihan
    sendiri = [i for i in pilihan if i.pk == akses.instansi_id]
    if not (sendiri or pilihan):
        raise Http404(_("Belum ada instansi."))
    return (sendiri or pilihan)[0], pilihan


@login_required
@require_http_methods(["GET", "POST"])
def periode_list(request):
    instansi, pilihan = _instansi(request)
    daftar = list(layanan.daftar_periode(instansi))
    tahun_berikut = daftar[0].tahun + 1 if daftar else timezone.localdate().year
    form = BuatPeriodeForm(request.POST or None, initial={"tahun": tahun_berikut})
    if request.method == "POST" and form.is_valid():
        try:
            periode = layanan.buat_periode(instansi=instansi, **form.cleaned_data)
        except layanan.PeriodeDitolak as e:
            for m in e.masalah:
                form.add_error("tahun", m)
        else:
            messages.success(request, _("Periode tahun %(tahun)s dibuat.") % {"tahun": periode.tahun})
            return redirect("perencanaan:periode-edit", pk=periode.pk)
    return render(
        request,
        "perencanaan/periode_list.html",
        {"instansi": instansi, "instansi_list": pilihan, "daftar": daftar, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def periode_edit(request, pk: int):
    periode = get_object_or_404(
        PeriodeKinerja.objects.select_related("instansi").filter(instansi__in=visible_instansi(request.user)),
        pk=pk,
    )
    _require_admin(request, periode.instansi_id)
    layanan.pastikan_jadwal(periode)
    jadwal = list(periode.jadwal_set.order_by("nomor"))
    galat: list[str] = []
    if request.method == "POST":
        form = PeriodeForm(request.POST)
        formset = JadwalFormSet(request.POST, prefix="jadwal")
        if form.is_valid() and formset.is_valid():
            try:
                layanan.ubah_periode(
                    periode=periode,
                    **form.cleaned_data,
                    batas_pengisian={
                        f.cleaned_data["nomor"]: f.cleaned_data["batas_pengisian"] for f in formset.forms
                    },
                )
            except layanan.PeriodeDitolak as e:
                galat = e.masalah
            else:
                messages.success(
                    request, _("Pengaturan periode %(tahun)s disimpan.") % {"tahun": periode.tahun}
                )
                return redirect("perencanaan:periode-edit", pk=periode.pk)
    else:
        form = PeriodeForm(
            initial={
                f: getattr(periode, f)
                for f in ("tanggal_mulai", "tanggal_selesai", "batas_penyusunan", "siklus")
            }
        )
        formset = JadwalFormSet(
            initial=[{"nomor": j.nomor, "batas_pengisian": j.batas_pengisian} for j in jadwal],
            prefix="jadwal",
        )
    per_nomor = {str(f["nomor"].value()): f for f in formset.forms}
    return render(
        request,
        "perencanaan/periode_edit.html",
        {
            "periode": periode,
            "instansi": periode.instansi,
            "form": form,
            "formset": formset,
            "baris": [
                (j, layanan.nama_jadwal(periode.siklus, j.nomor), per_nomor.get(str(j.nomor))) for j in jadwal
            ],
            "galat": galat,
            "siklus_terkunci": layanan.ada_skp_disetujui(periode),
        },
    )
