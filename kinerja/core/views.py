from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from .access import akses_of
from .dashboard import sections_for


@login_required
def dashboard(request):
    akses = akses_of(request.user)
    return render(request, "core/dashboard.html", {"sections": sections_for(akses)})


def health(request):
    """Liveness probe for the load balancer: no session, no database."""
    return HttpResponse("ok", content_type="text/plain")
