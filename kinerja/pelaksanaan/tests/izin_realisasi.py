"""Permission matrix of the realisasi pages (collected by kinerja/core/tests/test_permissions.py).

Sekar's approved SKP is seen by Sekar, her penilai (Bawono) and atasan (Amirudin), the admin instansi
(Dimas) and the pimpinan; the outsider (another instansi) gets 404. POST rights are in
test_realisasi_views.
"""

from kinerja.core.tests.izin import _all

SEKAR = "199106112012062001"


def _skp(demo):
    from kinerja.penilaian.tests.factories import skp_disetujui
    from kinerja.perencanaan.workflow import StatusSkp

    sekar = demo[SEKAR]
    return sekar.skp_set.filter(status=StatusSkp.DISETUJUI).first() or skp_disetujui(sekar)


def _realisasi(demo):
    from kinerja.pelaksanaan.models import Realisasi
    from kinerja.perencanaan.models import JadwalPeriode

    skp = _skp(demo)
    indikator = skp.rhk_set.first().indikator_set.first()
    jadwal = JadwalPeriode.objects.get(periode=skp.periode, nomor=1)
    return Realisasi.objects.get_or_create(indikator=indikator, jadwal=jadwal, defaults={"nilai": 3})[0]


def _tautan(demo):
    """A link bukti: its download answers with a redirect to the link for whoever may see the SKP."""
    from kinerja.pelaksanaan.models import BuktiDukung

    return BuktiDukung.objects.create(
        realisasi=_realisasi(demo), tautan="https://example.go.id/laporan", nama="Laporan"
    )


def _rencana_aksi(demo):
    from kinerja.pelaksanaan.models import RencanaAksi

    r = _realisasi(demo)
    return RencanaAksi.objects.create(rhk=r.indikator.rhk, jadwal=r.jadwal, uraian="Menyusun", target="1")


SEEN = _all(200) | {"outsider": 404}

MATRIX = {
    "pelaksanaan:skp": (lambda d: [_skp(d).pk], SEEN),
    "pelaksanaan:periode": (lambda d: [_skp(d).pk, 1], SEEN),
    "pelaksanaan:bukti-unduh": (lambda d: [_tautan(d).pk], _all(302) | {"outsider": 404}),
    # POST-only: a GET is refused (405) before anything is looked up.
    "pelaksanaan:rencana-aksi-simpan": (lambda d: [_skp(d).pk, 1], _all(405)),
    "pelaksanaan:rencana-aksi-hapus": (lambda d: [_rencana_aksi(d).pk], _all(405)),
    "pelaksanaan:realisasi-simpan": (
        lambda d: [_skp(d).pk, 1, _realisasi(d).indikator_id],
        _all(405),
    ),
    "pelaksanaan:bukti-unggah": (lambda d: [_realisasi(d).pk], _all(405)),
    "pelaksanaan:bukti-hapus": (lambda d: [_tautan(d).pk], _all(405)),
}
