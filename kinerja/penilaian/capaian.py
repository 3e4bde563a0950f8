"""Capaian kinerja organisasi: the evaluation periods it is set for, the one write, and the reads of
the capaian page.

regulasi.md §3.1–§3.3, §3.6: the pimpinan one level above a unit sets the unit's capaian for each
evaluation period and for the year, with its basis (capaian Perjanjian Kinerja, capaian rencana
aksi…); the capaian fixes the pola distribusi of the predikat of the pegawai below (decision a). Once
a penilaian in the unit or below it is final for that period, its capaian stays as it was: the
distribution was finalised against it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.aturan import CapaianOrganisasi, uraian_pola
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.perencanaan.models import JadwalPeriode, PeriodeKinerja
from kinerja.perencanaan.periode import nama_jadwal
from kinerja.perencanaan.selectors_laporan import turunan

from .distribusi import RingkasanDistribusi, ringkasan_distribusi
from .models import CapaianKinerjaOrganisasi, Penilaian
from .struktur import dapat_menetapkan_capaian, kepala_unit
from .workflow import StatusPenilaian, WorkflowError

TAHUNAN = 0  # `nomor` of the annual evaluation (jadwal empty)


class PeriodePenilaian(NamedTuple):
    """One evaluation period of the year as the pages name it: nomor 0 is the annual evaluation."""

    nomor: int
    jadwal: JadwalPeriode | None
    label: str

    @property
    def jadwal_id(self) -> int | None:
        return self.jadwal.pk if self.jadwal else None


def periode_penilaian(periode: PeriodeKinerja) -> list[PeriodePenilaian]:
    """The year's evaluation periods in order, then the annual evaluation (one query)."""
    rows = [
        PeriodePenilaian(j.nomor, j, nama_jadwal(periode.siklus, j.nomor))
        for j in JadwalPeriode.objects.filter(periode=periode).order_by("nomor")
    ]
    return [*rows, PeriodePenilaian(TAHUNAN, None, _("Tahunan"))]


