"""The capaian kinerja organisasi page: the units whose capaian the user sets, per evaluation period,
the pattern each capaian implies (also as an htmx fragment when the choice changes), and the save."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.aturan import CapaianOrganisasi
from kinerja.organisasi.selectors import visible_unit
from kinerja.perencanaan.models import PeriodeKinerja
from kinerja.perencanaan.selectors_laporan import DiLuarJangkauan, lingkup_laporan

from . import capaian as svc
from .distribusi import ringkasan_distribusi
from .forms_capaian import CapaianForm, PeriodeFilterForm
from .struktur import dapat_menetapkan_capaian
from .workflow import WorkflowError


def filter_periode(request) -> dict:
    """The valid GET filters (tahun defaults to this year); each invalid one is reported and dropped."""
    form = PeriodeFilterForm(request.GET)
    form.is_valid()
    for name in form.errors:
        messages.warning(
            request,
            _("Filter %(nama)s “%(nilai)s” tidak valid dan diabaikan.")
            % {"nama": form.fields[name].label, "nilai": request.GET.get(name, "")[:40]},
        )
    data = {name: None if name in form.errors else form.cleaned_data.get(name) for name in form.fields}
    data["tahun"] = data["tahun"] or timezone.localdate().year
    return data


def periode_terpilih(request, periode: PeriodeKinerja | None, nomor: int | None):
    """(every evaluation period of the year, the chosen one) or ([], None) without a periode."""
    if periode is None:
        return [], None
    semua = svc.periode_penilaian(periode)
    pilihan, dikenal = svc.pilih_periode(semua, nomor, timezone.localdate())
    if not dikenal:
        messages.warning(
            request,
            _("Periode penilaian ke-%(nomor)s tidak ada pada tahun %(tahun)s; ditampilkan %(label)s.")
            % {"nomor": nomor, "tahun": periode.tahun, "label": pilihan.label},
        )
    return semua, pilihan


def tahun_list(tahun: int) -> list[int]:
    ini = timezone.localdate().year
    return sorted({*range(ini - 3, ini + 2), tahun}, reverse=True)


@login_required
def capaian_list(request):
    data = filter_periode(request)
    try:
        lingkup = lingkup_laporan(request.user, tahun=data["tahun"], instansi_id=data["instansi"])
    except DiLuarJangkauan:
        raise Http404 from None
    context = {"lingkup": lingkup, "tahun": data["tahun"], "tahun_list": tahun_list(data["tahun"])}
    if lingkup is not None:
        periode = PeriodeKinerja.objects.filter(instansi=lingkup.instansi, tahun=data["tahun"]).first()
        semua, pilihan = periode_terpilih(request, periode, data["nomor"])
        context |= {"periode": periode, "periode_list": semua, "pilihan": pilihan}
        if pilihan is not None:
            context["daftar"] = svc.daftar_capaian(
                request.user, units=lingkup.units, periode=periode, pilihan=pilihan, semua=semua
            )
            context["capaian_choices"] = CapaianOrganisasi.choices()
    return render(request, "penilaian/capaian.html", context)


@login_required
@require_POST
def capaian_simpan(request):
    unit_id = request.POST.get("unit", "")
    if not unit_id.isdigit():
        raise Http404
    unit = get_object_or_404(visible_unit(request.user).select_related("instansi"), pk=int(unit_id))
    if not dapat_menetapkan_capaian(request.user, unit):
        raise PermissionDenied(
            _("Anda tidak berwenang menetapkan capaian organisasi %(unit)s.") % {"unit": unit.nama}
        )
    form = CapaianForm(request.POST)
    tahun, nomor = request.POST.get("tahun", ""), request.POST.get("nomor", "")
    kembali = reverse("penilaian:capaian")
    if tahun.isdigit() and nomor.isdigit():
        kembali += f"?instansi={unit.instansi_id}&tahun={tahun}&nomor={nomor}"
    kembali += f"#unit-{unit.pk}"
    if not form.is_valid():
        for errors in form.errors.values():
            for e in errors:
                messages.error(request, e)
        return redirect(kembali)
    data = form.cleaned_data
    periode = PeriodeKinerja.objects.filter(instansi=unit.instansi, tahun=data["tahun"]).first()
    if periode is None:
        messages.error(request, _("Periode kinerja tahun %(tahun)s belum dibuat.") % {"tahun": data["tahun"]})
        return redirect(kembali)
    jadwal = None
    if data["nomor"] != svc.TAHUNAN:
        jadwal = periode.jadwal_set.filter(nomor=data["nomor"]).first()
        if jadwal is None:
            messages.error(
                request,
                _("Periode penilaian ke-%(nomor)s tidak ada pada tahun %(tahun)s.")
                % {"nomor": data["nomor"], "tahun": periode.tahun},
            )
            return redirect(kembali)
    try:
        hasil = svc.tetapkan_capaian(
            unit=unit,
            periode=periode,
            jadwal=jadwal,
            capaian=data["capaian"],
            dasar=data["dasar"],
            by=request.user,
        )
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            _("Capaian organisasi %(unit)s untuk %(periode)s: %(capaian)s.")
            % {
                "unit": unit.nama,
                "periode": svc.label_periode(periode, jadwal),
                "capaian": hasil.get_capaian_display(),
            },
        )
    return redirect(kembali)


@login_required
def capaian_pola(request):
    """The pattern a capaian implies, in words and as a chart (htmx fragment of the capaian form)."""
    nilai = request.GET.get("capaian", "")
    ringkasan, galat, status = None, "", 200
    if nilai:
        try:
            ringkasan = ringkasan_distribusi({}, CapaianOrganisasi(nilai))
        except ValueError:
            galat, status = _("Capaian organisasi “%(nilai)s” tidak dikenal.") % {"nilai": nilai[:40]}, 400
    return render(
        request, "penilaian/capaian_pola.html", {"ringkasan": ringkasan, "galat": galat}, status=status
    )
