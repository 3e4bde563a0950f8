"""Pola distribusi (SE MenPANRB 3/2023; regulasi.md §3.3; vectors §12.4)."""

from decimal import Decimal

import pytest

from kinerja.aturan import (
    POLA_DISTRIBUSI,
    Batas,
    CapaianOrganisasi,
    Predikat,
    cek_distribusi,
    pola_distribusi,
    uraian_pola,
)

C, P = CapaianOrganisasi, Predikat

VEKTOR_DISTRIBUSI = [
    pytest.param(C.ISTIMEWA, {P.SANGAT_BAIK: 7, P.BAIK: 3}, True, id="regulasi.md §12.4 Istimewa fits"),
    pytest.param(C.ISTIMEWA, {P.SANGAT_BAIK: 10}, False, id="§12.4 Istimewa 100 % > 70 %"),
    pytest.param(C.BAIK, {P.BAIK: 7, P.SANGAT_BAIK: 2, P.BUTUH_PERBAIKAN: 1}, True, id="§12.4 Baik fits"),
    pytest.param(C.BAIK, {P.BAIK: 8, P.BUTUH_PERBAIKAN: 2}, False, id="§12.4 Baik 80 % > 70 %"),
    pytest.param(C.BAIK, {P.BAIK: 7, P.SANGAT_BAIK: 3}, False, id="§12.4 Baik without BP/Kurang"),
    pytest.param(C.BAIK, {P.BAIK: 2, P.KURANG: 1}, True, id="§12.4 Baik small unit 66,7 %"),
    pytest.param(
        C.BUTUH_PERBAIKAN, {P.BUTUH_PERBAIKAN: 6, P.SANGAT_BAIK: 1, P.BAIK: 3}, True, id="§12.4 BP fits"
    ),
    pytest.param(C.BUTUH_PERBAIKAN, {P.BUTUH_PERBAIKAN: 5, P.BAIK: 5}, False, id="§12.4 BP 50 % < 60 %"),
    pytest.param(
        C.BUTUH_PERBAIKAN,
        {P.BUTUH_PERBAIKAN: 6, P.SANGAT_BAIK: 2, P.BAIK: 2},
        False,
        id="§12.4 BP Sangat Baik 20 %",
    ),
    pytest.param(C.KURANG, {P.KURANG: 6, P.BUTUH_PERBAIKAN: 1, P.BAIK: 3}, True, id="§12.4 Kurang fits"),
    pytest.param(C.KURANG, {P.KURANG: 7, P.BAIK: 3}, False, id="§12.4 Kurang BP 0 % < 10 %"),
    pytest.param(
        C.SANGAT_KURANG, {P.SANGAT_KURANG: 6, P.KURANG: 1, P.BAIK: 3}, True, id="§12.4 Sangat Kurang fits"
    ),
    pytest.param(
        C.SANGAT_KURANG,
        {P.SANGAT_KURANG: 6, P.KURANG: 1, P.BAIK: 2, P.SANGAT_BAIK: 1},
        False,
        id="§12.4 Sangat Kurang no Sangat Baik allowed",
    ),
    pytest.param(C.SANGAT_KURANG, {P.SANGAT_KURANG: 7, P.BAIK: 3}, False, id="§12.4 Sangat Kurang K+BP 0 %"),
]


@pytest.mark.parametrize(("capaian", "jumlah", "cocok"), VEKTOR_DISTRIBUSI)
def test_cek_distribusi(capaian, jumlah, cocok):
    assert (cek_distribusi(capaian, jumlah) == []) is cocok


