"""SKP deadline reminders (issue 4; seed 000: SKP drawn up by 31 January; decision c).

On each day in PENGINGAT_SKP_HARI before a period's batas_penyusunan — (14, 7, 3, 1, 0) days, an
UNVERIFIED default in kinerja.aturan.referensi — the daily run notifies:

(a) each active pegawai of the instansi, with an account, who has no SKP of the period in status
    diajukan or disetujui (none, draf or dikembalikan): "SKP tahun X belum diajukan";
(b) each active pejabat penilai (the current one, as in the inbox) with SKP of the period diajukan
    by their team: one reminder with the count.

On the day after the deadline it sends once a "terlambat" notice to the pegawai of (a), and to each
penilai with such pegawai in their team (or SKP still waiting) a summary with the counts.

Each reminder goes out once: a PengingatSkp row (periode, pegawai, jenis, tanggal) is written in the
same transaction as the notifications, recipients that already have one are skipped, and the unique
constraint stops a second run racing the first. `jenis` is the recipient's role: penyusunan for a
pegawai's own SKP, persetujuan for a penilai's team.

Cost: recipients are chosen by set-based queries (the penilai counts by two GROUP BY queries) and
handled in batches of BATCH (one read, one insert of reminders, one insert of notifications per
batch), so a period costs a fixed number of queries per BATCH recipients, never one per pegawai
(40,000 pegawai on SQLite: 138 queries, under 20 s). E-mails are queued per recipient after commit
(kinerja.core.notifikasi).
"""

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.aturan.referensi import PENGINGAT_SKP_HARI
from kinerja.core.models import Notifikasi
from kinerja.core.notifikasi import beri_tahu, kirim_email
from kinerja.organisasi.models import Pegawai

from .models import PengingatSkp, PeriodeKinerja, Skp
from .workflow import StatusSkp

BATCH = 2000
TERLAMBAT = -1  # "days before the deadline" of the day after it
SUDAH_DIAJUKAN = [StatusSkp.DIAJUKAN, StatusSkp.DISETUJUI]
Jenis = PengingatSkp.Jenis


# --- selection (reads only) ---


def jatuh_tempo(
    tanggal: date, *, hari: tuple[int, ...] = PENGINGAT_SKP_HARI
) -> list[tuple[PeriodeKinerja, int]]:
    """(periode, days left) for every period whose deadline is one of `hari` days after `tanggal`, or
    was the day before (days left = TERLAMBAT)."""
    sasaran = {tanggal + timedelta(days=n): n for n in (*hari, TERLAMBAT)}
    periode = PeriodeKinerja.objects.filter(batas_penyusunan__in=sasaran).select_related("instansi")
    return [(p, sasaran[p.batas_penyusunan]) for p in periode.order_by("pk")]


def belum_mengajukan(periode: PeriodeKinerja) -> QuerySet[Pegawai]:
    """Active pegawai of the instansi without an SKP of the period in status diajukan or disetujui."""
    sudah = Skp.objects.filter(periode=periode, status__in=SUDAH_DIAJUKAN).values("pegawai_id")
    return Pegawai.objects.filter(instansi_id=periode.instansi_id, aktif=True).exclude(pk__in=sudah)


class Hitungan(NamedTuple):
    menunggu: int  # SKP diajukan waiting for the penilai
    belum: int  # pegawai rated by the penilai without a submitted SKP (counted after the deadline only)


def _per_penilai(qs: QuerySet, kolom: str) -> dict[int, int]:
    return dict(
        qs.filter(**{f"{kolom}__isnull": False})
        .order_by()
        .values(kolom)
        .annotate(n=Count("pk"))
        .values_list(kolom, "n")
    )


def hitungan_penilai(periode: PeriodeKinerja, *, terlambat: bool = False) -> dict[int, Hitungan]:
    """pegawai id of each pejabat penilai to remind -> counts: those with SKP of the period waiting for
    them and, after the deadline, those with pegawai who have not submitted. Two GROUP BY queries."""
    menunggu = _per_penilai(
        Skp.objects.filter(periode=periode, status=StatusSkp.DIAJUKAN), "pegawai__pejabat_penilai"
    )
    belum = _per_penilai(belum_mengajukan(periode), "pejabat_penilai") if terlambat else {}
    return {
        pk: Hitungan(menunggu.get(pk, 0), belum.get(pk, 0)) for pk in sorted(menunggu.keys() | belum.keys())
    }


def _belum_dikirim(qs: QuerySet[Pegawai], periode, jenis: str, tanggal: date) -> QuerySet[Pegawai]:
    """The recipients of `qs` with an account and no reminder of `jenis` for the period that day."""
    sudah = PengingatSkp.objects.filter(periode=periode, jenis=jenis, tanggal=tanggal).values("pegawai_id")
    return (
        qs.filter(user__isnull=False)
        .exclude(pk__in=sudah)
        .select_related("user")
        .only("id", "user__id", "user__email")
        .order_by("pk")
    )


def _per_batch(qs: QuerySet[Pegawai]) -> Iterator[list[Pegawai]]:
    """`qs` BATCH rows at a time (keyset on pk: one query per batch)."""
    terakhir = 0
    while True:
        batch = list(qs.filter(pk__gt=terakhir)[:BATCH])
        if batch:
            yield batch
        if len(batch) < BATCH:
            return
        terakhir = batch[-1].pk


def _per_id(qs: QuerySet[Pegawai], ids: list[int]) -> Iterator[list[Pegawai]]:
    """The rows of `qs` among `ids`, BATCH ids at a time (one query per batch)."""
    for i in range(0, len(ids), BATCH):
        batch = list(qs.filter(pk__in=ids[i : i + BATCH]))
        if batch:
            yield batch


# --- messages ---


