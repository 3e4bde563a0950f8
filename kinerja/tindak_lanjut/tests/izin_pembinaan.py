"""Permission matrix of pembinaan, penghargaan and sanksi (collected by core's test_permissions).
Sekar's pembinaan (pembina Bawono) is seen by Sekar, Bawono, his atasan, the admin and the pimpinan of
the instansi; another instansi gets 404. Proposing is for pejabat penilai (anyone with a team);
penghargaan for the admin and pejabat penilai; sanksi for the admin only."""

from kinerja.core.tests.izin import _admin_only, _all

SEKAR = "199106112012062001"


def _pembinaan(demo, status="usulan"):
    from kinerja.tindak_lanjut.models import JenisPembinaan, Pembinaan

    sekar = demo[SEKAR]
    return Pembinaan.objects.create(
        pegawai=sekar,
        pembina=sekar.pejabat_penilai,
        jenis=JenisPembinaan.COACHING,
        status=status,
        permasalahan="Capaian di bawah ekspektasi",
    ).pk


# Every cast member but Sekar, Dimas (JF without a team) and Maya (outsider) evaluates someone.
_PENILAI = _all(200) | {"pegawai": 403, "outsider": 403}

MATRIX = {
    "tindak_lanjut:pembinaan-list": (None, _all(200)),
    "tindak_lanjut:pembinaan-tambah": (None, _PENILAI | {"analis_sdm": 403, "superadmin": 403}),
    "tindak_lanjut:pembinaan-detail": (lambda d: [_pembinaan(d)], _all(200) | {"outsider": 404}),
    "tindak_lanjut:pembinaan-pdf": (lambda d: [_pembinaan(d, "berjalan")], _all(200) | {"outsider": 404}),
    # POST-only: a GET is refused (405); POST rights in test_pembinaan_views.
    "tindak_lanjut:pembinaan-aksi": (lambda d: [_pembinaan(d)], _all(405)),
    "tindak_lanjut:penghargaan-list": (None, _all(200)),
    "tindak_lanjut:penghargaan-tambah": (None, _PENILAI),
    "tindak_lanjut:sanksi-list": (None, _all(200)),
    "tindak_lanjut:sanksi-tambah": (None, _admin_only()),
}
