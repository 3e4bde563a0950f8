"""SKP content (seed 002; regulasi.md §2.6, §2.7, §2.10, §2.12; decisions c, d)."""

from datetime import date

import pytest

from kinerja.aturan import (
    ASPEK,
    BATAS_SKP,
    BERAKHLAK,
    KEBERATAN_HARI,
    LAMPIRAN_SKP,
    PERSPEKTIF,
    PERSPEKTIF_WAJIB_JPT,
    Aspek,
    Perspektif,
    batas_keberatan,
    batas_penyusunan_skp,
    perspektif_wajib_terpenuhi,
)


def test_berakhlak_has_7_values_with_3_panduan():
    # regulasi.md §2.10, seed 002
    assert [n.nama for n in BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(n.panduan) == 3 for n in BERAKHLAK)
    assert BERAKHLAK[1].panduan[2] == "Tidak menyalahgunakan kewenangan jabatan"


def test_perspektif_and_aspek():
    # regulasi.md §2.6, §2.7
    assert set(PERSPEKTIF) == set(Perspektif) and len(PERSPEKTIF) == 4
    assert PERSPEKTIF_WAJIB_JPT is Perspektif.ANGGARAN
    assert [a.label for a in ASPEK] == ["Kuantitas", "Kualitas", "Waktu", "Biaya"]
    assert Aspek("waktu") is Aspek.WAKTU


@pytest.mark.parametrize(
    ("perspektif", "boleh_diajukan"),
    [
        pytest.param(
            [Perspektif.PENERIMA_LAYANAN, Perspektif.ANGGARAN], True, id="seed 002 §2.6 with Anggaran"
        ),
        pytest.param(["proses_bisnis", "anggaran"], True, id="seed 002 §2.6 values"),
        pytest.param(
            [Perspektif.PENERIMA_LAYANAN, Perspektif.PROSES_BISNIS], False, id="seed 002 §2.6 without"
        ),
        pytest.param([], False, id="seed 002 §2.6 no IKI"),
    ],
)
def test_jpt_skp_needs_perspektif_anggaran(perspektif, boleh_diajukan):
    assert perspektif_wajib_terpenuhi(perspektif) is boleh_diajukan


def test_lampiran_has_three_sections():
    # regulasi.md §2.12, seed 002: "Lampiran tidak terpisahkan dari SKP seluruh Pegawai"
    assert [b.judul for b in LAMPIRAN_SKP] == [
        "Dukungan Sumber Daya",
        "Skema Pertanggungjawaban",
        "Konsekuensi",
    ]
    assert len(LAMPIRAN_SKP[2].petunjuk) == 2


@pytest.mark.parametrize(
    ("tahun", "batas", "tanggal"),
    [
        pytest.param(2024, BATAS_SKP, date(2024, 1, 31), id="decision c, seed 000: 31 Januari"),
        pytest.param(2024, (2, 29), date(2024, 2, 29), id="decision c, [S16] extended deadline"),
    ],
)
def test_batas_penyusunan_skp(tahun, batas, tanggal):
    assert batas_penyusunan_skp(tahun, batas=batas) == tanggal


def test_batas_keberatan_counts_calendar_days():
    # decision d, PP 30/2019 Pasal 59: 14 calendar days
    assert KEBERATAN_HARI == 14
    assert batas_keberatan(date(2024, 1, 25)) == date(2024, 2, 8)
    assert batas_keberatan(date(2024, 1, 25), hari=7) == date(2024, 2, 1)
