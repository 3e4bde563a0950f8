"""Is a rencana hasil kerja written as an achievement, an activity or a work category?

Source: seed 004 ("Rencana kerja pada SKP harus dituliskan dalam bahasa pencapaian (hasil kerja)
bukan aktivitas maupun kategori pekerjaan", with its table of 19 examples); seed 002 ("Kerja vs
Kinerja": PP 46 activities against PP 30 results; "hasil + qualifier"); regulasi.md §2.9.

The rules read Indonesian word forms; they advise the writer and never block. In order:

1. The text starts with a result noun ending in -nya ("Terwujudnya …", "Meningkatnya …"): an
   achievement.
2. The text starts with an active verb (me-, mem-, men-, meng-, meny-): an activity
   ("Menyusun …", "Membuat SK Pensiun").
3. "tidak ada … " (a zero-defect target: "Tidak ada dokumen … yang hilang"): an achievement.
4. A result predicate after the subject: a passive di- verb ("diproses", "disampaikan"), a ter-
   verb ("tersedia", "terselenggara"), a ber- verb ("berjalan"), an active verb after the subject
   that is not a purpose clause ("Pemerintah Daerah menggunakan …"), or a quality word ("siap",
   "semakin", "tepat", "akurat", "valid", …): an achievement.
5. The head is a product or outcome noun ("Ide dan inovasi …", "Kepuasan instansi …"): an
   achievement.
6. The head names a category of work ("Layanan …", "Urusan …"): a category.
7. Up to three activity nouns and nothing else ("Sosialisasi", "Monitoring dan supervisi"): a
   category.
8. An activity noun with its object ("Pendampingan terhadap OPD …", "Fasilitasi penyelenggaraan …"):
   an activity.
9. Anything else names a subject without a result: a category.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from .enums import JenisRumusan

_KATA = re.compile(r"[a-z0-9]+")

# Words that look like me-/di-/ter-/ber- verbs but are nouns, adjectives or prepositions.
_BUKAN_KATA_KERJA = frozenset(
    {
        # me-
        "media", "meja", "menteri", "metode", "metodologi", "mekanisme", "mesin", "meter", "merit",
        "menu", "medis", "memori", "mental", "merek", "merk", "metadata", "menara", "mentor",
        "mentoring", "meeting", "menit", "mereka", "melalui", "mengenai", "menurut", "menuju",
        "meliputi", "menjadi", "melainkan",
        # di-
        "diklat", "digital", "direktif", "direktorat", "direktur", "diskusi", "dinas", "distribusi",
        "disiplin", "dialog", "dimensi", "diri", "dini", "dinamis", "disabilitas", "diagnosa",
        "diagnosis", "diploma", "diseminasi", "disertasi", "divisi", "dispensasi", "disposisi",
        "distrik", "diatas", "dibawah", "dimana", "didalam", "diluar", "diantara",
        # ter-
        "terhadap", "terkait", "termasuk", "terutama", "tertentu", "tersebut", "terakhir", "terdiri",
        "terus", "terpadu", "terbaik", "terbaru", "terbatas", "terampil", "ternyata", "terlebih",
        "terkini", "tersendiri", "terdekat", "terbuka", "teritorial", "terminal", "termin", "teras",
        # ber-
        "berdasarkan", "beserta", "bersama", "berupa", "berbagai", "berkas", "berita", "beras",
        "berat", "berkala", "berikut", "berlaku", "berkaitan", "berhubungan", "berkenaan",
        "bersangkutan", "berkelanjutan", "berjenjang", "berbasis", "bersih", "beranda", "berkah",
    }
)  # fmt: skip

# Words before an active verb that make it a purpose clause, not the predicate.
_PENGANTAR_TUJUAN = frozenset({"untuk", "guna", "dalam", "agar", "supaya", "demi", "yang", "cara"})

# Quality or progress words that state a result (seed 002: "hasil + qualifier").
_KATA_KUALITAS = frozenset(
    {
        "siap", "semakin", "tepat", "akurat", "valid", "lengkap", "optimal", "efektif", "efisien",
        "memuaskan", "tuntas", "selesai", "meningkat", "menurun", "berkualitas", "andal",
        "handal", "terukur",
    }
)  # fmt: skip

# Head nouns of a product or outcome (seed 004: "Ide dan inovasi …", "Kepuasan instansi pengusul").
_KATA_PRODUK = frozenset(
    {
        "ide", "inovasi", "dokumen", "laporan", "konsep", "rekomendasi", "rancangan", "draf", "draft",
        "naskah", "hasil", "produk", "kepuasan", "keberhasilan", "ketepatan", "kesesuaian",
        "ketersediaan", "kecepatan", "keakuratan", "kelengkapan", "kualitas", "persentase", "tingkat",
        "indeks", "jumlah", "rasio", "capaian", "opini", "predikat", "sertifikat",
    }
)  # fmt: skip

# Head nouns that name a category of work (seed 004: "Layanan penerbitan PBG/ IMB dan SLF").
_KATA_KATEGORI = frozenset(
    {"layanan", "urusan", "bidang", "program", "kegiatan", "pekerjaan", "tugas", "fungsi", "administrasi"}
)

# Activity nouns that the suffix rules below miss.
_KATA_BENDA_KEGIATAN = frozenset(
    {"rapat", "audit", "survei", "survey", "bimbingan", "reviu", "review", "kunjungan", "fasilitasi"}
)
# -si loanwords that are things, not activities.
_BUKAN_KEGIATAN = frozenset(
    {
        "informasi", "organisasi", "instansi", "kompetensi", "regulasi", "aplikasi", "komisi", "posisi",
        "prestasi", "kondisi", "profesi", "lokasi", "populasi", "motivasi", "visi", "misi", "versi",
        "asosiasi", "institusi", "konstitusi", "kompensasi",
    }
)  # fmt: skip
_KATA_SAMBUNG = frozenset({"dan", "atau", "serta"})


@dataclass(frozen=True)
class Klasifikasi:
    """How a rencana hasil kerja is worded, with the reason in Indonesian to help rewrite it."""

    jenis: JenisRumusan
    alasan: str


_SARAN = (
    "Tuliskan hasil yang dicapai beserta ukurannya, misalnya 'Konsep SK Pensiun tersedia secara lengkap "
    "dan akurat, siap diparaf atasan' alih-alih 'Membuat SK Pensiun'."
)


def _kata_kerja_me(kata: str) -> bool:
    return kata.startswith("me") and len(kata) >= 5 and kata not in _BUKAN_KATA_KERJA


def _kata_benda_hasil(kata: str) -> bool:
    """A result noun in -nya: "terwujudnya", "meningkatnya", "tersedianya", "terbitnya"."""
    return kata.endswith("nya") and len(kata) >= 7


def _predikat_hasil(kata: str, sebelumnya: str) -> bool:
    if kata in _KATA_KUALITAS:
        return True
    if kata in _BUKAN_KATA_KERJA or len(kata) < 6:
        return False
    if kata.startswith(("di", "ter", "ber")):
        return True
    return _kata_kerja_me(kata) and sebelumnya not in _PENGANTAR_TUJUAN


def _kata_benda_kegiatan(kata: str) -> bool:
    if kata in _KATA_BENDA_KEGIATAN:
        return True
    if kata in _BUKAN_KEGIATAN:
        return False
    pe_an = kata.startswith("pe") and kata.endswith("an") and len(kata) >= 7
    return pe_an or kata.endswith(("si", "ing"))


def klasifikasi_rumusan(teks: str) -> Klasifikasi:
    """Classify a rencana hasil kerja as pencapaian, aktivitas or kategori (seed 004; regulasi.md
    §2.9); see the module docstring for the rules. Raises ``ValueError`` for an empty text."""
    kata = _KATA.findall(teks.lower())
    if not kata:
        raise ValueError("Rumusan rencana hasil kerja kosong.")
    awal = kata[0]
    awal_asli = teks.split()[0]
    if _kata_benda_hasil(awal):
        return Klasifikasi(
            JenisRumusan.PENCAPAIAN,
            f"Diawali kata benda hasil '{awal_asli}': rumusan menyatakan keadaan yang tercapai.",
        )
    if _kata_kerja_me(awal):
        return Klasifikasi(
            JenisRumusan.AKTIVITAS,
            f"Diawali kata kerja aktif '{awal_asli}': rumusan menyebut apa yang dikerjakan, bukan hasil "
            f"kerjanya. {_SARAN}",
        )
    if any(a == "tidak" and b == "ada" for a, b in pairwise(kata)):
        return Klasifikasi(
            JenisRumusan.PENCAPAIAN,
            "Menyatakan target tanpa kesalahan ('tidak ada … '): rumusan menyatakan hasil kerja.",
        )
    for sebelumnya, k in pairwise(kata):
        if _predikat_hasil(k, sebelumnya):
            return Klasifikasi(
                JenisRumusan.PENCAPAIAN,
                f"Memuat keterangan hasil '{k}': rumusan menyatakan hasil kerja beserta ukurannya.",
            )
    if awal in _KATA_PRODUK:
        return Klasifikasi(
            JenisRumusan.PENCAPAIAN,
            f"Diawali kata benda produk atau hasil '{awal_asli}': rumusan menyebut hasil kerja. "
            "Tambahkan ukuran mutunya bila belum ada (tepat waktu, akurat, sesuai ketentuan).",
        )
    alasan_kategori = (
        f"'{teks.strip()}' hanya menyebut jenis pekerjaan, tanpa hasil yang dicapai. Sebutkan apa yang "
        f"dihasilkan, untuk siapa, dan ukuran keberhasilannya. {_SARAN}"
    )
    if awal in _KATA_KATEGORI:
        return Klasifikasi(JenisRumusan.KATEGORI, alasan_kategori)
    isi = [k for k in kata if k not in _KATA_SAMBUNG]
    if len(isi) <= 3 and all(_kata_benda_kegiatan(k) for k in isi):
        return Klasifikasi(JenisRumusan.KATEGORI, alasan_kategori)
    if _kata_benda_kegiatan(awal):
        return Klasifikasi(
            JenisRumusan.AKTIVITAS,
            f"Diawali kata benda kegiatan '{awal_asli}' beserta objeknya: rumusan menyebut kegiatan, bukan "
            f"hasilnya. {_SARAN}",
        )
    return Klasifikasi(JenisRumusan.KATEGORI, alasan_kategori)
