"""Import and export pages: upload, progress of the background job, templates and the XLSX export.

All of them are for the admin of the instansi (403 otherwise); a job of another instansi is 404.
"""

import tempfile

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.core.access import akses_of

from . import selectors
from .ekspor import ekspor_xlsx, templat_csv, templat_xlsx
from .forms_impor import ImporForm
from .impor import LEMBAR, mulai_impor
from .models import ImportJob
from .views import _current_instansi, _require_admin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _admin_instansi(request):
    instansi = _current_instansi(request)
    _require_admin(request, instansi.pk)
    return instansi


@login_required
@require_http_methods(["GET", "POST"])
def impor(request):
    instansi = _admin_instansi(request)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = mulai_impor(
            instansi=instansi,
            berkas=form.cleaned_data["berkas"],
            uji_saja=form.cleaned_data["uji_saja"],
            by=request.user,
        )
        return redirect("organisasi:impor-status", pk=job.pk)
    akses = akses_of(request.user)
    return render(
        request,
        "organisasi/impor.html",
        {
            "form": form,
            "instansi": instansi,
            "instansi_list": [
                i
                for i in selectors.visible_instansi(request.user).order_by("nama")
                if akses.is_admin_of(i.pk)
            ],
            "jobs": ImportJob.objects.filter(instansi=instansi).select_related("dibuat_oleh")[:10],
            "lembar": list(LEMBAR.values()),
        },
    )


def _hasil(job: ImportJob) -> dict:
    ringkasan = job.ringkasan if isinstance(job.ringkasan, dict) else {}
    jumlah = ringkasan.get("jumlah", {})
    return {
        "jumlah": [(LEMBAR[nama].judul, n) for nama, n in jumlah.items() if nama in LEMBAR],
        "jumlah_galat": ringkasan.get("jumlah_galat", len(job.galat)),
    }


@transaction.non_atomic_requests  # polled every second: no write lock for a read (SQLite)
@login_required
@require_GET
def impor_status(request, pk: int):
    job = get_object_or_404(
        ImportJob.objects.select_related("instansi", "dibuat_oleh"),
        pk=pk,
        instansi__in=selectors.visible_instansi(request.user),
    )
    _require_admin(request, job.instansi_id)
    context = {"job": job, "instansi": job.instansi, **_hasil(job)}
    if request.htmx:
        return render(request, "organisasi/_impor_progress.html", context)
    return render(request, "organisasi/impor_status.html", context)


@login_required
@require_GET
def templat(request, fmt: str):
    _admin_instansi(request)
    if fmt == "xlsx":
        response = HttpResponse(templat_xlsx(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="templat_impor_kinerja.xlsx"'
        return response
    jenis = request.GET.get("jenis", "pegawai")
    if fmt != "csv" or jenis not in LEMBAR:
        raise Http404
    response = HttpResponse(templat_csv(jenis), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="templat_{jenis}.csv"'
    return response


@transaction.non_atomic_requests  # a long read: no write lock held while the workbook is built
@login_required
@require_GET
def ekspor(request):
    instansi = _admin_instansi(request)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    ekspor_xlsx(instansi, out)
    out.seek(0)
    filename = f"organisasi_{instansi.kode}_{timezone.localdate():%Y%m%d}.xlsx"
    return FileResponse(out, as_attachment=True, filename=filename, content_type=XLSX)
