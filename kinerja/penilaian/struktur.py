"""Who leads a unit, who sets its capaian organisasi, and which capaian applies to a team.

- The **pimpinan of a unit** is the active holder of a structural jabatan (JPT, administrator,
  pengawas) of that unit whose jabatan atasan lies outside the unit (or who has none).
- The capaian organisasi of a unit is set by **the pimpinan one level above** (regulasi.md §3.2):
  the pejabat penilai of the unit's pimpinan; the instansi's pimpinan role and the superadmin may
  also record it (for the top units, whose "one level above" is the head of the instansi).
- A team's distribution is read against the capaian of the penilai's unit, or of the nearest unit
  above it that has one (a pengawas without a capaian of their own answers to their bidang's).
"""

from collections import Counter
from collections.abc import Iterable

from django.db.models import Count, F, Q

from kinerja.aturan import JenisJabatan, Predikat
from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai, UnitKerja

from .models import CapaianKinerjaOrganisasi, Penilaian

JABATAN_STRUKTURAL = tuple(
    j.value for j in JenisJabatan if j.is_jpt or j in (JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)
)


def _q_kepala(prefix: str = "") -> Q:
    return Q(**{f"{prefix}jabatan__jenis__in": JABATAN_STRUKTURAL}) & (
        Q(**{f"{prefix}jabatan__atasan__isnull": True})
        | ~Q(**{f"{prefix}jabatan__atasan__unit_kerja_id": F(f"{prefix}jabatan__unit_kerja_id")})
    )


def kepala_unit(unit_ids: Iterable[int]) -> dict[int, Pegawai]:
    """The pimpinan of each unit (unit id -> Pegawai with jabatan), one query. A unit without one
    (vacant, or led by a Plt only) is missing from the result."""
    rows = (
        Pegawai.objects.filter(_q_kepala(), aktif=True, jabatan__unit_kerja_id__in=list(unit_ids))
        .select_related("jabatan")
        .order_by("jabatan__unit_kerja_id", "id")
    )
    out: dict[int, Pegawai] = {}
    for p in rows:
        out.setdefault(p.jabatan.unit_kerja_id, p)
    return out


def unit_dipimpin_oleh(pegawai_q: Q, *, instansi_id: int) -> set[int]:
    """The units led by the active pegawai matching `pegawai_q` (one query)."""
    return set(
        Pegawai.objects.filter(_q_kepala(), pegawai_q, aktif=True, instansi_id=instansi_id).values_list(
            "jabatan__unit_kerja_id", flat=True
        )
    )


def unit_dipimpin(pegawai: Pegawai) -> int | None:
    """The id of the unit this pegawai leads, or None (one query unless the jabatan is loaded)."""
    jabatan = pegawai.jabatan if pegawai.jabatan_id else None
    if jabatan is None or jabatan.jenis not in JABATAN_STRUKTURAL:
        return None
    if jabatan.atasan_id is None:
        return jabatan.unit_kerja_id
    atasan_unit = jabatan.atasan.unit_kerja_id
    return jabatan.unit_kerja_id if atasan_unit != jabatan.unit_kerja_id else None


def dapat_menetapkan_capaian(user, unit: UnitKerja) -> bool:
    """The pimpinan one level above the unit (pejabat penilai of its pimpinan), the instansi's
    pimpinan role, or the superadmin (regulasi.md §3.2)."""
    akses = akses_of(user)
    if akses.is_superadmin or unit.instansi_id in akses.pimpinan_instansi_ids:
        return True
    if akses.pegawai is None or akses.pegawai.instansi_id != unit.instansi_id:
        return False
    kepala = kepala_unit([unit.pk]).get(unit.pk)
    return kepala is not None and kepala.pejabat_penilai_id == akses.pegawai.pk


def capaian_berlaku(unit_id: int, periode_id: int, jadwal_id: int | None) -> CapaianKinerjaOrganisasi | None:
    """The capaian of the unit for that period (jadwal None = the year), or of the nearest unit above
    it that has one; two queries whatever the depth."""
    induk = dict(UnitKerja.objects.filter(instansi__unit_set=unit_id).values_list("id", "induk_id"))
    rantai, u, seen = [], unit_id, set()
    while u is not None and u not in seen:
        seen.add(u)
        rantai.append(u)
        u = induk.get(u)
    found = {
        c.unit_kerja_id: c
        for c in CapaianKinerjaOrganisasi.objects.filter(
            unit_kerja_id__in=rantai, periode_id=periode_id, jadwal_id=jadwal_id
        )
    }
    for u in rantai:
        if u in found:
            return found[u]
    return None


def jumlah_predikat(qs) -> Counter:
    """Count per Predikat over a queryset of Penilaian (those without a predikat are left out)."""
    rows = qs.exclude(predikat="").values("predikat").annotate(n=Count("id")).order_by()
    return Counter({Predikat(r["predikat"]): r["n"] for r in rows})


def penilaian_tim(pejabat_penilai_id: int, periode_id: int, jadwal_id: int | None):
    """The penilaian a pejabat penilai gives in one period (the team whose distribution is checked)."""
    return Penilaian.objects.filter(
        pejabat_penilai_id=pejabat_penilai_id, periode_id=periode_id, jadwal_id=jadwal_id
    )
