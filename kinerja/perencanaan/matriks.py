"""Matriks Peran Hasil (seed 004): a supervisor's rencana hasil kerja as columns, the team as rows, in
each cell what that member must deliver for that column ("x": tidak ada peran).

A filled cell becomes a draft rencana hasil kerja in the member's SKP, intervening the column
(seed 002: "diisi dengan rencana hasil kerja sesuai matriks peran dan hasil"; prioritas tinggi →
utama, rendah → tambahan). Saving the matrix writes into every member SKP that can still be edited;
a member whose SKP is not open yet gets the cells when it is opened ("Isi dari matriks").
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai

from .models import IndikatorKinerjaIndividu, PeranHasil, RencanaHasilKerja, Skp
from .workflow import DAPAT_DIUBAH, StatusSkp, TransisiDitolak

MAKS_URAIAN = 2000
BERLAKU = [StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DISETUJUI]


class MatriksDitolak(TransisiDitolak):
    def __init__(self, masalah: list[str]):
        super().__init__(" ".join(masalah))
        self.masalah = masalah


@dataclass
class Kolom:
    rhk: RencanaHasilKerja
    kelompok: str  # what the column itself comes from: the intervened RHK or the organisation sasaran


@dataclass
class Baris:
    pegawai: Pegawai
    skp: Skp | None
    sel: list[PeranHasil | None] = field(default_factory=list)


@dataclass
class Matriks:
    skp: Skp
    kolom: list[Kolom]
    baris: list[Baris]

    def kelompok(self) -> list[tuple[str, list[int]]]:
        """Columns grouped by what they come from, in order (seed 004 prints one table per group)."""
        grup: dict[str, list[int]] = {}
        for i, k in enumerate(self.kolom):
            grup.setdefault(k.kelompok, []).append(i)
        return list(grup.items())


def skp_berlaku(pegawai_ids, tahun: int) -> dict[int, Skp]:
    """The SKP in force per pegawai for a year: the newest version not replaced or closed."""
    hasil: dict[int, Skp] = {}
    qs = (
        Skp.objects.filter(pegawai_id__in=pegawai_ids, periode__tahun=tahun, status__in=BERLAKU)
        .select_related("periode")
        .order_by("pegawai_id", "-versi", "-tanggal_mulai")
    )
    for skp in qs:
        hasil.setdefault(skp.pegawai_id, skp)
    return hasil


def tim(pegawai: Pegawai) -> list[Pegawai]:
    """The team: active pegawai whose pejabat penilai is `pegawai`, by jabatan then name."""
    return list(
        Pegawai.objects.filter(pejabat_penilai=pegawai, aktif=True)
        .select_related("jabatan")
        .order_by("jabatan__jenis", "jabatan__nama", "nama")
    )


def muat(skp: Skp) -> Matriks:
    """The matrix of `skp`'s owner, in a fixed number of queries."""
    kolom_rhk = list(
        skp.rhk_set.select_related("intervensi", "sasaran")
        .prefetch_related(Prefetch("indikator_set", IndikatorKinerjaIndividu.objects.order_by("urutan")))
        .order_by("jenis", "urutan", "id")
    )
    kolom = [Kolom(r, _asal(r)) for r in kolom_rhk]
    anggota = tim(skp.pegawai)
    skp_anggota = skp_berlaku([p.pk for p in anggota], skp.periode.tahun)
    sel = {
        (p.rhk_atasan_id, p.pegawai_id): p
        for p in PeranHasil.objects.filter(rhk_atasan__skp=skp).select_related("rhk__skp")
    }
    baris = [Baris(p, skp_anggota.get(p.pk), [sel.get((k.rhk.pk, p.pk)) for k in kolom]) for p in anggota]
    return Matriks(skp, kolom, baris)


def _asal(rhk: RencanaHasilKerja) -> str:
    if rhk.intervensi is not None:
        return rhk.intervensi.uraian
    return rhk.sasaran.uraian if rhk.sasaran is not None else ""


def bersihkan(teks: str) -> str:
    teks = " ".join((teks or "").split())
    return "" if teks.lower() in {"x", "-", "tidak ada peran"} else teks


