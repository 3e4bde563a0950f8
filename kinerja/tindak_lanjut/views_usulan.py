"""Usulan pengembangan kompetensi (list, form, withdraw, reject) and their Nota Dinas (gather, edit,
send, PDF)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, unduhan
from kinerja.penilaian.workflow import WorkflowError

from . import nota_dinas as layanan_nota
from . import selectors_usulan as selectors
from . import usulan as layanan
from .forms_usulan import NotaForm, UsulanFilterForm, UsulanForm
from .models import NotaDinasUsulan, StatusUsulan, UsulanPengembangan


def _usulan(request, pk: int) -> UsulanPengembangan:
    u = selectors.usulan_detail(request.user, pk)
    if u is None:
        raise Http404
    return u


def _nota(request, pk: int) -> NotaDinasUsulan:
    n = selectors.nota_detail(request.user, pk)
    if n is None:
        raise Http404
    return n


def _pesan_galat(request, form) -> None:
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


# --- usulan ------------------------------------------------------------------------------------------


@login_required
def usulan_list(request):
    filtro = UsulanFilterForm(request.GET)
    nilai = filtro.nilai()
    qs = selectors.daftar_usulan(
        request.user,
        lingkup=nilai.get("lingkup") or "",
        tahun=nilai.get("tahun"),
        status=nilai.get("status") or "",
    )
    page = Paginator(qs, settings.KINERJA_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            u,
            u.status == StatusUsulan.DIUSULKAN and layanan.dapat_mengubah(request.user, u),
            layanan.dapat_menolak(request.user, u),
        )
        for u in page
    ]
    return render(
        request,
        "tindak_lanjut/usulan_list.html",
        {"page": page, "rows": rows, "filter": filtro, "pegawai": akses_of(request.user).pegawai},
    )


def _form(request, data=None, **kwargs) -> UsulanForm:
    return UsulanForm(
        data,
        pegawai_qs=selectors.calon_pegawai(request.user),
        penilaian_qs=selectors.calon_penilaian(request.user),
        pembinaan_qs=selectors.calon_pembinaan(request.user),
        **kwargs,
    )


def _data(cd) -> layanan.DataUsulan:
    return layanan.DataUsulan(
        pegawai=cd["pegawai"],
        tahun=cd["tahun"],
        jenis=cd["jenis"],
        nama_kegiatan=cd["nama_kegiatan"],
        jp=cd["jp"],
        alasan=cd["alasan"],
        penilaian=cd.get("penilaian"),
        pembinaan=cd.get("pembinaan"),
    )


def _awal_dari_query(request) -> dict:
    """Prefill from the evaluation page (`?penilaian=`), a pembinaan (`?pembinaan=`) or a pegawai
    (`?pegawai=`); values out of the user's reach are ignored."""
    initial = {}

    def _pk(name):
        v = request.GET.get(name, "")
        return int(v) if v.isdigit() else None

    if (pk := _pk("penilaian")) and (p := selectors.calon_penilaian(request.user).filter(pk=pk).first()):
        initial |= {"penilaian": p.pk, "pegawai": p.pegawai_id, "tahun": p.periode.tahun}
    if (pk := _pk("pembinaan")) and (b := selectors.calon_pembinaan(request.user).filter(pk=pk).first()):
        initial |= {"pembinaan": b.pk, "pegawai": b.pegawai_id}
    pk = _pk("pegawai")
    if "pegawai" not in initial and pk and selectors.calon_pegawai(request.user).filter(pk=pk).exists():
        initial["pegawai"] = pk
    return initial


@login_required
def usulan_create(request):
    me = akses_of(request.user).pegawai
    if me is None:
        raise PermissionDenied(_("Hanya pegawai yang dapat membuat usulan pengembangan kompetensi."))
    if request.method == "POST":
        form = _form(request, request.POST)
        if form.is_valid():
            try:
                u = layanan.buat_usulan(data=_data(form.cleaned_data), by=request.user)
            except WorkflowError as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request,
                    _("Usulan pengembangan kompetensi untuk %(nama)s disimpan.")
                    % {"nama": u.pegawai.nama_lengkap},
                )
                return redirect("tindak_lanjut:usulan-list")
    else:
        form = _form(request, initial=_awal_dari_query(request) or {"pegawai": me.pk})
    return render(request, "tindak_lanjut/usulan_form.html", {"form": form, "usulan": None})


