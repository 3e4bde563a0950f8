"""Scoped, preloaded reads of pembinaan, penghargaan and sanksi.

A pembinaan is seen by its pegawai, its pembina, the pegawai's pejabat penilai and atasan pejabat
penilai, and the admin and pimpinan of the instansi (`organisasi.selectors.pegawai_scope`); the same
for penghargaan and sanksi (without the pembina). Out of reach: None (404).
"""

from django.db.models import Prefetch, Q, QuerySet

from kinerja.core.access import akses_of
from kinerja.organisasi.selectors import dapat_melihat, pegawai_scope
from kinerja.perencanaan.selectors_laporan import pohon_instansi, turunan

from .models import Pembinaan, Penghargaan, Sanksi, SesiPembinaan

IDENTITAS = (
    "pegawai__instansi",
    "pegawai__unit_kerja",
    "pegawai__jabatan",
    "pegawai__user",
    "pembina__jabatan",
    "pembina__unit_kerja",
    "pembina__user",
    "penilaian__periode",
    "penilaian__jadwal",
)


def _me(user) -> int | None:
    pegawai = akses_of(user).pegawai
    return pegawai.pk if pegawai else None


def pembinaan_terlihat(user) -> QuerySet[Pembinaan]:
    qs = Pembinaan.objects.all()
    if akses_of(user).is_superadmin:
        return qs
    scope = pegawai_scope(user, "pegawai__")
    me = _me(user)
    if me is not None:
        scope |= Q(pembina_id=me)
    return qs.filter(scope)


def daftar_pembinaan(user, *, status: str = "", unit_id: int | None = None) -> QuerySet[Pembinaan]:
    """The list page: one query for the rows with their pegawai, pembina and evaluation."""
    qs = pembinaan_terlihat(user).select_related(
        "pegawai__unit_kerja", "pembina", "penilaian__periode", "penilaian__jadwal"
    )
    if status:
        qs = qs.filter(status=status)
    if unit_id is not None:
        qs = qs.filter(pegawai__unit_kerja_id__in=unit_dan_bawahan(user, unit_id))
    return qs.order_by("-created_at", "-id")


def unit_dan_bawahan(user, unit_id: int) -> list[int]:
    """The unit and the units below it, within the instansi the user sees."""
    akses = akses_of(user)
    if akses.instansi_id is None:
        return [unit_id]
    pohon = pohon_instansi(akses.instansi_id)
    return turunan(unit_id, pohon.anak) if unit_id in pohon.induk else [unit_id]


def pembinaan_detail(user, pk: int) -> Pembinaan | None:
    """One pembinaan with its identities and sessions, or None when out of reach."""
    try:
        p = (
            Pembinaan.objects.select_related(*IDENTITAS)
            .prefetch_related(Prefetch("sesi_set", SesiPembinaan.objects.order_by("tanggal", "id")))
            .get(pk=pk)
        )
    except Pembinaan.DoesNotExist:
        return None
    me = _me(user)
    if (me is not None and me == p.pembina_id) or dapat_melihat(user, p.pegawai):
        return p
    return None


def riwayat_pembinaan(p: Pembinaan) -> list:
    """Who did what to the pembinaan, oldest first (from its model history)."""
    return list(p.history.select_related("history_user").order_by("history_date", "history_id"))


def penghargaan_terlihat(user, *, pegawai_id: int | None = None) -> QuerySet[Penghargaan]:
    qs = Penghargaan.objects.select_related("pegawai__unit_kerja", "penilaian__periode", "penilaian__jadwal")
    if not akses_of(user).is_superadmin:
        qs = qs.filter(pegawai_scope(user, "pegawai__"))
    if pegawai_id is not None:
        qs = qs.filter(pegawai_id=pegawai_id)
    return qs.order_by("-tanggal", "-id")


def sanksi_terlihat(user, *, pegawai_id: int | None = None) -> QuerySet[Sanksi]:
    qs = Sanksi.objects.select_related("pegawai__unit_kerja", "penilaian__periode", "penilaian__jadwal")
    if not akses_of(user).is_superadmin:
        qs = qs.filter(pegawai_scope(user, "pegawai__"))
    if pegawai_id is not None:
        qs = qs.filter(pegawai_id=pegawai_id)
    return qs.order_by("-tanggal_mulai", "-id")
