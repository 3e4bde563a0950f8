"""Reads of umpan balik berkelanjutan: the history of an SKP grouped as seed 002's "3.a" and "3.c" tables
(per rencana hasil kerja, per BerAKHLAK value), the requests addressed to a pegawai, and the colleagues
a pegawai may ask. Each read is a fixed number of queries, as light rows rather than model instances."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.functional import Promise

from kinerja.aturan import BERAKHLAK
from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai, nama_dengan_gelar
from kinerja.perencanaan.models import JadwalPeriode, RencanaHasilKerja, Skp

from .models import PeranPemberi, PermintaanUmpanBalik, Realisasi, UmpanBalik

PERAN = dict(PeranPemberi.choices)
STATUS_PERMINTAAN = dict(PermintaanUmpanBalik.Status.choices)
JUMLAH_CARI = 10


@dataclass(frozen=True, slots=True)
class ItemUmpanBalik:
    """One piece of feedback as the pages show it (seed 002: "Pimpinan (nama): …")."""

    pemberi: str  # name with titles
    peran: str | Promise  # role label (Pimpinan, Rekan kerja setingkat, …), translated when shown
    isi: str
    bukti: str
    waktu: datetime
    jadwal: int | None  # the evaluation period's nomor, or None when not about one period
    sumber: str  # "rhk", "realisasi" or "nilai"
    pk: int = 0
    pemberi_id: int = 0
    indikator: str = ""  # for sumber "realisasi": the indikator whose realisasi it is about
    dari_permintaan: bool = False


@dataclass
class RiwayatUmpanBalik:
    per_rhk: dict[int, list[ItemUmpanBalik]] = field(default_factory=dict)  # on the RHK and its realisasi
    per_nilai: dict[int, list[ItemUmpanBalik]] = field(default_factory=dict)  # index into BERAKHLAK
    jumlah: int = 0

    def semua(self) -> list[ItemUmpanBalik]:
        items = [i for group in (*self.per_rhk.values(), *self.per_nilai.values()) for i in group]
        return sorted(items, key=lambda i: (i.waktu, i.pk))


def umpan_balik_skp(skp_id: int) -> RiwayatUmpanBalik:
    """All feedback of an SKP, oldest first within each group, in one query."""
    riwayat = RiwayatUmpanBalik()
    rows = (
        UmpanBalik.objects.filter(skp_id=skp_id)
        .order_by("created_at", "id")
        .values_list(
            "pk",
            "pemberi_id",
            "pemberi__gelar_depan",
            "pemberi__nama",
            "pemberi__gelar_belakang",
            "peran",
            "isi",
            "bukti",
            "created_at",
            "jadwal__nomor",
            "rhk_id",
            "realisasi_id",
            "realisasi__indikator__rhk_id",
            "realisasi__indikator__uraian",
            "realisasi__jadwal__nomor",
            "nilai_berakhlak",
            "permintaan_id",
        )
    )
    for (
        pk,
        pemberi_id,
        gelar_depan,
        nama,
        gelar_belakang,
        peran,
        isi,
        bukti,
        waktu,
        jadwal,
        rhk_id,
        realisasi_id,
        realisasi_rhk_id,
        indikator,
        realisasi_jadwal,
        nilai,
        permintaan_id,
    ) in rows:
        if realisasi_id is not None:
            sumber, kunci, grup = "realisasi", rhk_id or realisasi_rhk_id, riwayat.per_rhk
        elif rhk_id is not None:
            sumber, kunci, grup = "rhk", rhk_id, riwayat.per_rhk
        elif nilai is not None:
            sumber, kunci, grup = "nilai", nilai, riwayat.per_nilai
        else:  # about nothing in particular: not written by the services; kept out of the groups
            continue
        grup.setdefault(kunci, []).append(
            ItemUmpanBalik(
                pemberi=nama_dengan_gelar(gelar_depan, nama, gelar_belakang),
                peran=PERAN.get(peran, peran),
                isi=isi,
                bukti=bukti,
                waktu=waktu,
                jadwal=jadwal if jadwal is not None else realisasi_jadwal,
                sumber=sumber,
                pk=pk,
                pemberi_id=pemberi_id,
                indikator=indikator or "",
                dari_permintaan=permintaan_id is not None,
            )
        )
        riwayat.jumlah += 1
    return riwayat


@dataclass(frozen=True, slots=True)
class BarisRhk:
    pk: int
    jenis: str
    nomor: int  # numbered within its jenis, as the SKP prints it
    uraian: str


def rhk_skp(skp: Skp) -> list[BarisRhk]:
    """The SKP's rencana hasil kerja, utama first, numbered as on the SKP (one query)."""
    rows = RencanaHasilKerja.objects.filter(skp=skp).values_list("pk", "jenis", "urutan", "uraian")
    out, nomor = [], {}
    for pk, jenis, _urutan, uraian in sorted(
        rows, key=lambda r: (r[1] != RencanaHasilKerja.Jenis.UTAMA, r[2], r[0])
    ):
        nomor[jenis] = nomor.get(jenis, 0) + 1
        out.append(BarisRhk(pk, jenis, nomor[jenis], uraian))
    return out


