"""Matriks Peran Hasil pages: the supervisor's editor, its PDF, and a member filling their SKP from it."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.core.unduhan import PDF, nama_berkas_skp, unduhan
from kinerja.organisasi.selectors import visible_pegawai

from . import matriks, selectors, services
from .models import RencanaHasilKerja, Skp
from .workflow import Peran, TransisiDitolak

SEL = re.compile(r"^sel-(\d+)-(\d+)$")


def _skp_matriks(request, pk) -> Skp:
    """The matrix is the team's document: whoever sees the supervisor, and every member of the team."""
    me = akses_of(request.user).pegawai
    boleh = Q(pegawai__in=visible_pegawai(request.user))
    if me is not None and me.pejabat_penilai_id:
        boleh |= Q(pegawai_id=me.pejabat_penilai_id)
    qs = Skp.objects.filter(boleh).select_related(
        "periode", "pegawai__instansi", "pegawai__jabatan", "pegawai__unit_kerja", "jabatan", "unit_kerja"
    )
    return get_object_or_404(qs, pk=pk)


def _isian(post) -> dict[tuple[int, int], tuple[str, str]]:
    isian = {}
    for name, value in post.items():
        m = SEL.match(name)
        if m:
            key = (int(m[1]), int(m[2]))
            isian[key] = (value, post.get(f"jenis-{key[0]}-{key[1]}", RencanaHasilKerja.Jenis.UTAMA))
    return isian


@login_required
def matriks_edit(request, pk: int):
    skp = _skp_matriks(request, pk)
    pemilik = Peran.PEGAWAI in services.peran_atas(skp, request.user)
    if request.method == "POST":
        if not pemilik:
            raise PermissionDenied(_("Matriks peran hasil disusun oleh pemilik SKP (atasan langsung tim)."))
        try:
            hitung = matriks.simpan(skp, _isian(request.POST), by=request.user)
        except matriks.MatriksDitolak as e:
            for m in e.masalah:
                messages.error(request, m)
        except TransisiDitolak as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("Matriks disimpan: %(sel)s sel berubah, %(skp)s rencana hasil kerja di SKP anggota tim.")
                % {"sel": hitung["diubah"], "skp": hitung["ke_skp"]},
            )
            return redirect("perencanaan:matriks", pk=skp.pk)
    data = matriks.muat(skp)
    dikirim = _isian(request.POST) if request.method == "POST" else {}
    tabel = []
    for b in data.baris:
        sel = []
        for k, s in zip(data.kolom, b.sel, strict=True):
            uraian, jenis = dikirim.get((k.rhk.pk, b.pegawai.pk), (s.uraian, s.jenis) if s else ("", "utama"))
            sel.append({"kolom": k.rhk, "sel": s, "uraian": uraian, "jenis": jenis})
        tabel.append((b, sel))
    return render(
        request,
        "perencanaan/matriks.html",
        {
            "skp": skp,
            "matriks": data,
            "tabel": tabel,
            "dapat_ubah": pemilik and skp.status in matriks.BERLAKU,
            "jenis_choices": RencanaHasilKerja.Jenis.choices,
        },
    )


@login_required
def matriks_pdf(request, pk: int):
    from kinerja.dokumen.pdf import matriks_pdf as render_pdf

    skp = _skp_matriks(request, pk)
    nama = nama_berkas_skp(skp, "Matriks_Peran_Hasil", "pdf", versi=False)
    return unduhan(render_pdf(matriks.muat(skp)), nama, PDF)


@login_required
@require_POST
def isi_matriks(request, pk: int):
    skp = get_object_or_404(selectors.visible_skp(request.user).select_related("periode", "pegawai"), pk=pk)
    if Peran.PEGAWAI not in services.peran_atas(skp, request.user):
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat mengubah isinya."))
    try:
        n = matriks.isi_dari_matriks(skp)
    except TransisiDitolak as e:
        messages.error(request, str(e))
    else:
        if n:
            messages.success(
                request, _("%(n)s rencana hasil kerja diisi dari matriks peran hasil.") % {"n": n}
            )
        else:
            messages.info(request, _("Tidak ada peran baru dari matriks peran hasil atasan."))
    return redirect(skp)
