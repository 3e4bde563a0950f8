"""Permission matrix of the angka kredit pages (H3): Sekar (JF Ahli Muda) is seen by herself, her
pejabat penilai, his atasan, the admin and the pimpinan of the instansi; another instansi gets 404.
The AK awal form is the admin instansi's; a new koefisien version the superadmin's."""

from kinerja.core.tests.izin import _admin_only, _all

SEKAR = "199106112012062001"


def _sekar(demo):
    return [demo[SEKAR].pk]


def _sekar_tahun(demo):
    from .ak_factories import BAIK, final_dan_kirim

    final_dan_kirim(demo[SEKAR], tahun=2027, rating=BAIK)
    return [demo[SEKAR].pk, 2027]


def _penilaian(demo):
    from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui

    return [penilaian_dengan(skp_disetujui(demo[SEKAR]), final=True).pk]


MATRIX = {
    "tindak_lanjut:ak-saya": (None, _all(200)),
    "tindak_lanjut:ak-pegawai": (_sekar, _all(200) | {"outsider": 404}),
    "tindak_lanjut:ak-pdf": (_sekar_tahun, _all(200) | {"outsider": 404}),
    "tindak_lanjut:ak-awal": (_sekar, _admin_only(outsider=404)),
    # POST-only: a GET is refused (405); POST rights in test_ak_views.
    "tindak_lanjut:ak-konversi": (_penilaian, _all(405)),
    "tindak_lanjut:ak-koefisien": (None, _all(200)),
    "tindak_lanjut:ak-koefisien-tambah": (None, _all(403) | {"superadmin": 200, "anonim": 302}),
    # The recap: admin and pimpinan for their instansi, a pejabat penilai for his team.
    "tindak_lanjut:ak-rekap-xlsx": (
        None,
        _all(403)
        | {
            "pejabat_penilai": 200,
            "atasan_pejabat_penilai": 200,
            "analis_sdm": 200,
            "pimpinan": 200,
            "superadmin": 200,
        },
    ),
}
