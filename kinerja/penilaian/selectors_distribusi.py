"""The distribution of predikat in a unit and its sub-units for one evaluation period, read against the
pattern of the unit's capaian organisasi, with one row per pejabat penilai (team) and the
justifications they gave (regulasi.md §3.2, §3.3, decision a).

Everything is counted in SQL (GROUP BY pejabat penilai, predikat, status) and read as plain rows, so a
unit of 500 pegawai costs the same queries as a unit of 5. The distribution covers the pegawai below
the unit's pimpinan: the pimpinan's own penilaian is set one level above and is left out (§3.3).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import translation

from kinerja.aturan import JenjangFungsional, Predikat, tulis_nip
from kinerja.core.access import akses_of
from kinerja.core.counting import version
from kinerja.organisasi.models import PEGAWAI_COUNTS, UNIT_TREE, Pegawai, nama_dengan_gelar
from kinerja.perencanaan.models import PeriodeKinerja
from kinerja.perencanaan.selectors_laporan import Lingkup, Unit

from .capaian import PeriodePenilaian, sub_unit
from .distribusi import RingkasanDistribusi, ringkasan_distribusi
from .models import DATA_PENILAIAN, CapaianKinerjaOrganisasi, JustifikasiDistribusi, Penilaian
from .struktur import kepala_unit, unit_dipimpin_oleh
from .workflow import StatusPenilaian

JENJANG = dict(JenjangFungsional.choices())


def jabatan_lengkap(nama: str | None, jenjang: str | None) -> str:
    return f"{nama} {JENJANG[jenjang]}" if jenjang in JENJANG else (nama or "")


# --- who sees which unit ----------------------------------------------------------------------------


@dataclass
class Jangkauan:
    """The units of the lingkup's instansi whose distribution the user may see."""

    unit_ids: set[int]


def jangkauan(user, lingkup: Lingkup) -> Jangkauan:
    """Admin instansi, pimpinan role and superadmin see every unit; a pegawai sees the units they lead
    and those whose capaian they set (the units of the pimpinan they evaluate), each with its
    sub-units; anyone else none. One query for a pegawai, none for the others: in an instansi of
    thousands of units the heads of all of them are never loaded."""
    akses = akses_of(user)
    induk = lingkup.induk
    if akses.sees_whole_instansi(lingkup.instansi.pk):
        return Jangkauan(set(induk))
    me = akses.pegawai.pk if akses.pegawai and akses.pegawai.instansi_id == lingkup.instansi.pk else None
    if me is None:
        return Jangkauan(set())
    akar = unit_dipimpin_oleh(Q(pk=me) | Q(pejabat_penilai_id=me), instansi_id=lingkup.instansi.pk)
    return Jangkauan({pk for u in akar if u in induk for pk in sub_unit(induk, u)})


# --- the distribution of a unit ---------------------------------------------------------------------


@dataclass(frozen=True)
class BarisPredikat:
    predikat: Predikat
    draf: int
    final: int

    @property
    def jumlah(self) -> int:
        return self.draf + self.final


@dataclass
class Tim:
    """One pejabat penilai's team: the whole team's distribution (as the finalisation checks it) against
    the capaian of the penilai's unit, and the justifications given for that period."""

    penilai_id: int
    nama: str
    nip: str
    jabatan: str
    ringkasan: RingkasanDistribusi
    di_unit: int  # the team's penilaian inside the unit shown
    belum: int  # the team's penilaian without a predikat yet
    capaian: CapaianKinerjaOrganisasi | None
    justifikasi: list[JustifikasiDistribusi] = field(default_factory=list)


@dataclass
class DistribusiUnit:
    unit: Unit
    kepala: Pegawai | None
    periode: PeriodeKinerja
    pilihan: PeriodePenilaian
    capaian: CapaianKinerjaOrganisasi | None  # in force: the unit's own or the nearest unit above's
    ringkasan: RingkasanDistribusi  # every penilaian with a predikat, draft or final
    per_predikat: list[BarisPredikat]
    belum: int  # penilaian without a predikat yet
    tim: list[Tim]

    @property
    def capaian_sendiri(self) -> bool:
        return self.capaian is not None and self.capaian.unit_kerja_id == self.unit.id

    @property
    def draf(self) -> int:
        return sum(b.draf for b in self.per_predikat)

    @property
    def final(self) -> int:
        return sum(b.final for b in self.per_predikat)

    @property
    def menyimpang(self) -> list[Tim]:
        return [t for t in self.tim if t.ringkasan.menyimpang]


def _capaian_berlaku(nilai: dict[int, CapaianKinerjaOrganisasi], induk: dict, unit_id: int | None):
    u, seen = unit_id, set()
    while u is not None and u not in seen:
        seen.add(u)
        if u in nilai:
            return nilai[u]
        u = induk.get(u)
    return None


def _penilaian_unit(lingkup: Lingkup, periode, pilihan, kepala: Pegawai | None):
    qs = Penilaian.objects.filter(
        periode=periode, jadwal_id=pilihan.jadwal_id, unit_kerja_id__in=lingkup.unit_ids
    )
    return qs.exclude(pegawai_id=kepala.pk) if kepala else qs


