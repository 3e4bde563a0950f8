"""Permission matrix of the usulan pengembangan kompetensi and their Nota Dinas (collected by core's
test_permissions). Sekar's usulan, made by her pejabat penilai Bawono: seen by whoever sees Sekar, changed
only by Bawono; his Nota Dinas: seen by him and the admin and pimpinan of the instansi; another
instansi gets 404. The superadmin has no pegawai record, so he cannot propose (403)."""

from kinerja.core.tests.izin import _all

SEKAR, BAWONO = "199106112012062001", "198103021999121001"


def _usulan(demo):
    from kinerja.tindak_lanjut.models import JenisPengembangan, UsulanPengembangan

    return UsulanPengembangan.objects.create(
        pegawai=demo[SEKAR],
        tahun=2027,
        jenis=JenisPengembangan.PELATIHAN_TEKNIS,
        nama_kegiatan="Pelatihan analisis jabatan",
        jp=40,
        alasan="Kesenjangan kompetensi analisis jabatan",
        diusulkan_oleh=demo[BAWONO].user,
    )


def _usulan_pk(demo):
    return [_usulan(demo).pk]


def _nota_pk(demo):
    from kinerja.tindak_lanjut.models import NotaDinasUsulan

    bawono = demo[BAWONO]
    nota = NotaDinasUsulan.objects.create(
        instansi=bawono.instansi,
        unit_kerja=bawono.unit_kerja,
        tahun=2027,
        kepada="Kepala Bidang Pengembangan Kompetensi",
        pengirim=bawono,
    )
    u = _usulan(demo)
    u.nota_dinas = nota
    u.save()
    return [nota.pk]


_PENGELOLA = {"analis_sdm": 200, "pimpinan": 200, "superadmin": 200}
_NOTA_LIHAT = _all(404) | {"pejabat_penilai": 200} | _PENGELOLA

MATRIX = {
    "tindak_lanjut:usulan-list": (None, _all(200)),
    "tindak_lanjut:usulan-create": (None, _all(200) | {"superadmin": 403}),
    "tindak_lanjut:usulan-edit": (_usulan_pk, _all(403) | {"pejabat_penilai": 200, "outsider": 404}),
    "tindak_lanjut:nota-list": (None, _all(200)),
    "tindak_lanjut:nota-create": (None, _all(200) | {"superadmin": 403}),
    "tindak_lanjut:nota-detail": (_nota_pk, _NOTA_LIHAT),
    "tindak_lanjut:nota-edit": (_nota_pk, _NOTA_LIHAT | dict.fromkeys(_PENGELOLA, 403)),
    "tindak_lanjut:nota-pdf": (_nota_pk, _NOTA_LIHAT),
    # POST-only: a GET is refused (405); POST rights in test_usulan*.
    "tindak_lanjut:usulan-hapus": (_usulan_pk, _all(405)),
    "tindak_lanjut:usulan-tolak": (_usulan_pk, _all(405)),
    "tindak_lanjut:nota-kirim": (_nota_pk, _all(405)),
    "tindak_lanjut:nota-hapus": (_nota_pk, _all(405)),
}
