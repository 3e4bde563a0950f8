from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .access import akses_of
from .dashboard import sections_for
from .models import Notifikasi


@login_required
def dashboard(request):
    akses = akses_of(request.user)
    return render(request, "core/dashboard.html", {"sections": sections_for(akses)})


@login_required
def notifikasi(request):
    qs = Notifikasi.objects.filter(user=request.user)
    if request.method == "POST":
        qs.filter(dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
        return redirect("core:notifikasi")
    page = Paginator(qs, settings.KINERJA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/notifikasi.html",
        {
            "page": page,
            "belum_dibaca": qs.filter(dibaca_pada__isnull=True).exists(),
        },
    )


def health(request):
    """Liveness probe for the load balancer: no session, no database."""
    return HttpResponse("ok", content_type="text/plain")
