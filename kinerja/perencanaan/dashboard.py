"""Dashboard sections of perencanaan: the pegawai's SKP of this year; SKP awaiting the penilai."""

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
