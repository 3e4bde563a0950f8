"""IP ASN computation of an instansi for one year (regulasi.md §6, seed 001 steps 2, 5 and 8).

Who is measured: the active PNS and CPNS of the instansi. PPPK are left out: Peraturan BKN 8/2019
measures the professionalism of PNS (regulasi.md §6), so they are not counted by default.

The data of each pegawai is read in a handful of queries (`values_list`, no query per pegawai), scored
with `kinerja.aturan.ip_asn.nilai_ip_asn` over the table version in force on 31 December of the year,
and stored as one `PerhitunganIpAsn` with one `HasilIpAsn` per pegawai (executemany inserts in batches).

Choices (regulasi.md §6.3, the rules are silent):

- kualifikasi: the highest verified `RiwayatPendidikan` graduated by 31 December, else
  `Pegawai.pendidikan_terakhir`; no education data at all scores 0 and is noted.
- kompetensi: diklat kepemimpinan matching the jabatan applies to jabatan struktural (JPT,
  administrator, pengawas); diklat fungsional matching the jenjang applies to jabatan fungsional; a
  component that does not apply counts as fulfilled (the aturan default, §6.3). Diklat teknis: the JP
  of the verified diklat teknis finished in the year and the year before add up to at least 20
  (PP 11/2017's 20 JP; §6.3). Seminar/workshop: one finished in those two years.
- kinerja: the final annual predikat of the year (the latest SKP's when there are several). Without a
  final annual predikat the pegawai gets 0 points for kinerja, the 30 points are counted as lost and
  the row says "predikat tahunan belum final": the measurement must not invent a predikat, and the
  note sends the Analis SDM to the missing evaluation during the reconciliation.
- disiplin: the heaviest verified hukuman disiplin in force at some point of the year.

Only verified data (`StatusData.TERVERIFIKASI`) counts.
"""

import json
import time
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.utils.translation import gettext as _

from kinerja.aturan import JenisJabatan, Predikat
from kinerja.aturan.ip_asn import DIMENSI, DataIpAsn, kategori_ip_asn, nilai_ip_asn
from kinerja.aturan.ip_asn import TabelIpAsn as AturanTabel
from kinerja.organisasi.models import Instansi, Pegawai, Pendidikan, StatusKepegawaian
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusPenilaian, WorkflowError

from .models import (
    HasilIpAsn,
    HukumanDisiplin,
    JenisKompetensi,
    PengembanganKompetensi,
    PerhitunganIpAsn,
    RiwayatPendidikan,
    StatusData,
    TabelIpAsn,
    TingkatHukuman,
)

# Keys of the kompetensi sub-table (kinerja.aturan.referensi.IP_ASN_KOMPETENSI, §6.3).
KEPEMIMPINAN = "diklat_kepemimpinan_sesuai_jabatan"
FUNGSIONAL = "diklat_fungsional_sesuai_jenjang"
TEKNIS = "diklat_teknis_20_jp_2_tahun_terakhir"
SEMINAR = "seminar_workshop"
KOMPONEN = (KEPEMIMPINAN, FUNGSIONAL, TEKNIS, SEMINAR)
JP_TEKNIS_MINIMAL = 20  # PP 11/2017: at least 20 JP of competence development; §6.3

STRUKTURAL = frozenset(
    {
        JenisJabatan.JPT_UTAMA.value,
        JenisJabatan.JPT_MADYA.value,
        JenisJabatan.JPT_PRATAMA.value,
        JenisJabatan.ADMINISTRATOR.value,
        JenisJabatan.PENGAWAS.value,
    }
)
# Education levels, highest first (the order of Pendidikan).
_URUTAN_PENDIDIKAN = {v: i for i, v in enumerate(Pendidikan.values)}
_URUTAN_HUKUMAN = {TingkatHukuman.RINGAN: 1, TingkatHukuman.SEDANG: 2, TingkatHukuman.BERAT: 3}
TAHAP_PRIORITAS = {  # trend: the latest computation of each year, preferring the later stage
    PerhitunganIpAsn.Tahap.TERVALIDASI: 3,
    PerhitunganIpAsn.Tahap.AWAL: 2,
    PerhitunganIpAsn.Tahap.DRAF: 1,
}
CATATAN_TANPA_PREDIKAT = "predikat tahunan belum final"
CATATAN_TANPA_PENDIDIKAN = "data pendidikan kosong"
BATCH = 5000
DUA = Decimal("0.01")


