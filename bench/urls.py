from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as app_urlpatterns


@login_required
def minimal(request):
    """The floor: session auth and nothing else."""
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal), *app_urlpatterns]
