"""Writes to the SKP: open, fill, run the workflow, revise, copy, close. Each is one transaction.

Two approvers or two tabs cannot both win: a transition is a conditional UPDATE on the status it
starts from, so the second one finds the SKP already moved and is refused.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from kinerja.aturan import BERAKHLAK
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Pegawai

from . import matriks, workflow
from .models import (
    EkspektasiPerilaku,
    IndikatorKinerjaIndividu,
    LampiranSkp,
    ManualIndikator,
    PeriodeKinerja,
    RencanaHasilKerja,
    RiwayatSkp,
    Skp,
)
from .validasi import masalah_pengajuan
from .workflow import Aksi, Peran, StatusSkp, TransisiDitolak

AKTIF = [StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DISETUJUI]


class SkpDitolak(TransisiDitolak):
    """The SKP cannot be submitted as it is; `masalah` lists every reason."""

    def __init__(self, masalah: list[str]):
        super().__init__("SKP belum dapat diajukan: " + " ".join(masalah))
        self.masalah = masalah


def jenis_skp(pegawai: Pegawai) -> str:
    """SKP JPT for JPT and for the head of a unit with no superior post (pimpinan unit kerja mandiri)."""
    jabatan = pegawai.jabatan
    if jabatan is not None and (jabatan.jenis.startswith("jpt") or jabatan.atasan_id is None):
        return Skp.Jenis.JPT
    return Skp.Jenis.JA_JF


def periode_tahun(instansi, tahun: int) -> PeriodeKinerja:
    periode = PeriodeKinerja.objects.filter(instansi=instansi, tahun=tahun).first()
    if periode is None:
        from .periode import buat_jadwal

        with transaction.atomic():
            periode = PeriodeKinerja.bawaan(instansi, tahun)
            periode.save()
            buat_jadwal(periode)
    return periode


@transaction.atomic
def buka_skp(
    *,
    pegawai: Pegawai,
    periode: PeriodeKinerja,
    pendekatan: str = Skp.Pendekatan.KUANTITATIF,
    mulai: date | None = None,
    by=None,
    dari_matriks: bool = True,
) -> Skp:
    """A new draft SKP for the pegawai's current position, with the 7 BerAKHLAK rows, a lampiran and
    (unless told otherwise) the rencana hasil kerja the supervisor's Matriks Peran Hasil gives them."""
    if Skp.objects.filter(pegawai=pegawai, periode=periode, status__in=AKTIF).exists():
        raise TransisiDitolak(f"{pegawai.nama_lengkap} sudah memiliki SKP aktif untuk tahun {periode.tahun}.")
    skp = Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        jenis=jenis_skp(pegawai),
        pendekatan=pendekatan,
        jabatan=pegawai.jabatan,
        unit_kerja=pegawai.unit_kerja,
        pejabat_penilai=pegawai.pejabat_penilai,
        tanggal_mulai=mulai or periode.tanggal_mulai,
        tanggal_selesai=periode.tanggal_selesai,
    )
    EkspektasiPerilaku.objects.bulk_create(
        EkspektasiPerilaku(skp=skp, nilai=i) for i in range(len(BERAKHLAK))
    )
    LampiranSkp.objects.create(skp=skp)
    RiwayatSkp.objects.create(skp=skp, aksi="buka", dari="", ke=skp.status, oleh=by)
    if dari_matriks:
        matriks.isi_dari_matriks(skp)
    return skp


def peran_atas(skp: Skp, user) -> set[Peran]:
    """The workflow roles `user` holds on `skp`: owner, its pejabat penilai (as of now), admin."""
    peran = set()
    akses = akses_of(user)
    me = akses.pegawai
    if me is not None and me.pk == skp.pegawai_id:
        peran.add(Peran.PEGAWAI)
    if me is not None and me.pk in {skp.pejabat_penilai_id, skp.pegawai.pejabat_penilai_id}:
        peran.add(Peran.PENILAI)
    if akses.is_admin_of(skp.pegawai.instansi_id):
        peran.add(Peran.ADMIN)
    return peran


