"""Dashboard section of the SOP engine: the steps waiting for the user's action (one query)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register

from .selectors import menunggu


@register
def langkah_sop_menunggu(akses: Akses) -> Bagian | None:
    if akses.pegawai is None:
        return None
    rows = menunggu(akses.pegawai)
    if not rows:
        return None
    bagian = Bagian(_("Langkah SOP menunggu Anda"))
    for p in rows:
        bagian.items.append(
            Item(
                _("%(judul)s: langkah %(nomor)s") % {"judul": p.judul, "nomor": p.langkah_aktif.nomor},
                reverse("sop:proses", args=[p.pk]),
                tingkat="warning",
            )
        )
    return bagian