@dataclass(frozen=True)
class _Skor:
    kualifikasi: Decimal
    kompetensi: Decimal
    kinerja: Decimal
    disiplin: Decimal
    total: Decimal
    kategori: str
    poin_hilang: dict
    catatan: str


def tabel_untuk(tahun: int) -> tuple[TabelIpAsn, AturanTabel]:
    """The table version in force on 31 December of the year, checked; WorkflowError otherwise."""
    tabel = TabelIpAsn.berlaku(date(tahun, 12, 31))
    if tabel is None:
        raise WorkflowError(
            _("Belum ada tabel IP ASN yang berlaku pada 31 Desember %(tahun)s.") % {"tahun": tahun}
        )
    try:
        aturan = tabel.sebagai_aturan()
        masalah = aturan.validasi()
    except (TypeError, ValueError, AttributeError):
        masalah = [_("Isi tabel IP ASN tidak dapat dibaca; periksa format setiap kolom.")]
    if not masalah and set(aturan.kompetensi) != set(KOMPONEN):
        masalah = [_("Komponen kompetensi tabel IP ASN harus %(k)s.") % {"k": ", ".join(KOMPONEN)}]
    if masalah:
        raise WorkflowError(
            _("Tabel IP ASN %(versi)s tidak valid: %(masalah)s")
            % {"versi": tabel.versi, "masalah": " ".join(str(m) for m in masalah)}
        )
    return tabel, aturan


def _poin_json(poin: dict) -> dict:
    return {k: int(v) if v == v.to_integral_value() else str(v) for k, v in poin.items()}


class _Penilai:
    """Scores a pegawai's data; equal data give the same result, so each combination is scored once."""

    def __init__(self, tabel: AturanTabel):
        self.tabel = tabel
        self.cache: dict[tuple, _Skor] = {}

    def skor(self, kualifikasi, predikat, kompetensi, tidak_berlaku, disiplin) -> _Skor:
        key = (kualifikasi, predikat, kompetensi, tidak_berlaku, disiplin)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._hitung(*key)
        return hit

    def _hitung(self, kualifikasi, predikat, kompetensi, tidak_berlaku, disiplin) -> _Skor:
        catatan = []
        # Missing data scores 0 on its dimension: scored with any valid key, then that dimension's
        # points are taken off and counted as lost.
        kosong = []
        if not kualifikasi:
            kosong.append("kualifikasi")
            catatan.append(CATATAN_TANPA_PENDIDIKAN)
            kualifikasi = next(iter(self.tabel.kualifikasi))
        if not predikat:
            kosong.append("kinerja")
            catatan.append(CATATAN_TANPA_PREDIKAT)
            predikat = next(iter(self.tabel.kinerja))
        hasil = nilai_ip_asn(
            DataIpAsn(
                kualifikasi=kualifikasi,
                predikat=Predikat(predikat),
                kompetensi=kompetensi,
                kompetensi_tidak_berlaku=tidak_berlaku,
                disiplin=disiplin,
            ),
            self.tabel,
        )
        per_dimensi, hilang = dict(hasil.per_dimensi), dict(hasil.poin_hilang)
        for d in kosong:
            per_dimensi[d] = Decimal(0)
            hilang[d] = Decimal(self.tabel.bobot[d])
        total = sum(per_dimensi.values(), start=Decimal(0))
        return _Skor(
            **{d: per_dimensi[d] for d in DIMENSI},
            total=total,
            kategori=kategori_ip_asn(total, tabel=self.tabel),
            poin_hilang=_poin_json(hilang),
            catatan="; ".join(catatan),
        )


