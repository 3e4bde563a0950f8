"""Scoped reads of SKP: an SKP is visible to whoever may see its pegawai (organisasi.selectors)."""

from datetime import date, datetime
from typing import NamedTuple

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kinerja.core.access import akses_of
from kinerja.organisasi.selectors import dapat_melihat, pegawai_scope

from .models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from .workflow import StatusSkp


def visible_skp(user) -> QuerySet[Skp]:
    return Skp.objects.filter(pegawai_scope(user, "pegawai__"))


def skp_saya(user) -> QuerySet[Skp]:
    pegawai = akses_of(user).pegawai
    if pegawai is None:
        return Skp.objects.none()
    return Skp.objects.filter(pegawai=pegawai).select_related("periode").order_by("-periode__tahun", "-versi")


def skp_dasar(user, pk: int) -> Skp | None:
    """An SKP the user may see with its identity blocks (the snapshot of jabatan, unit and penilai that
    the page and the formats print), or None; its contents are read by `halaman` (page) or
    `skp_detail` (documents). Fetched by key and checked in Python: the page is opened all day long."""
    try:
        skp = _dengan_identitas(Skp.objects.all()).get(pk=pk)
    except Skp.DoesNotExist:
        return None
    return skp if dapat_melihat(user, skp.pegawai) else None


def _dengan_identitas(qs: QuerySet[Skp]) -> QuerySet[Skp]:
    return qs.select_related(
        "periode",
        "pegawai__instansi",
        "jabatan",
        "unit_kerja",
        "pejabat_penilai__jabatan",
        "pejabat_penilai__unit_kerja",
        "lampiran",
    )


def skp_detail(user) -> QuerySet[Skp]:
    """Everything the SKP documents print, in a fixed number of queries whatever its size."""
    return _dengan_identitas(visible_skp(user)).prefetch_related(
        Prefetch(
            "rhk_set",
            RencanaHasilKerja.objects.select_related("intervensi", "sasaran").prefetch_related(
                Prefetch(
                    "indikator_set",
                    IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "id"),
                )
            ),
        ),
        "ekspektasi_set",
        "riwayat_set__oleh",
    )


class BarisInbox(NamedTuple):
    pk: int
    status: str
    versi: int
    diajukan_pada: datetime | None
    nama: str
    gelar_depan: str
    gelar_belakang: str
    jabatan: str | None
    tahun: int
    batas_penyusunan: date
    revisi_dari_id: int | None

    @property
    def terlambat(self) -> bool:
        """Not submitted by the deadline (same rule as `Skp.terlambat`)."""
        if self.revisi_dari_id is not None:
            return False
        if self.diajukan_pada is not None:
            return timezone.localtime(self.diajukan_pada).date() > self.batas_penyusunan
        return timezone.localdate() > self.batas_penyusunan


def inbox_penilai(user, *, tahun: int | None = None) -> list[BarisInbox]:
    """The SKP of the pegawai this user rates (current penilai), newest version first, as light rows:
    a penilai of 50 reads 50 tuples, not 150 model instances."""
    me = akses_of(user).pegawai
    if me is None:
        return []
    qs = Skp.objects.filter(pegawai__pejabat_penilai=me).exclude(status__in=[StatusSkp.DIGANTI])
    if tahun:
        qs = qs.filter(periode__tahun=tahun)
    return [
        BarisInbox(*row)
        for row in qs.order_by("status", "pegawai__nama", "-versi").values_list(
            "id",
            "status",
            "versi",
            "diajukan_pada",
            "pegawai__nama",
            "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
            "pegawai__jabatan__nama",
            "periode__tahun",
            "periode__batas_penyusunan",
            "revisi_dari_id",
        )
    ]


def rhk_atasan(skp: Skp) -> QuerySet[RencanaHasilKerja]:
    """The supervisor's rencana hasil kerja that `skp` may intervene (same year, not replaced)."""
    penilai_id = skp.pejabat_penilai_id or skp.pegawai.pejabat_penilai_id
    if penilai_id is None:
        return RencanaHasilKerja.objects.none()
    return RencanaHasilKerja.objects.filter(
        skp__pegawai_id=penilai_id,
        skp__periode__tahun=skp.periode.tahun,
        skp__status__in=[StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DISETUJUI],
    ).order_by("skp__versi", "jenis", "urutan")
