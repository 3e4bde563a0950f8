"""SKP content: BerAKHLAK, perspektif, aspek, lampiran, and the SKP and keberatan deadlines.

Sources: seed 002 (SKP formats, BerAKHLAK, perspektif, lampiran); SE MenPANRB 20/2021;
regulasi.md §2.6, §2.7, §2.10, §2.12; decisions c and d.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from ._enum import LabelledEnum
from .referensi import BATAS_SKP, KEBERATAN_HARI


class NilaiBerakhlak(NamedTuple):
    """One core value with its three panduan perilaku (no levels; regulasi.md §2.10)."""

    nama: str
    panduan: tuple[str, str, str]


# regulasi.md §2.10, seed 002, SE MenPANRB 20/2021.
BERAKHLAK: tuple[NilaiBerakhlak, ...] = (
    NilaiBerakhlak(
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    NilaiBerakhlak(
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    NilaiBerakhlak(
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    NilaiBerakhlak(
        "Harmonis",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    NilaiBerakhlak(
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
            "setia pada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    NilaiBerakhlak(
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    NilaiBerakhlak(
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
)


class Perspektif(LabelledEnum):
    """Perspektif of an IKI in an SKP JPT / pimpinan unit kerja mandiri (seed 002; regulasi.md §2.6)."""

    PENERIMA_LAYANAN = "penerima_layanan", "Penerima Layanan"
    PROSES_BISNIS = "proses_bisnis", "Proses Bisnis"
    PENGUATAN_INTERNAL = "penguatan", "Penguatan Internal"
    ANGGARAN = "anggaran", "Anggaran"


# regulasi.md §2.6: definitions quoted from seed 002.
PERSPEKTIF: dict[Perspektif, str] = {
    Perspektif.PENERIMA_LAYANAN: "merefleksikan kemampuan organisasi dalam memenuhi keinginan dan harapan "
    "penerima layanan/pemangku kepentingan",
    Perspektif.PROSES_BISNIS: "merefleksikan perbaikan proses untuk menghasilkan keluaran yang memiliki "
    "nilai tambah bagi pemangku kepentingan",
    Perspektif.PENGUATAN_INTERNAL: "merefleksikan kemampuan organisasi/unit kerja untuk mengembangkan sumber "
    "daya yang dimiliki organisasi sebagai pengungkit untuk pencapaian tujuan organisasi",
    Perspektif.ANGGARAN: "merefleksikan kinerja dalam rangka efektivitas dan efisiensi penggunaan anggaran",
}

# seed 002: perspektif Anggaran "harus ada dalam setiap rencana SKP pejabat pimpinan tinggi atau
# pimpinan unit kerja mandiri" (regulasi.md §2.6).
PERSPEKTIF_WAJIB_JPT = Perspektif.ANGGARAN


def perspektif_wajib_terpenuhi(perspektif_iki: Iterable[Perspektif]) -> bool:
    """True when an SKP JPT / pimpinan unit kerja mandiri has at least one IKI with perspektif
    Anggaran; without it the SKP cannot be submitted (seed 002; regulasi.md §2.6)."""
    return any(Perspektif(p) is PERSPEKTIF_WAJIB_JPT for p in perspektif_iki)


class Aspek(LabelledEnum):
    """Aspek of an indikator kinerja individu (seed 002; regulasi.md §2.7)."""

    KUANTITAS = "kuantitas", "Kuantitas"
    KUALITAS = "kualitas", "Kualitas"
    WAKTU = "waktu", "Waktu"
    BIAYA = "biaya", "Biaya"


ASPEK: tuple[Aspek, ...] = tuple(Aspek)


class BagianLampiran(NamedTuple):
    """One section of the Lampiran SKP with the prompts printed in the format."""

    judul: str
    petunjuk: tuple[str, ...]


# regulasi.md §2.12, seed 002: "Lampiran tidak terpisahkan dari SKP seluruh Pegawai".
LAMPIRAN_SKP: tuple[BagianLampiran, ...] = (
    BagianLampiran(
        "Dukungan Sumber Daya", ("(dalam rangka memenuhi ekspektasi Pimpinan, maka Pegawai membutuhkan)",)
    ),
    BagianLampiran(
        "Skema Pertanggungjawaban",
        ("(hasil kerja dilaporkan setiap hari/mingguan/bulanan/… berikut data yang dilaporkan adalah)",),
    ),
    BagianLampiran(
        "Konsekuensi",
        (
            "(apabila memenuhi ekspektasi Pimpinan maka….)",
            "(apabila tidak memenuhi ekspektasi Pimpinan maka….)",
        ),
    ),
)
JUDUL_LAMPIRAN_SKP = "LAMPIRAN SASARAN KINERJA PEGAWAI"


def batas_penyusunan_skp(tahun: int, *, batas: tuple[int, int] = BATAS_SKP) -> date:
    """Deadline of the SKP of ``tahun``: 31 January by default (decision c; seed 000: "paling lambat
    tanggal 31 Januari tahun berjalan"), configurable per year."""
    bulan, hari = batas
    return date(tahun, bulan, hari)


def batas_keberatan(tanggal_diterima: date, *, hari: int = KEBERATAN_HARI) -> date:
    """Last day to lodge a keberatan: ``hari`` calendar days after the result is received
    (PP 30/2019 Pasal 59; decision d: 14 calendar days, configurable)."""
    return tanggal_diterima + timedelta(days=hari)
