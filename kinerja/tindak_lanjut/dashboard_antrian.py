"""Dashboard: the Analis SDM sees how many documents wait in the queue (one query); a pejabat
penilai sees the usulan of his team not yet gathered into a Nota Dinas (one query)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register

from .models import StatusKiriman, StatusUsulan, UsulanPengembangan
from .selectors_antrian import jumlah_masuk


@register
def antrian_analis_sdm(akses: Akses) -> Bagian | None:
    if not akses.admin_instansi_ids:
        return None
    n = jumlah_masuk(akses.admin_instansi_ids)
    bagian = Bagian(_("Antrean dokumen Analis SDM"), kosong=_("Tidak ada dokumen yang menunggu dicatat."))
    if n:
        url = reverse("tindak_lanjut:antrian") + "?status=" + StatusKiriman.MASUK
        bagian.items.append(Item(_("Dokumen masuk menunggu dicatat atau diteruskan"), url, n, "warning"))
    return bagian


@register
def usulan_tim(akses: Akses) -> Bagian | None:
    if akses.pegawai is None or not akses.is_pejabat_penilai:
        return None
    n = (
        UsulanPengembangan.objects.filter(
            pegawai__pejabat_penilai=akses.pegawai, status=StatusUsulan.DIUSULKAN, nota_dinas__isnull=True
        )
        .exclude(pegawai=akses.pegawai)
        .count()
    )
    if not n:
        return None
    return Bagian(
        _("Usulan pengembangan kompetensi"),
        [Item(_("Usulan tim yang belum masuk nota dinas"), reverse("tindak_lanjut:nota-create"), n, "info")],
    )
