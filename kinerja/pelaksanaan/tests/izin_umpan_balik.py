"""Permission matrix of the umpan balik pages (collected by kinerja/core/tests/test_permissions.py).

Sekar's approved SKP: she (pegawai), her penilai Bawono, his atasan Amirudin, the admin Dimas, the
pimpinan and the superadmin may see its history; Maya (another instansi) gets 404. A request is seen
only by the person asked (here Dimas, as analis_sdm); POST-only endpoints answer 405 to GET."""

from kinerja.core.tests.izin import _all

SEKAR, DIMAS = "199106112012062001", "199503142019031004"


def _skp(demo):
    from kinerja.penilaian.tests.factories import skp_disetujui
    from kinerja.perencanaan.workflow import StatusSkp

    sekar = demo[SEKAR]
    return sekar.skp_set.filter(status=StatusSkp.DISETUJUI).first() or skp_disetujui(sekar)


def _permintaan(demo):
    from kinerja.pelaksanaan.models import PermintaanUmpanBalik

    skp = _skp(demo)
    return PermintaanUmpanBalik.objects.get_or_create(
        skp=skp, diminta=demo[DIMAS], rhk=skp.rhk_set.first(), defaults={"pesan": "Mohon umpan balik"}
    )[0]


def _umpan_balik(demo):
    from kinerja.pelaksanaan.models import PeranPemberi, UmpanBalik

    skp = _skp(demo)
    return UmpanBalik.objects.get_or_create(
        skp=skp, pemberi=skp.pejabat_penilai, peran=PeranPemberi.PIMPINAN, nilai_berakhlak=0, isi="Bagus"
    )[0]


MATRIX = {
    "pelaksanaan:umpan-balik": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "pelaksanaan:umpan-balik-beri": (lambda d: [_skp(d).pk], _all(405)),
    "pelaksanaan:umpan-balik-minta": (lambda d: [_skp(d).pk], _all(405)),
    "pelaksanaan:umpan-balik-hapus": (lambda d: [_umpan_balik(d).pk], _all(405)),
    # Colleagues of the user's own instansi (empty for an account without a pegawai).
    "pelaksanaan:umpan-balik-cari": (None, _all(200)),
    "pelaksanaan:permintaan-list": (None, _all(200)),
    "pelaksanaan:permintaan-jawab": (lambda d: [_permintaan(d).pk], _all(404) | {"analis_sdm": 200}),
    "pelaksanaan:permintaan-tolak": (lambda d: [_permintaan(d).pk], _all(405)),
}