def realisasi_skp(skp: Skp) -> list[tuple[int, int, str]]:
    """(pk, period nomor, indikator) of every realisasi of the SKP, for the penilai's choice (one query)."""
    return list(
        Realisasi.objects.filter(indikator__rhk__skp=skp)
        .order_by(
            "jadwal__nomor", "indikator__rhk__jenis", "indikator__rhk__urutan", "indikator__urutan", "id"
        )
        .values_list("pk", "jadwal__nomor", "indikator__uraian")
    )


def jadwal_skp(skp: Skp) -> list[JadwalPeriode]:
    return list(JadwalPeriode.objects.filter(periode_id=skp.periode_id).order_by("nomor"))


@dataclass(frozen=True, slots=True)
class BarisPermintaan:
    pk: int
    status: str
    status_label: str | Promise
    peran: str | Promise
    hal: str  # the RHK text or the BerAKHLAK value's name
    sumber: str  # "rhk" or "nilai"
    pesan: str
    waktu: datetime
    dijawab_pada: datetime | None
    nama: str  # the other side: the person asked (on the SKP page) or the pegawai (in "my requests")
    tahun: int


def _baris_permintaan(qs, nama_prefix: str) -> list[BarisPermintaan]:
    out = []
    for (
        pk,
        status,
        peran,
        rhk,
        nilai,
        pesan,
        waktu,
        dijawab,
        gelar_depan,
        nama,
        gelar_belakang,
        tahun,
    ) in qs.values_list(
        "pk",
        "status",
        "peran",
        "rhk__uraian",
        "nilai_berakhlak",
        "pesan",
        "created_at",
        "dijawab_pada",
        f"{nama_prefix}gelar_depan",
        f"{nama_prefix}nama",
        f"{nama_prefix}gelar_belakang",
        "skp__periode__tahun",
    ):
        if rhk is not None:
            hal, sumber = rhk, "rhk"
        else:
            hal, sumber = (
                (BERAKHLAK[nilai].nama if nilai is not None and nilai < len(BERAKHLAK) else ""),
                "nilai",
            )
        out.append(
            BarisPermintaan(
                pk,
                status,
                STATUS_PERMINTAAN.get(status, status),
                PERAN.get(peran, peran),
                hal,
                sumber,
                pesan,
                waktu,
                dijawab,
                nama_dengan_gelar(gelar_depan, nama, gelar_belakang),
                tahun,
            )
        )
    return out


_MENUNGGU_DULU = Case(
    When(status=PermintaanUmpanBalik.Status.MENUNGGU, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


def permintaan_skp(skp: Skp) -> list[BarisPermintaan]:
    """The requests the SKP's pegawai has made, waiting first (one query)."""
    qs = PermintaanUmpanBalik.objects.filter(skp=skp).order_by(_MENUNGGU_DULU, "-created_at", "-id")
    return _baris_permintaan(qs, "diminta__")


def permintaan_untuk(user) -> list[BarisPermintaan]:
    """Requests addressed to the user, waiting first, newest first within (one query)."""
    me = akses_of(user).pegawai
    if me is None:
        return []
    qs = PermintaanUmpanBalik.objects.filter(diminta=me).order_by(_MENUNGGU_DULU, "-created_at", "-id")
    return _baris_permintaan(qs, "skp__pegawai__")


def permintaan_saya(user, pk: int) -> PermintaanUmpanBalik | None:
    """A request addressed to the user, with what its page shows, or None (the page answers 404)."""
    me = akses_of(user).pegawai
    if me is None:
        return None
    return (
        PermintaanUmpanBalik.objects.filter(pk=pk, diminta=me)
        .select_related("skp__periode", "skp__pegawai__jabatan", "skp__unit_kerja", "rhk", "jawaban")
        .first()
    )


@dataclass(frozen=True, slots=True)
class Calon:
    nip: str
    nama: str
    jabatan: str
    unit: str


def calon_pemberi(user, q: str) -> list[Calon]:
    """Active colleagues of the user's instansi with an account, found by name or NIP (not the user)."""
    me = akses_of(user).pegawai
    q = " ".join((q or "").split())
    if me is None or len(q) < 3:
        return []
    nip = q.replace(" ", "")
    kondisi = Q(nama__icontains=q) | (Q(nip__startswith=nip) if nip.isdigit() else Q(pk__in=[]))
    return [
        Calon(nip, nama_dengan_gelar(gd, nama, gb), jabatan or "", unit)
        for nip, gd, nama, gb, jabatan, unit in Pegawai.objects.filter(
            kondisi, instansi_id=me.instansi_id, aktif=True, user__isnull=False, user__is_active=True
        )
        .exclude(pk=me.pk)
        .order_by("nama", "id")
        .values_list("nip", "gelar_depan", "nama", "gelar_belakang", "jabatan__nama", "unit_kerja__nama")[
            :JUMLAH_CARI
        ]
    ]
