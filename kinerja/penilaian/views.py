"""Rating pages: the penilaian of one SKP in one period (nomor 0 = the annual one) with the live
suggestion and predikat, and the pejabat penilai's team per period with its finalisation."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.aturan import (
    CapaianOrganisasi,
    Predikat,
    RatingKerja,
    predikat_kinerja,
    rating_hasil_kerja_pimpinan,
)
from kinerja.core.access import akses_of
from kinerja.perencanaan.models import JadwalPeriode, PeriodeKinerja, RencanaHasilKerja, Skp
from kinerja.perencanaan.periode import nama_jadwal
from kinerja.perencanaan.selectors import skp_dasar

from . import selectors, services
from .forms import FinalisasiForm, PenilaianForm, TimFilterForm
from .models import PengaturanPenilaian, Penilaian
from .workflow import WorkflowError


@dataclass
class Akses:
    skp: Skp
    jadwal: JadwalPeriode | None
    nomor: int
    penilaian: Penilaian | None
    sendiri: bool  # the pegawai looking at their own (final) penilaian
    penilai: bool  # the pejabat penilai of this penilaian (or of the SKP, before it is opened)

    @property
    def boleh_ubah(self) -> bool:
        return self.penilai and not (self.penilaian and self.penilaian.final)


def _akses(request, skp_pk: int, nomor: int) -> Akses:
    """The SKP (404 outside the user's scope), the period (404 if not of its year) and who the user is
    for this penilaian. The pegawai sees their own only once it is final (404 while draft)."""
    skp = skp_dasar(request.user, skp_pk)
    if skp is None:
        raise Http404
    jadwal = None if nomor == 0 else get_object_or_404(JadwalPeriode, periode_id=skp.periode_id, nomor=nomor)
    penilaian = selectors.penilaian_skp(skp, jadwal)
    me = akses_of(request.user).pegawai
    sendiri = me is not None and me.pk == skp.pegawai_id
    if sendiri and not (penilaian and penilaian.final):
        raise Http404
    if penilaian is not None:
        penilai_id = penilaian.pejabat_penilai_id
    else:
        penilai = services.penilai_skp(skp)
        penilai_id = penilai.pk if penilai else None
    return Akses(skp, jadwal, nomor, penilaian, sendiri, me is not None and me.pk == penilai_id)


def _pesan(request, error: Exception) -> None:
    for m in error.messages if isinstance(error, ValidationError) else [str(error)]:
        messages.error(request, m)


def _pratinjau(jenis_rhk: dict[int, str], form: PenilaianForm, rating_tetap: RatingKerja | None) -> dict:
    """The suggested rating hasil kerja and the predikat of the current selects (valid values only)."""
    if form.is_bound:
        form.is_valid()  # cleaned_data keeps the valid fields only
        data = form.cleaned_data
    else:
        data = form.initial
    ratings = {pk: data.get(f"rhk_{pk}") or "" for pk in jenis_rhk}
    hasil = rating_tetap or _sebagai_rating(data.get("rating_hasil_kerja"))
    perilaku = _sebagai_rating(data.get("rating_perilaku"))
    predikat = predikat_kinerja(hasil, perilaku) if hasil and perilaku else None
    return {"saran": services.saran_dari(jenis_rhk, ratings), "predikat": predikat}


def _sebagai_rating(value) -> RatingKerja | None:
    try:
        return RatingKerja(value) if value else None
    except ValueError:
        return None


def _terkunci(a: Akses, hal: selectors.HalamanNilai) -> str:
    """Why the user cannot fill in this penilaian now ("" when they can), for the page."""
    if a.penilaian is not None and a.penilaian.final:
        return _("Penilaian ini sudah difinalisasi dan terkunci.")
    if not a.penilai:
        nama = hal.penilai.nama_lengkap if hal.penilai else _("(belum ditetapkan)")
        return _("Hanya pejabat penilai (%(nama)s) yang dapat mengisi penilaian ini.") % {"nama": nama}
    if a.penilaian is None:
        if not services.skp_dapat_dinilai(a.skp):
            return _("SKP ini belum disetujui; penilaian dibuka setelah SKP disetujui.")
        if a.jadwal is not None and not services.jadwal_berlaku_untuk_skp(a.skp, a.jadwal):
            return _("SKP ini tidak berlaku pada %(periode)s.") % {"periode": hal.label}
        if not hal.sudah_dimulai:
            return _("Penilaian %(periode)s baru dapat dibuka mulai %(tanggal)s.") % {
                "periode": hal.label,
                "tanggal": date_format(hal.mulai, "j F Y") if hal.mulai else "—",
            }
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def nilai(request, skp_pk: int, nomor: int):
    """The rating page: what the penilai weighs per RHK and per BerAKHLAK value, the ratings and the
    predikat. Only the pejabat penilai edits; the pegawai is sent to the result once it is final."""
    a = _akses(request, skp_pk, nomor)
    if a.sendiri:
        return redirect("penilaian:hasil", a.penilaian.pk)
    hal = selectors.halaman_nilai(a.skp, a.jadwal, a.penilaian)
    terkunci = _terkunci(a, hal)
    rating_tetap = hal.rating_pimpinan
    form_kwargs = {"rhk_ids": [r.rhk.pk for r in hal.rhk], "hasil_tetap": hal.dipimpin is not None}
    initial = PenilaianForm.awal(a.penilaian, hal.rhk)
    if rating_tetap is not None and not terkunci:
        initial["rating_hasil_kerja"] = rating_tetap.value
    if request.method == "POST":
        if not a.penilai:
            raise PermissionDenied(_("Hanya pejabat penilai pegawai ini yang dapat mengisi penilaiannya."))
        form = PenilaianForm(request.POST, initial=initial, **form_kwargs)
        if terkunci:
            messages.error(request, terkunci)
        elif form.is_valid():
            try:
                with transaction.atomic():
                    p = a.penilaian or services.buka_penilaian(a.skp, a.jadwal, request.user)
                    services.simpan_penilaian(p, **form.nilai_layanan(), by=request.user)
            except (WorkflowError, ValidationError) as e:
                _pesan(request, e)
            else:
                messages.success(request, _("Penilaian %(periode)s disimpan.") % {"periode": hal.label})
                return redirect(request.path)
        else:
            messages.error(request, _("Periksa kembali isian penilaian."))
    else:
        form = PenilaianForm(initial=initial, **form_kwargs)
    for r in hal.rhk:
        r.field_rating, r.field_catatan = form[f"rhk_{r.rhk.pk}"], form[f"catatan_{r.rhk.pk}"]
    if terkunci:  # what is stored, not what the capaian would give today
        p = a.penilaian
        pratinjau = {
            "saran": services.saran(p) if p else None,
            "predikat": Predikat(p.predikat) if p and p.predikat else None,
        }
    else:
        pratinjau = _pratinjau(hal.jenis_rhk, form, rating_tetap)
    jadwal_list = selectors.jadwal_periode(a.skp.periode)
    return render(
        request,
        "penilaian/nilai.html",
        {
            "a": a,
            "skp": a.skp,
            "hal": hal,
            "form": form,
            "terkunci": terkunci,
            "isi": not terkunci,
            "jpt": a.skp.jenis == Skp.Jenis.JPT,
            "tahunan": a.jadwal is None,
            "rating_tetap": rating_tetap,
            "periode_lain": [(j.nomor, nama_jadwal(a.skp.periode.siklus, j.nomor)) for j in jadwal_list],
            **pratinjau,
        },
    )


@login_required
@require_GET
def saran(request, skp_pk: int, nomor: int):
    """htmx: the suggestion and the predikat recomputed from the selects of the rating page."""
    a = _akses(request, skp_pk, nomor)
    if a.sendiri:
        raise Http404
    jenis = dict(
        RencanaHasilKerja.objects.filter(skp=a.skp)
        .order_by("jenis", "urutan", "id")
        .values_list("id", "jenis")
    )
    penilai = a.penilaian.pejabat_penilai if a.penilaian else services.penilai_skp(a.skp)
    capaian, dipimpin = services.capaian_skp(a.skp, a.jadwal.pk if a.jadwal else None, penilai)
    rating_tetap = None
    if dipimpin is not None and capaian is not None:
        rating_tetap = rating_hasil_kerja_pimpinan(CapaianOrganisasi(capaian.capaian))
    form = PenilaianForm(request.GET, rhk_ids=list(jenis), hasil_tetap=dipimpin is not None)
    return render(
        request, "penilaian/_nilai_pratinjau.html", {"oob": True, **_pratinjau(jenis, form, rating_tetap)}
    )


def _tahun_nomor(request) -> tuple[int, int | None]:
    form = TimFilterForm(request.GET)
    tahun, nomor = timezone.localdate().year, None
    if form.is_valid():
        tahun = form.cleaned_data["tahun"] or tahun
        nomor = form.cleaned_data["nomor"]
    else:
        messages.error(request, _("Pilihan tahun atau periode tidak valid; ditampilkan periode berjalan."))
    return tahun, nomor


@login_required
@require_GET
def tim(request):
    """The penilai's team per period (default: the current period of this year)."""
    me = akses_of(request.user).pegawai
    tahun, nomor = _tahun_nomor(request)
    konteks = {"tahun": tahun, "me": me}
    periode = selectors.periode_instansi(me.instansi_id, tahun) if me else None
    if periode is None:
        return render(request, "penilaian/tim.html", konteks)
    jadwal_list = selectors.jadwal_periode(periode)
    if nomor is None:
        jadwal = selectors.jadwal_sekarang(jadwal_list, timezone.localdate())
    elif nomor == 0:
        jadwal = None
    else:
        jadwal = next((j for j in jadwal_list if j.nomor == nomor), None)
        if jadwal is None:
            raise Http404
    hal = selectors.tim_penilai(me, periode, jadwal)
    konteks |= {
        "periode": periode,
        "hal": hal,
        "tahun_list": list(
            PeriodeKinerja.objects.filter(instansi_id=me.instansi_id)
            .order_by("-tahun")
            .values_list("tahun", flat=True)
        ),
        "jadwal_list": [(j.nomor, nama_jadwal(periode.siklus, j.nomor)) for j in jadwal_list],
        "ketat": PengaturanPenilaian.untuk(me.instansi_id).distribusi_ketat,
        "alasan_minimal": services.ALASAN_MINIMAL,
    }
    return render(request, "penilaian/tim.html", konteks)


@login_required
@require_POST
def finalisasi(request):
    me = akses_of(request.user).pegawai
    if me is None:
        raise PermissionDenied(_("Akun ini tidak terhubung dengan data pegawai."))
    form = FinalisasiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Periode yang difinalisasi tidak valid."))
        return redirect("penilaian:tim")
    tahun, nomor = form.cleaned_data["tahun"], form.cleaned_data["nomor"]
    periode = selectors.periode_instansi(me.instansi_id, tahun)
    if periode is None:
        raise Http404
    jadwal = None if nomor == 0 else get_object_or_404(JadwalPeriode, periode=periode, nomor=nomor)
    try:
        hasil = services.finalisasi_tim(
            me, periode, jadwal, alasan=form.cleaned_data["alasan"], by=request.user
        )
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s penilaian difinalisasi; pegawai telah diberi tahu.",
                "%(n)s penilaian difinalisasi; pegawai telah diberi tahu.",
                len(hasil),
            )
            % {"n": len(hasil)},
        )
        sisa = selectors.masih_draf(me, periode, jadwal)
        if sisa:
            messages.warning(
                request,
                _("Masih draf karena belum berpredikat: %(nama)s.") % {"nama": ", ".join(sisa)},
            )
    return redirect(f"{reverse('penilaian:tim')}?tahun={tahun}&nomor={nomor}")
