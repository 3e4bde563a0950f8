"""Every (status, action) pair of the SKP workflow, allowed and forbidden (seed 003; seed 002)."""

import pytest

from kinerja.perencanaan.workflow import TRANSISI, Aksi, Peran, StatusSkp, TransisiDitolak, tujuan

ALLOWED = {
    (StatusSkp.DRAF, Aksi.AJUKAN): (StatusSkp.DIAJUKAN, Peran.PEGAWAI),
    (StatusSkp.DIKEMBALIKAN, Aksi.AJUKAN): (StatusSkp.DIAJUKAN, Peran.PEGAWAI),
    (StatusSkp.DIAJUKAN, Aksi.SETUJUI): (StatusSkp.DISETUJUI, Peran.PENILAI),
    (StatusSkp.DIAJUKAN, Aksi.KEMBALIKAN): (StatusSkp.DIKEMBALIKAN, Peran.PENILAI),
    (StatusSkp.DISETUJUI, Aksi.REVISI): (StatusSkp.DISETUJUI, Peran.PEGAWAI),
    (StatusSkp.DRAF, Aksi.TUTUP): (StatusSkp.DITUTUP, Peran.ADMIN),
    (StatusSkp.DIAJUKAN, Aksi.TUTUP): (StatusSkp.DITUTUP, Peran.ADMIN),
    (StatusSkp.DIKEMBALIKAN, Aksi.TUTUP): (StatusSkp.DITUTUP, Peran.ADMIN),
    (StatusSkp.DISETUJUI, Aksi.TUTUP): (StatusSkp.DITUTUP, Peran.ADMIN),
}
PAIRS = [(s, a, p) for s in StatusSkp for a in Aksi for p in Peran]


def test_table_is_the_documented_one():
    assert {k: (v[0], next(iter(v[1]))) for k, v in TRANSISI.items()} == ALLOWED


@pytest.mark.parametrize(("status", "aksi", "peran"), PAIRS, ids=[f"{s}-{a}-{p}" for s, a, p in PAIRS])
def test_every_status_action_role(status, aksi, peran):
    expected = ALLOWED.get((status, aksi))
    if expected is not None and expected[1] is peran:
        assert tujuan(status, aksi, {peran}) is expected[0]
    else:
        with pytest.raises(TransisiDitolak) as e:
            tujuan(status, aksi, {peran})
        assert str(e.value)  # an Indonesian sentence for the user


def test_messages_say_why():
    with pytest.raises(TransisiDitolak, match="disetujui tidak dapat diajukan"):
        tujuan(StatusSkp.DISETUJUI, Aksi.AJUKAN, {Peran.PEGAWAI})
    with pytest.raises(TransisiDitolak, match="Hanya pejabat penilai kinerja"):
        tujuan(StatusSkp.DIAJUKAN, Aksi.SETUJUI, {Peran.PEGAWAI})
