"""Angka kredit pages: "Angka kredit saya", one pejabat fungsional (conversions, accumulation,
projection, Konversi button, AK awal), the koefisien table, the PDF per year and the unit recap."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, unduhan
from kinerja.dokumen.pdf_konversi_ak import konversi_ak_pdf
from kinerja.dokumen.xlsx import XLSX
from kinerja.penilaian.selectors_hasil import penilaian_hasil
from kinerja.penilaian.workflow import WorkflowError
from kinerja.perencanaan.selectors_laporan import DiLuarJangkauan, lingkup_laporan

from . import angka_kredit as layanan
from . import selectors_ak as selectors
from .forms_ak import AkAwalForm, KoefisienForm
from .rekap_ak_xlsx import rekap_ak_xlsx


def _pegawai(request, pk: int):
    p = selectors.pegawai_ak(request.user, pk)
    if p is None:
        raise Http404
    return p


def _konteks(request, pegawai) -> dict:
    today = timezone.localdate()
    akum = layanan.akumulasi(pegawai)
    akses = akses_of(request.user)
    belum = selectors.belum_dikonversi(pegawai)
    return {
        "pegawai": pegawai,
        "fungsional": selectors.is_fungsional(pegawai),
        "akumulasi": akum,
        "proyeksi": selectors.proyeksi_untuk(pegawai, akum, layanan.koefisien_berlaku(today), today),
        "belum": [p for p in belum if selectors.boleh_konversi(request.user, p)],
        "boleh_ak_awal": akses.is_admin_of(pegawai.instansi_id),
    }


@login_required
def saya(request):
    akses = akses_of(request.user)
    konteks = _konteks(request, akses.pegawai) if akses.pegawai else {"pegawai": None, "fungsional": False}
    konteks["tim"] = list(selectors.tim_fungsional(request.user)[:200])
    konteks["saya"] = True
    return render(request, "tindak_lanjut/ak_pegawai.html", konteks)


@login_required
def pegawai(request, pk: int):
    return render(request, "tindak_lanjut/ak_pegawai.html", _konteks(request, _pegawai(request, pk)))


@login_required
@require_POST
def konversi(request, pk: int):
    p = penilaian_hasil(request.user, pk)
    if p is None:
        raise Http404
    if not selectors.boleh_konversi(request.user, p):
        raise PermissionDenied
    try:
        hasil = layanan.konversi(penilaian=layanan.untuk_konversi([p.pk]).get(), by=request.user)
        messages.success(request, _("Predikat dikonversi: %(ak)s angka kredit.") % {"ak": hasil.angka_kredit})
    except WorkflowError as e:
        messages.error(request, str(e))
    return redirect("tindak_lanjut:ak-pegawai", p.pegawai_id)


@login_required
def ak_awal(request, pk: int):
    pegawai = _pegawai(request, pk)
    if not akses_of(request.user).is_admin_of(pegawai.instansi_id):
        raise PermissionDenied
    awal = layanan.AngkaKreditAwal.objects.filter(pegawai=pegawai).first()
    initial = (
        {
            f: getattr(awal, f)
            for f in ("angka_kredit", "per_tanggal", "tmt_pangkat", "tmt_jenjang", "keterangan")
        }
        if awal
        else {}
    )
    form = AkAwalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            layanan.simpan_ak_awal(pegawai=pegawai, today=timezone.localdate(), **form.cleaned_data)
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Angka kredit awal disimpan."))
            return redirect("tindak_lanjut:ak-pegawai", pegawai.pk)
    return render(request, "tindak_lanjut/ak_awal.html", {"pegawai": pegawai, "form": form})


@login_required
def koefisien(request):
    return render(
        request,
        "tindak_lanjut/ak_koefisien.html",
        {"versi": selectors.versi_koefisien(), "boleh_tambah": akses_of(request.user).is_superadmin},
    )


@login_required
def koefisien_tambah(request):
    if not akses_of(request.user).is_superadmin:
        raise PermissionDenied
    form = KoefisienForm(request.POST or None, awal=layanan.koefisien_berlaku(timezone.localdate()))
    if request.method == "POST" and form.is_valid():
        try:
            layanan.tambah_versi_koefisien(
                berlaku_mulai=form.cleaned_data["berlaku_mulai"],
                nilai=form.nilai(),
                dasar=form.cleaned_data["dasar"],
            )
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Versi koefisien baru disimpan."))
            return redirect("tindak_lanjut:ak-koefisien")
    return render(request, "tindak_lanjut/ak_koefisien_tambah.html", {"form": form})


@login_required
def pdf(request, pk: int, tahun: int):
    pegawai = _pegawai(request, pk)
    try:
        isi = konversi_ak_pdf(pegawai, tahun)
    except WorkflowError as e:
        messages.error(request, str(e))
        return redirect("tindak_lanjut:ak-pegawai", pegawai.pk)
    return unduhan(isi, f"KonversiAngkaKredit_{tahun}_{pegawai.nip}.pdf", PDF)


@login_required
def rekap_xlsx(request):
    akses = akses_of(request.user)
    unit = request.GET.get("unit")
    try:
        lingkup = lingkup_laporan(
            request.user,
            tahun=timezone.localdate().year,
            unit_id=int(unit) if unit and unit.isdigit() else None,
        )
    except DiLuarJangkauan:
        raise Http404 from None
    if lingkup is None or not (akses.sees_whole_instansi(lingkup.instansi.pk) or akses.is_pejabat_penilai):
        raise PermissionDenied
    today = timezone.localdate()
    baris = selectors.rekap_ak(request.user, lingkup.unit_ids, today)
    nama_unit = lingkup.unit.nama if lingkup.unit else lingkup.instansi.nama
    isi = rekap_ak_xlsx(baris, judul=nama_unit, today=today)
    kode = lingkup.unit.kode if lingkup.unit else lingkup.instansi.kode
    return unduhan(isi, f"RekapAngkaKredit_{kode}_{today:%Y%m%d}.xlsx", XLSX)
