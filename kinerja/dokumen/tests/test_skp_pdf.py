"""The SKP PDF holds the pegawai's name, NIP and every rencana hasil kerja (read back with pdftotext)."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from kinerja.perencanaan import services
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja


def pdftotext(data: bytes) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: `make test` installs Debian's poppler-utils")
    return subprocess.run(
        [exe, "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def halaman(data: bytes) -> str:
    """pdfinfo's "Page size" line of the first page, e.g. "841.89 x 595.276 pts (A4)"."""
    out = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return next(line for line in out.splitlines() if line.startswith("Page size"))


FORMAT = [
    # (NIP, pendekatan, landscape?, a line only that layout prints) — seed 002's four SKP formats
    ("199106112012062001", "kuantitatif", True, "PIMPINAN YANG DIINTERVENSI"),
    ("199106112012062001", "kualitatif", False, "Ukuran keberhasilan/ indikator kinerja individu dan Target"),
    ("196804241998031011", "kuantitatif", False, "PERSPEKTIF"),
    ("196804241998031011", "kualitatif", False, "Indikator Kinerja Individu, Target, dan Perspektif"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nip", "pendekatan", "landscape", "khas"), FORMAT, ids=[f"{n[:4]}-{p}" for n, p, _l, _k in FORMAT]
)
def test_skp_pdf_text(cast, demo, client_as, nip, pendekatan, landscape, khas):
    pegawai = demo[nip]
    skp = services.buka_skp(
        pegawai=pegawai, periode=services.periode_tahun(pegawai.instansi, 2027), pendekatan=pendekatan
    )
    uraian = ["Terevaluasinya pelaksanaan promosi ASN", "Tersusunnya profil kompetensi pegawai"]
    for i, teks in enumerate(uraian):
        rhk = RencanaHasilKerja.objects.create(skp=skp, uraian=teks, jenis="utama" if i == 0 else "tambahan")
        IndikatorKinerjaIndividu.objects.create(
            rhk=rhk, uraian="Persentase", target_teks="100 %", perspektif="anggaran"
        )
    response = client_as(pegawai.user).get(reverse("perencanaan:skp-pdf", args=[skp.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdftotext(response.content).split())
    assert pegawai.nama in text and pegawai.nip_tertulis in text
    for teks in uraian:
        assert teks in text
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in text and "Berorientasi Pelayanan" in text
    assert khas in text and "100 %" in text
    width, height = (float(x) for x in halaman(response.content).split()[2:5:2])
    assert (width > height) is landscape
