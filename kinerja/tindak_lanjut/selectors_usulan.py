"""Scoped reads of usulan pengembangan kompetensi and their Nota Dinas.

An usulan is seen by whoever sees its pegawai (`organisasi.selectors.pegawai_scope`: the pegawai, his
pejabat penilai and atasan, the admin and pimpinan of the instansi). A nota dinas is seen by its
sender and by the admin and pimpinan of its instansi. Out of reach: None (404).
"""

from django.db.models import Prefetch, Q, QuerySet

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import pegawai_scope
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusPenilaian

from .models import NotaDinasUsulan, Pembinaan, UsulanPengembangan

LINGKUP = ("saya", "tim", "instansi")
BARIS_USULAN = (
    "pegawai__jabatan",
    "pegawai__unit_kerja",
    "penilaian__periode",
    "penilaian__jadwal",
    "nota_dinas",
)


def usulan_terlihat(user) -> QuerySet[UsulanPengembangan]:
    if akses_of(user).is_superadmin:
        return UsulanPengembangan.objects.all()
    return UsulanPengembangan.objects.filter(pegawai_scope(user, "pegawai__"))


def daftar_usulan(user, *, lingkup: str = "", tahun: int | None = None, status: str = "") -> QuerySet:
    """The list page: "saya" my own, "tim" my team's (as pejabat penilai), "instansi" everything I may
    see; newest first, with everything a row shows joined in."""
    qs = usulan_terlihat(user)
    me = akses_of(user).pegawai
    if lingkup == "saya":
        qs = qs.filter(pegawai=me) if me else qs.none()
    elif lingkup == "tim":
        qs = qs.filter(pegawai__pejabat_penilai=me).exclude(pegawai=me) if me else qs.none()
    if tahun:
        qs = qs.filter(tahun=tahun)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related(*BARIS_USULAN).order_by("-tahun", "-created_at", "-id")


def usulan_detail(user, pk: int) -> UsulanPengembangan | None:
    return usulan_terlihat(user).select_related("pegawai", *BARIS_USULAN).filter(pk=pk).first()


def calon_pegawai(user) -> QuerySet[Pegawai]:
    """Whom the user may propose for: himself and the active pegawai he evaluates."""
    me = akses_of(user).pegawai
    if me is None:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(Q(pk=me.pk) | Q(pejabat_penilai=me, aktif=True)).order_by("nama", "id")


def calon_penilaian(user) -> QuerySet[Penilaian]:
    """Final penilaian of those pegawai, for the optional link of an usulan."""
    return (
        Penilaian.objects.filter(pegawai__in=calon_pegawai(user), status=StatusPenilaian.FINAL)
        .select_related("pegawai", "periode", "jadwal")
        .order_by("pegawai__nama", "-periode__tahun", "jadwal__nomor", "id")
    )


def calon_pembinaan(user) -> QuerySet[Pembinaan]:
    return (
        Pembinaan.objects.filter(pegawai__in=calon_pegawai(user))
        .select_related("pegawai")
        .order_by("pegawai__nama", "-created_at")
    )


# --- nota dinas --------------------------------------------------------------------------------------


def nota_terlihat(user) -> QuerySet[NotaDinasUsulan]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return NotaDinasUsulan.objects.all()
    scope = Q(instansi_id__in=akses.pengelola_instansi_ids)
    if akses.pegawai:
        scope |= Q(pengirim=akses.pegawai)
    return NotaDinasUsulan.objects.filter(scope)


def daftar_nota(user) -> QuerySet[NotaDinasUsulan]:
    from django.db.models import Count, Sum

    return (
        nota_terlihat(user)
        .select_related("unit_kerja", "pengirim")
        .annotate(jumlah=Count("usulan_set"), total_jp=Sum("usulan_set__jp"))
        .order_by("-tahun", "-created_at", "-id")
    )


def nota_detail(user, pk: int) -> NotaDinasUsulan | None:
    """One nota with its usulan (pegawai, jabatan) and its sender's identity, or None out of reach."""
    return (
        nota_terlihat(user)
        .select_related("instansi", "unit_kerja", "pengirim__jabatan", "pengirim__user")
        .prefetch_related(
            Prefetch(
                "usulan_set",
                UsulanPengembangan.objects.select_related("pegawai__jabatan").order_by("pegawai__nama", "id"),
            )
        )
        .filter(pk=pk)
        .first()
    )
