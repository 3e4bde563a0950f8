"""Pejabat penilai and atasan pejabat penilai (regulasi.md §1.5, seed 004, decision i; vectors §12.9)."""

import pytest

from kinerja.aturan import pejabat_penilai

# seed 004: Sekar Satiti -> Bawono Andi Widodo (Kabid) -> H. Moh Amirudin (Kepala BKPSDM)
# -> H. Ahmad Ujang Sugiono (Sekretaris Daerah) -> Bupati
ATASAN_LANGSUNG = {
    "199106112012062001": "198103021999121001",
    "198103021999121001": "196804241998031011",
    "196804241998031011": "196411171992011002",
    "196411171992011002": None,
}

VEKTOR_PENILAI = [
    pytest.param(
        "199106112012062001", "198103021999121001", "196804241998031011", id="§12.9 JF -> Kabid -> Kepala"
    ),
    pytest.param(
        "198103021999121001", "196804241998031011", "196411171992011002", id="§12.9 Kabid -> Kepala -> Sekda"
    ),
    pytest.param("196804241998031011", "196411171992011002", "BUPATI", id="§12.9 Kepala -> Sekda -> Bupati"),
    pytest.param("196411171992011002", "BUPATI", "BUPATI", id="§12.9 Sekda -> Bupati -> Bupati (top)"),
]


@pytest.mark.parametrize(("pegawai", "penilai", "atasan"), VEKTOR_PENILAI)
def test_pejabat_penilai(pegawai, penilai, atasan):
    assert pejabat_penilai(pegawai, ATASAN_LANGSUNG) == (penilai, atasan)


def test_puncak_is_configurable():
    # regulasi.md §1.5 provinsi table: the Gubernur at the top
    assert pejabat_penilai("x", {"x": "y"}, puncak="GUBERNUR") == ("y", "GUBERNUR")
