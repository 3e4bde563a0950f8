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


@pytest.mark.django_db
@pytest.mark.parametrize("nip", ["199106112012062001", "196804241998031011"], ids=["ja_jf", "jpt"])
def test_skp_pdf_text(cast, demo, client_as, nip):
    pegawai = demo[nip]
    skp = services.buka_skp(pegawai=pegawai, periode=services.periode_tahun(pegawai.instansi, 2027))
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
