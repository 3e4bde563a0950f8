from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("akun/", include("kinerja.core.auth_urls")),
    path("organisasi/", include("kinerja.organisasi.urls")),
    path("skp/", include("kinerja.perencanaan.urls")),
    path("pelaksanaan/", include("kinerja.pelaksanaan.urls")),
    path("penilaian/", include("kinerja.penilaian.urls")),
    path("tindak-lanjut/", include("kinerja.tindak_lanjut.urls")),
    path("ip-asn/", include("kinerja.ipasn.urls")),
    path("sop/", include("kinerja.sop.urls")),
    path("", include("kinerja.core.urls")),
]
