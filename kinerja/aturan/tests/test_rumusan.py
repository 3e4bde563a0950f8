"""Klasifikasi rumusan rencana hasil kerja (seed 004 table; seed 002 "Kerja vs Kinerja";
regulasi.md §2.9; vectors §12.8)."""

import pytest

from kinerja.aturan import JenisRumusan, klasifikasi_rumusan

R = JenisRumusan
S4, S2 = "seed 004 table", "seed 002 Kerja vs Kinerja"
Q = "seed 002 hasil+qualifier"

VEKTOR_RUMUSAN = [
    (S4, "Menyusun materi sosialisasi aplikasi SIMPEG", R.AKTIVITAS),
    (S4, "Layanan penerbitan PBG/ IMB dan SLF", R.KATEGORI),
    (S4, "Permohonan bantuan teknis diproses dengan cepat dan akurat", R.PENCAPAIAN),
    (S4, "Monitoring dan supervisi", R.KATEGORI),
    (S4, "Verifikasi berkas permohonan bantuan teknis disampaikan tepat waktu.", R.PENCAPAIAN),
    (S4, "Sosialisasi", R.KATEGORI),
    (S4, "Pendampingan terhadap OPD terkait penggunaan SIMPEG", R.AKTIVITAS),
    (S4, "Pemerintah Daerah menggunakan aplikasi untuk penerbitan PBG/ IMB dan SLF", R.PENCAPAIAN),
    (S4, "Tidak ada dokumen pengusulan bantuan teknis yang hilang", R.PENCAPAIAN),
    (S4, "Mengembangkan aplikasi SIMPEG", R.AKTIVITAS),
    (S4, "Ide dan inovasi untuk mengembangkan fitur SIMPEG", R.PENCAPAIAN),
    (S4, "Fasilitasi penyelenggaraan bangunan gedung", R.AKTIVITAS),
    (S4, "Menyusun Draft Kebijakan terkait Bangunan Gedung", R.AKTIVITAS),
    (S4, "Respon terhadap permintaan bantuan teknis dilakukan dengan cepat dan memuaskan", R.PENCAPAIAN),
    (S4, "Pengawasan", R.KATEGORI),
    (S4, "Hasil analisis kebutuhan biaya disampaikan tepat waktu", R.PENCAPAIAN),
    (S4, "Kepuasan instansi pengusul", R.PENCAPAIAN),
    (S4, "Menjawab panggilan untuk konsultasi dengan pemerintah daerah", R.AKTIVITAS),
    (S4, "Memberikan bimbingan kinerja kepada pegawai di tim kerja", R.AKTIVITAS),
    (f"{S2}: PP 46", "Mengarsipkan surat", R.AKTIVITAS),
    (f"{S2}: PP 46", "Membuat SK Pensiun", R.AKTIVITAS),
    (f"{S2}: PP 46", "Membuat SK Cuti", R.AKTIVITAS),
    (f"{S2}: PP 46", "Memonitor data absen pegawai", R.AKTIVITAS),
    (f"{S2}: PP 46", "Membuat jadwal diklat & koordinasi peserta", R.AKTIVITAS),
    (
        f"{S2}: PP 30",
        "Rekapitulasi arsip surat masuk dan keluar dikelola sesuai dengan aturan pengarsipan",
        R.PENCAPAIAN,
    ),
    (
        f"{S2}: PP 30",
        "Konsep SK Pensiun tersedia secara lengkap dan akurat, siap diparaf atasan",
        R.PENCAPAIAN,
    ),
    (
        f"{S2}: PP 30",
        "Administrasi pegawai terkait cuti, sakit, izin belajar, CLTN dikelola sesuai dengan "
        "aturan yang berlaku",
        R.PENCAPAIAN,
    ),
    (
        f"{S2}: PP 30",
        "Data rekapitulasi kehadiran pegawai dikelola dan diolah siap menjadi salah satu "
        "dasar pembayaran TPP",
        R.PENCAPAIAN,
    ),
    (f"{S2}: PP 30", "Diklat Teknis terselenggara sesuai dengan jadwal yang ditetapkan", R.PENCAPAIAN),
    # seed 002 "hasil + qualifier" examples (regulasi.md §2.9) and seed 004's matrix and SKP examples
    (Q, "Perencanaan kebutuhan pegawai berdasarkan sistem merit siap ditetapkan", R.PENCAPAIAN),
    (Q, "Terlaksananya penetapan kenaikan pangkat tepat waktu, tepat orang, tepat bayar", R.PENCAPAIAN),
    (Q, "Aplikasi e-office berjalan dalam mendukung pelayanan kepegawaian sesuai SLA", R.PENCAPAIAN),
    (Q, "Respon penanganan keluhan/permasalahan aplikasi semakin cepat", R.PENCAPAIAN),
    ("seed 004 SKP JPT", "Meningkatnya kualitas pelayanan publik", R.PENCAPAIAN),
    ("seed 004 SKP JPT", "Terwujudnya birokrasi yang kapabel", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Kompetensi dan Karier ASN meningkat", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Data kepegawaian valid dan akurat", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Sistem informasi kepegawaian beroperasi optimal", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Pegawai ditempatkan sesuai ketentuan melalui promosi", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Terbitnya rekomendasi tugas belajar tepat waktu", R.PENCAPAIAN),
    ("seed 004 matriks peran hasil", "Promosi ASN terlaksana sesuai peraturan", R.PENCAPAIAN),
    ("seed 004 SKP JA", "Pengelolaan promosi ASN yang dilaksanakan sesuai peraturan", R.PENCAPAIAN),
]


@pytest.mark.parametrize(
    ("teks", "jenis"), [pytest.param(t, j, id=f"{s}: {t[:40]}") for s, t, j in VEKTOR_RUMUSAN]
)
def test_klasifikasi_rumusan(teks, jenis):
    hasil = klasifikasi_rumusan(teks)
    assert hasil.jenis is jenis, hasil.alasan
    assert hasil.alasan


@pytest.mark.parametrize(
    ("teks", "jenis", "frasa"),
    [
        pytest.param(
            "Membuat SK Pensiun", R.AKTIVITAS, "kata kerja aktif 'Membuat'", id="seed 002 PP 46 reason"
        ),
        pytest.param(
            "Sosialisasi", R.KATEGORI, "hanya menyebut jenis pekerjaan", id="seed 004 kategori reason"
        ),
        pytest.param(
            "Fasilitasi penyelenggaraan bangunan gedung",
            R.AKTIVITAS,
            "kata benda kegiatan 'Fasilitasi'",
            id="seed 004 activity noun reason",
        ),
        pytest.param(
            "Kepuasan instansi pengusul", R.PENCAPAIAN, "produk atau hasil", id="seed 004 outcome noun"
        ),
        pytest.param(
            "Tidak ada dokumen yang hilang", R.PENCAPAIAN, "tanpa kesalahan", id="seed 004 zero defect"
        ),
        pytest.param("Terwujudnya birokrasi", R.PENCAPAIAN, "kata benda hasil", id="seed 004 -nya noun"),
        pytest.param("Konsep SK tersedia", R.PENCAPAIAN, "'tersedia'", id="seed 002 ter- predicate"),
    ],
)
def test_reason_helps_rewrite(teks, jenis, frasa):
    hasil = klasifikasi_rumusan(teks)
    assert hasil.jenis is jenis
    assert frasa in hasil.alasan


@pytest.mark.parametrize(
    ("teks", "jenis"),
    [
        pytest.param("Aplikasi SIMPEG", R.KATEGORI, id="regulasi.md §2.9 subject without result"),
        pytest.param("Media sosial instansi", R.KATEGORI, id="§2.9 me- noun is no verb"),
        pytest.param("Rapat koordinasi", R.KATEGORI, id="§2.9 activity nouns only"),
        pytest.param("Informasi", R.KATEGORI, id="§2.9 -si noun that is no activity"),
        pytest.param("Laporan keuangan", R.PENCAPAIAN, id="§2.9 product noun"),
    ],
)
def test_other_word_forms(teks, jenis):
    assert klasifikasi_rumusan(teks).jenis is jenis


@pytest.mark.parametrize("teks", [pytest.param("", id="empty"), pytest.param(" - ", id="punctuation only")])
def test_empty_text(teks):
    with pytest.raises(ValueError, match="kosong"):
        klasifikasi_rumusan(teks)
