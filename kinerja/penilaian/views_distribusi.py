"""The distribution of predikat of a unit against the pattern of its capaian organisasi (page), and the
pimpinan's Penetapan Predikat Kinerja (PDF).

Visible to the pimpinan of the unit and those above, to the admin instansi and the pimpinan role; a
unit out of the user's reach answers 404 (selectors_distribusi.jangkauan).
"""

from dataclasses import dataclass, replace

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from kinerja.core.unduhan import PDF, unduhan
from kinerja.perencanaan.models import PeriodeKinerja
from kinerja.perencanaan.selectors_laporan import DiLuarJangkauan, Lingkup, lingkup_laporan

from . import selectors_distribusi as sel
from .capaian import sub_unit
from .views_capaian import filter_periode, periode_terpilih, tahun_list


@dataclass
class Halaman:
    tahun: int
    lingkup: Lingkup | None = None  # the unit picker shows only the units in reach
    periode: PeriodeKinerja | None = None
    periode_list: list | None = None
    distribusi: sel.DistribusiUnit | None = None


def _halaman(request) -> Halaman:
    data = filter_periode(request)
    try:
        lingkup = lingkup_laporan(
            request.user, tahun=data["tahun"], unit_id=data["unit"], instansi_id=data["instansi"]
        )
    except DiLuarJangkauan:
        raise Http404 from None
    halaman = Halaman(tahun=data["tahun"])
    if lingkup is None:
        return halaman
    jk = sel.jangkauan(request.user, lingkup)
    if data["unit"] is not None and data["unit"] not in jk.unit_ids:
        raise Http404
    semua = len(jk.unit_ids) == len(lingkup.units)
    units = lingkup.units if semua else [u for u in lingkup.units if u.id in jk.unit_ids]
    unit = lingkup.unit if lingkup.unit and lingkup.unit.id in jk.unit_ids else (units[0] if units else None)
    if unit is None:
        halaman.lingkup = replace(lingkup, units=[], unit=None, unit_ids=[])
        return halaman
    if unit is not lingkup.unit:
        induk = lingkup.induk
        lingkup = replace(lingkup, unit=unit, unit_ids=sub_unit(induk, unit.id))
    halaman.lingkup = replace(lingkup, units=units)
    halaman.periode = PeriodeKinerja.objects.filter(instansi=lingkup.instansi, tahun=data["tahun"]).first()
    semua, pilihan = periode_terpilih(request, halaman.periode, data["nomor"])
    halaman.periode_list = semua
    if pilihan is not None:
        halaman.distribusi = sel.distribusi_unit_tersimpan(lingkup, periode=halaman.periode, pilihan=pilihan)
    return halaman


@login_required
def distribusi(request):
    h = _halaman(request)
    return render(
        request,
        "penilaian/distribusi.html",
        {
            "lingkup": h.lingkup,
            "tahun": h.tahun,
            "tahun_list": tahun_list(h.tahun),
            "periode": h.periode,
            "periode_list": h.periode_list,
            "d": h.distribusi,
        },
    )


@login_required
def penetapan_pdf(request):
    from kinerja.dokumen.pdf_penetapan import penetapan_pdf as render_pdf

    h = _halaman(request)
    d = h.distribusi
    if d is None:
        raise Http404
    pegawai = sel.pegawai_unit(h.lingkup, periode=d.periode, pilihan=d.pilihan, kepala=d.kepala)
    isi = render_pdf(d, pegawai, instansi=h.lingkup.instansi, tanggal=timezone.localdate())
    nama = f"penetapan_predikat_{d.periode.tahun}_{d.pilihan.nomor}_{d.unit.kode}.pdf"
    return unduhan(isi, nama, PDF)
