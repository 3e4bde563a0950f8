"""Dashboard section of pelaksanaan: the pegawai's realisasi in the current evaluation period, the
umpan balik received lately and the requests for umpan balik waiting for their answer (four queries)."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register
from kinerja.perencanaan.models import JadwalPeriode, Skp
from kinerja.perencanaan.workflow import StatusSkp

from .models import PermintaanUmpanBalik, UmpanBalik

HARI_PERINGATAN = 7  # fewer days than this before the batas pengisian: the item turns to a warning
HARI_UMPAN_BALIK = 30


def tautan(name: str, *args, query: str = "") -> str:
    """reverse() that gives "" while a page of another part of the stage does not exist yet."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def jadwal_berjalan(instansi_id: int, today: date) -> JadwalPeriode | None:
    """The evaluation period whose realisasi are due now: started, with its batas pengisian not passed
    (just after a period ends, the one ending is still shown until its batas)."""
    return (
        JadwalPeriode.objects.filter(
            periode__instansi_id=instansi_id, tanggal_mulai__lte=today, batas_pengisian__gte=today
        )
        .select_related("periode")
        .order_by("batas_pengisian", "nomor")
        .first()
    )


def sisa_hari(hari: int) -> str:
    if hari == 0:
        return _("hari ini")
    return ngettext("%(n)d hari lagi", "%(n)d hari lagi", hari) % {"n": hari}


@register
def realisasi_saya(akses: Akses) -> Bagian | None:
    pegawai = akses.pegawai
    if pegawai is None:
        return None
    today = timezone.localdate()
    bagian = Bagian(_("Pelaksanaan kinerja saya"))
    jadwal = jadwal_berjalan(pegawai.instansi_id, today)
    skp_list = []
    if jadwal is not None:
        skp_list = list(
            Skp.objects.filter(
                pegawai=pegawai,
                periode_id=jadwal.periode_id,
                status=StatusSkp.DISETUJUI,
                tanggal_mulai__lte=jadwal.tanggal_selesai,
                tanggal_selesai__gte=jadwal.tanggal_mulai,
            )
            .annotate(
                total=Count("rhk_set__indikator_set", distinct=True),
                terisi=Count(
                    "rhk_set__indikator_set__realisasi_set",
                    filter=Q(rhk_set__indikator_set__realisasi_set__jadwal=jadwal),
                    distinct=True,
                ),
            )
            .order_by("tanggal_mulai", "pk")
        )
    for skp in skp_list:
        sisa = (jadwal.batas_pengisian - today).days
        lengkap = skp.terisi >= skp.total
        tingkat = "success" if lengkap else ("warning" if sisa < HARI_PERINGATAN else "info")
        bagian.items.append(
            Item(
                _(
                    "Realisasi periode ke-%(nomor)s: %(terisi)s dari %(total)s indikator terisi; batas "
                    "pengisian %(batas)s (%(sisa)s)."
                )
                % {
                    "nomor": jadwal.nomor,
                    "terisi": skp.terisi,
                    "total": skp.total,
                    "batas": date_format(jadwal.batas_pengisian, "j F Y"),
                    "sisa": sisa_hari(sisa),
                },
                tautan("pelaksanaan:periode", skp.pk, jadwal.nomor),
                tingkat=tingkat,
            )
        )
    # Feedback on my SKP by others in the last 30 days, per SKP (the link goes to the SKP with most).
    per_skp = (
        UmpanBalik.objects.filter(
            skp__pegawai=pegawai, created_at__gte=timezone.now() - timedelta(days=HARI_UMPAN_BALIK)
        )
        .exclude(pemberi=pegawai)
        .values("skp_id")
        .annotate(n=Count("id"))
        .order_by("-n", "-skp_id")
        .values_list("skp_id", "n")
    )
    per_skp = list(per_skp)
    n_umpan_balik = sum(n for _s, n in per_skp)
    skp_umpan_balik = per_skp[0][0] if per_skp else (skp_list[0].pk if skp_list else None)
    if skp_umpan_balik is not None:
        bagian.items.append(
            Item(
                _("Umpan balik diterima dalam %(hari)s hari terakhir") % {"hari": HARI_UMPAN_BALIK},
                tautan("pelaksanaan:umpan-balik", skp_umpan_balik),
                n_umpan_balik,
            )
        )
    n_permintaan = PermintaanUmpanBalik.objects.filter(
        diminta=pegawai, status=PermintaanUmpanBalik.Status.MENUNGGU
    ).count()
    if n_permintaan:
        bagian.items.append(
            Item(
                _("Permintaan umpan balik menunggu jawaban Anda"),
                tautan("pelaksanaan:permintaan-list"),
                n_permintaan,
                "warning",
            )
        )
    return bagian if bagian.items else None
