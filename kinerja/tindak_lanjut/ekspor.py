"""Exports for the national systems (BKN e-Kinerja and SIASN, regulasi.md §1.6): the annual SKP, the
final predikat and the angka kredit conversions of one instansi and year, optionally limited to a unit
and its sub-units, as CSV or XLSX.

One `Layout` per export drives everything: the header, the row writer (CSV text and XLSX cells) and
the documentation (`docs/ekspor_nasional.md`, checked by a test). Row builders read plain tuples with
`values_list(...).iterator(chunk_size=2000)`, so the number of queries does not depend on the number of
rows and memory stays flat for 100,000 rows.

Values are written as the regulation spells them (predikat "Sangat Baik", rating "Di Atas
Ekspektasi": regulasi.md §3.4, §3.5, §3.7), never translated: the files are read by machines.
"""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import IO

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kinerja.aturan import CapaianOrganisasi, JenisJabatan, JenjangFungsional, Predikat, RatingKerja
from kinerja.organisasi.models import Instansi, StatusKepegawaian, nama_dengan_gelar
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import StatusKeberatan, StatusPenilaian
from kinerja.perencanaan.models import RencanaHasilKerja, Skp
from kinerja.perencanaan.workflow import StatusSkp

from .models import KonversiAngkaKredit

CHUNK = 2000
CSV_DELIMITER = ","  # documented in docs/ekspor_nasional.md: RFC 4180, UTF-8 with BOM
BOM = "\ufeff"

TEKS, TANGGAL, BILANGAN, DESIMAL = "teks", "tanggal", "bilangan", "desimal"
UNVERIFIED = "UNVERIFIED"


@dataclass(frozen=True)
class Kolom:
    """One column: its name in the header, its type, where the value comes from and what it means.
    `siasn` names the field of e-Kinerja/SIASN when regulasi.md names it, else the mapping is
    UNVERIFIED."""

    nama: str
    tipe: str
    sumber: str
    keterangan: str
    desimal: int = 0
    siasn: str = UNVERIFIED

    @property
    def format(self) -> str:
        if self.tipe == TANGGAL:
            return "YYYY-MM-DD"
        if self.tipe == DESIMAL:
            return "0." + "0" * self.desimal
        if self.tipe == BILANGAN:
            return "0"
        return "teks"

    def csv(self, value) -> str:
        if value is None or value == "":
            return ""
        if self.tipe == TANGGAL:
            return value.isoformat()
        if self.tipe == DESIMAL:
            return f"{_bulat(value, self.desimal):f}"
        return str(value)


