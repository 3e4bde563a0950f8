"""NIP PNS and NI PPPK (regulasi.md §8.1, §8.2, vectors §12.2)."""

from datetime import date

import pytest

from kinerja.aturan import NipTidakValid, normalisasi_nip, parse_ni_pppk, parse_nip, tulis_nip

VEKTOR_NIP = [
    pytest.param("198609262015051001", date(1986, 9, 26), (2015, 5), "L", 1, id="regulasi.md §12.2 [S52]"),
    pytest.param("19860926 201505 1 001", date(1986, 9, 26), (2015, 5), "L", 1, id="§12.2 written form"),
    pytest.param("196804241998031011", date(1968, 4, 24), (1998, 3), "L", 11, id="§12.2 seed 004 Kepala"),
    pytest.param("196411171992011002", date(1964, 11, 17), (1992, 1), "L", 2, id="§12.2 seed 004 Sekda"),
    pytest.param("198103021999121001", date(1981, 3, 2), (1999, 12), "L", 1, id="§12.2 seed 004 Kabid"),
    pytest.param("199106112012062001", date(1991, 6, 11), (2012, 6), "P", 1, id="§12.2 seed 004 JF"),
    pytest.param("196801081992012001", date(1968, 1, 8), (1992, 1), "P", 1, id="§12.2 seeds 000/001"),
    pytest.param("198609262004091001", date(1986, 9, 26), (2004, 9), "L", 1, id="§12.2 18th-birthday month"),
]


@pytest.mark.parametrize(("nip", "lahir", "tmt", "jenis_kelamin", "urut"), VEKTOR_NIP)
def test_parse_nip(nip, lahir, tmt, jenis_kelamin, urut):
    info = parse_nip(nip)
    assert info.nip == nip.replace(" ", "")
    assert info.tanggal_lahir == lahir
    assert (info.tahun_tmt, info.bulan_tmt) == tmt
    assert info.tmt_cpns == date(*tmt, 1)
    assert info.jenis_kelamin == jenis_kelamin
    assert info.nomor_urut == urut


VEKTOR_NIP_TIDAK_VALID = [
    pytest.param("19860926201505100", "panjang", id="regulasi.md §12.2 17 digits"),
    pytest.param("1986092620150510011", "panjang", id="§12.2 19 digits"),
    pytest.param("19860926201505100A", "panjang", id="§12.2 not all digits"),
    pytest.param("198602302015051001", "tanggal_lahir", id="§12.2 30 February"),
    pytest.param("198609262015131001", "bulan_tmt", id="§12.2 TMT month 13"),
    pytest.param("198609262015001001", "bulan_tmt", id="§12.2 TMT month 00"),
    pytest.param("198609262004081001", "usia_tmt", id="§12.2 one month before the 18th birthday"),
    pytest.param("198609262015053001", "jenis_kelamin", id="§12.2 digit 15 = 3"),
    pytest.param("198609262015051000", "nomor_urut", id="§12.2 nomor urut 000"),
    pytest.param("199001012021211001", "bulan_tmt", id="§12.2 a NI PPPK is no NIP PNS"),
]


@pytest.mark.parametrize(("nip", "kode"), VEKTOR_NIP_TIDAK_VALID)
def test_invalid_nip(nip, kode):
    with pytest.raises(NipTidakValid) as info:
        parse_nip(nip)
    assert info.value.kode == kode
    assert isinstance(info.value, ValueError)
    assert "NIP" in str(info.value) or "TMT" in str(info.value)


def test_minimum_age_is_a_parameter():
    # regulasi.md §8.1 rule 5: the 18-year minimum is UNVERIFIED reference data
    assert parse_nip("198609262003091001", usia_minimal=17).tahun_tmt == 2003
    with pytest.raises(NipTidakValid):
        parse_nip("198609262003091001")


def test_normalisasi_nip():
    assert normalisasi_nip(" 19860926 201505 1 001 ") == "198609262015051001"


VEKTOR_NI_PPPK = [
    pytest.param("199001012021211001", date(1990, 1, 1), 2021, 21, "L", 1, id="regulasi.md §12.2 NI PPPK"),
    pytest.param("19900101 2021 24 2 015", date(1990, 1, 1), 2021, 24, "P", 15, id="§8.2 paruh waktu 24"),
]


@pytest.mark.parametrize(("ni", "lahir", "tahun", "perjanjian", "jenis_kelamin", "urut"), VEKTOR_NI_PPPK)
def test_parse_ni_pppk(ni, lahir, tahun, perjanjian, jenis_kelamin, urut):
    info = parse_ni_pppk(ni)
    assert info.ni == ni.replace(" ", "")
    assert info.tanggal_lahir == lahir
    assert info.tahun_pengangkatan == tahun
    assert info.jumlah_perjanjian == perjanjian
    assert info.jenis_kelamin == jenis_kelamin
    assert info.nomor_urut == urut


@pytest.mark.parametrize(
    ("ni", "kode"),
    [
        pytest.param("1990010120212110", "panjang", id="regulasi.md §8.2 16 digits"),
        pytest.param("199013012021211001", "tanggal_lahir", id="§8.2 month 13 of birth"),
        pytest.param("199001012007211001", "usia_tmt", id="§8.2 appointed at 17"),
        pytest.param("199001012021210001", "jenis_kelamin", id="§8.2 digit 15 = 0"),
        pytest.param("199001012021211000", "nomor_urut", id="§8.2 nomor urut 000"),
    ],
)
def test_invalid_ni_pppk(ni, kode):
    with pytest.raises(NipTidakValid) as info:
        parse_ni_pppk(ni)
    assert info.value.kode == kode


@pytest.mark.parametrize(
    ("nip", "tertulis"),
    [
        ("198609262015051001", "19860926 201505 1 001"),  # regulasi.md §8.1 example
        ("12345", "12345"),  # not a NIP: shown as typed
    ],
)
def test_tulis_nip(nip, tertulis):
    assert tulis_nip(nip) == tertulis
