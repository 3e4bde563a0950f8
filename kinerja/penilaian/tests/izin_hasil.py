"""Permission matrix of the evaluation results and the keberatan (collected by core's test_permissions):
Sekar's final penilaian is seen by Sekar, her pejabat penilai, his atasan, the admin and the pimpinan of
the instansi; another instansi gets 404."""

from django.utils import timezone

from kinerja.core.tests.izin import _all

SEKAR = "199106112012062001"


def _final(demo):
    from .factories import penilaian_dengan, skp_disetujui

    return penilaian_dengan(skp_disetujui(demo[SEKAR]), final=True, diterima=timezone.now())


def _penilaian(demo):
    return [_final(demo).pk]


def _keberatan(demo):
    from kinerja.penilaian.models import Keberatan

    p = _final(demo)
    k = Keberatan.objects.create(penilaian=p, atasan=p.atasan_pejabat_penilai, alasan="Alasan keberatan")
    return [k.pk]


MATRIX = {
    "penilaian:saya": (None, _all(200)),
    "penilaian:hasil": (_penilaian, _all(200) | {"outsider": 404}),
    "penilaian:pdf": (_penilaian, _all(200) | {"outsider": 404}),
    "penilaian:keberatan-list": (None, _all(200)),
    "penilaian:keberatan-detail": (_keberatan, _all(200) | {"outsider": 404}),
    # POST-only: a GET is refused (405); POST rights in test_hasil.
    "penilaian:terima": (_penilaian, _all(405)),
    "penilaian:keberatan-ajukan": (_penilaian, _all(405)),
    "penilaian:keberatan-aksi": (_keberatan, _all(405)),
}
