"""The period settings of an instansi's year: the jadwal of evaluation periods and its writes.

Decision b (regulasi.md §3.8, §9): the siklus (bulanan, triwulanan or semesteran) cuts the year into
12, 4 or 2 calendar slices; the ones that meet the SKP period are its jadwal rows, the first and last
clipped to the period. A row keeps its place in the year as `nomor` (a period starting in April
begins with triwulan 2). Each row's batas pengisian defaults to BATAS_PENGISIAN_HARI days after it
ends (UNVERIFIED default, kinerja.aturan.referensi) and the admin instansi may move it.
"""

from datetime import date, timedelta
from typing import NamedTuple

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, ProtectedError, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.aturan.referensi import BATAS_PENGISIAN_HARI

from .models import JadwalPeriode, PeriodeKinerja, Skp
from .workflow import StatusSkp

Siklus = PeriodeKinerja.Siklus

BULAN_PER_SIKLUS = {Siklus.BULANAN: 1, Siklus.TRIWULANAN: 3, Siklus.SEMESTERAN: 6}
ROMAWI = ("", "I", "II", "III", "IV")


class Jadwal(NamedTuple):
    nomor: int
    tanggal_mulai: date
    tanggal_selesai: date
    batas_pengisian: date


class PeriodeDitolak(Exception):
    """The settings cannot be saved as they are; `masalah` lists every reason (Indonesian)."""

    def __init__(self, masalah: list[str]):
        super().__init__(" ".join(masalah))
        self.masalah = masalah