def _data_pegawai(instansi_id: int, tahun: int):
    """Rows (id, unit, pendidikan_terakhir, jenis jabatan) of the measured pegawai and the maps of
    their verified data, in six queries."""
    pegawai = list(
        Pegawai.objects.filter(
            instansi_id=instansi_id,
            aktif=True,
            status__in=[StatusKepegawaian.PNS, StatusKepegawaian.CPNS],
        )
        .order_by("id")
        .values_list("id", "unit_kerja_id", "pendidikan_terakhir", "jabatan__jenis")
    )
    akhir, awal_2_tahun, awal_tahun = date(tahun, 12, 31), date(tahun - 1, 1, 1), date(tahun, 1, 1)
    sah = {"pegawai__instansi_id": instansi_id, "status": StatusData.TERVERIFIKASI}

    pendidikan: dict[int, str] = {}
    for pid, jenjang in RiwayatPendidikan.objects.filter(**sah, tanggal_lulus__lte=akhir).values_list(
        "pegawai_id", "jenjang"
    ):
        lama = pendidikan.get(pid)
        if lama is None or _URUTAN_PENDIDIKAN.get(jenjang, 99) < _URUTAN_PENDIDIKAN.get(lama, 99):
            pendidikan[pid] = jenjang

    kepemimpinan, fungsional, seminar = set(), set(), set()
    jp_teknis: dict[int, int] = {}
    for pid, jenis, mulai_2_tahun, jp, sesuai in (
        PengembanganKompetensi.objects.filter(**sah, tanggal_selesai__lte=akhir)
        .values_list("pegawai_id", "jenis", "tanggal_selesai", "jp", "sesuai_jabatan")
        .iterator(chunk_size=5000)
    ):
        if jenis == JenisKompetensi.KEPEMIMPINAN and sesuai:
            kepemimpinan.add(pid)
        elif jenis == JenisKompetensi.FUNGSIONAL and sesuai:
            fungsional.add(pid)
        elif jenis == JenisKompetensi.TEKNIS and mulai_2_tahun >= awal_2_tahun:
            jp_teknis[pid] = jp_teknis.get(pid, 0) + jp
        elif jenis == JenisKompetensi.SEMINAR and mulai_2_tahun >= awal_2_tahun:
            seminar.add(pid)
    teknis = {pid for pid, jp in jp_teknis.items() if jp >= JP_TEKNIS_MINIMAL}

    # The annual penilaian of the latest SKP wins (rows ordered by SKP start, later ones overwrite).
    predikat = dict(
        Penilaian.objects.filter(
            periode__instansi_id=instansi_id,
            periode__tahun=tahun,
            jadwal__isnull=True,
            status=StatusPenilaian.FINAL,
        )
        .exclude(predikat="")
        .order_by("skp__tanggal_mulai", "skp_id")
        .values_list("pegawai_id", "predikat")
    )

    hukuman: dict[int, str] = {}
    for pid, tingkat in (
        HukumanDisiplin.objects.filter(**sah, tmt_mulai__lte=akhir)
        .exclude(tmt_selesai__lt=awal_tahun)
        .values_list("pegawai_id", "tingkat")
    ):
        if _URUTAN_HUKUMAN.get(tingkat, 0) > _URUTAN_HUKUMAN.get(hukuman.get(pid), 0):
            hukuman[pid] = tingkat

    return pegawai, pendidikan, (kepemimpinan, fungsional, teknis, seminar), predikat, hukuman


def _komponen(jenis_jabatan: str | None, pid: int, dipenuhi) -> tuple[frozenset, frozenset]:
    kepemimpinan, fungsional, teknis, seminar = dipenuhi
    tidak_berlaku = set()
    if jenis_jabatan not in STRUKTURAL:
        tidak_berlaku.add(KEPEMIMPINAN)
    if jenis_jabatan != JenisJabatan.FUNGSIONAL.value:
        tidak_berlaku.add(FUNGSIONAL)
    terpenuhi = set()
    if pid in kepemimpinan and KEPEMIMPINAN not in tidak_berlaku:
        terpenuhi.add(KEPEMIMPINAN)
    if pid in fungsional and FUNGSIONAL not in tidak_berlaku:
        terpenuhi.add(FUNGSIONAL)
    if pid in teknis:
        terpenuhi.add(TEKNIS)
    if pid in seminar:
        terpenuhi.add(SEMINAR)
    return frozenset(terpenuhi), frozenset(tidak_berlaku)