def distribusi_unit(
    lingkup: Lingkup, *, periode: PeriodeKinerja, pilihan: PeriodePenilaian, kepala: Pegawai | None
) -> DistribusiUnit:
    """The unit's distribution and its teams in five queries whatever the number of pegawai."""
    unit = lingkup.unit
    induk = lingkup.induk
    draf: Counter = Counter()
    final: Counter = Counter()
    belum = 0
    di_unit: Counter = Counter()
    for r in (
        _penilaian_unit(lingkup, periode, pilihan, kepala)
        .values("pejabat_penilai_id", "predikat", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        di_unit[r["pejabat_penilai_id"]] += r["n"]
        if not r["predikat"]:
            belum += r["n"]
        elif r["status"] == StatusPenilaian.FINAL:
            final[Predikat(r["predikat"])] += r["n"]
        else:
            draf[Predikat(r["predikat"])] += r["n"]
    penilai_ids = list(di_unit)

    tim_jumlah: dict[int, Counter] = defaultdict(Counter)
    tim_belum: Counter = Counter()
    for r in (
        Penilaian.objects.filter(
            periode=periode, jadwal_id=pilihan.jadwal_id, pejabat_penilai_id__in=penilai_ids
        )
        .values("pejabat_penilai_id", "predikat")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if r["predikat"]:
            tim_jumlah[r["pejabat_penilai_id"]][Predikat(r["predikat"])] += r["n"]
        else:
            tim_belum[r["pejabat_penilai_id"]] += r["n"]

    nilai = {
        c.unit_kerja_id: c
        for c in CapaianKinerjaOrganisasi.objects.filter(periode=periode, jadwal_id=pilihan.jadwal_id)
        .select_related("ditetapkan_oleh", "unit_kerja")
        .order_by()
    }
    justifikasi: dict[int, list] = defaultdict(list)
    for j in JustifikasiDistribusi.objects.filter(
        periode=periode, jadwal_id=pilihan.jadwal_id, pejabat_penilai_id__in=penilai_ids
    ).select_related("dibuat_oleh"):
        justifikasi[j.pejabat_penilai_id].append(j)

    tim = []
    for p in (
        Pegawai.objects.filter(pk__in=penilai_ids)
        .order_by("nama", "id")
        .values_list(
            "id",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "nip",
            "jabatan__nama",
            "jabatan__jenjang",
            "unit_kerja_id",
        )
    ):
        pk, gd, nama, gb, nip, jabatan, jenjang, unit_id = p
        capaian = _capaian_berlaku(nilai, induk, unit_id)
        tim.append(
            Tim(
                penilai_id=pk,
                nama=nama_dengan_gelar(gd, nama, gb),
                nip=nip,
                jabatan=jabatan_lengkap(jabatan, jenjang),
                ringkasan=ringkasan_distribusi(tim_jumlah[pk], capaian.capaian if capaian else None),
                di_unit=di_unit[pk],
                belum=tim_belum[pk],
                capaian=capaian,
                justifikasi=justifikasi.get(pk, []),
            )
        )

    capaian = _capaian_berlaku(nilai, induk, unit.id)
    return DistribusiUnit(
        unit=unit,
        kepala=kepala,
        periode=periode,
        pilihan=pilihan,
        capaian=capaian,
        ringkasan=ringkasan_distribusi(draf + final, capaian.capaian if capaian else None),
        per_predikat=[BarisPredikat(p, draf[p], final[p]) for p in Predikat],
        belum=belum,
        tim=tim,
    )


def distribusi_unit_tersimpan(
    lingkup: Lingkup, *, periode: PeriodeKinerja, pilihan: PeriodePenilaian
) -> DistribusiUnit:
    """`distribusi_unit`, cached until a penilaian, capaian or justification changes (any write bumps
    DATA_PENILAIAN), a pegawai changes (names, teams, the unit's pimpinan) or a unit changes: the page
    is read by every pimpinan at the year's end while the numbers move only when someone saves."""
    key = ":".join(
        str(x)
        for x in (
            "distribusi",
            version(DATA_PENILAIAN),
            version(PEGAWAI_COUNTS),
            version(UNIT_TREE),
            lingkup.unit.id,
            periode.pk,
            pilihan.jadwal_id,
            translation.get_language(),
        )
    )
    hasil = cache.get(key)
    if hasil is None:
        kepala = kepala_unit([lingkup.unit.id]).get(lingkup.unit.id)
        hasil = distribusi_unit(lingkup, periode=periode, pilihan=pilihan, kepala=kepala)
        cache.set(key, hasil, 600)
    return hasil


# --- the pegawai listed in the Penetapan Predikat Kinerja -------------------------------------------


@dataclass(frozen=True)
class BarisPegawai:
    nama: str
    nip: str
    jabatan: str
    predikat: Predikat | None
    final: bool

    @property
    def nip_tertulis(self) -> str:
        return tulis_nip(self.nip)


def pegawai_unit(lingkup: Lingkup, *, periode, pilihan, kepala: Pegawai | None) -> list[BarisPegawai]:
    """Every penilaian of the unit and its sub-units for the period (the pimpinan's own left out), by
    name; one query, plain rows."""
    rows = (
        _penilaian_unit(lingkup, periode, pilihan, kepala)
        .order_by("pegawai__nama", "pegawai_id")
        .values_list(
            "pegawai__gelar_depan",
            "pegawai__nama",
            "pegawai__gelar_belakang",
            "pegawai__nip",
            "skp__jabatan__nama",
            "skp__jabatan__jenjang",
            "predikat",
            "status",
        )
    )
    return [
        BarisPegawai(
            nama=nama_dengan_gelar(gd, nama, gb),
            nip=nip,
            jabatan=jabatan_lengkap(jabatan, jenjang),
            predikat=Predikat(predikat) if predikat else None,
            final=status == StatusPenilaian.FINAL,
        )
        for gd, nama, gb, nip, jabatan, jenjang, predikat, status in rows.iterator(chunk_size=2000)
    ]