def _akhir_bulan(tahun: int, bulan: int) -> date:
    return date(tahun + bulan // 12, bulan % 12 + 1, 1) - timedelta(days=1)


def susun_jadwal(
    siklus: str, mulai: date, selesai: date, *, hari_batas: int = BATAS_PENGISIAN_HARI
) -> list[Jadwal]:
    """The rows of `siklus` covering mulai..selesai (one calendar year), with default batas pengisian."""
    if selesai < mulai or selesai.year != mulai.year:
        raise ValueError(f"{mulai}..{selesai} is not an ordered range inside one year")
    langkah = BULAN_PER_SIKLUS[siklus]
    rows = []
    for nomor in range(1, 12 // langkah + 1):
        awal = date(mulai.year, (nomor - 1) * langkah + 1, 1)
        akhir = _akhir_bulan(mulai.year, nomor * langkah)
        if akhir < mulai or awal > selesai:
            continue
        akhir = min(akhir, selesai)
        rows.append(Jadwal(nomor, max(awal, mulai), akhir, akhir + timedelta(days=hari_batas)))
    return rows


def nama_jadwal(siklus: str, nomor: int) -> str:
    """ "Januari", "Triwulan II", "Semester I"."""
    if siklus == Siklus.BULANAN:
        return str(MONTHS[nomor])
    if siklus == Siklus.TRIWULANAN:
        return _("Triwulan %(nomor)s") % {"nomor": ROMAWI[nomor]}
    return _("Semester %(nomor)s") % {"nomor": ROMAWI[nomor]}


def _tgl(d: date) -> str:
    return date_format(d, "j F Y")


def masalah_tanggal(tahun: int, mulai: date, selesai: date, batas_penyusunan: date) -> list[str]:
    """What is wrong with the dates of a period of `tahun` (empty when nothing)."""
    masalah = []
    for label, d in ((_("Awal periode SKP"), mulai), (_("Akhir periode SKP"), selesai)):
        if d.year != tahun:
            masalah.append(
                _("%(label)s (%(tanggal)s) harus berada di tahun %(tahun)s.")
                % {"label": label, "tanggal": _tgl(d), "tahun": tahun}
            )
    if selesai < mulai:
        masalah.append(_("Akhir periode SKP tidak boleh sebelum awal periode."))
    if batas_penyusunan.year != tahun:
        masalah.append(
            _("Batas penyusunan SKP (%(tanggal)s) harus berada di tahun %(tahun)s.")
            % {"tanggal": _tgl(batas_penyusunan), "tahun": tahun}
        )
    return masalah


def masalah_jadwal(siklus: str, rows: list[Jadwal]) -> list[str]:
    """Every row whose batas pengisian falls before the end of its period."""
    return [
        _("Batas pengisian %(nama)s (%(batas)s) tidak boleh sebelum akhir periodenya (%(akhir)s).")
        % {
            "nama": nama_jadwal(siklus, r.nomor),
            "batas": _tgl(r.batas_pengisian),
            "akhir": _tgl(r.tanggal_selesai),
        }
        for r in rows
        if r.batas_pengisian < r.tanggal_selesai
    ]


def ada_skp_disetujui(periode: PeriodeKinerja) -> bool:
    """Whether an SKP of the period has ever been approved (then its siklus stays as it is)."""
    return Skp.objects.filter(
        Q(status__in=[StatusSkp.DISETUJUI, StatusSkp.DIGANTI]) | Q(disetujui_pada__isnull=False),
        periode=periode,
    ).exists()


def _jumlah(qs: QuerySet) -> Coalesce:
    """Count of `qs` (filtered on periode=OuterRef("pk")) as a subquery annotation."""
    hitung = qs.order_by().values("periode").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(hitung, output_field=IntegerField()), 0)


def daftar_periode(instansi) -> QuerySet[PeriodeKinerja]:
    """The periods of an instansi, newest first, with their row and SKP counts (one query)."""
    skp = Skp.objects.filter(periode=OuterRef("pk"))
    return (
        PeriodeKinerja.objects.filter(instansi=instansi)
        .annotate(
            jumlah_jadwal=_jumlah(JadwalPeriode.objects.filter(periode=OuterRef("pk"))),
            jumlah_diajukan=_jumlah(skp.filter(status=StatusSkp.DIAJUKAN)),
            jumlah_disetujui=_jumlah(skp.filter(status=StatusSkp.DISETUJUI)),
        )
        .order_by("-tahun")
    )


def buat_jadwal(periode: PeriodeKinerja) -> list[JadwalPeriode]:
    """Replaces the jadwal rows of `periode` by the default rows of its siklus and dates."""
    periode.jadwal_set.all().delete()
    return JadwalPeriode.objects.bulk_create(
        JadwalPeriode(periode=periode, **row._asdict())
        for row in susun_jadwal(periode.siklus, periode.tanggal_mulai, periode.tanggal_selesai)
    )


def pastikan_jadwal(periode: PeriodeKinerja) -> None:
    """Periods created before the jadwal existed get their default rows."""
    if not periode.jadwal_set.exists():
        with transaction.atomic():
            buat_jadwal(periode)


@transaction.atomic
def buat_periode(*, instansi, tahun: int, siklus: str = Siklus.TRIWULANAN) -> PeriodeKinerja:
    """A new year with the defaults (PeriodeKinerja.bawaan) and its jadwal."""
    if PeriodeKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise PeriodeDitolak([_("Periode tahun %(tahun)s sudah ada.") % {"tahun": tahun}])
    periode = PeriodeKinerja.bawaan(instansi, tahun)
    periode.siklus = siklus
    periode.save()
    buat_jadwal(periode)
    return periode


@transaction.atomic
def ubah_periode(
    *,
    periode: PeriodeKinerja,
    tanggal_mulai: date,
    tanggal_selesai: date,
    batas_penyusunan: date,
    siklus: str,
    batas_pengisian: dict[int, date],
) -> PeriodeKinerja:
    """Saves the settings: dates, siklus (its rows regenerated) and each row's batas pengisian (by nomor;
    ignored when the siklus changes). The rows follow the new dates; a batas before the end of its row is
    refused. All or nothing: PeriodeDitolak lists every problem."""
    lama = PeriodeKinerja.objects.select_for_update().get(pk=periode.pk)
    ganti_siklus = siklus != lama.siklus
    masalah = masalah_tanggal(lama.tahun, tanggal_mulai, tanggal_selesai, batas_penyusunan)
    if ganti_siklus and ada_skp_disetujui(lama):
        masalah.append(
            _("Siklus evaluasi tidak dapat diubah karena sudah ada SKP tahun %(tahun)s yang disetujui.")
            % {"tahun": lama.tahun}
        )
    if masalah:
        raise PeriodeDitolak(masalah)
    rows = susun_jadwal(siklus, tanggal_mulai, tanggal_selesai)
    if not ganti_siklus:  # a row keeps its batas unless a new one is posted; a new row gets the default
        tersimpan = dict(lama.jadwal_set.values_list("nomor", "batas_pengisian"))
        batas = tersimpan | batas_pengisian
        rows = [r._replace(batas_pengisian=batas.get(r.nomor, r.batas_pengisian)) for r in rows]
    masalah = masalah_jadwal(siklus, rows)
    if masalah:
        raise PeriodeDitolak(masalah)
    periode.tanggal_mulai, periode.tanggal_selesai = tanggal_mulai, tanggal_selesai
    periode.batas_penyusunan, periode.siklus = batas_penyusunan, siklus
    periode.save(
        update_fields=["tanggal_mulai", "tanggal_selesai", "batas_penyusunan", "siklus", "updated_at"]
    )
    _simpan_jadwal(periode, rows, ganti_siklus=ganti_siklus)
    return periode


def _simpan_jadwal(periode: PeriodeKinerja, rows: list[Jadwal], *, ganti_siklus: bool) -> None:
    """Updates the rows in place by nomor (same siklus), creates the new ones, deletes the rest."""
    if ganti_siklus:
        periode.jadwal_set.all().delete()
        ada = {}
    else:
        hilang = periode.jadwal_set.exclude(nomor__in=[r.nomor for r in rows])
        try:
            hilang.delete()
        except ProtectedError:  # rencana aksi, realisasi or penilaian of a period the new dates drop
            raise PeriodeDitolak(
                [
                    _(
                        "Tanggal periode tidak dapat dipersempit: periode penilaian ke-%(nomor)s sudah "
                        "memiliki rencana aksi, realisasi atau penilaian."
                    )
                    % {"nomor": ", ".join(str(n) for n in hilang.values_list("nomor", flat=True))}
                ]
            ) from None
        ada = {j.nomor: j for j in periode.jadwal_set.all()}
    ubah, baru, now = [], [], timezone.now()
    for r in rows:
        j = ada.get(r.nomor)
        if j is None:
            baru.append(JadwalPeriode(periode=periode, **r._asdict()))
        else:
            j.tanggal_mulai, j.tanggal_selesai, j.batas_pengisian = r[1:]
            j.updated_at = now
            ubah.append(j)
    JadwalPeriode.objects.bulk_update(
        ubah, ["tanggal_mulai", "tanggal_selesai", "batas_pengisian", "updated_at"]
    )
    JadwalPeriode.objects.bulk_create(baru)
