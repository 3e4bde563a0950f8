"""Scoped reads of the Analis SDM's queue: the entries of the instansi the user administers (every
instansi for the superadmin), filtered by kind, status and unit (with the units below it), waiting
entries first. One query per page whatever the number of rows (plus the paginator's count)."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse

from kinerja.core.access import akses_of
from kinerja.perencanaan.selectors_laporan import pohon_instansi, turunan

from .models import JenisKiriman, Kiriman, StatusKiriman

BARIS = (
    "unit_kerja",
    "pegawai",
    "penilaian__periode",
    "penilaian__jadwal",
    "pembinaan",
    "nota_dinas__pengirim",
    "dikirim_oleh",
    "diproses_oleh",
)


def kiriman_terlihat(user) -> QuerySet[Kiriman]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return Kiriman.objects.all()
    return Kiriman.objects.filter(instansi_id__in=akses.admin_instansi_ids)


def antrian(user, *, jenis: str = "", status: str = "", unit=None) -> QuerySet[Kiriman]:
    qs = kiriman_terlihat(user)
    if jenis:
        qs = qs.filter(jenis=jenis)
    if status:
        qs = qs.filter(status=status)
    if unit is not None:
        qs = qs.filter(unit_kerja_id__in=turunan(unit.pk, pohon_instansi(unit.instansi_id).anak))
    return (
        qs.select_related(*BARIS)
        .annotate(
            urutan=Case(
                When(status=StatusKiriman.MASUK, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("urutan", "-created_at", "-id")
    )


def jumlah_masuk(admin_instansi_ids) -> int:
    return Kiriman.objects.filter(instansi_id__in=admin_instansi_ids, status=StatusKiriman.MASUK).count()


def _reverse(name: str, pk: int) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:  # a part of the stage not installed
        return ""


@dataclass(frozen=True)
class Tautan:
    dokumen: str  # the document (PDF)
    rincian: str  # the object's page


def tautan(k: Kiriman) -> Tautan:
    """Where a row links: the document itself and the page of the object it belongs to."""
    if k.jenis == JenisKiriman.DOKUMEN_EVALUASI and k.penilaian_id:
        return Tautan(_reverse("penilaian:pdf", k.penilaian_id), _reverse("penilaian:hasil", k.penilaian_id))
    if k.jenis == JenisKiriman.LAPORAN_PEMBINAAN and k.pembinaan_id:
        return Tautan(
            _reverse("tindak_lanjut:pembinaan-pdf", k.pembinaan_id),
            _reverse("tindak_lanjut:pembinaan-detail", k.pembinaan_id),
        )
    if k.nota_dinas_id:
        return Tautan(
            _reverse("tindak_lanjut:nota-pdf", k.nota_dinas_id),
            _reverse("tindak_lanjut:nota-detail", k.nota_dinas_id),
        )
    return Tautan("", "")
