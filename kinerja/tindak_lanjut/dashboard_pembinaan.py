"""Dashboard section of pembinaan: the pembina's proposals waiting to start and his running
pembinaan; the pegawai's own running (or proposed) pembinaan. Two queries at most."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register

from .models import Pembinaan, StatusPembinaan


@register
def pembinaan(akses: Akses) -> Bagian | None:
    me = akses.pegawai
    if me is None:
        return None
    aktif = Q(status__in=[StatusPembinaan.USULAN, StatusPembinaan.BERJALAN])
    n = Pembinaan.objects.filter(aktif & (Q(pembina_id=me.pk) | Q(pegawai_id=me.pk))).aggregate(
        usulan=Count("id", filter=Q(pembina_id=me.pk, status=StatusPembinaan.USULAN)),
        berjalan=Count("id", filter=Q(pembina_id=me.pk, status=StatusPembinaan.BERJALAN)),
        saya=Count("id", filter=Q(pegawai_id=me.pk)),
    )
    if not any(n.values()):
        return None
    url = reverse("tindak_lanjut:pembinaan-list")
    bagian = Bagian(_("Pembinaan kinerja"))
    if n["usulan"]:
        bagian.items.append(
            Item(
                _("Usulan pembinaan yang menunggu Anda mulai"), url + "?status=usulan", n["usulan"], "warning"
            )
        )
    if n["berjalan"]:
        bagian.items.append(
            Item(_("Pembinaan yang sedang Anda berikan"), url + "?status=berjalan", n["berjalan"])
        )
    if n["saya"]:
        bagian.items.append(Item(_("Pembinaan kinerja untuk Anda"), url, n["saya"], "info"))
    return bagian
