"""Notices of the evaluation periods (issue 5; seed 000 steps 4–5; decision b).

The daily run for a date notifies, for every evaluation period (JadwalPeriode) of every instansi:

(a) **dibuka**, on the period's first day: each active pegawai with an account and an approved SKP
    overlapping the period: "Periode penilaian ke-N dibuka", fill in the realisasi before the batas;
(b) **batas**, PENGINGAT_PENGISIAN_HARI days before the batas pengisian (7, 3, 1 and 0; Kinerja's
    choice, UNVERIFIED default): those of (a) whose approved SKP still has an indikator without a
    realisasi for the period;
(c) **menunggu penilaian**, on the day after the batas pengisian: each active pejabat penilai (the one
    recorded on the SKP, decision i) with SKP in force for the period whose penilaian is not final:
    "N pegawai menunggu penilaian".

Each notice goes out once: it is a `core.Notifikasi` whose title names the kind, the period and the
days left, and a recipient who already has a notification with the same title that day is skipped
(no model of its own is needed; a bookkeeping model like `PengingatSkp` would need a migration). The
check and the insert run in one transaction per batch, after locking the period's row (PostgreSQL;
SQLite serialises writers through its IMMEDIATE transactions), so two runs at once do not both send.

Cost: recipients are chosen by set-based queries (EXISTS for the missing realisasi, one GROUP BY for
the penilai counts) and handled BATCH at a time: one read, one check and one insert per batch, never a
query per pegawai. E-mails are queued per recipient after commit (kinerja.core.notifikasi).
"""

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.core.models import Notifikasi
from kinerja.core.notifikasi import kirim_email
from kinerja.organisasi.models import Pegawai
from kinerja.pelaksanaan.dashboard import sisa_hari, tautan
from kinerja.pelaksanaan.models import Realisasi
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, Skp
from kinerja.perencanaan.workflow import StatusSkp

from .models import Penilaian
from .workflow import StatusPenilaian

BATCH = 2000
# Days before the batas pengisian on which pegawai with missing realisasi are reminded (0: the day
# itself). Kinerja's choice, no source: UNVERIFIED (configurable default).
PENGINGAT_PENGISIAN_HARI: tuple[int, ...] = (7, 3, 1, 0)


class Jenis(StrEnum):
    DIBUKA = "dibuka"
    BATAS = "batas"
    MENUNGGU_PENILAIAN = "menunggu_penilaian"


class Tugas(NamedTuple):
    jadwal: JadwalPeriode
    jenis: Jenis
    hari: int  # days left to the batas pengisian (Jenis.BATAS), else 0


class Penerima(NamedTuple):
    user_id: int
    email: str
    pesan: str
    url: str


# --- selection (reads only) ---


def jatuh_tempo(tanggal: date, *, hari: tuple[int, ...] = PENGINGAT_PENGISIAN_HARI) -> list[Tugas]:
    """What is due on `tanggal`, over every instansi (one query)."""
    batas = {tanggal + timedelta(days=n): n for n in hari}
    kemarin = tanggal - timedelta(days=1)
    jadwal = (
        JadwalPeriode.objects.filter(
            Q(tanggal_mulai=tanggal) | Q(batas_pengisian__in=list(batas)) | Q(batas_pengisian=kemarin)
        )
        .select_related("periode")
        .order_by("periode__instansi_id", "nomor", "pk")
    )
    out = []
    for j in jadwal:
        if j.tanggal_mulai == tanggal:
            out.append(Tugas(j, Jenis.DIBUKA, 0))
        if j.batas_pengisian in batas:
            out.append(Tugas(j, Jenis.BATAS, batas[j.batas_pengisian]))
        if j.batas_pengisian == kemarin:
            out.append(Tugas(j, Jenis.MENUNGGU_PENILAIAN, 0))
    return out


def skp_disetujui(jadwal: JadwalPeriode) -> QuerySet[Skp]:
    """Approved SKP of active pegawai with an account, overlapping the period."""
    return Skp.objects.filter(
        periode_id=jadwal.periode_id,
        status=StatusSkp.DISETUJUI,
        tanggal_mulai__lte=jadwal.tanggal_selesai,
        tanggal_selesai__gte=jadwal.tanggal_mulai,
        pegawai__aktif=True,
        pegawai__user__isnull=False,
    )


