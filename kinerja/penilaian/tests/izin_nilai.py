"""Permission matrix of the rating pages (collected by core's test_permissions): Sekar's approved SKP in
triwulan I 2027 before anyone rated it. Her pejabat penilai edits; his atasan, the admin and the pimpinan
of the instansi read; Sekar herself sees it only once it is final (404 while draft); another instansi 404."""

from kinerja.core.tests.izin import _all

SEKAR = "199106112012062001"
DILIHAT = _all(200) | {"pegawai": 404, "outsider": 404}


def _skp_triwulan(demo):
    from .factories import skp_disetujui

    return [skp_disetujui(demo[SEKAR]).pk, 1]


MATRIX = {
    # Everyone signed in: the team of whoever they rate (an empty team explains itself).
    "penilaian:tim": (None, _all(200)),
    "penilaian:finalisasi": (None, _all(405)),  # POST-only; rights in test_nilai_views and test_finalisasi
    "penilaian:nilai": (_skp_triwulan, DILIHAT),
    "penilaian:saran": (_skp_triwulan, DILIHAT),  # htmx fragment of the rating page
}
