"""Umpan balik pages: the history of an SKP with the forms to give and to ask for feedback, the search
for a colleague to ask, and the requests addressed to me with their answer page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.aturan import BERAKHLAK
from kinerja.core.access import akses_of
from kinerja.perencanaan.halaman import ekspektasi
from kinerja.perencanaan.models import RencanaHasilKerja, Skp
from kinerja.perencanaan.selectors import skp_dasar

from . import selectors_umpan_balik as selectors
from . import umpan_balik as services
from .forms_umpan_balik import BeriUmpanBalikForm, JawabPermintaanForm, MintaUmpanBalikForm
from .models import PermintaanUmpanBalik, UmpanBalik


def _skp(request, pk: int) -> Skp:
    skp = skp_dasar(request.user, pk)
    if skp is None:
        raise Http404
    return skp


def _halaman(request, skp: Skp, *, beri_form=None, minta_form=None, status: int = 200):
    """The history grouped as seed 002's tables, with the forms the user may use."""
    riwayat = selectors.umpan_balik_skp(skp.pk)
    rhk = selectors.rhk_skp(skp)
    terbuka = services.terbuka(skp)
    if terbuka and beri_form is None and services.dapat_memberi(skp, request.user):
        beri_form = BeriUmpanBalikForm(
            skp=skp,
            rhk=rhk,
            realisasi=selectors.realisasi_skp(skp),
            jadwal=selectors.jadwal_skp(skp),
            initial={"sasaran": request.GET.get("sasaran", "")},
        )
    if terbuka and minta_form is None and services.dapat_meminta(skp, request.user):
        minta_form = MintaUmpanBalikForm(
            skp=skp, rhk=rhk, initial={"sasaran": request.GET.get("sasaran", "")}
        )
    me = akses_of(request.user).pegawai
    now = timezone.now()
    dapat_hapus = {
        i.pk
        for i in riwayat.semua()
        if services.dapat_dihapus(
            pemberi_id=i.pemberi_id,
            dari_permintaan=i.dari_permintaan,
            waktu=i.waktu,
            pegawai_id=me.pk if me else None,
            now=now,
        )
    }
    teks_ekspektasi = ekspektasi(skp)
    return render(
        request,
        "pelaksanaan/umpan_balik.html",
        {
            "skp": skp,
            "riwayat": riwayat,
            "utama": [
                (r, riwayat.per_rhk.get(r.pk, [])) for r in rhk if r.jenis == RencanaHasilKerja.Jenis.UTAMA
            ],
            "tambahan": [
                (r, riwayat.per_rhk.get(r.pk, [])) for r in rhk if r.jenis == RencanaHasilKerja.Jenis.TAMBAHAN
            ],
            "perilaku": [
                (i, nilai, teks_ekspektasi.get(i, ""), riwayat.per_nilai.get(i, []))
                for i, nilai in enumerate(BERAKHLAK)
            ],
            "permintaan": selectors.permintaan_skp(skp),
            "beri_form": beri_form,
            "minta_form": minta_form,
            "terbuka": terbuka,
            "dapat_hapus": dapat_hapus,
            # A request form sent back with an error keeps the colleagues found and the one chosen.
            "calon": selectors.calon_pemberi(request.user, minta_form.data.get("cari", ""))
            if minta_form is not None and minta_form.is_bound
            else [],
            "dipilih": minta_form.data.get("diminta", "")
            if minta_form is not None and minta_form.is_bound
            else "",
        },
        status=status,
    )


@login_required
@require_GET
def riwayat(request, skp_pk: int):
    return _halaman(request, _skp(request, skp_pk))


@login_required
@require_POST
def beri(request, skp_pk: int):
    skp = _skp(request, skp_pk)
    services.pastikan_pemberi(skp, request.user)  # 403
    form = BeriUmpanBalikForm(
        request.POST,
        skp=skp,
        rhk=selectors.rhk_skp(skp),
        realisasi=selectors.realisasi_skp(skp),
        jadwal=selectors.jadwal_skp(skp),
    )
    if form.is_valid():
        try:
            services.beri_umpan_balik(skp=skp, by=request.user, **form.layanan_kwargs())
        except services.UmpanBalikDitolak as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Umpan balik disimpan dan pegawai diberi tahu."))
            return redirect("pelaksanaan:umpan-balik", skp_pk=skp.pk)
    return _halaman(request, skp, beri_form=form, status=400)


