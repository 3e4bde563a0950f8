"""Predikat matrix, pimpinan rating and suggested rating hasil kerja (regulasi.md §3.4, §3.6, §3.7;
seed 002 "3.b"; decision f; vectors §12.5)."""

import itertools

import pytest

from kinerja.aturan import (
    PREDIKAT_KINERJA,
    CapaianOrganisasi,
    HasilRhk,
    Predikat,
    RatingKerja,
    predikat_kinerja,
    rating_hasil_kerja_pimpinan,
    saran_rating_hasil_kerja,
)

A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
C = CapaianOrganisasi


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        pytest.param(A, A, Predikat.SANGAT_BAIK, id="regulasi.md §3.7 atas/atas"),
        pytest.param(A, S, Predikat.BAIK, id="§3.7 atas/sesuai"),
        pytest.param(A, B, Predikat.KURANG, id="§3.7 atas/bawah"),
        pytest.param(S, A, Predikat.BAIK, id="§3.7 sesuai/atas"),
        pytest.param(S, S, Predikat.BAIK, id="§3.7 sesuai/sesuai"),
        pytest.param(S, B, Predikat.KURANG, id="§3.7 sesuai/bawah"),
        pytest.param(B, A, Predikat.BUTUH_PERBAIKAN, id="§3.7 bawah/atas"),
        pytest.param(B, S, Predikat.BUTUH_PERBAIKAN, id="§3.7 bawah/sesuai"),
        pytest.param(B, B, Predikat.SANGAT_KURANG, id="§3.7 bawah/bawah"),
    ],
)
def test_predikat(hasil, perilaku, expected):
    assert predikat_kinerja(hasil, perilaku) is expected
    assert predikat_kinerja(hasil.value, perilaku.value) is expected


def test_matrix_covers_every_pair():
    assert set(PREDIKAT_KINERJA) == set(itertools.product(RatingKerja, RatingKerja))


@pytest.mark.parametrize(
    ("capaian", "rating"),
    [
        pytest.param(C.ISTIMEWA, A, id="regulasi.md §12.5 decision f Istimewa"),
        pytest.param(C.BAIK, S, id="§12.5 Baik"),
        pytest.param(C.BUTUH_PERBAIKAN, B, id="§12.5 Butuh Perbaikan"),
        pytest.param(C.KURANG, B, id="§12.5 Kurang"),
        pytest.param(C.SANGAT_KURANG, B, id="§12.5 Sangat Kurang"),
    ],
)
def test_rating_hasil_kerja_pimpinan(capaian, rating):
    assert rating_hasil_kerja_pimpinan(capaian) is rating


def test_rating_pimpinan_mapping_is_configurable():
    # decision f: "configurable"
    pemetaan = {c: S for c in C}
    assert rating_hasil_kerja_pimpinan(C.ISTIMEWA, pemetaan=pemetaan) is S


def _rhk(*spec):
    """spec: e.g. ("A", True) -> HasilRhk(A, utama=True)."""
    rating = {"A": A, "S": S, "B": B}
    return [HasilRhk(rating[r], u) for r, u in spec]


U, T = True, False


@pytest.mark.parametrize(
    ("hasil", "expected", "frasa"),
    [
        pytest.param(
            _rhk(("A", U), ("A", U), ("S", T)), A, "tidak ada hasil kerja utama", id="seed 002 3.b(1)a"
        ),
        pytest.param(_rhk(("A", U), ("A", U)), A, "Sebagian besar", id="seed 002 3.b(1)a seluruh"),
        pytest.param(
            _rhk(("A", U), ("A", U), ("A", T), ("B", U)),
            S,
            "sebagian kecil",
            id="seed 002 3.b(1)a utama bawah",
        ),
        pytest.param(
            _rhk(("A", U), ("A", T), ("A", T), ("B", U)),
            B,
            "Separuh atau lebih",
            id="§3.4 half the utama bawah",
        ),
        pytest.param(_rhk(("S", U), ("S", U), ("B", U)), S, "sebagian kecil", id="seed 002 3.b(2)a"),
        pytest.param(_rhk(("S", U), ("A", U)), S, "sesuai atau di atas", id="seed 002 3.b(2)a half di atas"),
        pytest.param(
            _rhk(("B", U), ("B", T), ("S", U)),
            B,
            "Sebagian besar hasil kerja di bawah",
            id="seed 002 3.b(3)a",
        ),
        pytest.param(_rhk(("S", U), ("B", U)), B, "Separuh atau lebih", id="regulasi.md §3.4 exactly half"),
        pytest.param(
            _rhk(("B", U), ("S", T), ("A", T)), B, "Separuh atau lebih", id="§3.4 only utama di bawah"
        ),
        pytest.param(_rhk(("S", U), ("B", T)), S, "sebagian kecil", id="§3.4 tambahan di bawah only"),
    ],
)
def test_saran_rating_hasil_kerja(hasil, expected, frasa):
    saran = saran_rating_hasil_kerja(hasil)
    assert saran.rating is expected
    assert frasa in saran.alasan
    assert f"dari {len(hasil)} hasil kerja" in saran.alasan


def test_saran_needs_a_hasil_kerja_utama():
    # regulasi.md §2.8: at least one hasil kerja utama
    with pytest.raises(ValueError, match="utama"):
        saran_rating_hasil_kerja(_rhk(("A", T)))
    with pytest.raises(ValueError):
        saran_rating_hasil_kerja([])
