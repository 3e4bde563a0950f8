"""Perjanjian Kinerja / Renstra pages: list, detail, create/edit, delete, XLSX import and its template.

Reading follows `selectors_pk.visible_pk` (outside it: 404); writing is for the admin instansi and the
pimpinan of the PK's instansi and the superadmin (anyone else who sees the PK: 403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import unduhan

from . import selectors_pk, services_pk
from .forms_pk import ImporPkForm, PkEditor, PkFilterForm
from .impor_pk import KOLOM, BerkasDitolak, impor_pk, templat_xlsx
from .models import PerjanjianKinerja

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pengelola(akses) -> bool:
    return akses.is_superadmin or bool(akses.admin_instansi_ids or akses.pimpinan_instansi_ids)


def _require_pengelola(request) -> None:
    if not _pengelola(akses_of(request.user)):
        raise PermissionDenied(
            _("Hanya admin instansi dan pimpinan instansi yang dapat mengelola perjanjian kinerja.")
        )


def _pk(request, pk: int) -> PerjanjianKinerja:
    return get_object_or_404(
        selectors_pk.visible_pk(request.user).select_related("unit_kerja__instansi"), pk=pk
    )


def _pk_kelola(request, pk: int) -> PerjanjianKinerja:
    obj = _pk(request, pk)
    if not selectors_pk.boleh_kelola(request.user, obj.unit_kerja.instansi_id):
        raise PermissionDenied(
            _("Hanya admin instansi dan pimpinan instansi yang dapat mengubah perjanjian kinerja ini.")
        )
    return obj


def _url_detail(obj: PerjanjianKinerja) -> str:
    return reverse("perencanaan:pk-detail", args=[obj.pk])


@login_required
@require_GET
def pk_list(request):
    unit_qs = selectors_pk.unit_terlihat(request.user)
    tahun, unit = timezone.localdate().year, None
    form = PkFilterForm(request.GET if request.GET else None, unit_qs=unit_qs, initial={"tahun": tahun})
    if form.is_bound and form.is_valid():
        tahun = form.cleaned_data["tahun"] or tahun
        unit = form.cleaned_data["unit"]
    return render(
        request,
        "perencanaan/pk_list.html",
        {
            "form": form,
            "tahun": tahun,
            "pk_list": selectors_pk.pk_list(request.user, tahun=tahun, unit=unit),
            "can_kelola": _pengelola(akses_of(request.user)),
        },
    )


@login_required
@require_GET
def pk_detail(request, pk: int):
    obj = get_object_or_404(selectors_pk.pk_detail(request.user), pk=pk)
    return render(
        request,
        "perencanaan/pk_detail.html",
        {
            "pk": obj,
            "sasaran": obj.sasaran_set.all(),
            "can_kelola": selectors_pk.boleh_kelola(request.user, obj.unit_kerja.instansi_id),
        },
    )


def _editor(request, obj: PerjanjianKinerja | None):
    unit_qs = selectors_pk.unit_kelola(request.user).select_related("instansi")
    if request.method != "POST":
        return PkEditor(unit_qs=unit_qs, pk=obj), None
    tambah = request.POST.get("tambah", "")
    if tambah:
        editor = PkEditor(PkEditor.dengan_baris_baru(request.POST, tambah), unit_qs=unit_qs, pk=obj)
        editor.diamkan()
        return editor, None
    editor = PkEditor(request.POST, unit_qs=unit_qs, pk=obj)
    if not editor.is_valid():
        return editor, None
    data = editor.header.cleaned_data
    try:
        hasil = services_pk.simpan_pk(
            pk=obj,
            unit_kerja=data["unit_kerja"],
            tahun=data["tahun"],
            sumber=data["sumber"],
            sasaran=editor.sasaran_data(),
            by=request.user,
        )
    except services_pk.PkDitolak as e:
        editor.galat.extend(e.masalah)
        return editor, None
    return editor, hasil


def _form_page(request, obj: PerjanjianKinerja | None):
    editor, hasil = _editor(request, obj)
    if hasil is not None:
        messages.success(request, _("%(pk)s disimpan.") % {"pk": hasil})
        return redirect(_url_detail(hasil))
    return render(request, "perencanaan/pk_form.html", {"editor": editor, "pk": obj})


@login_required
@require_http_methods(["GET", "POST"])
def pk_create(request):
    _require_pengelola(request)
    return _form_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def pk_edit(request, pk: int):
    obj = _pk_kelola(request, pk)
    obj = get_object_or_404(selectors_pk.pk_detail(request.user), pk=obj.pk)  # with its sasaran and IKU
    return _form_page(request, obj)


@login_required
@require_POST
def pk_hapus(request, pk: int):
    obj = _pk_kelola(request, pk)
    try:
        services_pk.hapus_pk(pk=obj, by=request.user)
    except services_pk.PkDitolak as e:
        for m in e.masalah:
            messages.error(request, m)
        return redirect(_url_detail(obj))
    messages.success(request, _("%(pk)s dihapus.") % {"pk": obj})
    return redirect(f"{reverse('perencanaan:pk-list')}?tahun={obj.tahun}")


@login_required
@require_http_methods(["GET", "POST"])
def pk_impor(request):
    _require_pengelola(request)
    instansi_qs = selectors_pk.instansi_kelola(request.user)
    akses = akses_of(request.user)
    awal = akses.instansi_id if instansi_qs.filter(pk=akses.instansi_id).exists() else None
    posted = request.method == "POST"
    form = ImporPkForm(
        request.POST if posted else None, request.FILES if posted else None, instansi_qs=instansi_qs
    )
    form.fields["instansi"].initial = awal
    hasil = None
    if posted and form.is_valid():
        try:
            hasil = impor_pk(
                instansi=form.cleaned_data["instansi"], berkas=form.cleaned_data["berkas"], by=request.user
            )
        except BerkasDitolak as e:
            form.add_error("berkas", str(e))
        else:
            if hasil.berhasil:
                messages.success(
                    request, _("Impor selesai: %(n)s baris diperiksa dan disimpan.") % {"n": hasil.baris}
                )
    return render(request, "perencanaan/pk_impor.html", {"form": form, "hasil": hasil, "kolom": KOLOM})


@login_required
@require_GET
def pk_impor_templat(request):
    _require_pengelola(request)
    return unduhan(templat_xlsx(), "templat_perjanjian_kinerja.xlsx", XLSX)
