"""Permission matrix of the SOP pages (collected by core's test_permissions). The run is Kebumen's,
started by the admin instansi (Dimas) with Sekar as pemohon: Sekar (assigned), the admin, the pimpinan
and the superadmin see it; her penilai and his atasan (not assigned) and the other instansi get 404."""

from kinerja.core.tests.izin import _all

SEKAR, DIMAS = "199106112012062001", "199503142019031004"


def _proses(demo):
    from kinerja.sop import services

    from .factories import sop_mini

    return services.mulai(
        sop_mini(), demo[DIMAS].instansi, 2027, penugasan={"pemohon": demo[SEKAR]}, by=demo[DIMAS].user
    )


def _dokumen(demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kinerja.pelaksanaan.tests.realisasi_contoh import PDF
    from kinerja.sop import services

    proses = _proses(demo)
    services.jalankan(
        proses,
        demo[SEKAR].user,
        dokumen={
            "Surat permohonan": ("", SimpleUploadedFile("surat.pdf", PDF)),
            "Formulir permohonan": ("Formulir", None),
        },
        penugasan={"pemeriksa": demo[DIMAS]},
    )
    return [proses.dokumen_set.get(nama="Surat permohonan").pk]


def _sop(demo):
    from .factories import sop_mini

    return [sop_mini().pk]


_TERLIBAT = _all(404) | {"pegawai": 200, "analis_sdm": 200, "pimpinan": 200, "superadmin": 200, "anonim": 302}

MATRIX = {
    "sop:daftar": (None, _all(200)),
    "sop:detail": (_sop, _all(200)),
    "sop:mulai": (_sop, _all(405)),
    "sop:proses": (lambda d: [_proses(d).pk], _TERLIBAT),
    "sop:langkah": (lambda d: [_proses(d).pk], _all(405)),
    "sop:dokumen": (_dokumen, _TERLIBAT),
}
