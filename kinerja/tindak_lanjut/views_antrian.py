"""The Analis SDM's queue (seed 000 step 8): the documents sent to the unit that manages performance
data, with the actions "catat" (one row or a selection) and "teruskan" (a Nota Dinas usulan)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.workflow import WorkflowError
from kinerja.perencanaan.selectors_laporan import units_instansi

from . import antrian as layanan
from . import selectors_antrian as selectors
from .forms_usulan import AntrianFilterForm, TeruskanForm
from .models import JenisKiriman, StatusKiriman


def _pastikan_analis(request):
    akses = akses_of(request.user)
    if not akses.is_admin:
        raise PermissionDenied(_("Antrean dokumen hanya untuk Analis SDM (admin instansi)."))
    return akses


def _kembali(request):
    """Back to the page the action came from (its filters and page), else the queue."""
    nxt = request.POST.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return redirect(nxt)
    return redirect("tindak_lanjut:antrian")


@login_required
def daftar(request):
    akses = _pastikan_analis(request)
    instansi_ids = sorted(akses.admin_instansi_ids)
    units = units_instansi(instansi_ids[0]) if len(instansi_ids) == 1 else []
    form = AntrianFilterForm(request.GET, units=units)
    nilai = form.nilai()
    unit = None
    if nilai.get("unit"):
        unit = UnitKerja.objects.filter(pk=nilai["unit"], instansi_id__in=instansi_ids).first()
    qs = selectors.antrian(
        request.user, jenis=nilai.get("jenis") or "", status=nilai.get("status") or "", unit=unit
    )
    page = Paginator(qs, settings.KINERJA_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(k, selectors.tautan(k)) for k in page]
    return render(
        request,
        "tindak_lanjut/antrian_list.html",
        {
            "page": page,
            "rows": rows,
            "filter": form,
            "masuk": StatusKiriman.MASUK,
            "nota": JenisKiriman.NOTA_DINAS_USULAN,
            "boleh_teruskan": layanan.BOLEH_TERUSKAN,
            "next": request.get_full_path(),
        },
    )


@login_required
@require_POST
def catat(request):
    _pastikan_analis(request)
    # "satu": the row's own button; else the rows ticked for the bulk action
    pilihan = [request.POST["satu"]] if request.POST.get("satu") else request.POST.getlist("kiriman")
    ids = [int(v) for v in pilihan if v.isdigit()]
    rows = list(selectors.kiriman_terlihat(request.user).filter(pk__in=ids))
    if len(rows) != len(set(ids)):
        raise Http404
    try:
        n = layanan.catat_kiriman_dokumen(
            kiriman=rows, by=request.user, catatan=request.POST.get("catatan", "")
        )
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("%(n)s kiriman dicatat.") % {"n": n})
    return _kembali(request)


@login_required
@require_POST
def teruskan(request, pk: int):
    _pastikan_analis(request)
    k = (
        selectors.kiriman_terlihat(request.user)
        .select_related("nota_dinas__pengirim__user")
        .filter(pk=pk)
        .first()
    )
    if k is None:
        raise Http404
    form = TeruskanForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for e in errors:
                messages.error(request, e)
        return _kembali(request)
    try:
        layanan.teruskan_kiriman(
            kiriman=k,
            diteruskan_ke=form.cleaned_data["diteruskan_ke"],
            catatan=form.cleaned_data["catatan"],
            by=request.user,
        )
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            _("Nota dinas diteruskan kepada %(tujuan)s.") % {"tujuan": form.cleaned_data["diteruskan_ke"]},
        )
    return _kembali(request)
