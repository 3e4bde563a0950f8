"""Scoped reads of SKP: an SKP is visible to whoever may see its pegawai (organisasi.selectors)."""

from django.db.models import Prefetch, QuerySet

from kinerja.core.access import akses_of
from kinerja.organisasi.selectors import visible_pegawai

from .models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from .workflow import StatusSkp


def visible_skp(user) -> QuerySet[Skp]:
    return Skp.objects.filter(pegawai__in=visible_pegawai(user))


def skp_saya(user) -> QuerySet[Skp]:
    pegawai = akses_of(user).pegawai
    if pegawai is None:
        return Skp.objects.none()
    return Skp.objects.filter(pegawai=pegawai).select_related("periode").order_by("-periode__tahun", "-versi")


def skp_detail(user) -> QuerySet[Skp]:
    """Everything the SKP page shows, in a fixed number of queries whatever its size."""
    return (
        visible_skp(user)
        .select_related(
            "periode",
            "pegawai__instansi",
            "pegawai__jabatan",
            "pegawai__unit_kerja",
            "pegawai__pejabat_penilai",
            "jabatan",
            "unit_kerja",
            "pejabat_penilai__jabatan",
            "pejabat_penilai__unit_kerja",
            "revisi_dari",
            "lampiran",
        )
        .prefetch_related(
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
    )


def inbox_penilai(user, *, tahun: int | None = None) -> QuerySet[Skp]:
    """The SKP of the pegawai this user rates (current penilai), newest version first."""
    me = akses_of(user).pegawai
    if me is None:
        return Skp.objects.none()
    qs = Skp.objects.filter(pegawai__pejabat_penilai=me).exclude(status__in=[StatusSkp.DIGANTI])
    if tahun:
        qs = qs.filter(periode__tahun=tahun)
    return (
        qs.select_related("pegawai", "pegawai__jabatan", "periode")
        .only(  # what the inbox shows: a penilai of 50 loads 50 light rows
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
        )
        .order_by("status", "pegawai__nama", "-versi")
    )


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