def _bulat(value, places: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Layout:
    jenis: str
    judul: str
    keterangan: str
    kolom: tuple[Kolom, ...]
    baris: Callable[..., Iterator[tuple]]

    @property
    def nama_kolom(self) -> list[str]:
        return [k.nama for k in self.kolom]


@dataclass(frozen=True)
class Lingkup:
    """What to export: an instansi, a year and optionally the ids of a unit and its sub-units."""

    instansi: Instansi
    tahun: int
    unit_ids: list[int] | None = None


# --- fixed codes (never translated) --------------------------------------------------------------

PREDIKAT = {p.value: p.label for p in Predikat}  # §3.7
RATING = {r.value: r.label for r in RatingKerja}  # §3.4, §3.5
CAPAIAN = {c.value: c.label for c in CapaianOrganisasi}  # §3.2
JENIS_JABATAN = {j.value: j.label for j in JenisJabatan}  # §8.4
JENJANG = {j.value: j.label for j in JenjangFungsional}  # §8.4
STATUS_PEGAWAI = {s.value: s.label for s in StatusKepegawaian}  # "PNS", "CPNS", "PPPK"
JENIS_SKP = {Skp.Jenis.JPT: "JPT", Skp.Jenis.JA_JF: "JA/JF"}  # §2.4, §2.5
PENDEKATAN = {Skp.Pendekatan.KUANTITATIF: "Kuantitatif", Skp.Pendekatan.KUALITATIF: "Kualitatif"}  # §2.3
STATUS_SKP = {StatusSkp.DISETUJUI: "Disetujui", StatusSkp.DITUTUP: "Ditutup"}
STATUS_KEBERATAN = {
    StatusKeberatan.DIAJUKAN: "Diajukan",
    StatusKeberatan.KLARIFIKASI: "Klarifikasi",
    StatusKeberatan.DIKUATKAN: "Dikuatkan",
    StatusKeberatan.DIUBAH: "Diubah",
}
TAHUNAN = "TAHUNAN"
YA, TIDAK = "Ya", "Tidak"


def _tanggal(dt: datetime | None) -> date | None:
    """A stored moment as the local (Asia/Jakarta) date."""
    return timezone.localtime(dt).date() if dt else None


def _golongan(ruang: str, pppk: str) -> str:
    return ruang or pppk or ""


# --- SKP tahunan -----------------------------------------------------------------------------------

KOLOM_SKP = (
    Kolom("nip", TEKS, "Skp.pegawai.nip", "NIP PNS / NI PPPK, 18 angka tanpa spasi (§8.1, §8.2)."),
    Kolom("nama", TEKS, "Skp.pegawai.nama", "Nama tanpa gelar."),
    Kolom("status_kepegawaian", TEKS, "Skp.pegawai.status", "PNS, CPNS atau PPPK."),
    Kolom(
        "golongan",
        TEKS,
        "Skp.pegawai.golongan_ruang / golongan_pppk",
        "Golongan ruang PNS (mis. III/c, §8.3) atau golongan PPPK (I–XVII, §8.5), saat ekspor.",
    ),
    Kolom("jabatan", TEKS, "Skp.jabatan.nama", "Nama jabatan saat SKP disusun (snapshot pada SKP)."),
    Kolom(
        "jenis_jabatan",
        TEKS,
        "Skp.jabatan.jenis",
        "JPT Utama/Madya/Pratama, Administrator, Pengawas, Pelaksana atau Jabatan Fungsional (§8.4).",
    ),
    Kolom(
        "jenjang",
        TEKS,
        "Skp.jabatan.jenjang",
        "Jenjang jabatan fungsional (mis. Ahli Muda); kosong untuk jabatan lain (§8.4).",
    ),
    Kolom("kode_unit", TEKS, "Skp.unit_kerja.kode", "Kode unit kerja di Kinerja (snapshot pada SKP)."),
    Kolom("unit_kerja", TEKS, "Skp.unit_kerja.nama", "Nama unit kerja."),
    Kolom("tahun", BILANGAN, "Skp.periode.tahun", "Tahun periode kinerja."),
    Kolom(
        "periode_awal",
        TANGGAL,
        "Skp.tanggal_mulai",
        "Awal periode SKP (e-Kinerja: Periode Awal, §1.6).",
        siasn="e-Kinerja: Periode Awal",
    ),
    Kolom(
        "periode_akhir",
        TANGGAL,
        "Skp.tanggal_selesai",
        "Akhir periode SKP (e-Kinerja: Periode Akhir, §1.6).",
        siasn="e-Kinerja: Periode Akhir",
    ),
    Kolom(
        "jenis_skp",
        TEKS,
        "Skp.jenis",
        "JPT (format JPT/pimpinan unit kerja mandiri, §2.4) atau JA/JF (§2.5).",
    ),
    Kolom(
        "pendekatan",
        TEKS,
        "Skp.pendekatan",
        "Kuantitatif atau Kualitatif (§2.3; e-Kinerja memilihnya saat membuat SKP, §1.6).",
        siasn="e-Kinerja: pendekatan",
    ),
    Kolom(
        "status_skp",
        TEKS,
        "Skp.status",
        "Disetujui, atau Ditutup (disetujui lalu ditutup karena pindah jabatan di tengah tahun).",
    ),
    Kolom("versi", BILANGAN, "Skp.versi", "Versi SKP (revisi yang disetujui menggantikan versi lama)."),
    Kolom("tanggal_disetujui", TANGGAL, "Skp.disetujui_pada", "Tanggal persetujuan pejabat penilai (WIB)."),
    Kolom(
        "nip_pejabat_penilai",
        TEKS,
        "Skp.pejabat_penilai.nip",
        "NIP pejabat penilai (snapshot pada SKP); "
        "kosong bila pejabat penilainya pimpinan instansi yang tidak ber-NIP (mis. Bupati).",
    ),
    Kolom(
        "nama_pejabat_penilai",
        TEKS,
        "Skp.pejabat_penilai (nama dengan gelar)",
        "Nama pejabat penilai dengan gelar; untuk pimpinan instansi: Instansi.nama_pimpinan.",
    ),
    Kolom(
        "nip_atasan_pejabat_penilai",
        TEKS,
        "Skp.pegawai.atasan_pejabat_penilai.nip",
        "NIP atasan pejabat "
        "penilai menurut struktur saat ekspor (SKP tidak menyimpan snapshot-nya); kosong bila pimpinan "
        "instansi.",
    ),
    Kolom(
        "jumlah_rhk_utama",
        BILANGAN,
        "count RencanaHasilKerja jenis=utama",
        "Jumlah rencana hasil kerja utama (§2.8).",
    ),
    Kolom(
        "jumlah_rhk_tambahan",
        BILANGAN,
        "count RencanaHasilKerja jenis=tambahan",
        "Jumlah rencana hasil kerja tambahan (§2.8).",
    ),
)


def baris_skp(lingkup: Lingkup) -> Iterator[tuple]:
    """One row per approved SKP of the year (status Disetujui, or Ditutup after a change of position;
    a version replaced by its revisi is left out), ordered by NIP then start date."""
    qs = Skp.objects.filter(
        periode__instansi_id=lingkup.instansi.pk,
        periode__tahun=lingkup.tahun,
        status__in=[StatusSkp.DISETUJUI, StatusSkp.DITUTUP],
    )
    if lingkup.unit_ids is not None:
        qs = qs.filter(unit_kerja_id__in=lingkup.unit_ids)
    qs = qs.annotate(
        n_utama=Count("rhk_set", filter=Q(rhk_set__jenis=RencanaHasilKerja.Jenis.UTAMA)),
        n_tambahan=Count("rhk_set", filter=Q(rhk_set__jenis=RencanaHasilKerja.Jenis.TAMBAHAN)),
    ).order_by("pegawai__nip", "tanggal_mulai", "versi")
    pimpinan = lingkup.instansi.nama_pimpinan or lingkup.instansi.jabatan_pimpinan
    for r in qs.values_list(
        "pegawai__nip",
        "pegawai__nama",
        "pegawai__status",
        "pegawai__golongan_ruang",
        "pegawai__golongan_pppk",
        "jabatan__nama",
        "jabatan__jenis",
        "jabatan__jenjang",
        "unit_kerja__kode",
        "unit_kerja__nama",
        "periode__tahun",
        "tanggal_mulai",
        "tanggal_selesai",
        "jenis",
        "pendekatan",
        "status",
        "versi",
        "disetujui_pada",
        "pejabat_penilai__nip",
        "pejabat_penilai__gelar_depan",
        "pejabat_penilai__nama",
        "pejabat_penilai__gelar_belakang",
        "pegawai__penilai_pimpinan_instansi",
        "pegawai__atasan_pejabat_penilai__nip",
        "n_utama",
        "n_tambahan",
    ).iterator(chunk_size=CHUNK):
        (
            nip,
            nama,
            status_peg,
            ruang,
            pppk,
            jabatan,
            jenis_jab,
            jenjang,
            kode_unit,
            unit,
            tahun,
            mulai,
            selesai,
            jenis,
            pendekatan,
            status,
            versi,
            disetujui,
            nip_pp,
            gd,
            nama_pp,
            gb,
            pp_pimpinan,
            nip_atasan,
            n_utama,
            n_tambahan,
        ) = r
        penilai = nama_dengan_gelar(gd, nama_pp, gb) if nama_pp else (pimpinan if pp_pimpinan else "")
        yield (
            nip,
            nama,
            STATUS_PEGAWAI.get(status_peg, status_peg),
            _golongan(ruang, pppk),
            jabatan or "",
            JENIS_JABATAN.get(jenis_jab, jenis_jab or ""),
            JENJANG.get(jenjang, jenjang or ""),
            kode_unit,
            unit,
            tahun,
            mulai,
            selesai,
            JENIS_SKP.get(jenis, jenis),
            PENDEKATAN.get(pendekatan, pendekatan),
            STATUS_SKP.get(status, status),
            versi,
            _tanggal(disetujui),
            nip_pp or "",
            penilai,
            nip_atasan or "",
            n_utama,
            n_tambahan,
        )


# --- Predikat --------------------------------------------------------------------------------------

KOLOM_PREDIKAT = (
    Kolom("nip", TEKS, "Penilaian.pegawai.nip", "NIP PNS / NI PPPK, 18 angka (§8.1, §8.2)."),
    Kolom("nama", TEKS, "Penilaian.pegawai.nama", "Nama tanpa gelar."),
    Kolom("tahun", BILANGAN, "Penilaian.periode.tahun", "Tahun periode kinerja."),
    Kolom(
        "periode",
        TEKS,
        "Penilaian.jadwal.nomor",
        "Nomor periode evaluasi (1, 2, …) atau TAHUNAN untuk evaluasi tahunan (§3.8, keputusan b).",
    ),
    Kolom(
        "periode_awal",
        TANGGAL,
        "JadwalPeriode.tanggal_mulai / Skp.tanggal_mulai",
        "Awal masa penilaian: tanggal mulai periode evaluasi; untuk TAHUNAN tanggal mulai SKP.",
    ),
    Kolom(
        "periode_akhir",
        TANGGAL,
        "JadwalPeriode.tanggal_selesai / Skp.tanggal_selesai",
        "Akhir masa penilaian; untuk TAHUNAN tanggal selesai SKP.",
    ),
    Kolom(
        "rating_hasil_kerja",
        TEKS,
        "Penilaian.rating_hasil_kerja",
        "Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi (§3.4).",
        siasn="e-Kinerja: rating hasil kerja",
    ),
    Kolom(
        "rating_perilaku_kerja",
        TEKS,
        "Penilaian.rating_perilaku",
        "Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi (§3.5).",
        siasn="e-Kinerja: rating perilaku",
    ),
    Kolom(
        "predikat",
        TEKS,
        "Penilaian.predikat",
        "Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct "
        "atau Sangat Kurang (§3.7); setelah keputusan keberatan bila hasilnya diubah.",
        siasn="e-Kinerja: predikat",
    ),
    Kolom(
        "capaian_organisasi",
        TEKS,
        "Penilaian.capaian_organisasi",
        "Capaian kinerja organisasi unit "
        "(Istimewa … Sangat Kurang, §3.2) yang tercatat pada penilaian; diisi untuk pimpinan unit "
        "(keputusan f), kosong untuk pegawai lain.",
    ),
    Kolom(
        "tanggal_final",
        TANGGAL,
        "Penilaian.difinalisasi_pada",
        "Tanggal finalisasi oleh pejabat penilai (WIB).",
    ),
    Kolom(
        "tanggal_diterima",
        TANGGAL,
        "Penilaian.diterima_pada",
        "Tanggal pegawai menerima hasil (WIB); kosong bila belum.",
    ),
    Kolom(
        "status_keberatan",
        TEKS,
        "Penilaian.keberatan.status",
        "Kosong (tidak ada keberatan), Diajukan, Klarifikasi, Dikuatkan atau Diubah (§3.10).",
    ),
)


def baris_predikat(lingkup: Lingkup) -> Iterator[tuple]:
    """One row per final penilaian of the year, ordered by NIP, periodic ones by number, then the
    annual one."""
    qs = Penilaian.objects.filter(
        periode__instansi_id=lingkup.instansi.pk,
        periode__tahun=lingkup.tahun,
        status=StatusPenilaian.FINAL,
    )
    if lingkup.unit_ids is not None:
        qs = qs.filter(unit_kerja_id__in=lingkup.unit_ids)
    qs = qs.order_by("pegawai__nip", F("jadwal__nomor").asc(nulls_last=True), "id")
    for r in qs.values_list(
        "pegawai__nip",
        "pegawai__nama",
        "periode__tahun",
        "jadwal__nomor",
        "jadwal__tanggal_mulai",
        "jadwal__tanggal_selesai",
        "skp__tanggal_mulai",
        "skp__tanggal_selesai",
        "rating_hasil_kerja",
        "rating_perilaku",
        "predikat",
        "capaian_organisasi",
        "difinalisasi_pada",
        "diterima_pada",
        "keberatan__status",
    ).iterator(chunk_size=CHUNK):
        (
            nip,
            nama,
            tahun,
            nomor,
            j_mulai,
            j_selesai,
            s_mulai,
            s_selesai,
            hasil,
            perilaku,
            predikat,
            capaian,
            final,
            diterima,
            keberatan,
        ) = r
        yield (
            nip,
            nama,
            tahun,
            TAHUNAN if nomor is None else str(nomor),
            s_mulai if nomor is None else j_mulai,
            s_selesai if nomor is None else j_selesai,
            RATING.get(hasil, hasil),
            RATING.get(perilaku, perilaku),
            PREDIKAT.get(predikat, predikat),
            CAPAIAN.get(capaian, capaian),
            _tanggal(final),
            _tanggal(diterima),
            STATUS_KEBERATAN.get(keberatan, keberatan or ""),
        )


# --- Angka kredit ----------------------------------------------------------------------------------

KOLOM_ANGKA_KREDIT = (
    Kolom("nip", TEKS, "KonversiAngkaKredit.pegawai.nip", "NIP PNS (§8.1)."),
    Kolom("nama", TEKS, "KonversiAngkaKredit.pegawai.nama", "Nama tanpa gelar."),
    Kolom("tahun", BILANGAN, "KonversiAngkaKredit.tahun", "Tahun penilaian."),
    Kolom("masa_awal", TANGGAL, "KonversiAngkaKredit.tanggal_mulai", "Awal masa penilaian yang dikonversi."),
    Kolom(
        "masa_akhir", TANGGAL, "KonversiAngkaKredit.tanggal_selesai", "Akhir masa penilaian yang dikonversi."
    ),
    Kolom("jenis_konversi", TEKS, "KonversiAngkaKredit.tahunan", "TAHUNAN atau PERIODIK (§4.2)."),
    Kolom("jenjang", TEKS, "KonversiAngkaKredit.jenjang", "Jenjang jabatan fungsional saat konversi (§4.3)."),
    Kolom("golongan", TEKS, "KonversiAngkaKredit.golongan_ruang", "Golongan ruang saat konversi (§8.3)."),
    Kolom(
        "predikat",
        TEKS,
        "KonversiAngkaKredit.predikat",
        "Predikat yang dikonversi (§3.7).",
        siasn="SIASN: predikat tahunan untuk konversi AK (§1.6 butir 11; nama field UNVERIFIED)",
    ),
    Kolom(
        "bulan",
        BILANGAN,
        "KonversiAngkaKredit.bulan",
        "Jumlah bulan penilaian, 1–12 (bulan penuh, keputusan h).",
    ),
    Kolom(
        "persentase",
        DESIMAL,
        "KonversiAngkaKredit.persen",
        "Persentase koefisien sebagaimana "
        "tersimpan pada konversi (1.50 = 150 %, PermenPANRB 1/2023 Pasal 37(1), §4.1).",
        desimal=2,
    ),
    Kolom(
        "koefisien",
        DESIMAL,
        "KonversiAngkaKredit.koefisien",
        "Koefisien angka kredit per tahun jenjang tersebut (§4.3).",
        desimal=2,
    ),
    Kolom(
        "angka_kredit",
        DESIMAL,
        "KonversiAngkaKredit.angka_kredit",
        "AK = bulan/12 × persentase × koefisien, dibulatkan 2 desimal (§4.2, keputusan h).",
        desimal=2,
    ),
    Kolom(
        "dihitung",
        TEKS,
        "derived",
        "Ya bila baris ini masuk akumulasi tahun itu: konversi tahunan "
        "bila ada, selain itu konversi periodik (model KonversiAngkaKredit).",
    ),
    Kolom(
        "ak_kumulatif_tahun",
        DESIMAL,
        "derived: running sum",
        "Jumlah AK baris yang dihitung milik "
        "pegawai ini dalam tahun itu, sampai dan termasuk baris ini (18.75 + 2.08 = 20.83, §4.5). Tidak "
        "termasuk AK awal dan tahun sebelumnya.",
        desimal=2,
    ),
)


def baris_angka_kredit(lingkup: Lingkup) -> Iterator[tuple]:
    """One row per KonversiAngkaKredit of the year, ordered by NIP then date, with the pegawai's running
    sum. A pegawai's rows are consecutive, so only one pegawai's rows are held at a time."""
    qs = KonversiAngkaKredit.objects.filter(pegawai__instansi_id=lingkup.instansi.pk, tahun=lingkup.tahun)
    if lingkup.unit_ids is not None:
        qs = qs.filter(pegawai__unit_kerja_id__in=lingkup.unit_ids)
    rows = qs.order_by("pegawai__nip", "tanggal_mulai", "tahunan", "id").values_list(
        "pegawai__nip",
        "pegawai__nama",
        "tahun",
        "tanggal_mulai",
        "tanggal_selesai",
        "tahunan",
        "jenjang",
        "golongan_ruang",
        "predikat",
        "bulan",
        "persen",
        "koefisien",
        "angka_kredit",
    )
    for kelompok in _per_pegawai(rows.iterator(chunk_size=CHUNK)):
        ada_tahunan = any(r[5] for r in kelompok)
        total = Decimal("0")
        for (
            nip,
            nama,
            tahun,
            mulai,
            selesai,
            tahunan,
            jenjang,
            gol,
            predikat,
            bulan,
            persen,
            koef,
            ak,
        ) in kelompok:
            dihitung = tahunan or not ada_tahunan
            ak = _bulat(ak, 2)
            if dihitung:
                total += ak
            yield (
                nip,
                nama,
                tahun,
                mulai,
                selesai,
                TAHUNAN if tahunan else "PERIODIK",
                JENJANG.get(jenjang, jenjang),
                gol,
                PREDIKAT.get(predikat, predikat),
                bulan,
                persen,
                koef,
                ak,
                YA if dihitung else TIDAK,
                total,
            )


def _per_pegawai(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    kelompok: list[tuple] = []
    for r in rows:
        if kelompok and kelompok[0][0] != r[0]:
            yield kelompok
            kelompok = []
        kelompok.append(r)
    if kelompok:
        yield kelompok


LAYOUTS: dict[str, Layout] = {
    layout.jenis: layout
    for layout in (
        Layout(
            "skp", _("SKP tahunan"), _("Satu baris per SKP tahunan yang disetujui."), KOLOM_SKP, baris_skp
        ),
        Layout(
            "predikat",
            _("Predikat kinerja"),
            _("Satu baris per penilaian yang sudah final (periodik dan tahunan)."),
            KOLOM_PREDIKAT,
            baris_predikat,
        ),
        Layout(
            "angka_kredit",
            _("Angka kredit"),
            _("Satu baris per konversi predikat ke angka kredit jabatan fungsional."),
            KOLOM_ANGKA_KREDIT,
            baris_angka_kredit,
        ),
    )
}
FORMATS = ("csv", "xlsx")


# --- writers ---------------------------------------------------------------------------------------


class _Gema:
    """A file-like object whose write() returns what it was given (csv.writer into a generator)."""

    def write(self, value: str) -> str:
        return value


def csv_baris(layout: Layout, lingkup: Lingkup) -> Iterator[str]:
    """The CSV text line by line: BOM, header, rows (UTF-8 with BOM, comma, CRLF, RFC 4180 quoting)."""
    writer = csv.writer(_Gema(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    kolom = layout.kolom
    yield BOM + writer.writerow(layout.nama_kolom)
    for row in layout.baris(lingkup):
        yield writer.writerow([k.csv(v) for k, v in zip(kolom, row, strict=True)])


def tulis_csv(layout: Layout, lingkup: Lingkup, out: IO[bytes]) -> int:
    """Writes the CSV to a binary file; returns the number of data rows."""
    n = -1
    for line in csv_baris(layout, lingkup):
        out.write(line.encode("utf-8"))
        n += 1
    return n


def tulis_xlsx(layout: Layout, lingkup: Lingkup, out) -> int:
    """Writes the XLSX (openpyxl write-only: rows go straight to a temporary file) to a path or binary
    file; dates are Excel dates, numbers are numbers. Returns the number of data rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(layout.jenis)
    for i, k in enumerate(layout.kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 24 if k.tipe == TEKS else 14
    ws.freeze_panes = "A2"
    header = []
    for name in layout.nama_kolom:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    desimal = [(i, k.format, k.desimal) for i, k in enumerate(layout.kolom) if k.tipe == DESIMAL]
    n = 0
    for row in layout.baris(lingkup):
        values = [None if v == "" else v for v in row]
        for i, fmt, places in desimal:
            if values[i] is not None:
                cell = WriteOnlyCell(ws, value=_bulat(values[i], places))
                cell.number_format = fmt
                values[i] = cell
        ws.append(values)
        n += 1
    wb.save(out)
    return n


def nama_berkas(layout: Layout, lingkup: Lingkup, fmt: str, unit_kode: str = "") -> str:
    bagian = [layout.jenis, lingkup.instansi.kode, str(lingkup.tahun)]
    if unit_kode:
        bagian.append(unit_kode)
    return "ekspor_" + "_".join(bagian) + f".{fmt}"


def dokumentasi_tabel(layout: Layout) -> str:
    """The Markdown table of a layout, as written in docs/ekspor_nasional.md."""
    lines = [
        "| No | Kolom | Tipe | Format | Sumber | Keterangan | Field e-Kinerja/SIASN |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, k in enumerate(layout.kolom, start=1):
        lines.append(
            f"| {i} | `{k.nama}` | {k.tipe} | `{k.format}` | `{k.sumber}` | {k.keterangan} | {k.siasn} |"
        )
    return "\n".join(lines)
