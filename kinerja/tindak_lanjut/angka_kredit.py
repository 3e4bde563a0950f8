"""Angka kredit of jabatan fungsional: conversion of a final predikat and the accumulation per pegawai.

The rule itself is ``kinerja.aturan.angka_kredit`` (PermenPANRB 1/2023 Pasal 37, Peraturan BKN 3/2023;
regulasi.md §4); here it is fed with the data of one penilaian and the koefisien version in force
(decision g), and the result is stored (``KonversiAngkaKredit``, history kept by simple_history).

Kinerja's choices where the rules are silent (decision h and this module):
- months are whole calendar months inside the period (``bulan_penuh``);
- the koefisien is the version in force on the last day of the period;
- a year is counted once in the accumulation: its annual conversion when it exists, otherwise the sum
  of its periodic conversions (a periodic and an annual conversion of the same year describe the same
  months, regulasi.md §3.8);
- the accumulation starts from ``AngkaKreditAwal`` and adds the rounded conversions of the periods that
  end after its ``per_tanggal`` (decision h: 18,75 + 2,08 = 20,83).
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.aturan import AK_PERSEN, JenjangFungsional, Predikat, angka_kredit
from kinerja.organisasi.models import StatusKepegawaian
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import WorkflowError

from .models import AngkaKreditAwal, KoefisienAngkaKredit, KonversiAngkaKredit

NOL = Decimal("0")


def bulan_penuh(mulai: date, selesai: date) -> int:
    """Whole calendar months inside [mulai, selesai] (decision h): 1 Jan–31 Dec = 12, 15 Jan–31 Mar = 2.

    A month counts when its first and last day both lie inside the period."""
    awal = (mulai.year, mulai.month) if mulai.day == 1 else _geser(mulai.year, mulai.month, 1)
    hari_akhir = calendar.monthrange(selesai.year, selesai.month)[1]
    akhir = (
        (selesai.year, selesai.month)
        if selesai.day == hari_akhir
        else _geser(selesai.year, selesai.month, -1)
    )
    jumlah = (akhir[0] * 12 + akhir[1]) - (awal[0] * 12 + awal[1]) + 1
    return max(jumlah, 0)


def _geser(tahun: int, bulan: int, n: int) -> tuple[int, int]:
    indeks = tahun * 12 + bulan - 1 + n
    return indeks // 12, indeks % 12 + 1


def koefisien_berlaku(tanggal: date) -> dict[str, KoefisienAngkaKredit]:
    """jenjang -> the ``KoefisienAngkaKredit`` row in force on ``tanggal`` (decision g): for each jenjang
    the latest version that started on or before that date. One query."""
    rows = KoefisienAngkaKredit.objects.filter(berlaku_mulai__lte=tanggal).order_by(
        "jenjang", "-berlaku_mulai"
    )
    berlaku: dict[str, KoefisienAngkaKredit] = {}
    for row in rows:
        berlaku.setdefault(row.jenjang, row)
    return berlaku


def pppk_diizinkan() -> bool:
    """Whether PPPK in a jabatan fungsional accumulate angka kredit: UNVERIFIED (regulasi.md §3.11),
    off unless the ``KINERJA_AK_PPPK`` setting is True."""
    return bool(getattr(settings, "KINERJA_AK_PPPK", False))


@dataclass(frozen=True)
class MasaKonversi:
    tahun: int
    tahunan: bool
    mulai: date
    selesai: date
    bulan: int


def masa_konversi(penilaian: Penilaian) -> MasaKonversi:
    """The period a penilaian covers: periodic = its jadwal within the SKP dates, annual = the SKP period."""
    skp = penilaian.skp
    mulai, selesai = skp.tanggal_mulai, skp.tanggal_selesai
    if penilaian.jadwal_id:
        mulai = max(mulai, penilaian.jadwal.tanggal_mulai)
        selesai = min(selesai, penilaian.jadwal.tanggal_selesai)
    bulan = bulan_penuh(mulai, selesai) if selesai >= mulai else 0
    return MasaKonversi(penilaian.periode.tahun, penilaian.jadwal_id is None, mulai, selesai, bulan)


def jenjang_penilaian(penilaian: Penilaian) -> JenjangFungsional:
    """The jenjang of the jabatan on the SKP (its snapshot), or WorkflowError for a pegawai who is not
    a pejabat fungsional. PPPK are refused unless ``KINERJA_AK_PPPK`` is on."""
    pegawai = penilaian.pegawai
    if pegawai.status == StatusKepegawaian.PPPK and not pppk_diizinkan():
        raise WorkflowError(
            _(
                "Angka kredit tidak dihitung untuk PPPK: ketentuannya belum dapat dipastikan "
                "(pengaturan KINERJA_AK_PPPK tidak aktif)."
            )
        )
    jabatan = penilaian.skp.jabatan
    if jabatan is None or not jabatan.is_fungsional or not jabatan.jenjang:
        raise WorkflowError(
            _("%(nama)s bukan pejabat fungsional: angka kredit hanya untuk jabatan fungsional berjenjang.")
            % {"nama": pegawai.nama_lengkap}
        )
    return JenjangFungsional(jabatan.jenjang)


@transaction.atomic
def konversi(*, penilaian: Penilaian, by) -> KonversiAngkaKredit:
    """Converts a final predikat to angka kredit (regulasi.md §4.2) and stores it; a second conversion
    of the same penilaian (e.g. after a keberatan decision) updates the row. Raises WorkflowError, with
    nothing written, for a predikat that is not final, a pegawai who is not a pejabat fungsional, a PPPK
    (unless ``KINERJA_AK_PPPK``), a period shorter than one whole month or a jenjang without koefisien."""
    if not penilaian.final or not penilaian.predikat:
        raise WorkflowError(
            _("Predikat belum final: angka kredit hanya dikonversi dari predikat yang sudah final.")
        )
    jenjang = jenjang_penilaian(penilaian)
    masa = masa_konversi(penilaian)
    if masa.bulan < 1:
        raise WorkflowError(
            _(
                "Masa penilaian %(mulai)s–%(selesai)s tidak mencakup satu bulan penuh; "
                "angka kredit tidak dihitung."
            )
            % {"mulai": masa.mulai.strftime("%d-%m-%Y"), "selesai": masa.selesai.strftime("%d-%m-%Y")}
        )
    baris = koefisien_berlaku(masa.selesai).get(jenjang.value)
    if baris is None:
        raise WorkflowError(
            _("Tidak ada koefisien angka kredit jenjang %(jenjang)s yang berlaku pada %(tanggal)s.")
            % {"jenjang": jenjang.label, "tanggal": masa.selesai.strftime("%d-%m-%Y")}
        )
    predikat = Predikat(penilaian.predikat)
    ak = angka_kredit(predikat, jenjang, masa.bulan, koefisien={jenjang: baris.koefisien})
    hasil, _dibuat = KonversiAngkaKredit.objects.update_or_create(
        penilaian=penilaian,
        defaults={
            "pegawai_id": penilaian.pegawai_id,
            "tahun": masa.tahun,
            "tahunan": masa.tahunan,
            "tanggal_mulai": masa.mulai,
            "tanggal_selesai": masa.selesai,
            "jenjang": jenjang.value,
            "golongan_ruang": penilaian.pegawai.golongan_ruang,
            "predikat": predikat.value,
            "bulan": masa.bulan,
            "persen": AK_PERSEN[predikat],
            "koefisien": baris.koefisien,
            "angka_kredit": ak,
            "dikonversi_oleh": by,
        },
    )
    return hasil


def untuk_konversi(pks: Iterable[int]):
    """Penilaian loaded with what ``konversi`` reads (one query)."""
    return Penilaian.objects.filter(pk__in=list(pks)).select_related(
        "skp__jabatan", "jadwal", "periode", "pegawai"
    )


# --- accumulation --------------------------------------------------------------------------------


@dataclass
class TahunAk:
    """One year of the accumulation: every conversion, and the ones counted."""

    tahun: int
    konversi: list[KonversiAngkaKredit] = field(default_factory=list)

    @property
    def tahunan(self) -> KonversiAngkaKredit | None:
        return next((k for k in self.konversi if k.tahunan), None)

    @property
    def dihitung(self) -> list[KonversiAngkaKredit]:
        """The annual conversion when it exists, else the periodic ones (a year is not counted twice)."""
        tahunan = self.tahunan
        return [tahunan] if tahunan else [k for k in self.konversi if not k.tahunan]

    @property
    def jumlah(self) -> Decimal:
        return sum((k.angka_kredit for k in self.dihitung), start=NOL).quantize(Decimal("0.01"))


@dataclass
class Akumulasi:
    ak_awal: Decimal
    per_tanggal: date | None
    awal: AngkaKreditAwal | None
    tahun: list[TahunAk]
    sebelum_awal: list[KonversiAngkaKredit]  # conversions of periods ended by per_tanggal: not added

    @property
    def jumlah_konversi(self) -> Decimal:
        return sum((t.jumlah for t in self.tahun), start=NOL)

    @property
    def kumulatif(self) -> Decimal:
        return (self.ak_awal + self.jumlah_konversi).quantize(Decimal("0.01"))

    def per_tahun(self) -> dict[int, Decimal]:
        return {t.tahun: t.jumlah for t in self.tahun}

    @property
    def predikat_tahunan(self) -> list[Predikat]:
        """The annual predikat, oldest first (for the kenaikan pangkat conditions)."""
        return [Predikat(t.tahunan.predikat) for t in self.tahun if t.tahunan]

    @property
    def tahun_terakhir(self) -> int | None:
        return self.tahun[-1].tahun if self.tahun else None


def hitung_akumulasi(awal: AngkaKreditAwal | None, konversi_list: Iterable[KonversiAngkaKredit]) -> Akumulasi:
    """AK awal plus the rounded conversions after its date, one count per year (no query)."""
    per_tanggal = awal.per_tanggal if awal else None
    tahun: dict[int, TahunAk] = {}
    sebelum = []
    for k in sorted(konversi_list, key=lambda k: (k.tanggal_mulai, k.pk or 0)):
        if per_tanggal is not None and k.tanggal_selesai <= per_tanggal:
            sebelum.append(k)
            continue
        tahun.setdefault(k.tahun, TahunAk(k.tahun)).konversi.append(k)
    return Akumulasi(
        ak_awal=awal.angka_kredit if awal else NOL,
        per_tanggal=per_tanggal,
        awal=awal,
        tahun=[tahun[t] for t in sorted(tahun)],
        sebelum_awal=sebelum,
    )


def akumulasi(pegawai) -> Akumulasi:
    """The accumulation of one pegawai (two queries)."""
    awal = AngkaKreditAwal.objects.filter(pegawai=pegawai).first()
    return hitung_akumulasi(
        awal, KonversiAngkaKredit.objects.filter(pegawai=pegawai).select_related("penilaian__jadwal")
    )


def akumulasi_banyak(pegawai_ids: list[int]) -> dict[int, Akumulasi]:
    """``akumulasi`` for many pegawai in two queries (recap)."""
    awal = {a.pegawai_id: a for a in AngkaKreditAwal.objects.filter(pegawai_id__in=pegawai_ids)}
    per_pegawai: dict[int, list[KonversiAngkaKredit]] = {pk: [] for pk in pegawai_ids}
    for k in KonversiAngkaKredit.objects.filter(pegawai_id__in=pegawai_ids):
        per_pegawai[k.pegawai_id].append(k)
    return {pk: hitung_akumulasi(awal.get(pk), per_pegawai[pk]) for pk in pegawai_ids}


# --- AK awal and koefisien versions (writes) -------------------------------------------------------


@transaction.atomic
def simpan_ak_awal(
    *,
    pegawai,
    angka_kredit: Decimal,
    per_tanggal: date,
    tmt_pangkat: date | None,
    tmt_jenjang: date | None,
    keterangan: str,
    today: date,
) -> AngkaKreditAwal:
    """Sets the starting point of the accumulation (admin instansi). Not negative, not in the future."""
    if angka_kredit < 0:
        raise WorkflowError(_("Angka kredit awal tidak boleh negatif."))
    for tanggal in (per_tanggal, tmt_pangkat, tmt_jenjang):
        if tanggal is not None and tanggal > today:
            raise WorkflowError(_("Tanggal tidak boleh melewati hari ini."))
    awal, _dibuat = AngkaKreditAwal.objects.update_or_create(
        pegawai=pegawai,
        defaults={
            "angka_kredit": angka_kredit,
            "per_tanggal": per_tanggal,
            "tmt_pangkat": tmt_pangkat,
            "tmt_jenjang": tmt_jenjang,
            "keterangan": keterangan,
        },
    )
    return awal


@transaction.atomic
def tambah_versi_koefisien(
    *,
    berlaku_mulai: date,
    nilai: Mapping[str, tuple[Decimal, Decimal, Decimal | None]],
    dasar: str,
) -> list[KoefisienAngkaKredit]:
    """A new version of the koefisien table (decision g): every jenjang, positive values, a start date
    not already used. ``nilai``: jenjang -> (koefisien, AKK pangkat, AKK jenjang or None)."""
    if set(nilai) != {j.value for j in JenjangFungsional}:
        raise WorkflowError(_("Versi koefisien harus memuat kedelapan jenjang."))
    for koef, akk_pangkat, akk_jenjang in nilai.values():
        if koef is None or koef <= 0 or akk_pangkat is None or akk_pangkat <= 0:
            raise WorkflowError(_("Koefisien dan AKK harus bernilai positif."))
        if akk_jenjang is not None and akk_jenjang <= 0:
            raise WorkflowError(_("Koefisien dan AKK harus bernilai positif."))
    if KoefisienAngkaKredit.objects.filter(berlaku_mulai=berlaku_mulai).exists():
        raise WorkflowError(_("Sudah ada versi koefisien yang berlaku mulai tanggal itu."))
    return KoefisienAngkaKredit.objects.bulk_create(
        KoefisienAngkaKredit(
            berlaku_mulai=berlaku_mulai,
            jenjang=jenjang,
            koefisien=koef,
            akk_pangkat=akk_pangkat,
            akk_jenjang=akk_jenjang,
            dasar=dasar,
        )
        for jenjang, (koef, akk_pangkat, akk_jenjang) in nilai.items()
    )