@login_required
@require_POST
def minta(request, skp_pk: int):
    skp = _skp(request, skp_pk)
    services.pastikan_peminta(skp, request.user)  # 403
    form = MintaUmpanBalikForm(request.POST, skp=skp, rhk=selectors.rhk_skp(skp))
    if form.is_valid():
        try:
            p = services.minta_umpan_balik(skp=skp, by=request.user, **form.layanan_kwargs())
        except services.UmpanBalikDitolak as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                _("Permintaan umpan balik dikirim kepada %(nama)s.") % {"nama": p.diminta.nama_lengkap},
            )
            return redirect("pelaksanaan:umpan-balik", skp_pk=skp.pk)
    return _halaman(request, skp, minta_form=form, status=400)


@login_required
@require_POST
def hapus(request, pk: int):
    ub = get_object_or_404(UmpanBalik, pk=pk)
    skp = _skp(request, ub.skp_id)  # out of reach: 404
    try:
        services.hapus_umpan_balik(umpan_balik=ub, by=request.user)  # not the giver: 403
    except services.UmpanBalikDitolak as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Umpan balik dihapus."))
    return redirect("pelaksanaan:umpan-balik", skp_pk=skp.pk)


@login_required
@require_GET
def cari(request):
    """Colleagues to ask, as radio buttons swapped into the request form (htmx)."""
    return render(
        request,
        "pelaksanaan/_umpan_balik_cari.html",
        {
            "calon": selectors.calon_pemberi(request.user, request.GET.get("cari", "")),
            "q": request.GET.get("cari", ""),
        },
    )


@login_required
@require_GET
def permintaan_list(request):
    return render(
        request, "pelaksanaan/permintaan_list.html", {"permintaan": selectors.permintaan_untuk(request.user)}
    )


def _permintaan(request, pk: int) -> PermintaanUmpanBalik:
    permintaan = selectors.permintaan_saya(request.user, pk)
    if permintaan is None:  # only the person asked sees a request
        raise Http404
    return permintaan


def _halaman_jawab(request, permintaan: PermintaanUmpanBalik, form, status: int = 200):
    nilai = BERAKHLAK[permintaan.nilai_berakhlak] if permintaan.nilai_berakhlak is not None else None
    jawaban = (
        getattr(permintaan, "jawaban", None)
        if permintaan.status == PermintaanUmpanBalik.Status.DIJAWAB
        else None
    )
    return render(
        request,
        "pelaksanaan/permintaan_jawab.html",
        {
            "permintaan": permintaan,
            "pegawai": permintaan.skp.pegawai,
            "nilai": nilai,
            "jawaban": jawaban,
            "form": form if permintaan.status == PermintaanUmpanBalik.Status.MENUNGGU else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def permintaan_jawab(request, pk: int):
    permintaan = _permintaan(request, pk)
    if request.method == "GET":
        return _halaman_jawab(request, permintaan, JawabPermintaanForm())
    form = JawabPermintaanForm(request.POST)
    if form.is_valid():
        try:
            services.jawab_permintaan(permintaan=permintaan, by=request.user, **form.cleaned_data)
        except services.UmpanBalikDitolak as e:
            messages.error(request, str(e))
            return redirect("pelaksanaan:permintaan-jawab", pk=permintaan.pk)
        messages.success(
            request,
            _("Terima kasih, umpan balik Anda disampaikan kepada %(nama)s.")
            % {"nama": permintaan.skp.pegawai.nama_lengkap},
        )
        return redirect("pelaksanaan:permintaan-list")
    return _halaman_jawab(request, permintaan, form, status=400)


@login_required
@require_POST
def permintaan_tolak(request, pk: int):
    permintaan = _permintaan(request, pk)
    try:
        services.tolak_permintaan(permintaan=permintaan, by=request.user)
    except services.UmpanBalikDitolak as e:
        messages.error(request, str(e))
        return redirect("pelaksanaan:permintaan-jawab", pk=permintaan.pk)
    messages.info(
        request,
        _("Permintaan umpan balik ditolak; %(nama)s diberi tahu.")
        % {"nama": permintaan.skp.pegawai.nama_lengkap},
    )
    return redirect("pelaksanaan:permintaan-list")