@transaction.atomic
def jalankan(skp: Skp, aksi: Aksi, *, by, catatan: str = "") -> Skp:
    """Runs one workflow action; returns the SKP to show next (the new version for REVISI)."""
    aksi = Aksi(aksi)
    asal = StatusSkp(skp.status)
    ke = workflow.tujuan(asal, aksi, peran_atas(skp, by))
    if aksi is Aksi.KEMBALIKAN and not catatan.strip():
        raise TransisiDitolak("Tuliskan catatan perbaikan untuk pegawai sebelum mengembalikan SKP.")
    if aksi is Aksi.AJUKAN:
        masalah = masalah_pengajuan(skp)
        if masalah:
            raise SkpDitolak(masalah)
    if aksi is Aksi.REVISI:
        return _revisi(skp, by=by)
    now = timezone.now()
    fields = {"status": ke, "updated_at": now}
    if aksi is Aksi.AJUKAN:
        fields.update(diajukan_pada=now, catatan_penilai="")
    elif aksi is Aksi.SETUJUI:
        fields["disetujui_pada"] = now
    elif aksi is Aksi.KEMBALIKAN:
        fields["catatan_penilai"] = catatan.strip()
    if Skp.objects.filter(pk=skp.pk, status=asal).update(**fields) != 1:
        raise TransisiDitolak(
            "SKP ini baru saja diproses oleh orang lain. Muat ulang halaman untuk melihat statusnya."
        )
    if aksi is Aksi.SETUJUI and skp.revisi_dari_id:
        Skp.objects.filter(pk=skp.revisi_dari_id, status=StatusSkp.DISETUJUI).update(status=StatusSkp.DIGANTI)
    RiwayatSkp.objects.create(skp=skp, aksi=aksi, dari=asal, ke=ke, oleh=by, catatan=catatan.strip())
    skp.refresh_from_db()
    _beri_tahu(skp, aksi, catatan.strip())
    return skp


def _beri_tahu(skp: Skp, aksi: Aksi, catatan: str) -> None:
    pegawai = skp.pegawai
    url = skp.get_absolute_url()
    if aksi is Aksi.AJUKAN:
        penilai = skp.pejabat_penilai or pegawai.pejabat_penilai
        beri_tahu(
            [penilai.user if penilai else None],
            f"SKP {pegawai.nama_lengkap} menunggu persetujuan",
            f"{pegawai.nama_lengkap} mengajukan SKP tahun {skp.periode.tahun}.",
            url,
        )
    elif aksi is Aksi.SETUJUI:
        beri_tahu(
            [pegawai.user],
            f"SKP {skp.periode.tahun} Anda disetujui",
            "Pejabat penilai kinerja telah menyetujui SKP Anda.",
            url,
        )
    elif aksi is Aksi.KEMBALIKAN:
        beri_tahu(
            [pegawai.user],
            f"SKP {skp.periode.tahun} Anda dikembalikan untuk perbaikan",
            f"Catatan pejabat penilai: {catatan}",
            url,
        )


def _revisi(skp: Skp, *, by) -> Skp:
    """A new draft version with a copy of the approved SKP's contents; the approved one stays in force."""
    if Skp.objects.filter(
        revisi_dari=skp, status__in=[StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN]
    ).exists():
        raise TransisiDitolak("Revisi SKP ini sudah dibuat dan belum disetujui.")
    baru = Skp.objects.create(
        pegawai=skp.pegawai,
        periode=skp.periode,
        jenis=skp.jenis,
        pendekatan=skp.pendekatan,
        jabatan=skp.jabatan,
        unit_kerja=skp.unit_kerja,
        pejabat_penilai=skp.pegawai.pejabat_penilai or skp.pejabat_penilai,
        tanggal_mulai=skp.tanggal_mulai,
        tanggal_selesai=skp.tanggal_selesai,
        versi=skp.versi + 1,
        revisi_dari=skp,
    )
    salin_isi(skp, baru)
    RiwayatSkp.objects.create(
        skp=skp,
        aksi=Aksi.REVISI,
        dari=skp.status,
        ke=skp.status,
        oleh=by,
        catatan=f"Revisi versi {baru.versi} dibuat.",
    )
    RiwayatSkp.objects.create(
        skp=baru, aksi="buka", dari="", ke=baru.status, oleh=by, catatan=f"Revisi dari versi {skp.versi}."
    )
    return baru


