"""Unit reports: the pohon kinerja, the SKP recap (page and XLSX), and one SKP as XLSX.

Everyone signed in may open them; what they show is scoped to the user (selectors_laporan). A unit or
instansi out of reach answers 404; a malformed filter is reported and its default used instead.
"""

import tempfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.core.unduhan import nama_berkas_skp, unduhan

from . import selectors, selectors_laporan
from .selectors_laporan import STATUS_REKAP, DiLuarJangkauan, Lingkup

TAHUN_MIN, TAHUN_MAX = 2000, 2100


class LaporanForm(forms.Form):
    """GET filters shared by the reports; each invalid one is dropped with a message."""

    unit = forms.IntegerField(label=gettext_lazy("Unit kerja"), required=False, min_value=1)
    instansi = forms.IntegerField(label=gettext_lazy("Instansi"), required=False, min_value=1)
    tahun = forms.IntegerField(
        label=gettext_lazy("Tahun"), required=False, min_value=TAHUN_MIN, max_value=TAHUN_MAX
    )


class RekapForm(LaporanForm):
    status = forms.ChoiceField(
        label=gettext_lazy("Status SKP"),
        required=False,
        choices=[("", gettext_lazy("Semua status")), *STATUS_REKAP.items()],
    )
    terlambat = forms.BooleanField(label=gettext_lazy("Hanya yang terlambat"), required=False)


def _filters(request, form_class) -> tuple[dict, list[str]]:
    """(valid filters with defaults, a message per invalid one)."""
    form = form_class(request.GET)
    form.is_valid()
    tahun_ini = timezone.localdate().year
    pesan = {
        "unit": _("Unit kerja “%(nilai)s” tidak dikenal; ditampilkan unit bawaan."),
        "instansi": _("Instansi “%(nilai)s” tidak dikenal; ditampilkan instansi bawaan."),
        "tahun": _("Tahun “%(nilai)s” tidak valid (isi %(min)s–%(max)s); ditampilkan tahun %(tahun)s."),
        "status": _("Status “%(nilai)s” tidak dikenal; ditampilkan semua status."),
    }
    galat = [
        pesan.get(name, _("Filter “%(nilai)s” tidak valid dan diabaikan."))
        % {"nilai": request.GET.get(name, "")[:40], "min": TAHUN_MIN, "max": TAHUN_MAX, "tahun": tahun_ini}
        for name in form.errors
    ]
    data = {name: None if name in form.errors else form.cleaned_data.get(name) for name in form.fields}
    data["tahun"] = data["tahun"] or tahun_ini
    return data, galat


def _lingkup(request, data) -> Lingkup | None:
    try:
        return selectors_laporan.lingkup_laporan(
            request.user, tahun=data["tahun"], unit_id=data["unit"], instansi_id=data["instansi"]
        )
    except DiLuarJangkauan:
        raise Http404 from None


def _context(lingkup: Lingkup | None, tahun: int) -> dict:
    tahun_ini = timezone.localdate().year
    return {
        "lingkup": lingkup,
        "tahun": tahun,
        "tahun_list": sorted({*range(tahun_ini - 3, tahun_ini + 2), tahun}, reverse=True),
    }


@login_required
def pohon(request):
    data, galat = _filters(request, LaporanForm)
    for g in galat:
        messages.warning(request, g)
    lingkup = _lingkup(request, data)
    tree = selectors_laporan.pohon_unit(request.user, lingkup) if lingkup and lingkup.unit else None
    return render(request, "perencanaan/pohon.html", {**_context(lingkup, data["tahun"]), "pohon": tree})


@login_required
def rekap(request):
    data, galat = _filters(request, RekapForm)
    for g in galat:
        messages.warning(request, g)
    lingkup = _lingkup(request, data)
    context = _context(lingkup, data["tahun"]) | {
        "status": data["status"] or "",
        "terlambat": data["terlambat"],
    }
    if lingkup and lingkup.unit:
        hasil = selectors_laporan.rekap_skp(
            request.user, lingkup, status=data["status"] or "", hanya_terlambat=bool(data["terlambat"])
        )
        page = Paginator(hasil.rows, settings.KINERJA_PAGE_SIZE).get_page(request.GET.get("page"))
        context |= {
            "rekap": hasil,
            "page": page,
            "rows": list(hasil.baris(page.object_list)),
            "status_list": [(s, label, hasil.total[s]) for s, label in STATUS_REKAP.items()],
        }
    template = "perencanaan/_rekap_tabel.html" if request.htmx else "perencanaan/rekap.html"
    return render(request, template, context)


@login_required
def rekap_xlsx(request):
    from kinerja.dokumen.xlsx import XLSX, KepalaRekap, tulis_rekap_xlsx

    data, galat = _filters(request, RekapForm)
    if galat:  # the recap page explains what is wrong with these filters
        return redirect(f"{reverse('perencanaan:rekap')}?{request.GET.urlencode()}")
    lingkup = _lingkup(request, data)
    if lingkup is None or lingkup.unit is None:
        raise Http404
    status = data["status"] or ""
    hasil = selectors_laporan.rekap_skp(
        request.user, lingkup, status=status, hanya_terlambat=bool(data["terlambat"])
    )
    keterangan = [_("status: %(status)s") % {"status": STATUS_REKAP[status]}] if status else []
    if data["terlambat"]:
        keterangan.append(_("hanya yang terlambat"))
    kepala = KepalaRekap(
        instansi=lingkup.instansi.nama,
        unit=lingkup.unit.nama,
        tahun=lingkup.tahun,
        batas=hasil.batas,
        dicetak=timezone.localdate(),
        keterangan="; ".join(keterangan),
    )
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    tulis_rekap_xlsx(kepala, hasil.baris(hasil.rows.iterator(chunk_size=2000)), out)
    out.seek(0)
    filename = f"rekap_skp_{lingkup.tahun}_{lingkup.unit.kode}.xlsx"
    return FileResponse(out, as_attachment=True, filename=filename, content_type=XLSX)


@login_required
def skp_xlsx(request, pk: int):
    from kinerja.dokumen.xlsx import XLSX
    from kinerja.dokumen.xlsx import skp_xlsx as render_xlsx

    skp = get_object_or_404(selectors.skp_detail(request.user), pk=pk)
    return unduhan(render_xlsx(skp), nama_berkas_skp(skp, "SKP", "xlsx"), XLSX)
