"""Pembinaan pages (list, proposal, detail with the forms of whoever may act now, the actions, the
Laporan hasil pembinaan PDF) and the penghargaan and sanksi records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, unduhan
from kinerja.organisasi.models import Pegawai
from kinerja.penilaian.workflow import WorkflowError

from . import pembinaan as layanan
from . import penghargaan as catatan
from . import selectors_pembinaan as selectors
from .forms_pembinaan import (
    FORM_AKSI,
    FilterPembinaanForm,
    PembinaanBaruForm,
    PenghargaanForm,
    SanksiForm,
)
from .models import Pembinaan, StatusPembinaan
from .pembinaan import LABEL_AKSI, AksiPembinaan, PeranPembinaan

PER_HALAMAN = 50


def _pembinaan(request, pk: int) -> Pembinaan:
    p = selectors.pembinaan_detail(request.user, pk)
    if p is None:
        raise Http404
    return p


def _tim(user):
    me = akses_of(user).pegawai
    if me is None:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(pejabat_penilai_id=me.pk, aktif=True)


def _pesan_galat(request, form) -> None:
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


def _saring(request) -> str:
    """The list's filters as a query-string prefix for the page links."""
    q = request.GET.copy()
    q.pop("page", None)
    return q.urlencode() + "&" if q else ""


@login_required
def daftar(request):
    akses = akses_of(request.user)
    instansi_id = (
        akses.instansi_id if akses.instansi_id and akses.sees_whole_instansi(akses.instansi_id) else None
    )
    form = FilterPembinaanForm(request.GET or None, instansi_id=instansi_id)
    status, unit_id = "", None
    if form.is_bound and form.is_valid():
        status = form.cleaned_data["status"]
        unit = form.cleaned_data.get("unit")
        unit_id = unit.pk if unit else None
    qs = selectors.daftar_pembinaan(request.user, status=status, unit_id=unit_id)
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    return render(
        request,
        "tindak_lanjut/pembinaan_list.html",
        {
            "page": page,
            "form": form,
            "me": akses.pegawai.pk if akses.pegawai else None,
            "dapat_mengusulkan": akses.is_pejabat_penilai,
            "saring": _saring(request),
        },
    )


@login_required
def tambah(request):
    tim = _tim(request.user)
    if not akses_of(request.user).is_pejabat_penilai:
        raise PermissionDenied(_("Hanya pejabat penilai yang dapat mengusulkan pembinaan bagi timnya."))
    form = PembinaanBaruForm(request.POST or None, pegawai_qs=tim)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = layanan.buat_pembinaan(
                pegawai=d["pegawai"],
                jenis=d["jenis"],
                permasalahan=d["permasalahan"],
                penilaian=d["penilaian"],
                by=request.user,
            )
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Pembinaan diusulkan."))
            return redirect("tindak_lanjut:pembinaan-detail", pk=p.pk)
    return render(request, "tindak_lanjut/pembinaan_form.html", {"form": form})


@login_required
def detail(request, pk: int):
    p = _pembinaan(request, pk)
    peran = layanan.peran_pembinaan(p, request.user)
    forms = {a.value: FORM_AKSI[a](prefix=a.value) for a in layanan.aksi_tersedia(p, peran)}
    return render(
        request,
        "tindak_lanjut/pembinaan_detail.html",
        {
            "p": p,
            "sesi": list(p.sesi_set.all()),
            "forms": forms,
            "label_aksi": {a.value: LABEL_AKSI[a] for a in AksiPembinaan},
            "riwayat": selectors.riwayat_pembinaan(p),
            "is_pembina": PeranPembinaan.PEMBINA in peran,
            "ada_laporan": p.status in (StatusPembinaan.BERJALAN, StatusPembinaan.SELESAI),
        },
    )


