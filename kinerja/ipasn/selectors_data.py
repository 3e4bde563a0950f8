"""Reads of the IP ASN data of each ASN, scoped to the user: his own, his team's as pejabat penilai
(data dukung only), his instansi's as Analis SDM (admin instansi)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai

from .data import JENIS_DATA
from .models import StatusData


def data_pegawai(pegawai) -> dict[str, list]:
    """kode -> the records of one pegawai, newest first (three queries)."""
    return {
        kode: list(j.model.objects.filter(pegawai=pegawai).select_related("diverifikasi_oleh"))
        for kode, j in JENIS_DATA.items()
    }


def data_terlihat(user, kode: str, pk: int):
    """One record when `user` may see it and its data dukung: the owner, his pejabat penilai, the
    admin of his instansi; None otherwise."""
    jenis = JENIS_DATA.get(kode)
    if jenis is None:
        return None
    obj = jenis.model.objects.select_related("pegawai", "pegawai__user").filter(pk=pk).first()
    if obj is None:
        return None
    akses = akses_of(user)
    me = akses.pegawai.pk if akses.pegawai else None
    if akses.is_admin_of(obj.pegawai.instansi_id) or (
        me is not None and me in (obj.pegawai_id, obj.pegawai.pejabat_penilai_id)
    ):
        return obj
    return None


def instansi_admin(user) -> list[int] | None:
    """The instansi ids `user` administers; None for the superadmin (all)."""
    akses = akses_of(user)
    if akses.is_superadmin:
        return None
    return sorted(akses.admin_instansi_ids)


def _dalam(qs, instansi_ids, prefix=""):
    return qs if instansi_ids is None else qs.filter(**{f"{prefix}instansi_id__in": instansi_ids})


def pegawai_admin(user, pk: int) -> Pegawai | None:
    """A pegawai of an instansi the user administers (or any, for the superadmin)."""
    qs = _dalam(Pegawai.objects.select_related("instansi", "unit_kerja", "user"), instansi_admin(user))
    return qs.filter(pk=pk).first()


def _jumlah(qs):
    """Records of the outer pegawai in `qs`, as a correlated subquery (no join product)."""
    sub = qs.filter(pegawai=OuterRef("pk")).values("pegawai").annotate(c=Count("pk")).values("c")
    return Coalesce(Subquery(sub), 0)


def daftar_pegawai(user, q: str = "", page: int = 1):
    """A page of the administered pegawai, each with its count of records per kind and of records
    waiting: one query for the page plus one count."""
    qs = _dalam(Pegawai.objects.select_related("unit_kerja"), instansi_admin(user)).filter(aktif=True)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q))
    hitung = {f"n_{kode}": _jumlah(j.model.objects.all()) for kode, j in JENIS_DATA.items()}
    menunggu = [_jumlah(j.model.objects.filter(status=StatusData.DIAJUKAN)) for j in JENIS_DATA.values()]
    qs = qs.annotate(**hitung, n_menunggu=sum(menunggu[1:], start=menunggu[0])).order_by("nama", "pk")
    return Paginator(qs, settings.KINERJA_PAGE_SIZE).get_page(page)


def antrean(user, kode: str, page: int = 1):
    """A page of the diajukan records of one kind in the user's instansi, oldest first."""
    jenis = JENIS_DATA[kode]
    qs = _dalam(
        jenis.model.objects.filter(status=StatusData.DIAJUKAN).select_related(
            "pegawai", "pegawai__unit_kerja"
        ),
        instansi_admin(user),
        "pegawai__",
    ).order_by("created_at", "pk")
    return Paginator(qs, settings.KINERJA_PAGE_SIZE).get_page(page)


def jumlah_antrean(user) -> dict[str, int]:
    """kode -> diajukan records waiting in the user's instansi (one query per kind)."""
    ids = instansi_admin(user)
    return {
        kode: _dalam(j.model.objects.filter(status=StatusData.DIAJUKAN), ids, "pegawai__").count()
        for kode, j in JENIS_DATA.items()
    }
