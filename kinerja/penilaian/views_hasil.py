"""Evaluation results: "Penilaian saya", one evaluation (identities, judgements, history, receipt and
keberatan block) and its Dokumen Evaluasi Kinerja Pegawai."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.unduhan import PDF, unduhan

from . import keberatan as layanan
from . import selectors_hasil as selectors
from .forms_keberatan import KeberatanForm
from .models import Penilaian
from .workflow import PeranKeberatan, WorkflowError


def _penilaian(request, pk: int) -> Penilaian:
    p = selectors.penilaian_hasil(request.user, pk)
    if p is None:
        raise Http404
    return p


def _url_nilai(p: Penilaian) -> str:
    """The pejabat penilai's rating form (another part of the stage; absent until it is built)."""
    try:
        return reverse("penilaian:nilai", args=[p.skp_id, p.jadwal.nomor if p.jadwal_id else 0])
    except NoReverseMatch:
        return ""


@login_required
def saya(request):
    return render(
        request,
        "penilaian/hasil_saya.html",
        {"baris": selectors.penilaian_saya(request.user, timezone.localdate())},
    )


@login_required
def hasil(request, pk: int):
    p = _penilaian(request, pk)
    peran = layanan.peran_keberatan(p, request.user)
    keberatan = selectors.keberatan_dari(p)
    hari = layanan.batas_hari(p.pegawai.instansi_id)
    batas = layanan.batas_keberatan(p.diterima_pada, hari)
    dapat_keberatan = False
    if PeranKeberatan.PEGAWAI in peran and keberatan is None:
        try:
            layanan.cek_dapat_mengajukan(p, request.user)
            dapat_keberatan = True
        except WorkflowError:
            pass
    return render(
        request,
        "penilaian/hasil.html",
        {
            "p": p,
            "rhk": list(p.rhk_set.all()),
            "capaian": selectors.capaian_organisasi(p),
            "riwayat": selectors.riwayat(p),
            "keberatan": keberatan,
            "is_pegawai": PeranKeberatan.PEGAWAI in peran,
            "dapat_terima": PeranKeberatan.PEGAWAI in peran and p.final and p.diterima_pada is None,
            "batas": batas,
            "batas_lewat": batas is not None and timezone.localdate() > batas,
            "hari": hari,
            "keberatan_form": KeberatanForm(auto_id="keberatan-%s") if dapat_keberatan else None,
            "url_nilai": _url_nilai(p) if PeranKeberatan.PENILAI in peran else "",
        },
    )


@login_required
@require_POST
def terima(request, pk: int):
    p = _penilaian(request, pk)
    if PeranKeberatan.PEGAWAI not in layanan.peran_keberatan(p, request.user):
        raise PermissionDenied(_("Hanya pegawai yang dinilai yang dapat mengonfirmasi penerimaan."))
    try:
        layanan.konfirmasi_penerimaan(p, request.user)
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Penerimaan hasil evaluasi dikonfirmasi."))
    return redirect("penilaian:hasil", pk=p.pk)


@login_required
def pdf(request, pk: int):
    from kinerja.dokumen.pdf_evaluasi import evaluasi_pdf, nama_berkas_evaluasi

    p = _penilaian(request, pk)
    if not p.final:  # a draft has no document yet
        raise Http404
    return unduhan(evaluasi_pdf(p), nama_berkas_evaluasi(p), PDF)
