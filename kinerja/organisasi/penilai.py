"""Pejabat penilai and atasan pejabat penilai from the structure (domain reference, decision i).

The pejabat penilai of a pegawai is whoever holds the jabatan atasan on the given day: an acting
Plt/Plh first, otherwise the definitive holder. A vacant atasan post passes the role one level up.
Above the highest jabatan stands the pimpinan instansi (a Bupati, Gubernur or Menteri, who has no
NIP): the atasan pejabat penilai of a pegawai whose penilai is that pimpinan is the pimpinan too.
A per-person override (`pejabat_penilai_khusus`) wins over the structure.

The result is cached on Pegawai by `sync_penilai()` so that every scoped query is a plain join.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from kinerja.core.counting import invalidate_counts

from .models import PEGAWAI_COUNTS, UNIT_TREE, Instansi, Jabatan, Pegawai, PenugasanPlt


@dataclass(frozen=True)
class Penilai:
    pegawai_id: int | None  # None with pimpinan_instansi=True: the head of the instansi
    pimpinan_instansi: bool = False


UPDATE_CHUNK = 900  # below SQLite's historical limit of 999 bound parameters
TIDAK_ADA = Penilai(None, False)
PIMPINAN_INSTANSI = Penilai(None, True)


class PenilaiResolver:
    """Loads one instansi's structure in three queries and answers for any of its pegawai."""

    def __init__(self, instansi_id: int, on: date):
        self.atasan: dict[int, int | None] = dict(
            Jabatan.objects.filter(instansi_id=instansi_id).values_list("id", "atasan_id")
        )
        self.pegawai: dict[int, tuple[int | None, int | None]] = {}
        self.holders: dict[int, list[int]] = defaultdict(list)
        rows = (
            Pegawai.objects.filter(instansi_id=instansi_id, aktif=True)
            .order_by("id")
            .values_list("id", "jabatan_id", "pejabat_penilai_khusus_id")
        )
        for pid, jabatan_id, khusus_id in rows:
            self.pegawai[pid] = (jabatan_id, khusus_id)
            if jabatan_id is not None:
                self.holders[jabatan_id].append(pid)
        self.acting: dict[int, int] = {}
        acting_rows = (
            PenugasanPlt.objects.filter(
                jabatan__instansi_id=instansi_id, tanggal_mulai__lte=on, pegawai__aktif=True
            )
            .filter(Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=on))
            .order_by("tanggal_mulai", "id")
            .values_list("jabatan_id", "pegawai_id")
        )
        for jabatan_id, pid in acting_rows:
            self.acting[jabatan_id] = pid  # the latest assignment wins

    def _holder(self, jabatan_id: int, exclude: int) -> int | None:
        acting = self.acting.get(jabatan_id)
        if acting is not None and acting != exclude:
            return acting
        return next((p for p in self.holders.get(jabatan_id, ()) if p != exclude), None)

    def pejabat_penilai(self, pegawai_id: int) -> Penilai:
        jabatan_id, khusus_id = self.pegawai.get(pegawai_id, (None, None))
        if khusus_id is not None and khusus_id != pegawai_id:
            return Penilai(khusus_id)
        if jabatan_id is None:
            return TIDAK_ADA
        seen = {jabatan_id}
        atasan = self.atasan.get(jabatan_id)
        while atasan is not None and atasan not in seen:
            seen.add(atasan)
            holder = self._holder(atasan, exclude=pegawai_id)
            if holder is not None:
                return Penilai(holder)
            atasan = self.atasan.get(atasan)
        return PIMPINAN_INSTANSI

    def atasan_pejabat_penilai(self, pegawai_id: int) -> Penilai:
        penilai = self.pejabat_penilai(pegawai_id)
        if penilai.pimpinan_instansi:
            return PIMPINAN_INSTANSI
        if penilai.pegawai_id is None:
            return TIDAK_ADA
        return self.pejabat_penilai(penilai.pegawai_id)


def sync_penilai(*, instansi: Instansi, on: date) -> int:
    """Recomputes the cached penilai of every pegawai of the instansi; returns how many changed."""
    resolver = PenilaiResolver(instansi.pk, on)
    current = Pegawai.objects.filter(instansi=instansi).only(
        "id",
        "pejabat_penilai_id",
        "atasan_pejabat_penilai_id",
        "penilai_pimpinan_instansi",
        "atasan_penilai_pimpinan_instansi",
    )
    groups: dict[tuple, list[int]] = defaultdict(list)
    for p in current.iterator(chunk_size=5000):
        penilai = resolver.pejabat_penilai(p.pk) if p.pk in resolver.pegawai else TIDAK_ADA
        atasan = resolver.atasan_pejabat_penilai(p.pk) if p.pk in resolver.pegawai else TIDAK_ADA
        new = (penilai.pegawai_id, atasan.pegawai_id, penilai.pimpinan_instansi, atasan.pimpinan_instansi)
        old = (
            p.pejabat_penilai_id,
            p.atasan_pejabat_penilai_id,
            p.penilai_pimpinan_instansi,
            p.atasan_penilai_pimpinan_instansi,
        )
        if new != old:
            groups[new].append(p.pk)
    # One UPDATE per distinct (penilai, atasan) pair: a team is updated at once. This is far cheaper
    # than bulk_update's per-row CASE expressions (100,000 pegawai: ~5,000 small statements).
    for (penilai_id, atasan_id, penilai_pimpinan, atasan_pimpinan), ids in groups.items():
        for start in range(0, len(ids), UPDATE_CHUNK):
            Pegawai.objects.filter(pk__in=ids[start : start + UPDATE_CHUNK]).update(
                pejabat_penilai_id=penilai_id,
                atasan_pejabat_penilai_id=atasan_id,
                penilai_pimpinan_instansi=penilai_pimpinan,
                atasan_penilai_pimpinan_instansi=atasan_pimpinan,
            )
    invalidate_counts(PEGAWAI_COUNTS)  # also after bulk writes (import, synthetic) that skip signals
    invalidate_counts(UNIT_TREE)
    return sum(len(ids) for ids in groups.values())