@pytest.mark.parametrize(
    ("capaian", "jumlah", "aturan", "jenis", "batas", "aktual", "selisih", "pegawai"),
    [
        pytest.param(
            C.ISTIMEWA,
            {P.SANGAT_BAIK: 10},
            "paling banyak 70 % pegawai berpredikat Sangat Baik",
            "maks",
            Decimal("0.70"),
            Decimal("1"),
            Decimal("0.30"),
            3,
            id="regulasi.md §3.3 Istimewa max 70 %",
        ),
        pytest.param(
            C.BAIK,
            {P.BAIK: 7, P.SANGAT_BAIK: 3},
            "harus ada pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct",
            "ada",
            None,
            Decimal("0"),
            Decimal("0"),
            1,
            id="§3.3 Baik: harus ada",
        ),
        pytest.param(
            C.BUTUH_PERBAIKAN,
            {P.BUTUH_PERBAIKAN: 5, P.BAIK: 5},
            "paling sedikit 60 % pegawai berpredikat Butuh Perbaikan",
            "min",
            Decimal("0.60"),
            Decimal("0.5"),
            Decimal("0.10"),
            1,
            id="§3.3 BP min 60 %",
        ),
        pytest.param(
            C.SANGAT_KURANG,
            {P.SANGAT_KURANG: 6, P.KURANG: 1, P.BAIK: 2, P.SANGAT_BAIK: 1},
            "tidak boleh ada pegawai berpredikat Sangat Baik",
            "maks",
            Decimal("0"),
            Decimal("0.1"),
            Decimal("0.10"),
            1,
            id="§3.3 Sangat Kurang no Sangat Baik",
        ),
        pytest.param(
            C.BAIK,
            {P.BAIK: 2, P.SANGAT_BAIK: 1, P.BUTUH_PERBAIKAN: 0},
            "paling banyak 70 % pegawai berpredikat Baik",
            "maks",
            Decimal("0.70"),
            Decimal("0.6667"),
            None,
            None,
            id="§3.3 small unit exact share",
        ),
    ],
)
def test_pelanggaran_says_which_rule_and_by_how_much(
    capaian, jumlah, aturan, jenis, batas, aktual, selisih, pegawai
):
    hasil = cek_distribusi(capaian, jumlah)
    if selisih is None:  # the 66,7 % share fits the 70 % cap; only "harus ada" is broken
        assert [p.jenis for p in hasil] == ["ada"]
        assert aturan not in [p.aturan for p in hasil]
        return
    pelanggaran = next(p for p in hasil if p.aturan == aturan)
    assert pelanggaran.jenis == jenis
    assert pelanggaran.batas == batas
    assert pelanggaran.aktual == aktual
    assert pelanggaran.selisih == selisih
    assert pelanggaran.selisih_pegawai == pegawai
    assert pelanggaran.jumlah == sum(jumlah.get(p, 0) for p in pelanggaran.predikat)


def test_empty_unit_and_string_keys():
    assert cek_distribusi(C.BAIK, {}) == []
    assert cek_distribusi("istimewa", {"sangat_baik": 7, "baik": 3}) == []


def test_negative_count_is_rejected():
    with pytest.raises(ValueError, match="negatif"):
        cek_distribusi(C.BAIK, {P.BAIK: -1})


def test_custom_pattern():
    # decision a / g: the pattern can be passed in, e.g. a stricter instansi setting
    pola = {C.ISTIMEWA: (Batas("maks", (P.SANGAT_BAIK,), Decimal("0.50")),)}
    assert cek_distribusi(C.ISTIMEWA, {P.SANGAT_BAIK: 6, P.BAIK: 4}, pola=pola)
    assert not cek_distribusi(C.ISTIMEWA, {P.SANGAT_BAIK: 6, P.BAIK: 4})


@pytest.mark.parametrize(
    ("capaian", "teks"),
    [
        pytest.param(
            C.ISTIMEWA,
            "sebagian besar pegawai berpredikat Sangat Baik; paling banyak 70 %",
            id="regulasi.md §3.3 Istimewa",
        ),
        pytest.param(
            C.BAIK, "harus ada pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct", id="§3.3 Baik"
        ),
        pytest.param(C.BUTUH_PERBAIKAN, "paling banyak 10 % pegawai berpredikat Sangat Baik", id="§3.3 BP"),
        pytest.param(C.KURANG, "paling sedikit 10 % pegawai berpredikat Butuh Perbaikan", id="§3.3 Kurang"),
        pytest.param(C.SANGAT_KURANG, "Kurang/Misconduct dan/atau Butuh Perbaikan", id="§3.3 Sangat Kurang"),
    ],
)
def test_uraian_pola(capaian, teks):
    assert teks in uraian_pola(capaian)
    assert uraian_pola(capaian).startswith(f"Capaian organisasi {capaian.label}:")
    assert pola_distribusi(capaian) == POLA_DISTRIBUSI[capaian]


def test_every_capaian_has_a_pattern():
    assert set(POLA_DISTRIBUSI) == set(CapaianOrganisasi)