def realisasi_belum_lengkap(jadwal: JadwalPeriode) -> QuerySet[Skp]:
    """skp_disetujui() with at least one indikator without a realisasi for the period."""
    kosong = IndikatorKinerjaIndividu.objects.filter(rhk__skp=OuterRef("pk")).exclude(
        Exists(Realisasi.objects.filter(indikator=OuterRef("pk"), jadwal=jadwal))
    )
    return skp_disetujui(jadwal).filter(Exists(kosong))


def menunggu_penilaian(jadwal: JadwalPeriode) -> dict[int, int]:
    """pegawai id of each pejabat penilai -> active pegawai with an SKP in force for the period
    (approved, or approved then closed, overlapping it) without a final penilaian. One GROUP BY query."""
    final = Penilaian.objects.filter(skp=OuterRef("pk"), jadwal=jadwal, status=StatusPenilaian.FINAL)
    rows = (
        Skp.objects.filter(
            Q(status=StatusSkp.DISETUJUI) | Q(status=StatusSkp.DITUTUP, disetujui_pada__isnull=False),
            periode_id=jadwal.periode_id,
            tanggal_mulai__lte=jadwal.tanggal_selesai,
            tanggal_selesai__gte=jadwal.tanggal_mulai,
            pejabat_penilai__isnull=False,
            pegawai__aktif=True,
        )
        .exclude(Exists(final))
        .order_by()
        .values("pejabat_penilai_id")
        .annotate(n=Count("pegawai_id", distinct=True))
        .values_list("pejabat_penilai_id", "n")
    )
    return dict(rows)


def _per_batch(qs: QuerySet, kolom: tuple[str, ...]) -> Iterator[list[tuple]]:
    """Rows of `qs` as tuples of `kolom` (the first is "pk"), BATCH at a time (keyset on pk)."""
    terakhir = 0
    while True:
        batch = list(qs.filter(pk__gt=terakhir).order_by("pk").values_list(*kolom)[:BATCH])
        if batch:
            yield batch
        if len(batch) < BATCH:
            return
        terakhir = batch[-1][0]


# --- messages ---


def _konteks(jadwal: JadwalPeriode, hari: int = 0) -> dict:
    return {
        "nomor": jadwal.nomor,
        "tahun": jadwal.periode.tahun,
        "mulai": date_format(jadwal.tanggal_mulai, "j F"),
        "selesai": date_format(jadwal.tanggal_selesai, "j F Y"),
        "batas": date_format(jadwal.batas_pengisian, "j F Y"),
        "sisa": sisa_hari(hari),
    }


def judul(tugas: Tugas) -> str:
    """The title, which also identifies the notice (one a day per recipient)."""
    k = _konteks(tugas.jadwal, tugas.hari)
    if tugas.jenis == Jenis.DIBUKA:
        return _("Periode penilaian ke-%(nomor)s tahun %(tahun)s dibuka") % k
    if tugas.jenis == Jenis.BATAS:
        return _("Batas pengisian realisasi periode ke-%(nomor)s tahun %(tahun)s: %(sisa)s") % k
    return _("Penilaian periode ke-%(nomor)s tahun %(tahun)s menunggu Anda") % k


def _pesan_pegawai(tugas: Tugas) -> str:
    k = _konteks(tugas.jadwal, tugas.hari)
    if tugas.jenis == Jenis.DIBUKA:
        return (
            _(
                "Periode penilaian ke-%(nomor)s (%(mulai)s–%(selesai)s) dibuka. Isi realisasi beserta bukti "
                "dukung SKP Anda sebelum %(batas)s."
            )
            % k
        )
    return (
        _(
            "Masih ada indikator SKP Anda tanpa realisasi untuk periode ke-%(nomor)s tahun %(tahun)s. Batas "
            "pengisian %(batas)s (%(sisa)s)."
        )
        % k
    )


def _pesan_penilai(tugas: Tugas, n: int) -> str:
    return _(
        "%(n)s pegawai menunggu penilaian Anda untuk periode ke-%(nomor)s tahun %(tahun)s; batas pengisian "
        "realisasi (%(batas)s) telah lewat."
    ) % {**_konteks(tugas.jadwal), "n": n}


