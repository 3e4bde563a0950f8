"""Realisasi pages: an SKP's periods with the progress per RHK, one period's rencana aksi, realisasi
and bukti dukung, the POST endpoints that write them, and the download of a bukti.

Outside the user's reach (the SKP's pegawai, their penilai and atasan, the admin instansi and the
pimpinan see it): 404. Visible but not theirs to write: 403 (services.PermissionDenied).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, RencanaHasilKerja, Skp

from . import selectors, services
from .berkas import EKSTENSI
from .forms import BuktiForm, RealisasiForm, RencanaAksiForm
from .models import BuktiDukung, Realisasi, RencanaAksi
from .services import PelaksanaanDitolak


def _skp(request, pk: int) -> Skp:
    skp = selectors.skp_terlihat(request.user, pk)
    if skp is None:
        raise Http404
    return skp


def _jadwal(skp: Skp, nomor: int) -> JadwalPeriode:
    jadwal = next((j for j in selectors.jadwal_skp(skp) if j.nomor == nomor), None)
    if jadwal is None:
        raise Http404
    return jadwal


def _halaman_periode(skp: Skp, jadwal: JadwalPeriode, anchor: str = "") -> str:
    url = reverse("pelaksanaan:periode", args=[skp.pk, jadwal.nomor])
    return f"{url}#{anchor}" if anchor else url


def _pesan_galat(request, form) -> None:
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


def _pemilik(request, skp: Skp) -> bool:
    me = akses_of(request.user).pegawai
    return me is not None and me.pk == skp.pegawai_id


def _status(jadwal: JadwalPeriode, today, final: bool) -> str:
    """A period's state on the SKP page: final, terbuka, belum (not started) or ditutup."""
    if final:
        return "final"
    if today < jadwal.tanggal_mulai:
        return "belum"
    return "terbuka" if selectors.periode_terbuka(jadwal, today) else "ditutup"


@login_required
def skp_view(request, skp_pk: int):
    skp = _skp(request, skp_pk)
    jadwal = selectors.jadwal_skp(skp)
    today = timezone.localdate()
    final = selectors.jadwal_final(skp.pk)
    rhk = selectors.halaman_skp(skp, jadwal)
    periode = [
        {
            "jadwal": j,
            "nama": selectors.nama_periode(j),
            "terisi": sum(r.kolom[i][0] for r in rhk),
            "rencana_aksi": sum(r.kolom[i][1] for r in rhk),
            "status": _status(j, today, j.pk in final),
            "alasan": selectors.alasan_terkunci(skp, j, today, final=j.pk in final),
        }
        for i, j in enumerate(jadwal)
    ]
    return render(
        request,
        "pelaksanaan/realisasi_skp.html",
        {
            "skp": skp,
            "periode_list": periode,
            "rhk_list": rhk,
            "jumlah_indikator": sum(len(r.indikator) for r in rhk),
            "dapat_diisi": selectors.skp_dapat_diisi(skp),
            "pemilik": _pemilik(request, skp),
        },
    )


@login_required
def periode_view(request, skp_pk: int, nomor: int):
    skp = _skp(request, skp_pk)
    jadwal_list = selectors.jadwal_skp(skp)
    jadwal = next((j for j in jadwal_list if j.nomor == nomor), None)
    if jadwal is None:
        raise Http404
    final = jadwal.pk in selectors.jadwal_final(skp.pk)
    alasan = selectors.alasan_terkunci(skp, jadwal, timezone.localdate(), final=final)
    dapat_menulis = _pemilik(request, skp) and not alasan
    return render(
        request,
        "pelaksanaan/realisasi_periode.html",
        {
            "skp": skp,
            "jadwal": jadwal,
            "jadwal_list": [(j, selectors.nama_periode(j)) for j in jadwal_list],
            "nama": selectors.nama_periode(jadwal),
            "rhk_list": selectors.halaman_periode(skp, jadwal),
            "alasan": alasan,
            "final": final,
            "dapat_menulis": dapat_menulis,
            "pemilik": _pemilik(request, skp),
            "batas_mb": settings.KINERJA_BUKTI_MAKS_MB,
            "ekstensi": ",".join(f".{e}" for e in EKSTENSI),
        },
    )


