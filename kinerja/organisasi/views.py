"""Organisation pages. Views stay thin: selectors read (scoped), services write, forms validate."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.core.counting import CachedCountPaginator

from . import selectors, services
from .forms import JabatanForm, PegawaiFilterForm, PegawaiForm, PenugasanForm, UnitKerjaForm
from .models import PEGAWAI_COUNTS, Instansi


def _current_instansi(request) -> Instansi:
    """The instansi a page is about: `?instansi=` among those visible, else the user's own."""
    visible = selectors.visible_instansi(request.user)
    wanted = request.GET.get("instansi") or request.POST.get("instansi")
    if wanted:
        if not str(wanted).isdigit():
            raise Http404
        return get_object_or_404(visible, pk=wanted)
    akses = akses_of(request.user)
    if akses.instansi_id:
        return get_object_or_404(visible, pk=akses.instansi_id)
    first = visible.order_by("nama").first()
    if first is None:
        raise Http404
    return first


def _require_admin(request, instansi_id: int) -> None:
    if not akses_of(request.user).is_admin_of(instansi_id):
        raise PermissionDenied(_("Hanya admin instansi yang dapat mengubah data kepegawaian."))


@login_required
def unit_tree(request):
    instansi = _current_instansi(request)
    nodes = selectors.flatten_tree(selectors.unit_tree(instansi))
    return render(
        request,
        "organisasi/unit_tree.html",
        {
            "instansi": instansi,
            "nodes": nodes,
            "instansi_list": selectors.visible_instansi(request.user).order_by("nama"),
            "can_edit": akses_of(request.user).is_admin_of(instansi.pk),
        },
    )


@login_required
def unit_detail(request, pk: int):
    unit = get_object_or_404(selectors.visible_unit(request.user).select_related("instansi", "induk"), pk=pk)
    return render(
        request,
        "organisasi/unit_detail.html",
        {
            "unit": unit,
            "anak": unit.anak_set.order_by("kode"),
            "jabatan": unit.jabatan_set.select_related("atasan").order_by("kode"),
            "pegawai": selectors.pegawai_list(request.user, unit=unit, aktif=True)[
                : settings.KINERJA_PAGE_SIZE
            ],
            "can_edit": akses_of(request.user).is_admin_of(unit.instansi_id),
        },
    )


@login_required
def unit_form(request, pk: int | None = None):
    if pk is None:
        unit, instansi = None, _current_instansi(request)
    else:
        unit = get_object_or_404(selectors.visible_unit(request.user).select_related("instansi"), pk=pk)
        instansi = unit.instansi
    _require_admin(request, instansi.pk)
    form = UnitKerjaForm(request.POST or None, instance=unit, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        unit = services.save_unit(unit=form.save(commit=False), by=request.user)
        messages.success(request, _("Unit kerja %(nama)s disimpan.") % {"nama": unit.nama})
        return redirect("organisasi:unit-detail", pk=unit.pk)
    title = _("Ubah unit kerja") if unit else _("Tambah unit kerja")
    return render(request, "organisasi/form.html", {"form": form, "title": title, "instansi": instansi})


@login_required
def jabatan_list(request):
    instansi = _current_instansi(request)
    jabatan = (
        selectors.visible_jabatan(request.user)
        .filter(instansi=instansi)
        .select_related("unit_kerja", "atasan")
        .order_by("kode")
    )
    page = Paginator(jabatan, settings.KINERJA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisasi/jabatan_list.html",
        {
            "instansi": instansi,
            "page": page,
            "can_edit": akses_of(request.user).is_admin_of(instansi.pk),
        },
    )


@login_required
def jabatan_form(request, pk: int | None = None):
    if pk is None:
        jabatan, instansi = None, _current_instansi(request)
    else:
        jabatan = get_object_or_404(selectors.visible_jabatan(request.user).select_related("instansi"), pk=pk)
        instansi = jabatan.instansi
    _require_admin(request, instansi.pk)
    form = JabatanForm(request.POST or None, instance=jabatan, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        jabatan = services.save_jabatan(jabatan=form.save(commit=False), by=request.user)
        messages.success(request, _("Jabatan %(nama)s disimpan.") % {"nama": jabatan.nama})
        return redirect("organisasi:jabatan-list")
    title = _("Ubah jabatan") if jabatan else _("Tambah jabatan")
    return render(request, "organisasi/form.html", {"form": form, "title": title, "instansi": instansi})


@login_required
def pegawai_list(request):
    akses = akses_of(request.user)
    form = PegawaiFilterForm(request.GET or None, units=selectors.visible_unit(request.user).order_by("nama"))
    filters = form.filters() if form.is_valid() else {}
    qs = selectors.pegawai_list(request.user, **filters)
    # The visible set depends only on the user and the filters: that is the count's cache key.
    key = f"{request.user.pk}:{sorted((k, getattr(v, 'pk', v)) for k, v in filters.items())}"
    paginator = CachedCountPaginator(qs, settings.KINERJA_PAGE_SIZE, namespace=PEGAWAI_COUNTS, key=key)
    page = paginator.get_page(request.GET.get("page"))
    template = "organisasi/_pegawai_rows.html" if request.htmx else "organisasi/pegawai_list.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "unit": filters.get("unit"),
            "can_create": bool(akses.admin_instansi_ids) or akses.is_superadmin,
        },
    )


@login_required
def pegawai_detail(request, pk: int):
    pegawai = get_object_or_404(selectors.pegawai_detail(request.user), pk=pk)
    return render(
        request,
        "organisasi/pegawai_detail.html",
        {
            "pegawai": pegawai,
            "penugasan": selectors.penugasan_of(pegawai),
            "riwayat": selectors.riwayat_pegawai(pegawai),
            "can_edit": akses_of(request.user).is_admin_of(pegawai.instansi_id),
        },
    )


@login_required
def pegawai_form(request, pk: int | None = None):
    if pk is None:
        pegawai, instansi = None, _current_instansi(request)
    else:
        pegawai = get_object_or_404(selectors.pegawai_detail(request.user), pk=pk)
        instansi = pegawai.instansi
    _require_admin(request, instansi.pk)
    form = PegawaiForm(request.POST or None, instance=pegawai, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        pegawai = services.save_pegawai(pegawai=form.save(commit=False), by=request.user)
        messages.success(request, _("Data pegawai %(nama)s disimpan.") % {"nama": pegawai.nama_lengkap})
        return redirect(pegawai)
    title = _("Ubah data pegawai") if pegawai else _("Tambah pegawai")
    return render(request, "organisasi/form.html", {"form": form, "title": title, "instansi": instansi})


@login_required
def penugasan_create(request, pk: int):
    pegawai = get_object_or_404(selectors.pegawai_detail(request.user), pk=pk)
    _require_admin(request, pegawai.instansi_id)
    form = PenugasanForm(request.POST or None, pegawai=pegawai)
    if request.method == "POST" and form.is_valid():
        services.save_penugasan(penugasan=form.save(commit=False), by=request.user)
        messages.success(request, _("Penugasan Plt/Plh disimpan; pejabat penilai diperbarui."))
        return redirect(pegawai)
    title = _("Penugasan Plt/Plh untuk %(nama)s") % {"nama": pegawai.nama_lengkap}
    return render(
        request, "organisasi/form.html", {"form": form, "title": title, "instansi": pegawai.instansi}
    )