# --- sending ---


def _hari_ini() -> tuple[datetime, datetime]:
    """The bounds of today (Asia/Jakarta): a notice with the same title inside them was sent today."""
    awal = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return awal, awal + timedelta(days=1)


def _kirim(tugas: Tugas, batches: Iterator[list[Penerima]], dry_run: bool) -> int:
    """Sends the notice to each recipient not notified today; how many. One transaction per batch."""
    teks_judul = judul(tugas)
    awal, akhir = _hari_ini()
    terkirim, dilihat = 0, set()
    for batch in batches:
        with nullcontext() if dry_run else transaction.atomic():
            if not dry_run:  # two runs at once: the second waits here, then finds the first one's rows
                list(JadwalPeriode.objects.select_for_update().filter(pk=tugas.jadwal.pk).values_list("pk"))
            sudah = set(
                Notifikasi.objects.filter(
                    user_id__in=[p.user_id for p in batch],
                    judul=teks_judul,
                    dibuat_pada__gte=awal,
                    dibuat_pada__lt=akhir,
                ).values_list("user_id", flat=True)
            )
            baru = []
            for p in batch:
                if p.user_id not in sudah and p.user_id not in dilihat:
                    dilihat.add(p.user_id)
                    baru.append(p)
            terkirim += len(baru)
            if dry_run or not baru:
                continue
            Notifikasi.objects.bulk_create(
                Notifikasi(user_id=p.user_id, judul=teks_judul, pesan=p.pesan, url=p.url) for p in baru
            )
            for p in baru:
                if p.email:
                    body = f"{p.pesan}\n\n{p.url}" if p.url else p.pesan
                    transaction.on_commit(lambda a=p.email, b=body: kirim_email.enqueue(a, teks_judul, b))
    return terkirim


def _penerima_pegawai(tugas: Tugas) -> Iterator[list[Penerima]]:
    jadwal = tugas.jadwal
    qs = skp_disetujui(jadwal) if tugas.jenis == Jenis.DIBUKA else realisasi_belum_lengkap(jadwal)
    pesan = _pesan_pegawai(tugas)
    for batch in _per_batch(qs, ("pk", "pegawai__user_id", "pegawai__user__email")):
        yield [
            Penerima(u, e or "", pesan, tautan("pelaksanaan:periode", pk, jadwal.nomor)) for pk, u, e in batch
        ]


def _penerima_penilai(tugas: Tugas) -> Iterator[list[Penerima]]:
    jumlah = menunggu_penilaian(tugas.jadwal)
    url = tautan("penilaian:tim", query=f"tahun={tugas.jadwal.periode.tahun}&nomor={tugas.jadwal.nomor}")
    penilai = Pegawai.objects.filter(aktif=True, user__isnull=False)
    ids = sorted(jumlah)
    for i in range(0, len(ids), BATCH):
        rows = (
            penilai.filter(pk__in=ids[i : i + BATCH])
            .order_by("pk")
            .values_list("pk", "user_id", "user__email")
        )
        batch = [Penerima(u, e or "", _pesan_penilai(tugas, jumlah[pk]), url) for pk, u, e in rows]
        if batch:
            yield batch


def kirim_pengingat(tanggal: date, *, dry_run: bool = False) -> dict[str, int]:
    """The daily run for `tanggal`: sends what is due and not yet sent today; returns the counts per
    kind (with `dry_run`, what would be sent, writing nothing)."""
    hasil = {"jadwal": 0, **{j.value: 0 for j in Jenis}}
    with translation.override(settings.LANGUAGE_CODE):
        tugas_list = jatuh_tempo(tanggal)
        hasil["jadwal"] = len({t.jadwal.pk for t in tugas_list})
        for tugas in tugas_list:
            if tugas.jenis == Jenis.MENUNGGU_PENILAIAN:
                batches = _penerima_penilai(tugas)
            else:
                batches = _penerima_pegawai(tugas)
            hasil[tugas.jenis.value] += _kirim(tugas, batches, dry_run)
    return hasil