@login_required
def usulan_edit(request, pk: int):
    u = _usulan(request, pk)
    if not layanan.dapat_mengubah(request.user, u):
        raise PermissionDenied(_("Anda tidak dapat mengubah usulan ini."))
    if u.status != StatusUsulan.DIUSULKAN:
        messages.error(
            request,
            _("Usulan berstatus “%(status)s” tidak dapat diubah lagi.") % {"status": u.get_status_display()},
        )
        return redirect("tindak_lanjut:usulan-list")
    initial = {
        "pegawai": u.pegawai_id,
        "tahun": u.tahun,
        "jenis": u.jenis,
        "nama_kegiatan": u.nama_kegiatan,
        "jp": u.jp,
        "alasan": u.alasan,
        "penilaian": u.penilaian_id,
        "pembinaan": u.pembinaan_id,
    }
    form = _form(request, request.POST if request.method == "POST" else None, initial=initial)
    form.fields["pegawai"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            layanan.ubah_usulan(usulan=u, data=_data(form.cleaned_data), by=request.user)
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Usulan diperbarui."))
            return redirect("tindak_lanjut:usulan-list")
    return render(request, "tindak_lanjut/usulan_form.html", {"form": form, "usulan": u})


def _lakukan(request, aksi, sukses: str) -> bool:
    """Runs one service action: a refusal becomes an error message (nothing changed), success a
    success message."""
    try:
        aksi()
    except WorkflowError as e:
        messages.error(request, str(e))
        return False
    messages.success(request, sukses)
    return True


@login_required
@require_POST
def usulan_hapus(request, pk: int):
    u = _usulan(request, pk)
    _lakukan(request, lambda: layanan.hapus_usulan(usulan=u, by=request.user), _("Usulan dihapus."))
    return redirect("tindak_lanjut:usulan-list")


@login_required
@require_POST
def usulan_tolak(request, pk: int):
    u = _usulan(request, pk)
    _lakukan(request, lambda: layanan.tolak_usulan(usulan=u, by=request.user), _("Usulan tidak diteruskan."))
    return redirect("tindak_lanjut:usulan-list")


# --- nota dinas --------------------------------------------------------------------------------------


@login_required
def nota_list(request):
    page = Paginator(selectors.daftar_nota(request.user), settings.KINERJA_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "tindak_lanjut/nota_list.html", {"page": page, "pegawai": akses_of(request.user).pegawai}
    )


def _tahun(request) -> int:
    v = request.GET.get("tahun", "")
    return int(v) if v.isdigit() and 2000 <= int(v) <= 2100 else timezone.localdate().year


@login_required
def nota_create(request):
    me = akses_of(request.user).pegawai
    if me is None:
        raise PermissionDenied(_("Hanya pegawai yang dapat menyusun nota dinas usulan."))
    if request.method == "POST":
        form = NotaForm(request.POST)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                nota = layanan_nota.buat_nota(
                    by=request.user,
                    tahun=cd["tahun"],
                    kepada=cd["kepada"],
                    nomor=cd["nomor"],
                    tanggal=cd["tanggal"],
                    perihal=cd["perihal"],
                )
            except WorkflowError as e:
                form.add_error(None, str(e))
            else:
                messages.success(request, _("Draf nota dinas disusun dari usulan tim Anda."))
                return redirect("tindak_lanjut:nota-detail", pk=nota.pk)
        tahun = form.cleaned_data.get("tahun") or _tahun(request)
    else:
        tahun = _tahun(request)
        form = NotaForm(
            initial={
                "tahun": tahun,
                "kepada": layanan_nota.kepada_bawaan(me.instansi),
                "perihal": NotaDinasUsulan._meta.get_field("perihal").default,
            }
        )
    siap = list(
        layanan_nota.usulan_siap(me, tahun).select_related("pegawai__jabatan").order_by("pegawai__nama", "id")
    )
    return render(
        request, "tindak_lanjut/nota_form.html", {"form": form, "siap": siap, "tahun": tahun, "nota": None}
    )


def _boleh_ubah_nota(request, nota) -> bool:
    me = akses_of(request.user).pegawai
    return me is not None and me.pk == nota.pengirim_id


@login_required
def nota_detail(request, pk: int):
    nota = _nota(request, pk)
    pengirim = _boleh_ubah_nota(request, nota)
    return render(
        request,
        "tindak_lanjut/nota_detail.html",
        {
            "nota": nota,
            "usulan": list(nota.usulan_set.all()),
            "draf": nota.status == NotaDinasUsulan.Status.DRAF,
            "pengirim": pengirim,
        },
    )


@login_required
def nota_edit(request, pk: int):
    nota = _nota(request, pk)
    if not _boleh_ubah_nota(request, nota):
        raise PermissionDenied(_("Hanya penyusun nota dinas yang dapat mengubahnya."))
    if nota.status != NotaDinasUsulan.Status.DRAF:
        messages.error(request, _("Nota dinas yang sudah dikirim tidak dapat diubah."))
        return redirect("tindak_lanjut:nota-detail", pk=nota.pk)
    initial = {"kepada": nota.kepada, "nomor": nota.nomor, "tanggal": nota.tanggal, "perihal": nota.perihal}
    form = NotaForm(request.POST if request.method == "POST" else None, initial=initial, ubah=True)
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            layanan_nota.ubah_nota(
                nota=nota,
                by=request.user,
                kepada=cd["kepada"],
                nomor=cd["nomor"],
                tanggal=cd["tanggal"],
                perihal=cd["perihal"],
            )
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Nota dinas diperbarui."))
            return redirect("tindak_lanjut:nota-detail", pk=nota.pk)
    return render(request, "tindak_lanjut/nota_form.html", {"form": form, "nota": nota, "tahun": nota.tahun})


@login_required
@require_POST
def nota_kirim(request, pk: int):
    nota = _nota(request, pk)
    _lakukan(
        request,
        lambda: layanan_nota.kirim_nota(nota=nota, by=request.user),
        _("Nota dinas dikirim ke Analis SDM."),
    )
    return redirect("tindak_lanjut:nota-detail", pk=nota.pk)


@login_required
@require_POST
def nota_hapus(request, pk: int):
    nota = _nota(request, pk)
    if _lakukan(
        request,
        lambda: layanan_nota.hapus_nota(nota=nota, by=request.user),
        _("Draf nota dinas dihapus; usulannya kembali menunggu."),
    ):
        return redirect("tindak_lanjut:nota-list")
    return redirect("tindak_lanjut:nota-detail", pk=nota.pk)


@login_required
def nota_pdf(request, pk: int):
    from kinerja.dokumen.pdf_nota_dinas import nama_berkas_nota, nota_dinas_pdf

    nota = _nota(request, pk)
    return unduhan(nota_dinas_pdf(nota), nama_berkas_nota(nota), PDF)
