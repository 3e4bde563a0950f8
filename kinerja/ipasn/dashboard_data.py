"""Dashboard sections of the IP ASN data: the Analis SDM's verification queue, and the pegawai's own
records that wait or were refused. A fixed number of queries each."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register
from kinerja.pelaksanaan.dashboard import tautan

from .data import JENIS_DATA
from .models import StatusData


@register
def antrean_data_ipasn(akses: Akses) -> Bagian | None:
    if not akses.admin_instansi_ids:
        return None
    n = sum(
        j.model.objects.filter(
            status=StatusData.DIAJUKAN, pegawai__instansi_id__in=akses.admin_instansi_ids
        ).count()
        for j in JENIS_DATA.values()
    )
    if not n:
        return None
    bagian = Bagian(_("Data IP ASN"))
    bagian.items.append(
        Item(_("Data IP ASN menunggu verifikasi"), tautan("ipasn:data-verifikasi"), n, "warning")
    )
    return bagian


@register
def data_ipasn_saya(akses: Akses) -> Bagian | None:
    if akses.pegawai is None:
        return None
    n = {"diajukan": 0, "ditolak": 0}
    for j in JENIS_DATA.values():
        h = j.model.objects.filter(pegawai=akses.pegawai).aggregate(
            diajukan=Count("pk", filter=Q(status=StatusData.DIAJUKAN)),
            ditolak=Count("pk", filter=Q(status=StatusData.DITOLAK)),
        )
        n = {k: n[k] + h[k] for k in n}
    if not n["diajukan"] and not n["ditolak"]:
        return None
    url = tautan("ipasn:data-saya")
    bagian = Bagian(_("Data IP ASN saya"))
    if n["ditolak"]:
        bagian.items.append(
            Item(_("Data ditolak Analis SDM; periksa catatannya"), url, n["ditolak"], "danger")
        )
    if n["diajukan"]:
        bagian.items.append(Item(_("Data menunggu verifikasi"), url, n["diajukan"], "info"))
    return bagian
