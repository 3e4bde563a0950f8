"""The predikat recap of a unit (page and XLSX), for the admin instansi, the pimpinan and the pimpinan
of a unit (kinerja.penilaian.rekap explains the scope). A unit of another instansi answers 404, a unit
the user may not open 403; a malformed filter is reported and its default used instead."""

from html import escape

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.aturan import Predikat
from kinerja.core.unduhan import unduhan
from kinerja.perencanaan.selectors_laporan import DiLuarJangkauan, lingkup_laporan

from . import rekap as selectors
from .rekap import RekapDitolak

TAHUN_MIN, TAHUN_MAX = 2000, 2100


class RekapForm(forms.Form):
    """GET filters; each invalid one is dropped with a message."""

    unit = forms.IntegerField(label=gettext_lazy("Unit kerja"), required=False, min_value=1)
    instansi = forms.IntegerField(label=gettext_lazy("Instansi"), required=False, min_value=1)
    tahun = forms.IntegerField(
        label=gettext_lazy("Tahun"), required=False, min_value=TAHUN_MIN, max_value=TAHUN_MAX
    )
    nomor = forms.IntegerField(label=gettext_lazy("Periode"), required=False, min_value=0, max_value=12)


def _filters(request) -> tuple[dict, list[str]]:
    form = RekapForm(request.GET)
    form.is_valid()
    tahun_ini = timezone.localdate().year
    pesan = {
        "unit": _("Unit kerja “%(nilai)s” tidak dikenal; ditampilkan unit bawaan."),
        "instansi": _("Instansi “%(nilai)s” tidak dikenal; ditampilkan instansi bawaan."),
        "tahun": _("Tahun “%(nilai)s” tidak valid (isi %(min)s–%(max)s); ditampilkan tahun %(tahun)s."),
        "nomor": _("Periode “%(nilai)s” tidak valid; ditampilkan penilaian tahunan."),
    }
    galat = [
        pesan[name]
        % {"nilai": request.GET.get(name, "")[:40], "min": TAHUN_MIN, "max": TAHUN_MAX, "tahun": tahun_ini}
        for name in form.errors
    ]
    data = {name: None if name in form.errors else form.cleaned_data.get(name) for name in form.fields}
    data["tahun"] = data["tahun"] or tahun_ini
    data["nomor"] = data["nomor"] or 0
    return data, galat


def _lingkup(request, data):
    """(lingkup narrowed to the user's units, jadwal list, chosen jadwal or None, warnings)."""
    try:
        lingkup = lingkup_laporan(
            request.user, tahun=data["tahun"], unit_id=data["unit"], instansi_id=data["instansi"]
        )
    except DiLuarJangkauan:
        raise Http404 from None
    if lingkup is None or lingkup.unit is None:
        return lingkup, [], None, []
    try:
        lingkup = selectors.unit_rekap(request.user, lingkup, unit_diminta=data["unit"] is not None)
    except RekapDitolak as e:
        raise PermissionDenied(str(e)) from None
    jadwal_list = selectors.jadwal_tahun(lingkup.instansi.pk, lingkup.tahun)
    jadwal, galat = None, []
    if data["nomor"]:
        jadwal = next((j for j in jadwal_list if j.nomor == data["nomor"]), None)
        if jadwal is None:
            galat.append(
                _(
                    "Tahun %(tahun)s tidak mempunyai periode penilaian ke-%(nomor)s; ditampilkan penilaian "
                    "tahunan."
                )
                % {"tahun": lingkup.tahun, "nomor": data["nomor"]}
            )
    return lingkup, jadwal_list, jadwal, galat


def _opsi_unit(lingkup) -> str:
    """The unit picker's options, joined in Python (an instansi may have thousands of units): the ids
    are integers and every label is escaped."""
    pilih = lingkup.unit.id
    return mark_safe(
        "".join(
            f'<option value="{u.id}"{" selected" if u.id == pilih else ""}>{escape(u.label)}</option>'
            for u in lingkup.units
        )
    )


@login_required
def rekap(request):
    data, galat = _filters(request)
    lingkup, jadwal_list, jadwal, galat_jadwal = _lingkup(request, data)
    for g in [*galat, *galat_jadwal]:
        messages.warning(request, g)
    tahun_ini = timezone.localdate().year
    context = {
        "lingkup": lingkup,
        "tahun": data["tahun"],
        "tahun_list": sorted({*range(tahun_ini - 3, tahun_ini + 2), data["tahun"]}, reverse=True),
        "jadwal_list": jadwal_list,
        "jadwal": jadwal,
        "nomor": jadwal.nomor if jadwal else 0,
        "predikat_list": Predikat.choices(),
        "legenda": [*Predikat.choices(), ("belum", _("Belum final"))],
    }
    if lingkup and lingkup.unit:
        context["rekap"] = selectors.rekap_unit(lingkup, jadwal_id=jadwal.pk if jadwal else None)
        if not request.htmx:
            context["opsi_unit"] = _opsi_unit(lingkup)
    template = "penilaian/rekap.html#isi" if request.htmx else "penilaian/rekap.html"
    return render(request, template, context)


@login_required
def rekap_xlsx(request):
    from kinerja.dokumen.xlsx import XLSX

    from .rekap_xlsx import KepalaRekapPredikat, tulis_rekap_predikat

    data, galat = _filters(request)
    if galat:  # the recap page explains what is wrong with these filters
        return redirect(f"{reverse('penilaian:rekap')}?{request.GET.urlencode()}")
    lingkup, _jadwal_list, jadwal, galat = _lingkup(request, data)
    if galat:
        return redirect(f"{reverse('penilaian:rekap')}?{request.GET.urlencode()}")
    if lingkup is None or lingkup.unit is None:
        raise Http404
    hasil = selectors.rekap_unit(lingkup, jadwal_id=jadwal.pk if jadwal else None)
    kepala = KepalaRekapPredikat(
        instansi=lingkup.instansi.nama,
        unit=lingkup.unit.nama,
        tahun=lingkup.tahun,
        nomor=jadwal.nomor if jadwal else 0,
        dicetak=timezone.localdate(),
    )
    periode = f"p{jadwal.nomor}" if jadwal else "tahunan"
    nama = f"rekap_predikat_{lingkup.tahun}_{periode}_{lingkup.unit.kode}.xlsx"
    return unduhan(tulis_rekap_predikat(kepala, hasil), nama, XLSX)
