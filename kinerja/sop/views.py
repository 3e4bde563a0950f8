"""SOP pages: the list of SOPs and visible runs, one SOP as its table with the start form, one run with
its timeline, documents and the active step's form, the step action and the document download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import unduhan
from kinerja.organisasi.models import Instansi
from kinerja.penilaian.workflow import WorkflowError

from . import aksi as registry
from . import selectors, services
from .forms import LangkahForm, MulaiForm
from .models import JenisLangkah, Sop, StatusProses


def _instansi_pengelola(user) -> list[int]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return list(Instansi.objects.values_list("pk", flat=True))
    return sorted(akses.admin_instansi_ids | akses.pimpinan_instansi_ids)


def _pesan_galat(request, form) -> None:
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


@login_required
def daftar(request):
    return render(
        request,
        "sop/daftar.html",
        {
            "sop_list": list(Sop.objects.all()),
            "proses_list": list(selectors.proses_terlihat(request.user)),
        },
    )


@login_required
def detail(request, pk: int):
    sop = get_object_or_404(Sop, pk=pk)
    instansi_ids = _instansi_pengelola(request.user)
    akses = akses_of(request.user)
    form = None
    if instansi_ids:
        form = MulaiForm(
            sop=sop,
            instansi_ids=instansi_ids,
            initial={
                "instansi": akses.instansi_id if akses.instansi_id in instansi_ids else instansi_ids[0],
                "tahun": timezone.localdate().year,
            },
        )
    langkah = list(sop.langkah_set.order_by("urutan"))
    return render(
        request,
        "sop/detail.html",
        {
            "sop": sop,
            "langkah": langkah,
            "peran": sop.peran,
            "total": sum(row.waktu_hari_kerja for row in langkah),
            "form": form,
            "otomatis": {row.pk: registry.dihasilkan(row.aksi) for row in langkah},
        },
    )


@login_required
@require_POST
def mulai(request, pk: int):
    sop = get_object_or_404(Sop, pk=pk)
    instansi_ids = _instansi_pengelola(request.user)
    if not instansi_ids:
        raise PermissionDenied(
            _("Hanya admin instansi atau pimpinan instansi yang dapat memulai proses SOP.")
        )
    form = MulaiForm(request.POST, sop=sop, instansi_ids=instansi_ids)
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect("sop:detail", pk=sop.pk)
    try:
        proses = services.mulai(
            sop,
            form.cleaned_data["instansi"],
            form.cleaned_data["tahun"],
            penugasan=form.cleaned_data["penugasan"],
            by=request.user,
        )
    except WorkflowError as e:
        messages.error(request, str(e))
        return redirect("sop:detail", pk=sop.pk)
    messages.success(request, _("Proses dimulai."))
    return redirect("sop:proses", pk=proses.pk)


def _proses(request, pk: int):
    proses = selectors.proses_detail(request.user, pk)
    if proses is None:
        raise Http404
    return proses


def _form_langkah(request, proses, semua, data=None, files=None):
    """The active row's form when the user is its actor, else None."""
    aktif = proses.langkah_aktif
    if aktif is None or proses.status != StatusProses.BERJALAN:
        return None
    pegawai = akses_of(request.user).pegawai
    pelaksana = {p.peran: p.pegawai_id for p in proses.pelaksana_set.all()}
    if pegawai is None or pelaksana.get(aktif.pelaksana) != pegawai.pk:
        return None
    return LangkahForm(data, files, proses=proses, langkah=aktif, semua=semua)


@login_required
def proses(request, pk: int):
    proses = _proses(request, pk)
    semua = list(proses.sop.langkah_set.order_by("urutan"))
    waktu = selectors.linimasa(proses, semua)
    return render(
        request,
        "sop/proses.html",
        {
            "proses": proses,
            "sop": proses.sop,
            "waktu": waktu,
            "pelaksana": [(proses.sop.nama_peran(p.peran), p.pegawai) for p in proses.pelaksana_set.all()],
            "form": _form_langkah(request, proses, semua),
            "persetujuan": proses.langkah_aktif is not None
            and proses.langkah_aktif.jenis == JenisLangkah.PERSETUJUAN,
            "peran_aktif": proses.sop.nama_peran(proses.langkah_aktif.pelaksana)
            if proses.langkah_aktif
            else "",
        },
    )


@login_required
@require_POST
def langkah(request, pk: int):
    proses = _proses(request, pk)
    semua = list(proses.sop.langkah_set.order_by("urutan"))
    if proses.langkah_aktif_id is None or str(proses.langkah_aktif_id) != request.POST.get("langkah", ""):
        messages.error(request, _("Langkah tersebut bukan langkah yang sedang berjalan."))
        return redirect("sop:proses", pk=proses.pk)
    form = _form_langkah(request, proses, semua, request.POST, request.FILES)
    if form is None:
        raise PermissionDenied(_("Anda bukan pelaksana langkah yang sedang berjalan."))
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect("sop:proses", pk=proses.pk)
    keputusan = request.POST.get("keputusan", "jalankan")
    catatan = form.cleaned_data["catatan"]
    try:
        if keputusan == "kembalikan":
            services.kembalikan(proses, request.user, langkah=form.langkah, catatan=catatan)
            messages.success(request, _("Langkah dikembalikan untuk revisi."))
        elif keputusan == "setujui":
            services.setujui(
                proses, request.user, langkah=form.langkah, dokumen=form.dokumen_data(), catatan=catatan
            )
            messages.success(request, _("Langkah disetujui."))
        else:
            services.jalankan(
                proses,
                request.user,
                langkah=form.langkah,
                dokumen=form.dokumen_data(),
                penugasan=form.penugasan_data(),
                catatan=catatan,
            )
            messages.success(request, _("Langkah selesai."))
    except WorkflowError as e:
        messages.error(request, str(e))
    return redirect("sop:proses", pk=proses.pk)


@login_required
def dokumen(request, pk: int):
    doc = selectors.dokumen_terlihat(request.user, pk)
    if doc is None or not doc.berkas:
        raise Http404
    with doc.berkas.open("rb") as f:
        isi = f.read()
    return unduhan(
        isi,
        doc.nama_berkas or doc.berkas.name.rsplit("/", 1)[-1],
        doc.jenis_berkas or "application/octet-stream",
    )
