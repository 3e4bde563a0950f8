"""Permission matrix of the IP ASN data (collected by core's test_permissions). Sekar's record waiting
for verification (from the demo data, with its data dukung) is seen by Sekar, her pejabat penilai and
the Analis SDM of her instansi; the Analis SDM manages every pegawai of his instansi."""

from kinerja.core.tests.izin import _admin_only, _all

SEKAR = "199106112012062001"


def _diajukan(demo):
    from kinerja.ipasn.demo import muat_demo_ipasn
    from kinerja.ipasn.models import PengembanganKompetensi, StatusData

    muat_demo_ipasn()
    obj = PengembanganKompetensi.objects.get(pegawai=demo[SEKAR], status=StatusData.DIAJUKAN)
    return ["kompetensi", obj.pk]


def _terlihat(owner=200, penilai=200):
    """Owner, his pejabat penilai and the admin of the instansi; others 404."""
    return _all(404) | {
        "anonim": 302,
        "pegawai": owner,
        "pejabat_penilai": penilai,
        "analis_sdm": 200,
        "superadmin": 200,
    }


MATRIX = {
    # The superadmin account is no pegawai: no "data saya".
    "ipasn:data-saya": (None, _all(200) | {"superadmin": 404}),
    "ipasn:data-tambah": (lambda d: ["pendidikan"], _all(200) | {"superadmin": 404}),
    "ipasn:data-ubah": (_diajukan, _terlihat(penilai=403)),
    "ipasn:data-berkas": (_diajukan, _terlihat()),
    "ipasn:data-pegawai-list": (None, _admin_only()),
    "ipasn:data-pegawai": (lambda d: [d[SEKAR].pk], _admin_only(outsider=404)),
    "ipasn:data-pegawai-tambah": (lambda d: [d[SEKAR].pk, "kompetensi"], _admin_only(outsider=404)),
    "ipasn:data-verifikasi": (None, _admin_only()),
    # POST-only: a GET is refused (405); POST rights in test_data_views.
    "ipasn:data-hapus": (_diajukan, _all(405)),
    "ipasn:data-verifikasi-aksi": (_diajukan, _all(405)),
}
