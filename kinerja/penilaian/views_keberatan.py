"""Keberatan pages: filing one from the evaluation page, the list (the atasan's inbox, and the
pegawai's and pejabat penilai's own), one keberatan with the forms for whoever may act now, and the
actions of the examination."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.aturan import RatingKerja
from kinerja.core.access import akses_of

from . import keberatan as layanan
from . import selectors_hasil as selectors
from .forms_keberatan import KeberatanForm, form_aksi
from .models import Keberatan
from .views_hasil import _penilaian
from .workflow import TRANSISI_KEBERATAN, AksiKeberatan, PeranKeberatan, StatusKeberatan, WorkflowError


def _keberatan(request, pk: int) -> Keberatan:
    k = selectors.keberatan_detail(request.user, pk)
    if k is None:
        raise Http404
    return k


def _pesan_galat(request, form) -> None:
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


@login_required
@require_POST
def ajukan(request, pk: int):
    p = _penilaian(request, pk)
    if PeranKeberatan.PEGAWAI not in layanan.peran_keberatan(p, request.user):
        raise PermissionDenied(_("Hanya pegawai yang dinilai yang dapat mengajukan keberatan."))
    form = KeberatanForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect("penilaian:hasil", pk=p.pk)
    try:
        k = layanan.ajukan_keberatan(p, form.cleaned_data["alasan"], request.user)
    except WorkflowError as e:
        messages.error(request, str(e))
        return redirect("penilaian:hasil", pk=p.pk)
    messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
    return redirect("penilaian:keberatan-detail", pk=k.pk)


@login_required
def daftar(request):
    rows = list(selectors.keberatan_terlihat(request.user))
    me = akses_of(request.user).pegawai
    return render(request, "penilaian/keberatan_list.html", {"rows": rows, "me": me.pk if me else None})


def _aksi_boleh(k: Keberatan, peran: set[PeranKeberatan]) -> list[AksiKeberatan]:
    """The actions the user may take now (explanations once each)."""
    boleh = [
        aksi
        for (status, aksi), (siapa, _next) in TRANSISI_KEBERATAN.items()
        if status == k.status and siapa in peran
    ]
    if k.penjelasan_penilai:
        boleh = [a for a in boleh if a != AksiKeberatan.JELASKAN_PENILAI]
    if k.penjelasan_pegawai:
        boleh = [a for a in boleh if a != AksiKeberatan.JELASKAN_PEGAWAI]
    return boleh


@login_required
def detail(request, pk: int):
    k = _keberatan(request, pk)
    peran = layanan.peran_keberatan(k.penilaian, request.user, k.atasan_id)
    boleh = _aksi_boleh(k, peran)
    forms = {a.value: form_aksi(a) for a in boleh}
    return render(
        request,
        "penilaian/keberatan_detail.html",
        {
            "k": k,
            "p": k.penilaian,
            "status": StatusKeberatan(k.status),
            "forms": forms,
            "jelaskan": next((a.value for a in boleh if a.value.startswith("jelaskan")), ""),
            "rating_semula": (
                RatingKerja(k.rating_hasil_kerja_semula).label if k.rating_hasil_kerja_semula else "-",
                RatingKerja(k.rating_perilaku_semula).label if k.rating_perilaku_semula else "-",
            ),
            "is_atasan": PeranKeberatan.ATASAN in peran,
        },
    )


@login_required
@require_POST
def aksi(request, pk: int):
    k = _keberatan(request, pk)
    form = form_aksi(request.POST.get("aksi", ""), request.POST)
    if form is None:
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("penilaian:keberatan-detail", pk=k.pk)
    nama_aksi = AksiKeberatan(request.POST["aksi"])
    peran = layanan.peran_keberatan(k.penilaian, request.user, k.atasan_id)
    if layanan.PERAN_AKSI[nama_aksi] not in peran:
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini atas keberatan tersebut."))
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect("penilaian:keberatan-detail", pk=k.pk)
    try:
        layanan.jalankan(
            k,
            nama_aksi,
            by=request.user,
            teks=form.cleaned_data["teks"],
            rating_hasil_kerja=form.cleaned_data.get("rating_hasil_kerja", ""),
            rating_perilaku=form.cleaned_data.get("rating_perilaku", ""),
        )
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request, _("Keberatan diperbarui: %(status)s.") % {"status": StatusKeberatan(k.status).label}
        )
    return redirect("penilaian:keberatan-detail", pk=k.pk)
