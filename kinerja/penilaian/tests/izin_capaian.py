"""Permission matrix of the capaian organisasi and distribution pages (GET without a query: each user's
default instansi, unit and this year's periods)."""

from kinerja.core.tests.izin import _all


def _periode_tahun_ini(demo):
    """The pages read this year by default; the Penetapan needs the year's periods to exist (in both demo
    instansi: the superadmin's default is the first instansi by name)."""
    from django.utils import timezone

    from kinerja.perencanaan import services

    for instansi in {p.instansi for p in demo.values()}:
        services.periode_tahun(instansi, timezone.localdate().year)
    return []


MATRIX = {
    # Everyone signed in: the units whose capaian they set, and their own unit read-only.
    "penilaian:capaian": (None, _all(200)),
    "penilaian:capaian-simpan": (None, _all(405)),  # POST-only; rights in test_capaian
    "penilaian:capaian-pola": (None, _all(200)),
    # The page explains when no unit is in reach; the document needs a unit in reach: the pimpinan of
    # a unit and those above, the admin instansi and the pimpinan role (a JF or pelaksana leads none).
    "penilaian:distribusi": (_periode_tahun_ini, _all(200)),
    "penilaian:penetapan-pdf": (_periode_tahun_ini, _all(200) | {"pegawai": 404, "outsider": 404}),
}
