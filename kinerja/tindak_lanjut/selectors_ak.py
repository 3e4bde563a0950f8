"""Scoped, preloaded reads for the angka kredit pages: a pejabat fungsional is seen by themself, their
pejabat penilai and atasan pejabat penilai, and the admin and pimpinan of the instansi
(``organisasi.selectors``); out of reach: None (404)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from kinerja.aturan import JenisJabatan, JenjangFungsional
from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import dapat_melihat, pegawai_scope
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusPenilaian

from .angka_kredit import Akumulasi, akumulasi_banyak, koefisien_berlaku
from .models import KoefisienAngkaKredit
from .proyeksi import ProyeksiKenaikan, proyeksi_pegawai

IDENTITAS = ("jabatan", "unit_kerja", "instansi", "pejabat_penilai__jabatan", "pejabat_penilai__user")


def is_fungsional(pegawai: Pegawai) -> bool:
    j = pegawai.jabatan
    return j is not None and j.jenis == JenisJabatan.FUNGSIONAL and bool(j.jenjang)


def pegawai_ak(user, pk: int) -> Pegawai | None:
    p = Pegawai.objects.select_related(*IDENTITAS).filter(pk=pk).first()
    return p if p is not None and dapat_melihat(user, p) else None


def boleh_konversi(user, penilaian: Penilaian) -> bool:
    """The pejabat penilai converts (regulasi.md §4.2, [S15]); the admin instansi (Analis SDM) may too."""
    akses = akses_of(user)
    me = akses.pegawai.pk if akses.pegawai else None
    return akses.is_admin_of(penilaian.pegawai.instansi_id) or (
        me is not None and me == penilaian.pejabat_penilai_id
    )


def belum_dikonversi(pegawai: Pegawai) -> list[Penilaian]:
    """Final penilaian without a conversion (one query)."""
    return list(
        Penilaian.objects.filter(pegawai=pegawai, status=StatusPenilaian.FINAL, konversi_ak__isnull=True)
        .select_related("periode", "jadwal", "pegawai")
        .order_by("periode__tahun", "jadwal__nomor")
    )


def tim_fungsional(user) -> QuerySet[Pegawai]:
    """Pejabat fungsional the user may see, other than themself (one query)."""
    akses = akses_of(user)
    qs = Pegawai.objects.filter(pegawai_scope(user), aktif=True, jabatan__jenis=JenisJabatan.FUNGSIONAL)
    if akses.pegawai:
        qs = qs.exclude(pk=akses.pegawai.pk)
    return qs.select_related("jabatan", "unit_kerja").order_by("nama")


def versi_koefisien() -> list[tuple[date, list[KoefisienAngkaKredit]]]:
    """Every version of the koefisien table, newest first, rows in jenjang order (one query)."""
    urutan = {j.value: i for i, j in enumerate(JenjangFungsional)}
    versi: dict[date, list[KoefisienAngkaKredit]] = {}
    for row in KoefisienAngkaKredit.objects.order_by("-berlaku_mulai"):
        versi.setdefault(row.berlaku_mulai, []).append(row)
    return [(t, sorted(rows, key=lambda r: urutan.get(r.jenjang, 99))) for t, rows in versi.items()]


def proyeksi_untuk(
    pegawai: Pegawai, akumulasi: Akumulasi, koefisien: dict, today: date
) -> ProyeksiKenaikan | None:
    if not is_fungsional(pegawai):
        return None
    return proyeksi_pegawai(
        jenjang=pegawai.jabatan.jenjang,
        golongan=pegawai.golongan_ruang,
        akumulasi=akumulasi,
        koefisien=koefisien,
        today=today,
    )


@dataclass
class BarisRekap:
    pegawai: Pegawai
    akumulasi: Akumulasi
    proyeksi: ProyeksiKenaikan | None

    @property
    def kekurangan(self) -> Decimal | None:
        return self.proyeksi.kekurangan if self.proyeksi else None


def rekap_ak(user, unit_ids: list[int], today: date) -> list[BarisRekap]:
    """Active pejabat fungsional of the units that the user may see (the admin and pimpinan: everyone;
    a pejabat penilai: his team), each with accumulation and projection. Four queries."""
    pegawai = list(
        Pegawai.objects.filter(
            pegawai_scope(user),
            unit_kerja_id__in=unit_ids,
            aktif=True,
            jabatan__jenis=JenisJabatan.FUNGSIONAL,
        )
        .select_related("jabatan")
        .only("id", "nip", "nama", "gelar_depan", "gelar_belakang", "golongan_ruang", "status", "jabatan")
        .order_by("nama")
    )
    akum = akumulasi_banyak([p.pk for p in pegawai])
    koef = koefisien_berlaku(today)
    return [BarisRekap(p, akum[p.pk], proyeksi_untuk(p, akum[p.pk], koef, today)) for p in pegawai]
