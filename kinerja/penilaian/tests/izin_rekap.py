"""Permission matrix of the predikat recap (GET without a query: each user's default unit this year).

The admin instansi, the pimpinan and the superadmin open any unit; the pimpinan of a unit opens their
own (Bawono: BKPSDM-IPKP, Amirudin: BKPSDM); a pegawai who leads no unit is refused with 403, the
outsider included (Maya leads no unit; a unit of another instansi answers 404, see test_rekap)."""

from kinerja.core.tests.izin import _all

REKAP = _all(200) | {"pegawai": 403, "outsider": 403}

MATRIX = {
    "penilaian:rekap": (None, REKAP),
    "penilaian:rekap-xlsx": (None, REKAP),
}