@login_required
@require_POST
def aksi(request, pk: int):
    p = _pembinaan(request, pk)
    try:
        nama = AksiPembinaan(request.POST.get("aksi", ""))
    except ValueError:
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("tindak_lanjut:pembinaan-detail", pk=p.pk)
    peran = layanan.peran_pembinaan(p, request.user)
    if not layanan.boleh_sama_sekali(nama, peran):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini atas pembinaan tersebut."))
    form = FORM_AKSI[nama](request.POST, prefix=nama.value)
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect("tindak_lanjut:pembinaan-detail", pk=p.pk)
    d = form.cleaned_data
    try:
        if nama == AksiPembinaan.MULAI:
            layanan.mulai_pembinaan(pembinaan=p, by=request.user, **d)
            pesan = _("Pembinaan dimulai.")
        elif nama == AksiPembinaan.SESI:
            layanan.catat_sesi(pembinaan=p, by=request.user, **d)
            pesan = _("Sesi pembinaan dicatat.")
        elif nama == AksiPembinaan.TUTUP:
            layanan.tutup_pembinaan(pembinaan=p, by=request.user, **d)
            pesan = _("Pembinaan selesai; laporan hasil pembinaan dikirim ke Analis SDM.")
        else:
            layanan.batalkan_pembinaan(pembinaan=p, by=request.user, alasan=d["alasan"])
            pesan = _("Pembinaan dibatalkan.")
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, pesan)
    return redirect("tindak_lanjut:pembinaan-detail", pk=p.pk)


@login_required
def pdf(request, pk: int):
    from kinerja.dokumen.pdf_pembinaan import laporan_pembinaan_pdf, nama_berkas_laporan

    p = _pembinaan(request, pk)
    if p.status not in (StatusPembinaan.BERJALAN, StatusPembinaan.SELESAI):
        messages.error(request, _("Laporan hasil pembinaan tersedia setelah pembinaan dimulai."))
        return redirect("tindak_lanjut:pembinaan-detail", pk=p.pk)
    sesi = list(p.sesi_set.all())
    return unduhan(laporan_pembinaan_pdf(p, sesi), nama_berkas_laporan(p), PDF)


# --- penghargaan and sanksi -----------------------------------------------------------------------


def _pegawai_filter(request) -> int | None:
    try:
        return int(request.GET["pegawai"])
    except (KeyError, ValueError):
        return None


def _catatan_list(request, rows, template: str, dapat_mencatat: bool):
    page = Paginator(rows, PER_HALAMAN).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "dapat_mencatat": dapat_mencatat})


@login_required
def penghargaan_list(request):
    rows = selectors.penghargaan_terlihat(request.user, pegawai_id=_pegawai_filter(request))
    boleh = catatan.pegawai_penghargaan(request.user).exists()
    return _catatan_list(request, rows, "tindak_lanjut/penghargaan_list.html", boleh)


@login_required
def sanksi_list(request):
    rows = selectors.sanksi_terlihat(request.user, pegawai_id=_pegawai_filter(request))
    boleh = catatan.pegawai_sanksi(request.user).exists()
    return _catatan_list(request, rows, "tindak_lanjut/sanksi_list.html", boleh)


def _initial_pegawai(request) -> dict:
    pk = _pegawai_filter(request)
    return {"pegawai": pk} if pk else {}


@login_required
def penghargaan_tambah(request):
    pegawai_qs = catatan.pegawai_penghargaan(request.user)
    if not pegawai_qs.exists():
        raise PermissionDenied(_("Anda tidak berwenang mencatat penghargaan."))
    form = PenghargaanForm(request.POST or None, pegawai_qs=pegawai_qs, initial=_initial_pegawai(request))
    if request.method == "POST" and form.is_valid():
        try:
            catatan.catat_penghargaan(by=request.user, **form.cleaned_data)
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Penghargaan dicatat."))
            return redirect("tindak_lanjut:penghargaan-list")
    return render(request, "tindak_lanjut/penghargaan_form.html", {"form": form})


@login_required
def sanksi_tambah(request):
    pegawai_qs = catatan.pegawai_sanksi(request.user)
    if not pegawai_qs.exists():
        raise PermissionDenied(_("Sanksi hanya dapat dicatat oleh admin instansi (Analis SDM)."))
    form = SanksiForm(request.POST or None, pegawai_qs=pegawai_qs, initial=_initial_pegawai(request))
    if request.method == "POST" and form.is_valid():
        try:
            catatan.catat_sanksi(by=request.user, **form.cleaned_data)
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Sanksi dicatat."))
            return redirect("tindak_lanjut:sanksi-list")
    return render(request, "tindak_lanjut/sanksi_form.html", {"form": form})
