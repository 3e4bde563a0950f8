"""IP ASN results: the instansi overview with "Hitung ulang" (admin), a unit's pegawai, one pegawai's
points lost, "IP ASN saya" with the penilai's team, and the Laporan Capaian IP ASN (PDF, XLSX)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, unduhan
from kinerja.dokumen.pdf_ip_asn import laporan_ip_asn_pdf
from kinerja.dokumen.xlsx import XLSX
from kinerja.organisasi.selectors import visible_instansi
from kinerja.penilaian.workflow import WorkflowError

from . import selectors_hasil as selectors
from .laporan_xlsx import laporan_ip_asn_xlsx
from .perhitungan import hitung_ip_asn

PER_HALAMAN = 100


class PilihForm(forms.Form):
    """GET filters of the overview; "IP ASN saya" uses the year only."""

    instansi = forms.IntegerField(required=False, min_value=1)
    tahun = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    halaman = forms.IntegerField(required=False, min_value=1)


class HitungForm(forms.Form):
    instansi = forms.IntegerField(min_value=1)
    tahun = forms.IntegerField(
        min_value=2000, max_value=2100, error_messages={"invalid": gettext_lazy("Tahun tidak valid.")}
    )


def _pilihan(request) -> dict:
    form = PilihForm(request.GET)
    return form.cleaned_data if form.is_valid() else {}


def _instansi(request, instansi_id: int | None):
    """The instansi asked for (404 when not visible; 403 when visible but not managed by the user)."""
    akses = akses_of(request.user)
    if instansi_id is None:
        instansi_id = akses.instansi_id or next(iter(sorted(akses.pengelola_instansi_ids)), None)
    instansi = visible_instansi(request.user).filter(pk=instansi_id).first() if instansi_id else None
    if instansi is None:
        if akses.is_superadmin and instansi_id is None:
            instansi = visible_instansi(request.user).order_by("nama").first()
        if instansi is None:
            raise Http404
    if not selectors.sees_instansi(request.user, instansi.pk):
        raise PermissionDenied
    return instansi


def _perhitungan(request, pk: int):
    p = get_object_or_404(selectors.visible_perhitungan(request.user), pk=pk)
    if not selectors.sees_instansi(request.user, p.instansi_id):
        raise PermissionDenied
    return p


@login_required
def ringkasan(request):
    pilih = _pilihan(request)
    instansi = _instansi(request, pilih.get("instansi"))
    tren = selectors.tren_ip_asn(instansi.pk)
    tahun = pilih.get("tahun") or (tren[-1].tahun if tren else timezone.localdate().year)
    terpilih = [p for p in tren if p.tahun == tahun]
    r = selectors.ringkasan_perhitungan(terpilih[0]) if terpilih else None
    return render(
        request,
        "ipasn/hasil_ringkasan.html",
        {
            "instansi": instansi,
            "instansi_list": list(
                visible_instansi(request.user).filter(pk__in=_dikelola(request)).order_by("nama")
            ),
            "tahun": tahun,
            "tren": tren,
            "r": r,
            "batang_tren": _batang_tren(tren),
            "boleh_hitung": akses_of(request.user).is_admin_of(instansi.pk),
        },
    )


def _dikelola(request) -> list[int]:
    akses = akses_of(request.user)
    if akses.is_superadmin:
        return list(visible_instansi(request.user).values_list("pk", flat=True))
    return list(akses.pengelola_instansi_ids)


def _batang_tren(tren) -> list[tuple[int, object, str, object]]:
    """(year, value, kategori, bar height in percent) for the trend chart."""
    return [(p.tahun, p.nilai, p.kategori, p.nilai or 0) for p in tren]


@login_required
@require_POST
def hitung(request):
    form = HitungForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Instansi dan tahun perhitungan IP ASN tidak valid."))
        return redirect("ipasn:hasil")
    instansi = visible_instansi(request.user).filter(pk=form.cleaned_data["instansi"]).first()
    if instansi is None:
        raise Http404
    if not akses_of(request.user).is_admin_of(instansi.pk):
        raise PermissionDenied
    tahun = form.cleaned_data["tahun"]
    try:
        p = hitung_ip_asn(instansi, tahun, by=request.user)
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            _("IP ASN %(tahun)s dihitung ulang: %(nilai)s (%(kategori)s), %(n)s pegawai.")
            % {"tahun": tahun, "nilai": p.nilai, "kategori": p.kategori, "n": p.jumlah_pegawai},
        )
    return redirect(f"{reverse('ipasn:hasil')}?instansi={instansi.pk}&tahun={tahun}")


@login_required
def unit(request, pk: int, unit_id: int):
    p = _perhitungan(request, pk)
    baris_unit = {b.unit.id: b for b in selectors.agregat_unit(p)}
    if unit_id not in baris_unit:
        raise Http404
    halaman = _pilihan(request).get("halaman") or 1
    rows, unit_ids = selectors.hasil_unit(p, unit_id, offset=(halaman - 1) * PER_HALAMAN, limit=PER_HALAMAN)
    b = baris_unit[unit_id]
    return render(
        request,
        "ipasn/hasil_unit.html",
        {
            "p": p,
            "b": b,
            "sub": [
                baris_unit[u] for u in unit_ids if u in baris_unit and baris_unit[u].unit.induk_id == unit_id
            ],
            "rows": rows,
            "halaman": halaman,
            "berikutnya": halaman + 1 if (halaman * PER_HALAMAN) < b.jumlah else None,
            "poin_hilang": selectors.poin_hilang_utama(p, unit_ids=unit_ids),
        },
    )


@login_required
def pegawai(request, pk: int):
    h = get_object_or_404(selectors.visible_hasil(request.user), pk=pk)
    return render(request, "ipasn/hasil_pegawai.html", {"h": h, "indikator": selectors.rincian_indikator(h)})


@login_required
def saya(request):
    akses = akses_of(request.user)
    tahun = _pilihan(request).get("tahun")
    perhitungan = None
    if akses.pegawai is not None:
        tren = selectors.tren_ip_asn(akses.pegawai.instansi_id)
        tahun = tahun or (tren[-1].tahun if tren else timezone.localdate().year)
        perhitungan = next((p for p in tren if p.tahun == tahun), None)
    h = tim = None
    if perhitungan is not None:
        h = (
            selectors.visible_hasil(request.user)
            .filter(perhitungan=perhitungan, pegawai=akses.pegawai)
            .first()
        )
        tim = selectors.hasil_tim(request.user, perhitungan)
    return render(
        request,
        "ipasn/hasil_saya.html",
        {
            "tahun": tahun,
            "perhitungan": perhitungan,
            "h": h,
            "indikator": selectors.rincian_indikator(h) if h else [],
            "tim": tim,
            "tahun_list": [p.tahun for p in tren] if akses.pegawai is not None else [],
        },
    )


@login_required
def laporan_pdf(request, pk: int):
    p = _perhitungan(request, pk)
    return unduhan(laporan_ip_asn_pdf(p), f"laporan-ip-asn-{p.instansi.kode}-{p.tahun}.pdf", PDF)


@login_required
def laporan_xlsx(request, pk: int):
    p = _perhitungan(request, pk)
    return unduhan(laporan_ip_asn_xlsx(p), f"laporan-ip-asn-{p.instansi.kode}-{p.tahun}.xlsx", XLSX)