@transaction.atomic
def simpan(skp: Skp, isian: dict[tuple[int, int], tuple[str, str]], *, by) -> dict[str, int]:
    """Saves the cells {(column rhk id, pegawai id): (uraian, jenis)} of `skp`'s matrix and writes the
    filled ones into the members' editable SKP. All or nothing: any bad cell refuses the whole save."""
    pemilik = akses_of(by).pegawai if by is not None else None
    if pemilik is None or pemilik.pk != skp.pegawai_id:
        raise TransisiDitolak("Hanya pemilik SKP yang dapat menyusun matriks peran hasilnya.")
    if skp.status not in BERLAKU:
        raise TransisiDitolak("SKP ini sudah diganti atau ditutup; matriks disusun dari SKP yang berlaku.")
    matriks = muat(skp)
    kolom = {k.rhk.pk: k.rhk for k in matriks.kolom}
    baris = {b.pegawai.pk: b for b in matriks.baris}
    masalah: list[str] = []
    bersih: dict[tuple[int, int], tuple[str, str]] = {}
    for (rhk_id, pegawai_id), (uraian, jenis) in isian.items():
        if rhk_id not in kolom or pegawai_id not in baris:
            masalah.append("Sel matriks tidak dikenal: kolom atau anggota tim tidak sesuai dengan SKP ini.")
            continue
        uraian = bersihkan(uraian)
        if len(uraian) > MAKS_URAIAN:
            masalah.append(
                f"Peran {baris[pegawai_id].pegawai.nama_lengkap} terlalu panjang (maks. {MAKS_URAIAN} huruf)."
            )
        if jenis not in RencanaHasilKerja.Jenis.values:
            masalah.append("Prioritas peran harus utama atau tambahan.")
        bersih[(rhk_id, pegawai_id)] = (uraian, jenis)
    for pegawai_id, b in baris.items():
        teks = [
            bersih.get((k.rhk.pk, pegawai_id), (s.uraian if s else "", ""))[0].lower()
            for k, s in zip(matriks.kolom, b.sel, strict=True)
        ]
        teks = [t for t in teks if t]
        if len(teks) != len(set(teks)):
            masalah.append(f"Peran {b.pegawai.nama_lengkap} tertulis dua kali dengan uraian yang sama.")
    if masalah:
        raise MatriksDitolak(list(dict.fromkeys(masalah)))

    ada = {(p.rhk_atasan_id, p.pegawai_id): p for b in matriks.baris for p in b.sel if p is not None}
    hitung = {"diubah": 0, "ke_skp": 0}
    for key, (uraian, jenis) in bersih.items():
        sel = ada.get(key)
        if sel is None:
            if not uraian:
                continue
            sel = PeranHasil(rhk_atasan_id=key[0], pegawai_id=key[1])
        elif sel.uraian == uraian and sel.jenis == jenis:
            continue
        sel.uraian, sel.jenis = uraian, jenis
        sel.save()
        hitung["diubah"] += 1
        b = baris[key[1]]
        if b.skp is not None and b.skp.dapat_diubah:
            hitung["ke_skp"] += _tulis_ke_skp(sel, b.skp)
    return hitung


def _tulis_ke_skp(sel: PeranHasil, skp: Skp) -> int:
    """Brings one cell into an editable SKP: creates, updates or (emptied, still without indikator)
    removes the rencana hasil kerja it produced. Returns 1 when the SKP changed."""
    rhk = sel.rhk if sel.rhk is not None and sel.rhk.skp_id == skp.pk else None
    if not sel.uraian:
        if rhk is not None and not rhk.indikator_set.exists():
            rhk.delete()
            sel.rhk = None
            sel.save(update_fields=["rhk", "updated_at"])
            return 1
        return 0
    if rhk is None:
        rhk = skp.rhk_set.filter(intervensi_id=sel.rhk_atasan_id, uraian__iexact=sel.uraian).first()
    if rhk is None:
        urutan = (skp.rhk_set.filter(jenis=sel.jenis).aggregate(m=Max("urutan"))["m"] or 0) + 1
        rhk = RencanaHasilKerja.objects.create(
            skp=skp,
            jenis=sel.jenis,
            urutan=urutan,
            uraian=sel.uraian,
            intervensi_id=sel.rhk_atasan_id,
        )
    elif (rhk.uraian, rhk.jenis) != (sel.uraian, sel.jenis):
        rhk.uraian, rhk.jenis = sel.uraian, sel.jenis
        rhk.save(update_fields=["uraian", "jenis", "updated_at"])
    else:
        if sel.rhk_id == rhk.pk:
            return 0
    sel.rhk = rhk
    sel.save(update_fields=["rhk", "updated_at"])
    return 1


def sel_untuk(skp: Skp) -> list[PeranHasil]:
    """The filled cells addressed to `skp`'s pegawai in the supervisor's matrix of the same year."""
    penilai_id = skp.pejabat_penilai_id or skp.pegawai.pejabat_penilai_id
    if penilai_id is None:
        return []
    atasan = skp_berlaku([penilai_id], skp.periode.tahun).get(penilai_id)
    if atasan is None:
        return []
    return list(
        PeranHasil.objects.filter(rhk_atasan__skp=atasan, pegawai_id=skp.pegawai_id)
        .exclude(uraian="")
        .select_related("rhk")
        .order_by("rhk_atasan__jenis", "rhk_atasan__urutan")
    )


@transaction.atomic
def isi_dari_matriks(skp: Skp) -> int:
    """Fills `skp` with the cells of the supervisor's matrix it does not hold yet; returns how many
    rencana hasil kerja were added or updated."""
    if StatusSkp(skp.status) not in DAPAT_DIUBAH:
        raise TransisiDitolak("SKP yang sudah diajukan atau disetujui tidak dapat diubah.")
    return sum(_tulis_ke_skp(sel, skp) for sel in sel_untuk(skp))
