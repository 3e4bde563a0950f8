"""Reads for the unit reports: the pohon kinerja and the SKP recap, scoped to the user.

Both run a fixed number of queries whatever the size of the unit: rows are read as plain tuples and
the tree is built in Python (`pohon.py`); the recap picks each pegawai's SKP in force with correlated
subqueries, so filtering, counting and paging stay in the database.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import JenjangFungsional, batas_penyusunan_skp
from kinerja.core.access import akses_of
from kinerja.core.counting import version
from kinerja.organisasi.models import UNIT_TREE, Instansi, UnitKerja, nama_dengan_gelar
from kinerja.organisasi.selectors import visible_instansi, visible_pegawai

from . import pohon
from .models import IndikatorKinerjaIndividu, PeriodeKinerja, RencanaHasilKerja, SasaranStrategis, Skp
from .selectors import visible_skp
from .workflow import StatusSkp

JENJANG = dict(JenjangFungsional.choices())


class DiLuarJangkauan(Exception):
    """The unit or instansi asked for is not visible to the user (the view answers 404)."""


@dataclass(frozen=True)
class Unit:
    id: int
    kode: str
    nama: str
    induk_id: int | None
    kedalaman: int = 0

    @property
    def label(self) -> str:
        """The name indented by its depth, for a flat <select>."""
        return "\u00a0\u00a0\u00a0" * self.kedalaman + self.nama


@dataclass
class Lingkup:
    """What a report is about: a unit with its sub-units, in one instansi, for one year."""

    instansi: Instansi
    instansi_list: list[Instansi]  # every visible instansi (the picker shows when there are several)
    unit: Unit | None  # None: the instansi has no unit yet
    units: list[Unit]  # the instansi's units in tree order (the unit picker)
    unit_ids: list[int]  # the unit and everything below it
    tahun: int
    pohon: "PohonUnit | None" = None  # the same units with their parent and children maps

    @property
    def induk(self) -> dict[int, int | None]:
        """unit id -> parent id, for every unit of the instansi."""
        return self.pohon.induk if self.pohon else {u.id: u.induk_id for u in self.units}

    PILIHAN_MAKS = 200

    @property
    def pilihan_unit(self) -> list[Unit]:
        """The units the picker offers: all of them in a small instansi; in a large one (thousands of
        units) the path from the top to the chosen unit, its direct sub-units and the top-level units,
        so the page stays small and one can still walk down the tree."""
        if len(self.units) <= self.PILIHAN_MAKS:
            return self.units
        by_id = {u.id: u for u in self.units}
        keep, u = set(), self.unit
        while u is not None and u.id not in keep:
            keep.add(u.id)
            u = by_id.get(u.induk_id)
        chosen = self.unit.id if self.unit else None
        return [u for u in self.units if u.id in keep or u.kedalaman == 0 or u.induk_id == chosen]


def lingkup_laporan(
    user, *, tahun: int, unit_id: int | None = None, instansi_id: int | None = None
) -> Lingkup | None:
    """The unit asked for (or the user's default one) among the visible units; None when the user sees
    no instansi at all. Raises DiLuarJangkauan for a unit or instansi out of reach.

    Default unit: the user's own; for admin and pimpinan the top unit above their own; for others
    (superadmin) the first top unit of the first visible instansi.
    """
    akses = akses_of(user)
    instansi_list = list(visible_instansi(user).order_by("nama"))
    by_id = {i.pk: i for i in instansi_list}
    if unit_id is not None:
        instansi_id = (
            UnitKerja.objects.filter(pk=unit_id, instansi_id__in=by_id)
            .values_list("instansi_id", flat=True)
            .first()
        )
        if instansi_id is None:
            raise DiLuarJangkauan
    elif instansi_id is not None and instansi_id not in by_id:
        raise DiLuarJangkauan
    if instansi_id is None:
        instansi_id = akses.instansi_id if akses.instansi_id in by_id else None
    if instansi_id is None and instansi_list:
        instansi_id = instansi_list[0].pk
    if instansi_id is None:
        return None
    instansi = by_id[instansi_id]
    pohon_ = pohon_instansi(instansi.pk)
    units = pohon_.units
    unit_by_id = {u.id: u for u in units}
    if unit_id is None:
        unit_id = _unit_bawaan(akses, instansi.pk, unit_by_id, units)
    unit = unit_by_id.get(unit_id)
    return Lingkup(
        instansi=instansi,
        instansi_list=instansi_list,
        unit=unit,
        units=units,
        unit_ids=_di_bawah(unit.id, units, pohon_.anak) if unit else [],
        tahun=tahun,
        pohon=pohon_,
    )


@dataclass(frozen=True)
class PohonUnit:
    """An instansi's units in tree order with the parent of each and the children of each."""

    units: list[Unit]
    induk: dict[int, int | None]
    anak: dict[int | None, list[int]]


_pohon: dict[int, tuple[int, PohonUnit]] = {}  # instansi id -> (version, tree), in this process


def units_instansi(instansi_id: int) -> list[Unit]:
    return pohon_instansi(instansi_id).units


def pohon_instansi(instansi_id: int) -> PohonUnit:
    """The instansi's units in tree order. Kept in this process's memory until any unit changes (the
    version `UNIT_TREE` is bumped by every UnitKerja write and by `sync_penilai` after bulk imports): an
    instansi of 5,000 units costs one cache read instead of reading and ordering them on every page."""
    versi = version(UNIT_TREE)
    hit = _pohon.get(instansi_id)
    if hit is not None and hit[0] == versi:
        return hit[1]
    units = _unit_tree(
        UnitKerja.objects.filter(instansi_id=instansi_id)
        .order_by("kode")
        .values_list("id", "kode", "nama", "induk_id")
    )
    anak: dict[int | None, list[int]] = {}
    for u in units:
        anak.setdefault(u.induk_id, []).append(u.id)
    pohon = PohonUnit(units, {u.id: u.induk_id for u in units}, anak)
    _pohon[instansi_id] = (versi, pohon)
    return pohon


def _unit_tree(rows) -> list[Unit]:
    rows = list(rows)
    ids = {r[0] for r in rows}
    anak: dict[int | None, list] = {}
    for r in rows:
        anak.setdefault(r[3] if r[3] in ids else None, []).append(r)
    out, stack, seen = [], [(r, 0) for r in reversed(anak.get(None, []))], set()
    while stack:
        (pk, kode, nama, induk_id), depth = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        out.append(Unit(pk, kode, nama, induk_id, depth))
        stack.extend((r, depth + 1) for r in reversed(anak.get(pk, [])))
    return out  # units caught in a loop of induk are left out (the unit form refuses loops)


def _di_bawah(unit_id: int, units: list[Unit], anak: dict | None = None) -> list[int]:
    if anak is None:
        anak = {}
        for u in units:
            anak.setdefault(u.induk_id, []).append(u.id)
    return turunan(unit_id, anak)


def turunan(unit_id: int, anak: dict[int | None, list[int]]) -> list[int]:
    """The unit and every unit below it, from a map unit id -> child ids (loops are cut)."""
    out, seen, stack = [], set(), [unit_id]
    while stack:
        pk = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        out.append(pk)
        stack.extend(reversed(anak.get(pk, [])))
    return out


def _unit_bawaan(akses, instansi_id: int, unit_by_id: dict[int, Unit], units: list[Unit]) -> int | None:
    own = akses.pegawai.unit_kerja_id if akses.pegawai and akses.pegawai.instansi_id == instansi_id else None
    if own in unit_by_id:
        if not akses.sees_whole_instansi(instansi_id):
            return own
        unit = unit_by_id[own]
        while unit.induk_id in unit_by_id:
            unit = unit_by_id[unit.induk_id]
        return unit.id
    return units[0].id if units else None


# --- the SKP recap ----------------------------------------------------------------------------------

BELUM = "belum"
STATUS_REKAP = {
    BELUM: _("Belum dibuat"),
    StatusSkp.DRAF.value: StatusSkp.DRAF.label,
    StatusSkp.DIAJUKAN.value: StatusSkp.DIAJUKAN.label,
    StatusSkp.DIKEMBALIKAN.value: StatusSkp.DIKEMBALIKAN.label,
    StatusSkp.DISETUJUI.value: StatusSkp.DISETUJUI.label,
    StatusSkp.DITUTUP.value: StatusSkp.DITUTUP.label,
}
# What a recap row reads, as a named tuple.
KOLOM_REKAP = (
    "id",
    "nip",
    "gelar_depan",
    "nama",
    "gelar_belakang",
    "jabatan__nama",
    "jabatan__jenjang",
    "pejabat_penilai__gelar_depan",
    "pejabat_penilai__nama",
    "pejabat_penilai__gelar_belakang",
    "penilai_pimpinan_instansi",
    "skp_id",
    "skp_status",
    "skp_diajukan",
    "skp_disetujui",
    "skp_terlambat",
)


@dataclass(frozen=True)
class BarisRekap:
    pegawai_id: int
    nip: str
    nama: str
    jabatan: str
    penilai: str
    skp_id: int | None
    status: str
    diajukan: datetime | None
    disetujui: datetime | None
    terlambat: bool

    @property
    def status_label(self) -> str:
        return str(STATUS_REKAP.get(self.status, self.status))


@dataclass
class Rekap:
    batas: date
    total: dict[str, int]  # per status, plus "terlambat" and "semua" (before the status filters)
    rows: QuerySet  # filtered and ordered named tuples of KOLOM_REKAP; map them with `baris`
    jabatan_pimpinan: str = ""

    def baris(self, rows) -> Iterator[BarisRekap]:
        return baris_rekap(rows, jabatan_pimpinan=self.jabatan_pimpinan)


def batas_penyusunan(instansi: Instansi, tahun: int) -> date:
    batas = (
        PeriodeKinerja.objects.filter(instansi=instansi, tahun=tahun)
        .values_list("batas_penyusunan", flat=True)
        .first()
    )
    return batas or batas_penyusunan_skp(tahun)


def q_terlambat(batas: date, today: date) -> Q:
    """Late as `Skp.terlambat` says, on the annotated SKP in force: submitted after the deadline, or not
    submitted (nor created) while the deadline has passed."""
    cutoff = timezone.make_aware(datetime.combine(batas + timedelta(days=1), time.min))
    q = Q(skp_diajukan__gte=cutoff)
    if today > batas:
        q |= Q(skp_diajukan__isnull=True)
    return q & Q(skp_revisi__isnull=True)  # a revision of an approved SKP is never late


def rekap_skp(
    user, lingkup: Lingkup, *, status: str = "", hanya_terlambat: bool = False, today: date | None = None
) -> Rekap:
    """Every active pegawai of the unit and its sub-units that the user may see, with the SKP in force
    for the year: the newest version not replaced; a closed one only when there is nothing else."""
    today = today or timezone.localdate()
    batas = batas_penyusunan(lingkup.instansi, lingkup.tahun)
    berlaku = (
        Skp.objects.filter(pegawai=OuterRef("pk"), periode__tahun=lingkup.tahun)
        .exclude(status=StatusSkp.DIGANTI)
        .order_by(  # an approved version stays in force while its revision is being drawn up
            Case(When(status=StatusSkp.DITUTUP, then=Value(1)), default=Value(0)),
            "-tanggal_mulai",
            Case(When(status=StatusSkp.DISETUJUI, then=Value(0)), default=Value(1)),
            "-versi",
            "-id",
        )
    )
    terlambat = q_terlambat(batas, today)
    qs = (
        visible_pegawai(user)
        .filter(aktif=True, unit_kerja_id__in=lingkup.unit_ids)
        .annotate(
            skp_id=Subquery(berlaku.values("id")[:1]),
            skp_status=Coalesce(Subquery(berlaku.values("status")[:1]), Value(BELUM)),
            skp_diajukan=Subquery(berlaku.values("diajukan_pada")[:1]),
            skp_disetujui=Subquery(berlaku.values("disetujui_pada")[:1]),
            skp_revisi=Subquery(berlaku.values("revisi_dari")[:1]),
        )
        .annotate(
            skp_terlambat=Case(
                When(terlambat, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
    )
    total = qs.aggregate(
        semua=Count("pk"),
        terlambat=Count("pk", filter=terlambat),
        **{s: Count("pk", filter=Q(skp_status=s)) for s in STATUS_REKAP},
    )
    if status:
        qs = qs.filter(skp_status=status)
    if hanya_terlambat:
        qs = qs.filter(terlambat)
    return Rekap(
        batas=batas,
        total=total,
        rows=qs.order_by("nama", "id").values_list(*KOLOM_REKAP, named=True),
        jabatan_pimpinan=lingkup.instansi.jabatan_pimpinan,
    )


def _jabatan(nama: str | None, jenjang: str | None) -> str:
    return f"{nama} {JENJANG[jenjang]}" if jenjang in JENJANG else (nama or "")


def baris_rekap(rows, *, jabatan_pimpinan: str = "") -> Iterator[BarisRekap]:
    """Recap rows (named tuples of KOLOM_REKAP) as shown: names with their titles, jabatan with jenjang."""
    for r in rows:
        if r.pejabat_penilai__nama:
            penilai = nama_dengan_gelar(
                r.pejabat_penilai__gelar_depan, r.pejabat_penilai__nama, r.pejabat_penilai__gelar_belakang
            )
        else:  # rated by the head of the instansi (decision i), or nobody yet
            penilai = jabatan_pimpinan if r.penilai_pimpinan_instansi else ""
        yield BarisRekap(
            pegawai_id=r.id,
            nip=r.nip,
            nama=nama_dengan_gelar(r.gelar_depan, r.nama, r.gelar_belakang),
            jabatan=_jabatan(r.jabatan__nama, r.jabatan__jenjang),
            penilai=penilai,
            skp_id=r.skp_id,
            status=r.skp_status,
            diajukan=r.skp_diajukan,
            disetujui=r.skp_disetujui,
            terlambat=bool(r.skp_terlambat),
        )


# --- the pohon kinerja ------------------------------------------------------------------------------


KOLOM_POHON = (
    "id",
    "pegawai_id",
    "pegawai__gelar_depan",
    "pegawai__nama",
    "pegawai__gelar_belakang",
    "pegawai__pejabat_penilai_id",
    "jabatan__nama",
    "jabatan__jenjang",
    "status",
    "jenis",
    "versi",
    "tanggal_mulai",
    "pejabat_penilai_id",
    "unit_kerja_id",
)


def pohon_unit(user, lingkup: Lingkup) -> pohon.Pohon:
    """The cascade of the unit's Perjanjian Kinerja down to every rencana hasil kerja of the SKP in force
    that the user may see, in seven queries at most whatever the size."""
    tahun, unit_ids = lingkup.tahun, lingkup.unit_ids
    # Every SKP of the year of the pegawai with an SKP in these units: the one in force may be elsewhere.
    di_unit = Skp.objects.filter(periode__tahun=tahun, unit_kerja_id__in=unit_ids).values("pegawai_id")
    rows = list(
        visible_skp(user)
        .filter(periode__tahun=tahun, pegawai_id__in=di_unit)
        .exclude(status=StatusSkp.DIGANTI)
        .values_list(*KOLOM_POHON, named=True)
    )
    unit_skp = {r.id: r.unit_kerja_id for r in rows}
    semua = [
        pohon.SkpRingkas(
            id=r.id,
            pegawai_id=r.pegawai_id,
            nama=nama_dengan_gelar(r.pegawai__gelar_depan, r.pegawai__nama, r.pegawai__gelar_belakang),
            jabatan=_jabatan(r.jabatan__nama, r.jabatan__jenjang),
            status=r.status,
            jenis=r.jenis,
            versi=r.versi,
            tanggal_mulai=r.tanggal_mulai,
            penilai_id=r.pejabat_penilai_id or r.pegawai__pejabat_penilai_id,
            status_label=str(StatusSkp(r.status).label),
        )
        for r in rows
    ]
    unit_set = set(unit_ids)
    skp = [s for s in pohon.skp_berlaku(semua) if unit_skp[s.id] in unit_set]
    skp_ids = [s.id for s in skp]

    iki: dict[int, list[pohon.Indikator]] = {}
    for i in (
        IndikatorKinerjaIndividu.objects.filter(rhk__skp_id__in=skp_ids)
        .only("rhk_id", "uraian", "target_min", "target_max", "satuan", "target_teks")
        .order_by("rhk_id", "urutan", "id")
    ):
        iki.setdefault(i.rhk_id, []).append(pohon.Indikator(i.uraian, i.target))
    rhk = [
        pohon.Rhk(pk, skp_id, uraian, jenis, urutan, intervensi, sasaran, tuple(iki.get(pk, ())))
        for pk, skp_id, uraian, jenis, urutan, intervensi, sasaran in RencanaHasilKerja.objects.filter(
            skp_id__in=skp_ids
        ).values_list("id", "skp_id", "uraian", "jenis", "urutan", "intervensi_id", "sasaran_id")
    ]

    sasaran_qs = list(
        SasaranStrategis.objects.filter(perjanjian__unit_kerja_id__in=unit_ids, perjanjian__tahun=tahun)
        .select_related("perjanjian__unit_kerja")
        .prefetch_related("indikator_set")
    )
    urutan_unit = {pk: i for i, pk in enumerate(unit_ids)}
    sasaran_qs.sort(
        key=lambda s: (urutan_unit.get(s.perjanjian.unit_kerja_id, 0), s.perjanjian.sumber, s.urutan, s.id)
    )
    sasaran = [
        pohon.Sasaran(
            s.pk,
            s.uraian,
            f"{s.perjanjian.get_sumber_display()} {s.perjanjian.unit_kerja.nama}",
            tuple(pohon.Indikator(i.uraian, i.target) for i in s.indikator_set.all()),
        )
        for s in sasaran_qs
    ]

    rhk_ids, sasaran_ids = {r.id for r in rhk}, {s.id for s in sasaran}
    luar_rhk = {r.intervensi_id for r in rhk if r.intervensi_id and r.intervensi_id not in rhk_ids}
    luar_sasaran = {r.sasaran_id for r in rhk if r.sasaran_id and r.sasaran_id not in sasaran_ids}
    induk_luar = {}
    if luar_rhk:
        for pk, uraian, gd, nama, gb in RencanaHasilKerja.objects.filter(pk__in=luar_rhk).values_list(
            "id", "uraian", "skp__pegawai__gelar_depan", "skp__pegawai__nama", "skp__pegawai__gelar_belakang"
        ):
            induk_luar[pk] = pohon.Induk(uraian, nama_dengan_gelar(gd, nama, gb))
    sasaran_luar = {}
    if luar_sasaran:
        for pk, uraian, unit in SasaranStrategis.objects.filter(pk__in=luar_sasaran).values_list(
            "id", "uraian", "perjanjian__unit_kerja__nama"
        ):
            sasaran_luar[pk] = pohon.Induk(uraian, unit)
    return pohon.bangun_pohon(
        skp=skp, rhk=rhk, sasaran=sasaran, induk_luar=induk_luar, sasaran_luar=sasaran_luar
    )