def _simpan_hasil(perhitungan_id: int, skor: list) -> None:
    """INSERT of the HasilIpAsn rows in batches with executemany: each distinct score's column values
    (decimals, JSON) are prepared once, not once per pegawai (100,000 model objects cost seconds)."""
    ops = connection.ops
    kolom = {}
    for _pid, _unit, s in skor:
        if id(s) not in kolom:
            kolom[id(s)] = (
                *(ops.adapt_decimalfield_value(getattr(s, d), 5, 2) for d in (*DIMENSI, "total")),
                s.kategori,
                json.dumps(s.poin_hilang),
                s.catatan,
            )
    fields = ["perhitungan_id", "pegawai_id", "unit_kerja_id", *DIMENSI, "total", "kategori", "poin_hilang"]
    fields.append("catatan")
    q = ops.quote_name
    sql = (
        f"INSERT INTO {q(HasilIpAsn._meta.db_table)} ({', '.join(q(f) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for i in range(0, len(skor), BATCH):
            cursor.executemany(
                sql,
                [(perhitungan_id, pid, unit_id, *kolom[id(s)]) for pid, unit_id, s in skor[i : i + BATCH]],
            )


def _rata(jumlah: Decimal, n: int) -> Decimal:
    return (jumlah / n).quantize(DUA, ROUND_HALF_UP)


@transaction.atomic
def hitung_ip_asn(instansi: Instansi, tahun: int, *, tahap: str = "draf", by=None) -> PerhitunganIpAsn:
    """Compute and store the IP ASN of every active PNS/CPNS of the instansi for the year.

    Raises WorkflowError (Indonesian message, nothing written) for a missing or invalid table, an
    unknown stage or an instansi without PNS/CPNS."""
    mulai = time.perf_counter()
    if tahap not in PerhitunganIpAsn.Tahap.values:
        raise WorkflowError(_("Tahap perhitungan IP ASN tidak dikenal: %(t)s.") % {"t": tahap})
    tabel, aturan = tabel_untuk(tahun)
    pegawai, pendidikan, dipenuhi, predikat, hukuman = _data_pegawai(instansi.pk, tahun)
    if not pegawai:
        raise WorkflowError(
            _("Tidak ada PNS/CPNS aktif di %(instansi)s; IP ASN tidak dapat dihitung.")
            % {"instansi": instansi}
        )
    penilai = _Penilai(aturan)
    skor = []
    for pid, unit_id, pendidikan_terakhir, jenis_jabatan in pegawai:
        kompetensi, tidak_berlaku = _komponen(jenis_jabatan, pid, dipenuhi)
        kualifikasi = pendidikan.get(pid) or pendidikan_terakhir
        if kualifikasi and kualifikasi not in aturan.kualifikasi:
            kualifikasi = ""
        skor.append(
            (
                pid,
                unit_id,
                penilai.skor(
                    kualifikasi,
                    predikat.get(pid, ""),
                    kompetensi,
                    tidak_berlaku,
                    hukuman.get(pid, "tidak_pernah"),
                ),
            )
        )
    n = len(skor)
    jumlah = {d: sum((getattr(s, d) for _p, _u, s in skor), start=Decimal(0)) for d in (*DIMENSI, "total")}
    nilai = _rata(jumlah["total"], n)
    perhitungan = PerhitunganIpAsn.objects.create(
        instansi=instansi,
        tahun=tahun,
        tabel=tabel,
        tahap=tahap,
        jumlah_pegawai=n,
        nilai=nilai,
        kategori=kategori_ip_asn(nilai, tabel=aturan),
        rata_dimensi={d: str(_rata(jumlah[d], n)) for d in DIMENSI},
        dihitung_oleh=by,
    )
    _simpan_hasil(perhitungan.pk, skor)
    perhitungan.durasi_detik = round(time.perf_counter() - mulai, 3)
    PerhitunganIpAsn.objects.filter(pk=perhitungan.pk).update(durasi_detik=perhitungan.durasi_detik)
    return perhitungan
