"""Permission matrix of the IP ASN results (collected by core's test_permissions): the overview, unit
pages and the Laporan belong to the admin and pimpinan of the instansi (403 for the other pegawai of
the instansi, 404 for another instansi); a pegawai's result is seen by the pegawai, the penilai, the
atasan, the admin and the pimpinan."""

from kinerja.core.tests.izin import _all

SEKAR = "199106112012062001"


def _perhitungan(demo):
    from kinerja.ipasn.perhitungan import hitung_ip_asn

    return hitung_ip_asn(demo[SEKAR].instansi, 2027)


def _pk(demo):
    return [_perhitungan(demo).pk]


def _unit(demo):
    from kinerja.organisasi.models import UnitKerja

    return [_perhitungan(demo).pk, UnitKerja.objects.get(kode="BKPSDM").pk]


def _hasil_sekar(demo):
    from kinerja.ipasn.models import HasilIpAsn

    return [HasilIpAsn.objects.get(perhitungan=_perhitungan(demo), pegawai=demo[SEKAR]).pk]


PENGELOLA = _all(403) | {"analis_sdm": 200, "pimpinan": 200, "superadmin": 200}

MATRIX = {
    "ipasn:hasil": (None, PENGELOLA),
    "ipasn:hasil-unit": (_unit, PENGELOLA | {"outsider": 404}),
    "ipasn:hasil-pegawai": (_hasil_sekar, _all(200) | {"outsider": 404}),
    "ipasn:hasil-saya": (None, _all(200)),
    "ipasn:laporan-pdf": (_pk, PENGELOLA | {"outsider": 404}),
    "ipasn:laporan-xlsx": (_pk, PENGELOLA | {"outsider": 404}),
    # POST-only: a GET is refused (405); POST rights in test_hasil.
    "ipasn:hasil-hitung": (None, _all(405)),
}