def _sisa(hari: int) -> str:
    if hari == 0:
        return _("hari ini")
    return ngettext("%(n)d hari lagi", "%(n)d hari lagi", hari) % {"n": hari}


def _pesan_pegawai(periode: PeriodeKinerja, hari: int) -> tuple[str, str]:
    konteks = {"tahun": periode.tahun, "batas": date_format(periode.batas_penyusunan, "j F Y")}
    if hari == TERLAMBAT:
        return (
            _("SKP tahun %(tahun)s terlambat") % konteks,
            _(
                "Batas penyusunan SKP tahun %(tahun)s (%(batas)s) telah lewat dan SKP Anda belum diajukan. "
                "Segera lengkapi dan ajukan SKP Anda kepada pejabat penilai kinerja."
            )
            % konteks,
        )
    return (
        _("SKP tahun %(tahun)s belum diajukan") % konteks,
        _(
            "SKP tahun %(tahun)s belum diajukan; batas penyusunan %(batas)s (%(sisa)s). "
            "Lengkapi dan ajukan SKP Anda kepada pejabat penilai kinerja."
        )
        % {**konteks, "sisa": _sisa(hari)},
    )


def _pesan_penilai(periode: PeriodeKinerja, hari: int, n: Hitungan) -> tuple[str, str]:
    konteks = {
        "tahun": periode.tahun,
        "batas": date_format(periode.batas_penyusunan, "j F Y"),
        "menunggu": n.menunggu,
        "belum": n.belum,
    }
    if hari == TERLAMBAT:
        return (
            _("Penyusunan SKP tahun %(tahun)s terlambat di tim Anda") % konteks,
            _(
                "Batas penyusunan SKP tahun %(tahun)s (%(batas)s) telah lewat: %(belum)s pegawai yang Anda "
                "nilai belum mengajukan SKP dan %(menunggu)s SKP menunggu persetujuan Anda."
            )
            % konteks,
        )
    return (
        ngettext(
            "%(menunggu)s SKP menunggu persetujuan Anda",
            "%(menunggu)s SKP menunggu persetujuan Anda",
            n.menunggu,
        )
        % konteks,
        _(
            "%(menunggu)s SKP tahun %(tahun)s menunggu persetujuan Anda; batas penyusunan %(batas)s "
            "(%(sisa)s). Setujui atau kembalikan dengan catatan."
        )
        % {**konteks, "sisa": _sisa(hari)},
    )


def _beri_tahu_masing(pesan: list[tuple[object, str, str]], url: str) -> None:
    """beri_tahu() with a text of its own for each user: one insert, e-mails queued after commit."""
    Notifikasi.objects.bulk_create(Notifikasi(user=u, judul=j, pesan=p, url=url) for u, j, p in pesan)
    for user, judul, isi in pesan:
        if user.email:
            body = f"{isi}\n\n{url}"
            transaction.on_commit(lambda a=user.email, j=judul, b=body: kirim_email.enqueue(a, j, b))


# --- sending ---


def _kirim(batches: Iterable[list[Pegawai]], periode, jenis: str, tanggal: date, kirim, dry_run: bool) -> int:
    """Records and sends `kirim(batch)` for each batch, each in its own transaction; how many."""
    terkirim = 0
    for batch in batches:
        if dry_run:
            terkirim += len(batch)
            continue
        try:
            with transaction.atomic():
                PengingatSkp.objects.bulk_create(
                    PengingatSkp(periode=periode, pegawai=p, jenis=jenis, tanggal=tanggal) for p in batch
                )
                kirim(batch)
        except IntegrityError:
            continue  # a run at the same time sent this batch: skipped, not sent twice
        terkirim += len(batch)
    return terkirim


def _kirim_periode(periode: PeriodeKinerja, hari: int, tanggal: date, dry_run: bool) -> dict[str, int]:
    terlambat = hari == TERLAMBAT
    judul, isi = _pesan_pegawai(periode, hari)
    url_pegawai, url_penilai = reverse("perencanaan:skp-saya"), reverse("perencanaan:skp-inbox")
    n_pegawai = _kirim(
        _per_batch(_belum_dikirim(belum_mengajukan(periode), periode, Jenis.PENYUSUNAN, tanggal)),
        periode,
        Jenis.PENYUSUNAN,
        tanggal,
        lambda batch: beri_tahu([p.user for p in batch], judul, isi, url_pegawai),
        dry_run,
    )
    hitungan = hitungan_penilai(periode, terlambat=terlambat)
    penilai = _belum_dikirim(Pegawai.objects.filter(aktif=True), periode, Jenis.PERSETUJUAN, tanggal)
    n_penilai = _kirim(
        _per_id(penilai, list(hitungan)),
        periode,
        Jenis.PERSETUJUAN,
        tanggal,
        lambda batch: _beri_tahu_masing(
            [(p.user, *_pesan_penilai(periode, hari, hitungan[p.pk])) for p in batch], url_penilai
        ),
        dry_run,
    )
    if terlambat:
        return {"terlambat": n_pegawai, "terlambat_penilai": n_penilai}
    return {"penyusunan": n_pegawai, "persetujuan": n_penilai}


def kirim_pengingat(tanggal: date, *, dry_run: bool = False) -> dict[str, int]:
    """The daily run for `tanggal`: sends what is due and not yet sent; returns the counts (with
    `dry_run`, what would be sent, writing nothing)."""
    hasil = {"periode": 0, "penyusunan": 0, "persetujuan": 0, "terlambat": 0, "terlambat_penilai": 0}
    with translation.override(settings.LANGUAGE_CODE):
        for periode, hari in jatuh_tempo(tanggal):
            hasil["periode"] += 1
            for kunci, n in _kirim_periode(periode, hari, tanggal, dry_run).items():
                hasil[kunci] += n
    return hasil