def label_periode(periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> str:
    """ "Triwulan II 2027", "Tahunan 2027"."""
    nama = nama_jadwal(periode.siklus, jadwal.nomor) if jadwal else _("Tahunan")
    return f"{nama} {periode.tahun}"


def sub_unit(induk: dict[int, int | None], unit_id: int) -> list[int]:
    """The unit and every unit below it, from a map unit id -> induk id (loops are cut)."""
    anak: dict[int | None, list[int]] = {}
    for pk, parent in induk.items():
        anak.setdefault(parent, []).append(pk)
    return turunan(unit_id, anak)


def _peta_induk(instansi_id: int) -> dict[int, int | None]:
    return dict(UnitKerja.objects.filter(instansi_id=instansi_id).values_list("id", "induk_id"))


def ada_penilaian_final(unit: UnitKerja, periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> bool:
    """Whether a penilaian of a pegawai in the unit or below it is final for that period."""
    return Penilaian.objects.filter(
        periode=periode,
        jadwal=jadwal,
        status=StatusPenilaian.FINAL,
        unit_kerja_id__in=sub_unit(_peta_induk(unit.instansi_id), unit.pk),
    ).exists()


# --- the write --------------------------------------------------------------------------------------


@transaction.atomic
def tetapkan_capaian(
    *,
    unit: UnitKerja,
    periode: PeriodeKinerja,
    jadwal: JadwalPeriode | None,
    capaian: str,
    dasar: str,
    by,
) -> CapaianKinerjaOrganisasi:
    """Sets (or changes) the unit's capaian for one period (jadwal None: the year) and tells the unit's
    pimpinan. The model keeps every version. PermissionDenied for anyone but the pimpinan one level
    above (struktur.dapat_menetapkan_capaian); WorkflowError, with nothing changed, for a bad value or
    when a penilaian of the unit is already final for that period."""
    if not dapat_menetapkan_capaian(by, unit):
        raise PermissionDenied(
            _(
                "Capaian organisasi %(unit)s ditetapkan oleh pimpinan satu tingkat di atas pimpinan unit "
                "tersebut (atau pimpinan instansi); Anda tidak berwenang menetapkannya."
            )
            % {"unit": unit.nama}
        )
    if periode.instansi_id != unit.instansi_id or (jadwal is not None and jadwal.periode_id != periode.pk):
        raise WorkflowError(_("Periode penilaian tidak sesuai dengan instansi unit kerja ini."))
    try:
        capaian = CapaianOrganisasi(capaian)
    except ValueError:
        raise WorkflowError(
            _(
                "Capaian organisasi “%(nilai)s” tidak dikenal: pilih Istimewa, Baik, Butuh Perbaikan, "
                "Kurang atau Sangat Kurang."
            )
            % {"nilai": str(capaian)[:40]}
        ) from None
    dasar = (dasar or "").strip()
    if not dasar:
        raise WorkflowError(
            _(
                "Isi dasar penetapan capaian organisasi (mis. capaian Perjanjian Kinerja, capaian "
                "rencana aksi)."
            )
        )
    nama_periode = label_periode(periode, jadwal)
    lama = (
        CapaianKinerjaOrganisasi.objects.select_for_update()
        .filter(unit_kerja=unit, periode=periode, jadwal=jadwal)
        .first()
    )
    if lama is not None and lama.capaian == capaian and lama.dasar == dasar:
        return lama  # nothing changes: no new version, nobody told
    if ada_penilaian_final(unit, periode, jadwal):
        raise WorkflowError(
            _(
                "Capaian organisasi %(unit)s untuk %(periode)s tidak dapat diubah: sudah ada penilaian "
                "pegawai unit ini pada periode tersebut yang sudah difinalisasi."
            )
            % {"unit": unit.nama, "periode": nama_periode}
        )
    if lama is None:
        try:
            with transaction.atomic():
                hasil = CapaianKinerjaOrganisasi.objects.create(
                    unit_kerja=unit,
                    periode=periode,
                    jadwal=jadwal,
                    capaian=capaian,
                    dasar=dasar,
                    ditetapkan_oleh=by,
                )
        except IntegrityError:
            raise WorkflowError(
                _("Capaian ini baru saja ditetapkan oleh pengguna lain. Muat ulang halaman lalu coba lagi.")
            ) from None
    else:
        lama.capaian, lama.dasar, lama.ditetapkan_oleh = capaian, dasar, by
        lama.save(update_fields=["capaian", "dasar", "ditetapkan_oleh", "updated_at"])
        hasil = lama
    _beri_tahu_pimpinan(unit, periode, jadwal, capaian, by)
    return hasil


def _beri_tahu_pimpinan(unit, periode, jadwal, capaian: CapaianOrganisasi, by) -> None:
    kepala = kepala_unit([unit.pk]).get(unit.pk)
    if kepala is None or kepala.user_id is None or kepala.user_id == by.pk:
        return
    nomor = jadwal.nomor if jadwal else TAHUNAN
    url = f"{reverse('penilaian:capaian')}?tahun={periode.tahun}&nomor={nomor}"
    beri_tahu(
        [kepala.user],
        _("Capaian organisasi %(unit)s: %(capaian)s") % {"unit": unit.nama, "capaian": capaian.label},
        _(
            "Capaian kinerja organisasi %(unit)s untuk %(periode)s ditetapkan %(capaian)s oleh "
            "%(oleh)s. %(pola)s"
        )
        % {
            "unit": unit.nama,
            "periode": label_periode(periode, jadwal),
            "capaian": capaian.label,
            "oleh": by.get_full_name() or by.get_username(),
            "pola": uraian_pola(capaian),
        },
        url,
    )


# --- the reads of the capaian page ------------------------------------------------------------------


@dataclass
class BarisCapaian:
    """One unit on the capaian page: its pimpinan, its capaian for each period of the year, and for the
    chosen period the stored value, its pattern, whether it may still change, and its history."""

    unit_id: int
    kode: str
    nama: str
    kepala: Pegawai | None
    per_periode: list[tuple[PeriodePenilaian, CapaianKinerjaOrganisasi | None]]
    sekarang: CapaianKinerjaOrganisasi | None
    berlaku: CapaianKinerjaOrganisasi | None  # its own, or the nearest unit above's
    dapat_menetapkan: bool
    terkunci: bool
    riwayat: list = field(default_factory=list)

    @property
    def pola(self) -> RingkasanDistribusi | None:
        return ringkasan_distribusi({}, self.sekarang.capaian) if self.sekarang else None

    @property
    def pola_berlaku(self) -> RingkasanDistribusi | None:
        return ringkasan_distribusi({}, self.berlaku.capaian) if self.berlaku else None

    @property
    def warisan(self) -> bool:
        """The value in force comes from a unit above (none of its own)."""
        return self.sekarang is None and self.berlaku is not None


@dataclass
class DaftarCapaian:
    baris: list[BarisCapaian]  # the units the user may set
    unit_sendiri: BarisCapaian | None  # the user's own unit, read-only (when not among `baris`)


def daftar_capaian(
    user,
    *,
    units: Iterable,
    periode: PeriodeKinerja,
    pilihan: PeriodePenilaian,
    semua: list[PeriodePenilaian],
) -> DaftarCapaian:
    """The units of one instansi (`units`: the instansi's units in tree order, with id/kode/nama/induk_id)
    whose capaian the user may set, plus the user's own unit; a fixed number of queries."""
    akses = akses_of(user)
    units = list(units)
    induk = {u.id: u.induk_id for u in units}
    kepala = kepala_unit(induk)
    semua_unit = akses.is_superadmin or periode.instansi_id in akses.pimpinan_instansi_ids
    me = akses.pegawai.pk if akses.pegawai and akses.pegawai.instansi_id == periode.instansi_id else None
    boleh = {
        u.id
        for u in units
        if semua_unit or (me is not None and u.id in kepala and kepala[u.id].pejabat_penilai_id == me)
    }
    sendiri = akses.pegawai.unit_kerja_id if me is not None else None
    tampil = [u for u in units if u.id in boleh or u.id == sendiri]
    if not tampil:
        return DaftarCapaian([], None)

    nilai: dict[tuple[int, int | None], CapaianKinerjaOrganisasi] = {
        (c.unit_kerja_id, c.jadwal_id): c
        for c in CapaianKinerjaOrganisasi.objects.filter(periode=periode).select_related("ditetapkan_oleh")
    }
    terkunci = set()  # units with a final penilaian of the chosen period in them or below them
    for u in (
        Penilaian.objects.filter(periode=periode, jadwal_id=pilihan.jadwal_id, status=StatusPenilaian.FINAL)
        .values_list("unit_kerja_id", flat=True)
        .distinct()
    ):
        while u is not None and u not in terkunci:
            terkunci.add(u)
            u = induk.get(u)
    riwayat: dict[int, list] = {}
    for h in (
        CapaianKinerjaOrganisasi.history.filter(
            periode_id=periode.pk, jadwal_id=pilihan.jadwal_id, unit_kerja_id__in=[u.id for u in tampil]
        )
        .select_related("ditetapkan_oleh")
        .order_by("-history_date", "-history_id")
    ):
        riwayat.setdefault(h.unit_kerja_id, []).append(h)

    def _berlaku(unit_id: int) -> CapaianKinerjaOrganisasi | None:
        u, seen = unit_id, set()
        while u is not None and u not in seen:
            seen.add(u)
            if (u, pilihan.jadwal_id) in nilai:
                return nilai[u, pilihan.jadwal_id]
            u = induk.get(u)
        return None

    def _baris(u) -> BarisCapaian:
        return BarisCapaian(
            unit_id=u.id,
            kode=u.kode,
            nama=u.nama,
            kepala=kepala.get(u.id),
            per_periode=[(p, nilai.get((u.id, p.jadwal_id))) for p in semua],
            sekarang=nilai.get((u.id, pilihan.jadwal_id)),
            berlaku=_berlaku(u.id),
            dapat_menetapkan=u.id in boleh,
            terkunci=u.id in terkunci,
            riwayat=riwayat.get(u.id, []),
        )

    baris = [_baris(u) for u in tampil if u.id in boleh]
    unit_sendiri = next((_baris(u) for u in tampil if u.id == sendiri and u.id not in boleh), None)
    return DaftarCapaian(baris, unit_sendiri)


def pilih_periode(
    semua: list[PeriodePenilaian], nomor: int | None, today: date
) -> tuple[PeriodePenilaian, bool]:
    """(the period asked for, True) or, when none or an unknown one is asked for, (the period running
    today, else the annual evaluation; False if `nomor` was given but unknown)."""
    by_nomor = {p.nomor: p for p in semua}
    if nomor is not None and nomor in by_nomor:
        return by_nomor[nomor], True
    berjalan = next(
        (p for p in semua if p.jadwal and p.jadwal.tanggal_mulai <= today <= p.jadwal.tanggal_selesai), None
    )
    return berjalan or by_nomor[TAHUNAN], nomor is None
