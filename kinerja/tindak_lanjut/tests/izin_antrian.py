"""Permission matrix of the Analis SDM's queue (collected by core's test_permissions): only the admin
instansi (and the superadmin) open it; everyone else is refused (403)."""

from kinerja.core.tests.izin import _admin_only, _all


def _kiriman_pk(demo):
    from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
    from kinerja.tindak_lanjut.kiriman import kirim_dokumen_evaluasi

    p = penilaian_dengan(skp_disetujui(demo["199106112012062001"]), final=True)
    return [kirim_dokumen_evaluasi([p])[0].pk]


MATRIX = {
    "tindak_lanjut:antrian": (None, _admin_only()),
    # POST-only: a GET is refused (405); POST rights in test_antrian.
    "tindak_lanjut:antrian-catat": (None, _all(405)),
    "tindak_lanjut:antrian-teruskan": (_kiriman_pk, _all(405)),
}
