"""Manual Indikator Kinerja: one per indikator of an SKP JPT (seed 002, format 03), its form and PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kinerja.core.unduhan import PDF, nama_berkas_skp, unduhan

from . import selectors, services
from .forms import ManualIndikatorForm
from .models import IndikatorKinerjaIndividu, ManualIndikator
from .workflow import Peran


@login_required
def manual_edit(request, pk: int):
    iki = get_object_or_404(
        IndikatorKinerjaIndividu.objects.filter(
            rhk__skp__in=selectors.visible_skp(request.user)
        ).select_related("rhk__skp__periode", "rhk__skp__pegawai", "manual"),
        pk=pk,
    )
    skp = iki.rhk.skp
    dapat_ubah = Peran.PEGAWAI in services.peran_atas(skp, request.user) and skp.dapat_diubah
    manual = getattr(iki, "manual", None) or ManualIndikator(indikator=iki, satuan=iki.satuan)
    form = ManualIndikatorForm(request.POST or None, instance=manual, skp=skp)
    if request.method == "POST":
        if not dapat_ubah:
            raise PermissionDenied(
                _("Manual indikator diubah oleh pegawai pemilik SKP selama SKP masih draf.")
            )
        if form.is_valid():
            form.save()
            messages.success(request, _("Manual indikator kinerja disimpan."))
            return redirect(skp)
    return render(
        request, "perencanaan/manual.html", {"iki": iki, "skp": skp, "form": form, "dapat_ubah": dapat_ubah}
    )


@login_required
def manual_pdf(request, pk: int):
    from kinerja.dokumen.pdf import manual_pdf as render_pdf

    skp = get_object_or_404(selectors.skp_detail(request.user), pk=pk)
    return unduhan(render_pdf(skp), nama_berkas_skp(skp, "Manual_IKI", "pdf"), PDF)
