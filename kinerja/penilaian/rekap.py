"""The predikat recap of a unit and its sub-units for a year (annual evaluation) or one period.

Per unit: the pegawai with an SKP in force for the period (approved, or approved then closed at a change
of position, overlapping the period), the penilaian made final, and the count per predikat. The numbers
come from two GROUP BY queries (SKP per unit; final penilaian per unit and predikat, on the index
`penilaian_periode_unit`); the tree is rolled up in Python, so the cost does not grow with the pegawai.

Who sees what (`unit_rekap`): the admin instansi and the pimpinan any unit of their instansi; the
pimpinan of a unit (`struktur.unit_dipimpin`) that unit and its sub-units; other users are refused (403).
A unit of an instansi the user cannot see answers 404 (`lingkup_laporan`).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from kinerja.aturan import Predikat
from kinerja.core.access import akses_of
from kinerja.perencanaan.models import JadwalPeriode, Skp
from kinerja.perencanaan.selectors_laporan import Lingkup, Unit, _di_bawah
from kinerja.perencanaan.workflow import StatusSkp

from .models import Penilaian
from .struktur import unit_dipimpin
from .workflow import StatusPenilaian

# Past this many units the unit filter is applied in Python: the period already limits the rows to one
# instansi, and a long IN list costs more than the few extra GROUP BY rows.
IN_MAKS = 500


class RekapDitolak(Exception):
    """The user may not open the recap of this unit (the view answers 403 with this message)."""


@dataclass
class Hitungan:
    """One unit's (or a total's) numbers."""

    pegawai: int = 0  # pegawai with an SKP in force for the period
    final: int = 0  # penilaian made final
    predikat: Counter = field(default_factory=Counter)  # Predikat -> count, final penilaian only

    def tambah(self, other: "Hitungan") -> None:
        self.pegawai += other.pegawai
        self.final += other.final
        self.predikat.update(other.predikat)

    @property
    def belum_final(self) -> int:
        return max(self.pegawai - self.final, 0)

    @property
    def persen_final(self) -> Decimal:
        if not self.pegawai:
            return Decimal(0)
        return min(Decimal(100), Decimal(self.final * 100) / self.pegawai).quantize(Decimal("0.1"))

    @property
    def per_predikat(self) -> list[tuple[Predikat, int]]:
        return [(p, self.predikat.get(p, 0)) for p in Predikat]

    @property
    def batang(self) -> list[tuple[str, str, int, Decimal]]:
        """The stacked bar: (key, label, count, width in % of the bar) per predikat, then "belum"."""
        skala = max(self.pegawai, self.final)
        if not skala:
            return []
        out = [(p.value, p.label, n, _lebar(n, skala)) for p, n in self.per_predikat if n]
        if self.belum_final:
            out.append(("belum", _("Belum final"), self.belum_final, _lebar(self.belum_final, skala)))
        return out


def _lebar(n: int, skala: int) -> Decimal:
    return (Decimal(n * 100) / skala).quantize(Decimal("0.01"))


def _skp_berlaku(instansi_id: int, tahun: int, jadwal_id: int | None):
    """The SKP that count as "in force" for the period: approved (a replaced version is DIGANTI, left
    out), or approved before being closed at a change of position; for a period, overlapping it."""
    qs = Skp.objects.filter(periode__instansi_id=instansi_id, periode__tahun=tahun).filter(
        Q(status=StatusSkp.DISETUJUI) | Q(status=StatusSkp.DITUTUP, disetujui_pada__isnull=False)
    )
    if jadwal_id is not None:
        qs = qs.filter(
            periode__jadwal_set__pk=jadwal_id,
            tanggal_mulai__lte=F("periode__jadwal_set__tanggal_selesai"),
            tanggal_selesai__gte=F("periode__jadwal_set__tanggal_mulai"),
        )
    return qs


def rekap_predikat(
    instansi_id: int, tahun: int, unit_ids: Iterable[int], jadwal_id: int | None = None
) -> dict[int, Hitungan]:
    """Each unit's own numbers (without its sub-units) for the year's annual evaluation (`jadwal_id`
    None) or one period: unit id -> Hitungan, every unit of `unit_ids` present. Two queries."""
    unit_ids = list(unit_ids)
    out = {u: Hitungan() for u in unit_ids}
    skp = _skp_berlaku(instansi_id, tahun, jadwal_id)
    penilaian = Penilaian.objects.filter(
        periode__instansi_id=instansi_id,
        periode__tahun=tahun,
        jadwal_id=jadwal_id,
        status=StatusPenilaian.FINAL,
    )
    if len(unit_ids) <= IN_MAKS:
        skp = skp.filter(unit_kerja_id__in=unit_ids)
        penilaian = penilaian.filter(unit_kerja_id__in=unit_ids)
    for unit_id, n in (
        skp.order_by()
        .values("unit_kerja_id")
        .annotate(n=Count("pegawai_id", distinct=True))
        .values_list("unit_kerja_id", "n")
    ):
        if unit_id in out:
            out[unit_id].pegawai = n
    for unit_id, predikat, n in (
        penilaian.order_by()
        .values("unit_kerja_id", "predikat")
        .annotate(n=Count("id"))
        .values_list("unit_kerja_id", "predikat", "n")
    ):
        if unit_id in out:
            out[unit_id].final += n
            if predikat:
                out[unit_id].predikat[Predikat(predikat)] += n
    return out


# --- the recap page -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRekap:
    unit: Unit
    hitungan: Hitungan
    langsung: bool = False  # the chosen unit's own pegawai only (its sub-units have rows of their own)
    punya_sub: bool = False  # a sub-unit with units below it (the page links to its own recap)


@dataclass
class RekapPredikat:
    baris: list[BarisRekap]  # the chosen unit's own row, then each direct sub-unit with everything below
    total: Hitungan
    per_unit: list[tuple[Unit, Hitungan]]  # every unit of the subtree, in tree order, own numbers


def rekap_unit(lingkup: Lingkup, *, jadwal_id: int | None = None) -> RekapPredikat:
    """The recap of `lingkup.unit` and its sub-units (two queries)."""
    hitungan = rekap_predikat(lingkup.instansi.pk, lingkup.tahun, lingkup.unit_ids, jadwal_id)
    units = {u.id: u for u in lingkup.units if u.id in hitungan}
    anak: dict[int | None, list[int]] = {}
    for u in units.values():
        anak.setdefault(u.induk_id, []).append(u.id)
    pilih = lingkup.unit
    baris = [BarisRekap(pilih, hitungan[pilih.id], langsung=True)]
    for a in anak.get(pilih.id, []):
        jumlah, cabang = Hitungan(), [a]
        while cabang:
            u = cabang.pop()
            jumlah.tambah(hitungan[u])
            cabang.extend(x for x in anak.get(u, []) if x != pilih.id)
        baris.append(BarisRekap(units[a], jumlah, punya_sub=a in anak))
    total = Hitungan()
    for h in hitungan.values():
        total.tambah(h)
    per_unit = [(units[u], hitungan[u]) for u in lingkup.unit_ids if u in units]
    return RekapPredikat(baris=baris, total=total, per_unit=per_unit)


def unit_rekap(user, lingkup: Lingkup, *, unit_diminta: bool) -> Lingkup:
    """`lingkup` narrowed to what the user may open: the whole instansi for its admin and pimpinan; the
    unit they lead and its sub-units for a pimpinan of a unit (their unit by default). RekapDitolak
    for everyone else, or for a unit outside their own."""
    akses = akses_of(user)
    if akses.sees_whole_instansi(lingkup.instansi.pk):
        return lingkup
    pegawai = akses.pegawai
    dipimpin = None
    if pegawai is not None and pegawai.instansi_id == lingkup.instansi.pk:
        dipimpin = unit_dipimpin(pegawai)
    if dipimpin is None or dipimpin not in {u.id for u in lingkup.units}:
        raise RekapDitolak(
            _(
                "Rekap predikat hanya dapat dibuka oleh admin instansi, pimpinan instansi, dan pimpinan "
                "unit kerja untuk unitnya sendiri."
            )
        )
    boleh = _di_bawah(dipimpin, lingkup.units)
    if lingkup.unit is not None and lingkup.unit.id in boleh:
        pilih = lingkup.unit
    elif unit_diminta:
        raise RekapDitolak(_("Anda hanya dapat membuka rekap predikat unit kerja yang Anda pimpin."))
    else:
        pilih = next(u for u in lingkup.units if u.id == dipimpin)
    boleh_set = set(boleh)
    return replace(
        lingkup,
        instansi_list=[lingkup.instansi],
        unit=pilih,
        units=[u for u in lingkup.units if u.id in boleh_set],
        unit_ids=_di_bawah(pilih.id, lingkup.units),
    )


def jadwal_tahun(instansi_id: int, tahun: int) -> list[JadwalPeriode]:
    """The evaluation periods of the year (the period picker), one query."""
    return list(
        JadwalPeriode.objects.filter(periode__instansi_id=instansi_id, periode__tahun=tahun).order_by("nomor")
    )
