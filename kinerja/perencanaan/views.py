"""SKP pages: "SKP saya", the SKP itself (contents, workflow, history), the penilai's inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.aturan import BERAKHLAK, JenisRumusan, klasifikasi_rumusan
from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, nama_berkas_skp, unduhan

from . import halaman, selectors, services
from .forms import (
    AksiForm,
    BukaSkpForm,
    IndikatorForm,
    LampiranForm,
    PindahJabatanForm,
    RencanaHasilKerjaForm,
)
from .models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from .selectors_pk import sasaran_untuk_skp
from .validasi import masalah_pengajuan
from .workflow import TRANSISI, Aksi, Peran, StatusSkp, TransisiDitolak


def _skp(request, pk) -> Skp:
    skp = selectors.skp_dasar(request.user, pk)
    if skp is None:
        raise Http404
    return skp


def _rhk(request, pk) -> RencanaHasilKerja:
    return get_object_or_404(
        RencanaHasilKerja.objects.filter(skp__in=selectors.visible_skp(request.user)), pk=pk
    )


def _pesan_galat(request, form) -> None:
    """Every error of a form posted from the SKP page, as a message shown back on that page."""
    for errors in form.errors.values():
        for e in errors:
            messages.error(request, e)


def _require_owner_edit(request, skp: Skp) -> None:
    if Peran.PEGAWAI not in services.peran_atas(skp, request.user):
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat mengubah isinya."))
    if not skp.dapat_diubah:
        raise PermissionDenied(_("SKP yang sudah diajukan atau disetujui tidak dapat diubah."))


@login_required
def skp_saya(request):
    akses = akses_of(request.user)
    form = BukaSkpForm(request.POST or None, initial={"tahun": timezone.localdate().year})
    if request.method == "POST":
        if akses.pegawai is None:
            raise PermissionDenied(_("Akun ini tidak terhubung dengan data pegawai."))
        if form.is_valid():
            periode = services.periode_tahun(akses.pegawai.instansi, form.cleaned_data["tahun"])
            try:
                if form.cleaned_data["salin"]:
                    skp = services.salin_tahun_lalu(pegawai=akses.pegawai, periode=periode, by=request.user)
                else:
                    skp = services.buka_skp(
                        pegawai=akses.pegawai,
                        periode=periode,
                        pendekatan=form.cleaned_data["pendekatan"],
                        by=request.user,
                    )
            except TransisiDitolak as e:
                messages.error(request, str(e))
            else:
                messages.success(request, _("SKP %(tahun)s dibuat sebagai draf.") % {"tahun": periode.tahun})
                return redirect(skp)
    return render(
        request, "perencanaan/skp_saya.html", {"skp_list": selectors.skp_saya(request.user), "form": form}
    )


@login_required
def skp_detail(request, pk: int):
    skp = _skp(request, pk)
    peran = services.peran_atas(skp, request.user)
    rhk = halaman.baris_rhk(skp)
    can_edit = Peran.PEGAWAI in peran and skp.dapat_diubah
    if can_edit:
        for r in rhk:  # one form per RHK, with ids of its own (labels must point at the right input)
            r.indikator_form = IndikatorForm(skp=skp, auto_id=f"iki-{r.pk}-%s")
    boleh = [a for (status, a), (_ke, siapa) in TRANSISI.items() if status == skp.status and siapa & peran]
    aksi = [a for a in boleh if a != Aksi.TUTUP]  # closing is the change of position's own form
    ekspektasi = halaman.ekspektasi(skp)
    return render(
        request,
        "perencanaan/skp_detail.html",
        {
            "skp": skp,
            "utama": [r for r in rhk if r.jenis == RencanaHasilKerja.Jenis.UTAMA],
            "tambahan": [r for r in rhk if r.jenis == RencanaHasilKerja.Jenis.TAMBAHAN],
            "perilaku": [(i, nilai, ekspektasi.get(i, "")) for i, nilai in enumerate(BERAKHLAK)],
            "riwayat": halaman.riwayat(skp),
            "can_edit": can_edit,
            "can_edit_ekspektasi": Peran.PENILAI in peran
            and skp.status in (StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN),
            "aksi": aksi,
            "rhk_form": RencanaHasilKerjaForm(
                instance=RencanaHasilKerja(skp=skp),
                intervensi_qs=selectors.rhk_atasan(skp),
                sasaran_qs=sasaran_untuk_skp(skp),
            )
            if can_edit
            else None,
            "lampiran_form": LampiranForm(instance=skp.lampiran) if can_edit else None,
            "masalah": masalah_pengajuan(skp) if can_edit else [],
            "pindah_form": PindahJabatanForm() if Aksi.TUTUP in boleh else None,
            "tampil_matriks": Peran.PEGAWAI not in peran or akses_of(request.user).is_pejabat_penilai,
        },
    )


@login_required
def skp_pdf(request, pk: int):
    from kinerja.dokumen.pdf import skp_pdf as render

    skp = _skp(request, pk)
    return unduhan(render(skp), nama_berkas_skp(skp, "SKP", "pdf"), PDF)


@login_required
@require_POST
def skp_aksi(request, pk: int):
    skp = _skp(request, pk)
    form = AksiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect(skp)
    try:
        hasil = services.jalankan(
            skp, form.cleaned_data["aksi"], by=request.user, catatan=form.cleaned_data["catatan"]
        )
    except services.SkpDitolak as e:
        for m in e.masalah:
            messages.error(request, m)
        return redirect(skp)
    except TransisiDitolak as e:
        if "Hanya" in str(e):
            raise PermissionDenied(str(e)) from e
        messages.error(request, str(e))
        return redirect(skp)
    messages.success(request, _("SKP %(status)s.") % {"status": StatusSkp(hasil.status).label.lower()})
    nxt = request.POST.get("next", "")
    return redirect(nxt if nxt.startswith("/") and not nxt.startswith("//") else hasil)


@login_required
@require_POST
def rhk_tambah(request, pk: int):
    skp = _skp(request, pk)
    _require_owner_edit(request, skp)
    form = RencanaHasilKerjaForm(
        request.POST,
        instance=RencanaHasilKerja(skp=skp),
        intervensi_qs=selectors.rhk_atasan(skp),
        sasaran_qs=sasaran_untuk_skp(skp),
    )
    if form.is_valid():
        rhk = form.save(commit=False)
        rhk.urutan = skp.rhk_set.filter(jenis=rhk.jenis).count() + 1
        rhk.save()
        messages.success(request, _("Rencana hasil kerja ditambahkan."))
    else:
        _pesan_galat(request, form)
    return redirect(skp)


@login_required
@require_POST
def indikator_tambah(request, pk: int):
    rhk = _rhk(request, pk)
    skp = _skp(request, rhk.skp_id)
    _require_owner_edit(request, skp)
    form = IndikatorForm(request.POST, skp=skp, instance=IndikatorKinerjaIndividu(rhk=rhk))
    if form.is_valid():
        iki = form.save(commit=False)
        iki.urutan = rhk.indikator_set.count() + 1
        iki.save()
        messages.success(request, _("Indikator ditambahkan."))
    else:
        _pesan_galat(request, form)
    return redirect(skp)


@login_required
@require_POST
def rhk_hapus(request, pk: int):
    rhk = _rhk(request, pk)
    skp = _skp(request, rhk.skp_id)
    _require_owner_edit(request, skp)
    rhk.delete()
    messages.success(request, _("Rencana hasil kerja dihapus."))
    return redirect(skp)


@login_required
@require_POST
def indikator_hapus(request, pk: int):
    iki = get_object_or_404(
        IndikatorKinerjaIndividu.objects.filter(rhk__skp__in=selectors.visible_skp(request.user)), pk=pk
    )
    skp = _skp(request, iki.rhk.skp_id)
    _require_owner_edit(request, skp)
    iki.delete()
    messages.success(request, _("Indikator dihapus."))
    return redirect(skp)


@login_required
@require_POST
def lampiran_simpan(request, pk: int):
    skp = _skp(request, pk)
    _require_owner_edit(request, skp)
    form = LampiranForm(request.POST, instance=skp.lampiran)
    if form.is_valid():
        form.save()
        messages.success(request, _("Lampiran SKP disimpan."))
    else:
        _pesan_galat(request, form)
    return redirect(skp)


@login_required
@require_POST
def ekspektasi_simpan(request, pk: int):
    skp = _skp(request, pk)
    if Peran.PENILAI not in services.peran_atas(skp, request.user):
        raise PermissionDenied(_("Ekspektasi khusus pimpinan ditulis oleh pejabat penilai kinerja."))
    if skp.status not in (StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN):
        raise PermissionDenied(_("SKP yang sudah disetujui tidak dapat diubah."))
    with transaction.atomic():
        for e in skp.ekspektasi_set.all():
            teks = request.POST.get(f"ekspektasi-{e.nilai}")
            if teks is not None:
                e.ekspektasi_khusus = teks.strip()[:2000]
                e.save(update_fields=["ekspektasi_khusus", "updated_at"])
    messages.success(request, _("Ekspektasi khusus pimpinan disimpan."))
    return redirect(skp)


@login_required
def inbox(request):
    tahun = request.GET.get("tahun")
    skp_list = list(
        selectors.inbox_penilai(request.user, tahun=int(tahun) if tahun and tahun.isdigit() else None)
    )
    return render(
        request,
        "perencanaan/inbox.html",
        {
            "menunggu": [s for s in skp_list if s.status == StatusSkp.DIAJUKAN],
            "lainnya": [s for s in skp_list if s.status != StatusSkp.DIAJUKAN],
        },
    )


@login_required
def klasifikasi(request):
    """htmx: advice on how a rencana hasil kerja is written (never blocks; seed 004)."""
    teks = request.GET.get("uraian", "").strip()
    if len(teks) < 4:
        return HttpResponse("")
    hasil = klasifikasi_rumusan(teks)
    css = "success" if hasil.jenis == JenisRumusan.PENCAPAIAN else "warning"
    return HttpResponse(
        format_html(
            '<div class="small text-{}"><i class="bi bi-lightbulb"></i> {}: {}</div>',
            css,
            hasil.jenis.label,
            hasil.alasan,
        )
    )


@login_required
@require_POST
def skp_pindah(request, pk: int):
    """A mid-year change of position: closes this SKP the day before and opens a draft from that date
    for the pegawai's (already updated) jabatan."""
    skp = _skp(request, pk)
    if Peran.ADMIN not in services.peran_atas(skp, request.user):
        raise PermissionDenied(_("Pindah jabatan dicatat oleh admin instansi."))
    form = PindahJabatanForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form)
        return redirect(skp)
    try:
        baru = services.pindah_jabatan(skp=skp, tanggal=form.cleaned_data["tanggal"], by=request.user)
    except TransisiDitolak as e:
        messages.error(request, str(e))
        return redirect(skp)
    messages.success(request, _("SKP lama ditutup; SKP baru dibuka sebagai draf."))
    return redirect(baru)