def salin_isi(asal: Skp, tujuan_skp: Skp, *, dengan_intervensi: bool = True) -> None:
    """Copies rencana hasil kerja, indikator (with manual), ekspektasi and lampiran into another SKP."""
    rhk_asal = list(asal.rhk_set.prefetch_related("indikator_set__manual"))
    baru_rhk = RencanaHasilKerja.objects.bulk_create(
        RencanaHasilKerja(
            skp=tujuan_skp,
            jenis=r.jenis,
            urutan=r.urutan,
            uraian=r.uraian,
            intervensi_id=r.intervensi_id if dengan_intervensi else None,
            sasaran_id=r.sasaran_id if dengan_intervensi else None,
            penugasan_dari=r.penugasan_dari,
        )
        for r in rhk_asal
    )
    pasangan = []
    for lama, baru in zip(rhk_asal, baru_rhk, strict=True):
        for iki in lama.indikator_set.all():
            pasangan.append(
                (
                    iki,
                    IndikatorKinerjaIndividu(
                        rhk=baru,
                        urutan=iki.urutan,
                        uraian=iki.uraian,
                        aspek=iki.aspek,
                        perspektif=iki.perspektif,
                        target_min=iki.target_min,
                        target_max=iki.target_max,
                        satuan=iki.satuan,
                        target_teks=iki.target_teks,
                    ),
                )
            )
    IndikatorKinerjaIndividu.objects.bulk_create([b for _a, b in pasangan])
    manual = []
    for lama, baru in pasangan:
        m = getattr(lama, "manual", None)
        if m is not None:
            m.pk, m.indikator = None, baru
            manual.append(m)
    ManualIndikator.objects.bulk_create(manual)
    teks = {e.nilai: e.ekspektasi_khusus for e in asal.ekspektasi_set.all()}
    ekspektasi = list(tujuan_skp.ekspektasi_set.all())  # buka_skp created one row per BerAKHLAK value
    for e in ekspektasi:
        e.ekspektasi_khusus = teks.get(e.nilai, "")
    EkspektasiPerilaku.objects.bulk_update(ekspektasi, ["ekspektasi_khusus"])
    lampiran = getattr(asal, "lampiran", None)
    if lampiran is not None:
        LampiranSkp.objects.update_or_create(
            skp=tujuan_skp,
            defaults={
                "dukungan_sumber_daya": lampiran.dukungan_sumber_daya,
                "skema_pertanggungjawaban": lampiran.skema_pertanggungjawaban,
                "konsekuensi": lampiran.konsekuensi,
            },
        )


@transaction.atomic
def salin_tahun_lalu(*, pegawai: Pegawai, periode: PeriodeKinerja, by=None) -> Skp:
    """A new draft for `periode` holding last year's latest approved SKP contents (links are dropped:
    last year's intervened RHK belong to last year's SKP)."""
    lalu = (
        Skp.objects.filter(
            pegawai=pegawai,
            periode__tahun=periode.tahun - 1,
            status__in=[StatusSkp.DISETUJUI, StatusSkp.DIGANTI, StatusSkp.DITUTUP],
        )
        .order_by("-tanggal_mulai", "-versi")
        .first()
    )
    if lalu is None:
        raise TransisiDitolak(f"Tidak ada SKP tahun {periode.tahun - 1} yang disetujui untuk disalin.")
    skp = buka_skp(pegawai=pegawai, periode=periode, pendekatan=lalu.pendekatan, by=by, dari_matriks=False)
    salin_isi(lalu, skp, dengan_intervensi=False)
    return skp


@transaction.atomic
def pindah_jabatan(*, skp: Skp, tanggal: date, by) -> Skp:
    """A mid-year change of position: closes `skp` the day before `tanggal` and opens a new draft from
    `tanggal` for the pegawai's (already updated) position (seed 002; regulasi.md §3.8)."""
    if not (skp.tanggal_mulai < tanggal <= skp.tanggal_selesai):
        raise TransisiDitolak("Tanggal pindah jabatan harus berada di dalam periode SKP.")
    asal = StatusSkp(skp.status)
    workflow.tujuan(asal, Aksi.TUTUP, peran_atas(skp, by))
    if (
        Skp.objects.filter(pk=skp.pk, status=asal).update(
            status=StatusSkp.DITUTUP, tanggal_selesai=tanggal - timezone.timedelta(days=1)
        )
        != 1
    ):
        raise TransisiDitolak(
            "SKP ini baru saja diproses oleh orang lain. Muat ulang halaman untuk melihat statusnya."
        )
    RiwayatSkp.objects.create(
        skp=skp,
        aksi=Aksi.TUTUP,
        dari=asal,
        ke=StatusSkp.DITUTUP,
        oleh=by,
        catatan=f"Pindah jabatan mulai {tanggal:%d-%m-%Y}.",
    )
    pegawai = Pegawai.objects.select_related("jabatan", "pejabat_penilai").get(pk=skp.pegawai_id)
    return buka_skp(pegawai=pegawai, periode=skp.periode, pendekatan=skp.pendekatan, mulai=tanggal, by=by)
