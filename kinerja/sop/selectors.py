"""Reads of the SOP engine, scoped to the user: the runs one may see, one run with its timeline, and
the time standard against the actual time of each pass.

A run is seen by the pegawai assigned to one of its roles, the admin instansi and the pimpinan of its
instansi, and the superadmin; anyone else gets 404.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from kinerja.core.access import akses_of

from .hari_kerja import hari_kerja_antara, libur_antara
from .models import DokumenProses, JejakLangkah, LangkahSop, PelaksanaProses, ProsesSop, StatusProses


def proses_terlihat(user):
    akses = akses_of(user)
    qs = ProsesSop.objects.select_related("sop", "instansi", "langkah_aktif")
    if akses.is_superadmin:
        return qs
    lingkup = Q(instansi_id__in=akses.pengelola_instansi_ids)
    if akses.pegawai is not None:
        lingkup |= Q(pk__in=PelaksanaProses.objects.filter(pegawai=akses.pegawai).values("proses_id"))
    return qs.filter(lingkup)


def proses_detail(user, pk: int) -> ProsesSop | None:
    return (
        proses_terlihat(user)
        .prefetch_related(
            Prefetch("pelaksana_set", queryset=PelaksanaProses.objects.select_related("pegawai")),
        )
        .filter(pk=pk)
        .first()
    )


def dokumen_terlihat(user, pk: int) -> DokumenProses | None:
    return DokumenProses.objects.filter(pk=pk, proses__in=proses_terlihat(user).values("pk")).first()


def menunggu(pegawai) -> list[ProsesSop]:
    """Runs whose active step is this pegawai's to take (one query)."""
    return list(
        ProsesSop.objects.filter(
            status=StatusProses.BERJALAN,
            pelaksana_set__pegawai=pegawai,
            pelaksana_set__peran=F("langkah_aktif__pelaksana"),
        ).select_related("langkah_aktif", "sop")
    )


@dataclass
class Putaran:
    """One pass through one SOP number: the rows taken in it, its standard and actual working days."""

    nomor: str
    standar: int
    jejak: list[JejakLangkah] = field(default_factory=list)
    aktual: int = 0
    ke: int = 1  # the how-manieth pass of this number (returns make several)

    @property
    def mulai(self) -> datetime:
        return self.jejak[0].mulai

    @property
    def selesai(self) -> datetime | None:
        return self.jejak[-1].selesai

    @property
    def terlambat(self) -> bool:
        return self.aktual > self.standar


@dataclass
class Linimasa:
    putaran: list[Putaran]
    standar: int  # the SOP's total (sum of every row's waktu)
    aktual: int

    @property
    def terlambat(self) -> bool:
        return self.aktual > self.standar


def _tanggal(dt: datetime) -> date:
    return timezone.localdate(dt)


def linimasa(proses: ProsesSop, langkah: list[LangkahSop], *, sekarang: datetime | None = None) -> Linimasa:
    """The passes of a run, in order. Consecutive passes through rows of the same number form one pass
    of that number; a return opens a new pass of the number it goes back to. Actual time counts
    working days (``hari_kerja``) from the pass's activation to its completion, or to `sekarang` while
    it is open."""
    sekarang = sekarang or timezone.now()
    standar_nomor: dict[str, int] = {}
    for row in langkah:
        standar_nomor[row.nomor] = standar_nomor.get(row.nomor, 0) + row.waktu_hari_kerja
    per_id = {row.pk: row for row in langkah}
    jejak = list(
        JejakLangkah.objects.filter(proses=proses)
        .select_related("pegawai", "oleh")
        .prefetch_related("dokumen_set")
        .order_by("id")  # creation order: each pass opens when the previous closes
    )
    putaran: list[Putaran] = []
    for j in jejak:
        j.langkah = per_id[j.langkah_id]  # rows of the SOP, already loaded
        akhir = putaran[-1] if putaran else None
        if akhir is not None and akhir.nomor == j.langkah.nomor and akhir.jejak[-1].hasil != "dikembalikan":
            akhir.jejak.append(j)
        else:
            ke = sum(1 for p in putaran if p.nomor == j.langkah.nomor) + 1
            putaran.append(Putaran(j.langkah.nomor, standar_nomor[j.langkah.nomor], [j], ke=ke))
    if not putaran:
        return Linimasa([], sum(standar_nomor.values()), 0)
    awal = _tanggal(putaran[0].mulai)
    akhir_run = _tanggal(proses.selesai_pada or sekarang)
    libur = libur_antara(awal, max(akhir_run, awal))
    for p in putaran:
        p.aktual = hari_kerja_antara(_tanggal(p.mulai), _tanggal(p.selesai or sekarang), libur)
    total = hari_kerja_antara(awal, akhir_run, libur)
    return Linimasa(putaran, sum(standar_nomor.values()), total)
