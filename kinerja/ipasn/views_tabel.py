"""The versions of the IP ASN table (decision g): everyone signed in reads them; the superadmin adds a
version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of

from .models import TabelIpAsn
from .tabel import BAGIAN, TabelForm, buat_tabel, label, tabel_terakhir


def _baca(t: TabelIpAsn) -> dict:
    return {
        "tabel": t,
        "bobot": list(t.bobot.items()),
        "bagian": [(b, [(label(k), v) for k, v in getattr(t, b).items()]) for b in BAGIAN],
        "kategori": list(zip([b for b, _n in t.kategori], [n for _b, n in t.kategori], strict=True)),
    }


@login_required
def daftar(request):
    return render(
        request,
        "ipasn/tabel_list.html",
        {
            "versi": [_baca(t) for t in TabelIpAsn.objects.order_by("-berlaku_mulai")],
            "dapat_buat": akses_of(request.user).is_superadmin,
        },
    )


@login_required
def buat(request):
    if not akses_of(request.user).is_superadmin:
        raise PermissionDenied(_("Hanya superadmin yang dapat membuat versi tabel IP ASN."))
    form = TabelForm(request.POST or None, dasar=tabel_terakhir())
    if request.method == "POST" and form.is_valid():
        try:
            buat_tabel(nilai=form.nilai(), by=request.user)
        except ValidationError as e:
            for pesan in e.messages:
                form.add_error(None, pesan)
        else:
            messages.success(request, _("Versi tabel IP ASN disimpan."))
            return redirect("ipasn:tabel-list")
    return render(request, "ipasn/tabel_form.html", {"form": form})
