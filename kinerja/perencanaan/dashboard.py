"""Dashboard sections of perencanaan: the pegawai's SKP of this year; SKP awaiting the penilai."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register

from .models import Skp
from .workflow import StatusSkp


@register
def skp_saya(akses: Akses) -> Bagian | None:
    if akses.pegawai is None:
        return None
    tahun = timezone.localdate().year
    skp = (
        Skp.objects.filter(pegawai=akses.pegawai, periode__tahun=tahun)
        .exclude(status__in=[StatusSkp.DIGANTI, StatusSkp.DITUTUP])
        .select_related("periode")
        .order_by("-versi")
        .first()
    )
    bagian = Bagian(_("SKP %(tahun)s saya") % {"tahun": tahun})
    if skp is None:
        bagian.items.append(
            Item(_("Anda belum membuat SKP tahun ini."), reverse("perencanaan:skp-saya"), tingkat="warning")
        )
    elif skp.status == StatusSkp.DIKEMBALIKAN:
        bagian.items.append(
            Item(
                _("SKP dikembalikan pejabat penilai: perbaiki lalu ajukan kembali."),
                skp.get_absolute_url(),
                tingkat="danger",
            )
        )
    elif skp.status == StatusSkp.DRAF:
        tingkat = "danger" if skp.terlambat else "warning"
        bagian.items.append(
            Item(
                _("SKP masih draf; ajukan sebelum %(batas)s.")
                % {"batas": skp.periode.batas_penyusunan.strftime("%d-%m-%Y")},
                skp.get_absolute_url(),
                tingkat=tingkat,
            )
        )
    else:
        bagian.items.append(
            Item(
                _("SKP %(status)s.") % {"status": StatusSkp(skp.status).label.lower()},
                skp.get_absolute_url(),
                tingkat="success",
            )
        )
    return bagian


@register
def skp_menunggu(akses: Akses) -> Bagian | None:
    if akses.pegawai is None:
        return None
    n = Skp.objects.filter(pegawai__pejabat_penilai=akses.pegawai, status=StatusSkp.DIAJUKAN).count()
    if not n:
        return None
    return Bagian(
        _("Persetujuan SKP"),
        [Item(_("SKP bawahan menunggu persetujuan Anda"), reverse("perencanaan:skp-inbox"), n, "warning")],
    )


@register
def skp_instansi(akses: Akses) -> Bagian | None:
    """For the admin instansi and the pimpinan: how far the instansi is with this year's SKP."""
    ids = akses.pengelola_instansi_ids
    if not ids:
        return None
    tahun = timezone.localdate().year
    jumlah = dict(
        Skp.objects.filter(pegawai__instansi_id__in=ids, periode__tahun=tahun, revisi_dari__isnull=True)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    rekap = reverse("perencanaan:rekap")
    bagian = Bagian(_("SKP %(tahun)s instansi") % {"tahun": tahun})
    for status, tingkat in (
        (StatusSkp.DRAF, "secondary"),
        (StatusSkp.DIAJUKAN, "warning"),
        (StatusSkp.DIKEMBALIKAN, "danger"),
        (StatusSkp.DISETUJUI, "success"),
    ):
        bagian.items.append(
            Item(
                _("SKP %(status)s") % {"status": StatusSkp(status).label.lower()},
                f"{rekap}?tahun={tahun}&status={status}",
                jumlah.get(status, 0),
                tingkat,
            )
        )
    bagian.items.append(Item(_("Pegawai terlambat menyusun SKP"), f"{rekap}?tahun={tahun}&terlambat=1"))
    bagian.items.append(Item(_("Pohon kinerja"), reverse("perencanaan:pohon")))
    return bagian