@login_required
@require_POST
def rencana_aksi_simpan(request, skp_pk: int, nomor: int):
    skp = _skp(request, skp_pk)
    jadwal = _jadwal(skp, nomor)
    form = RencanaAksiForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect(_halaman_periode(skp, jadwal))
    rhk = get_object_or_404(RencanaHasilKerja, pk=form.cleaned_data["rhk"], skp=skp)
    rencana_aksi = None
    if form.cleaned_data["rencana_aksi"]:
        rencana_aksi = get_object_or_404(RencanaAksi, pk=form.cleaned_data["rencana_aksi"], rhk__skp=skp)
    try:
        services.simpan_rencana_aksi(
            skp=skp,
            jadwal=jadwal,
            rhk=rhk,
            uraian=form.cleaned_data["uraian"],
            target=form.cleaned_data["target"],
            rencana_aksi=rencana_aksi,
            by=request.user,
        )
    except PelaksanaanDitolak as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Rencana aksi disimpan."))
    return redirect(_halaman_periode(skp, jadwal, f"rhk-{rhk.pk}"))


@login_required
@require_POST
def rencana_aksi_hapus(request, pk: int):
    rencana_aksi = get_object_or_404(RencanaAksi.objects.select_related("rhk", "jadwal"), pk=pk)
    skp = _skp(request, rencana_aksi.rhk.skp_id)
    rencana_aksi.rhk.skp = skp
    try:
        services.hapus_rencana_aksi(rencana_aksi=rencana_aksi, by=request.user)
    except PelaksanaanDitolak as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Rencana aksi dihapus."))
    return redirect(_halaman_periode(skp, rencana_aksi.jadwal, f"rhk-{rencana_aksi.rhk_id}"))


@login_required
@require_POST
def realisasi_simpan(request, skp_pk: int, nomor: int, indikator_pk: int):
    skp = _skp(request, skp_pk)
    jadwal = _jadwal(skp, nomor)
    indikator = get_object_or_404(
        IndikatorKinerjaIndividu.objects.select_related("rhk"), pk=indikator_pk, rhk__skp=skp
    )
    kembali = redirect(_halaman_periode(skp, jadwal, f"iki-{indikator.pk}"))
    form = RealisasiForm(request.POST, request.FILES)
    if not form.is_valid():
        _pesan_galat(request, form)
        return kembali
    try:
        services.simpan_realisasi(
            skp=skp,
            jadwal=jadwal,
            indikator=indikator,
            nilai=form.cleaned_data["nilai"],
            uraian=form.cleaned_data["uraian"],
            berkas=form.cleaned_data["berkas"],
            tautan=form.cleaned_data["tautan"],
            by=request.user,
        )
    except PelaksanaanDitolak as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Realisasi disimpan."))
    return kembali


def _realisasi(request, pk: int) -> Realisasi:
    realisasi = get_object_or_404(Realisasi.objects.select_related("jadwal", "indikator__rhk"), pk=pk)
    realisasi.indikator.rhk.skp = _skp(request, realisasi.indikator.rhk.skp_id)
    return realisasi


@login_required
@require_POST
def bukti_unggah(request, pk: int):
    realisasi = _realisasi(request, pk)
    skp = realisasi.indikator.rhk.skp
    form = BuktiForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.tambah_bukti(
                realisasi=realisasi,
                berkas=form.cleaned_data["berkas"],
                tautan=form.cleaned_data["tautan"],
                nama=form.cleaned_data["nama"],
                by=request.user,
            )
        except PelaksanaanDitolak as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Bukti dukung ditambahkan."))
    else:
        _pesan_galat(request, form)
    return redirect(_halaman_periode(skp, realisasi.jadwal, f"iki-{realisasi.indikator_id}"))


@login_required
@require_POST
def bukti_hapus(request, pk: int):
    bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi"), pk=pk)
    realisasi = _realisasi(request, bukti.realisasi_id)
    bukti.realisasi = realisasi
    try:
        services.hapus_bukti(bukti=bukti, by=request.user)
    except PelaksanaanDitolak as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Bukti dukung dihapus."))
    skp = realisasi.indikator.rhk.skp
    return redirect(_halaman_periode(skp, realisasi.jadwal, f"iki-{realisasi.indikator_id}"))


@login_required
def bukti_unduh(request, pk: int):
    """The stored file as an attachment with the content type read at upload; a link is followed."""
    bukti = selectors.bukti_terlihat(request.user, pk)
    if bukti is None:
        raise Http404
    if not bukti.berkas:
        return HttpResponseRedirect(bukti.tautan)
    try:
        isi = bukti.berkas.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("Berkas bukti dukung tidak ditemukan di penyimpanan.")) from None
    return FileResponse(
        isi,
        as_attachment=True,
        filename=bukti.nama,
        content_type=bukti.jenis or "application/octet-stream",
    )
