"""The exports for the national systems (kinerja.tindak_lanjut.ekspor) as a page: the admin instansi and
the pimpinan choose year, unit, kind and format and download the file; everyone else gets 403. CSV is
streamed row by row, XLSX is written to a temporary file first (a zip cannot be streamed)."""

import tempfile
from html import escape

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Instansi
from kinerja.perencanaan.selectors_laporan import pohon_instansi

from .ekspor import LAYOUTS, csv_baris, nama_berkas, tulis_xlsx
from .forms_ekspor import EksporForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def instansi_ekspor(user) -> list[Instansi]:
    """The instansi whose national exports the user may download: those they administer or lead."""
    akses = akses_of(user)
    qs = Instansi.objects.order_by("nama")
    if not akses.is_superadmin:
        qs = qs.filter(pk__in=akses.pengelola_instansi_ids)
    return list(qs)


def _opsi_unit(instansi_id: int, pilih) -> str:
    """The unit picker's options joined in Python (an instansi may have thousands of units); ids are
    integers and every label is escaped."""
    opsi = [f'<option value="">{escape(gettext("Seluruh instansi"))}</option>']
    opsi += [
        f'<option value="{u.id}"{" selected" if u.id == pilih else ""}>{escape(u.label)}</option>'
        for u in pohon_instansi(instansi_id).units
    ]
    return mark_safe("".join(opsi))


def _angka(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def ekspor(request):
    instansi_list = instansi_ekspor(request.user)
    if not instansi_list:
        raise PermissionDenied
    ids = {i.pk for i in instansi_list}
    own = akses_of(request.user).instansi_id
    bawaan = own if own in ids else instansi_list[0].pk
    bound = "jenis" in request.GET
    form = EksporForm(request.GET if bound else None, instansi_list=instansi_list, instansi_bawaan=bawaan)
    if bound and form.is_valid():
        data = form.cleaned_data
        layout, lingkup = LAYOUTS[data["jenis"]], data["lingkup"]
        filename = nama_berkas(layout, lingkup, data["format"], data["unit_kode"])
        if data["format"] == "csv":
            response = StreamingHttpResponse(
                (line.encode("utf-8") for line in csv_baris(layout, lingkup)),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = content_disposition_header(True, filename)
            return response
        out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        tulis_xlsx(layout, lingkup, out)
        out.seek(0)
        return FileResponse(out, as_attachment=True, filename=filename, content_type=XLSX)
    instansi_id = _angka(request.GET.get("instansi"))
    if instansi_id not in ids:
        instansi_id = bawaan
    return render(
        request,
        "tindak_lanjut/ekspor.html",
        {
            "form": form,
            "instansi_list": instansi_list,
            "instansi_id": instansi_id,
            "tahun": request.GET.get("tahun", "") if bound else timezone.localdate().year,
            "opsi_unit": _opsi_unit(instansi_id, _angka(request.GET.get("unit"))),
            "layouts": list(LAYOUTS.values()),
            "jenis": request.GET.get("jenis", "skp"),
            "format": request.GET.get("format", "csv"),
        },
        status=400 if bound else 200,
    )
