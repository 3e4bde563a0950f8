"""Seed 001 run by the SOP engine through the services, with its system actions: the IP ASN data at
steps 2, 5 and 8 (XLSX, stages draf, awal, tervalidasi) and the Nota Dinas Laporan Capaian IP ASN at
step 9 (PDF holding the instansi's IP ASN and category, addressed from the run's Kepala Bagian Umum to
its Sekretaris)."""

import io
import shutil
import subprocess

import openpyxl
import pytest

from kinerja.dokumen.pdf_ip_asn import angka
from kinerja.ipasn.models import PerhitunganIpAsn
from kinerja.ipasn.sop_001 import KODE
from kinerja.penilaian.workflow import WorkflowError
from kinerja.sop import services
from kinerja.sop.models import DokumenProses, ProsesSop, Sop

IDA, RUDI, NURUL, FAJAR = (
    "196801081992012001",
    "197607152002121003",
    "198805202011012004",
    "199309092015031002",
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _langkah(proses, nip, demo, dokumen=(), penugasan=None, jenis="jalankan", catatan=""):
    proses = ProsesSop.objects.get(pk=proses.pk)
    user = demo[nip].user
    docs = {nama: (f"Isi {nama}", None) for nama in dokumen}
    if jenis == "setujui":
        return services.setujui(proses, user, dokumen=docs, catatan=catatan)
    if jenis == "kembalikan":
        return services.kembalikan(proses, user, catatan=catatan)
    return services.jalankan(proses, user, dokumen=docs, penugasan=penugasan or {}, catatan=catatan)


def jalankan_sop_001(demo, tahun=2027) -> ProsesSop:
    """The whole of seed 001 with one return at step 6 (the browser test does it through the pages)."""
    sop = Sop.objects.get(kode=KODE)
    proses = services.mulai(sop, demo[IDA].instansi, tahun, by=demo[IDA].user)
    _langkah(
        proses,
        IDA,
        demo,
        ["Surat Kepala Biro SDM hal Rekonsiliasi Data IP ASN", "Disposisi kepada Kepala Bagian Umum"],
        {"kepala_bagian_umum": demo[RUDI]},
    )
    _langkah(
        proses,
        RUDI,
        demo,
        ["Disposisi kepada Analis SDM Aparatur"],
        {"analis_sdm": demo[NURUL], "tata_usaha": demo[FAJAR]},
    )
    _langkah(proses, NURUL, demo, ["Konsep Undangan Rapat"])
    _langkah(proses, RUDI, demo, ["Undangan Rapat"])
    _langkah(proses, RUDI, demo, ["Notula Rapat hasil rekonsiliasi data capaian IP ASN"])
    konsep = ["Konsep nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN"]
    _langkah(proses, NURUL, demo, konsep)
    _langkah(proses, RUDI, demo, jenis="kembalikan", catatan="Lengkapi rekap per unit.")
    _langkah(proses, NURUL, demo, konsep)
    _langkah(
        proses,
        RUDI,
        demo,
        ["Nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN"],
        jenis="setujui",
    )
    _langkah(proses, IDA, demo, ["Disposisi rekonsiliasi dengan Biro SDM"], jenis="setujui")
    _langkah(proses, RUDI, demo, ["Notula Rapat validasi"])
    _langkah(proses, NURUL, demo)
    _langkah(proses, RUDI, demo, ["Nota Dinas Laporan Capaian IP ASN"], jenis="setujui")
    _langkah(proses, IDA, demo, ["Arahan/disposisi"])
    _langkah(proses, FAJAR, demo, ["Arsip"])
    return ProsesSop.objects.get(pk=proses.pk)


def _teks_pdf(isi: bytes, tmp_path) -> str:
    path = tmp_path / "laporan.pdf"
    path.write_bytes(isi)
    out = subprocess.run([shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def test_seed_001_runs_to_the_archive_with_its_documents(demo, tmp_path):
    proses = jalankan_sop_001(demo)
    assert proses.status == "selesai"
    tahap = list(
        PerhitunganIpAsn.objects.filter(instansi=proses.instansi, tahun=2027)
        .order_by("id")
        .values_list("tahap", flat=True)
    )
    assert tahap == ["draf", "awal", "awal", "tervalidasi"]  # step 5 was done twice (the return)
    for nama in (
        "Data capaian IP ASN",
        "Data awal capaian IP ASN",
        "Data capaian IP ASN hasil validasi dengan Biro SDM",
    ):
        doc = DokumenProses.objects.filter(proses=proses, nama=nama).last()
        wb = openpyxl.load_workbook(io.BytesIO(doc.berkas.read()))
        assert wb.sheetnames and doc.jenis_berkas.endswith("spreadsheetml.sheet")
    validasi = PerhitunganIpAsn.objects.get(instansi=proses.instansi, tahun=2027, tahap="tervalidasi")
    laporan = DokumenProses.objects.get(proses=proses, nama="Konsep Nota Dinas Laporan Capaian IP ASN")
    assert laporan.jenis_berkas == "application/pdf"
    teks = _teks_pdf(laporan.berkas.read(), tmp_path)
    assert angka(validasi.nilai) in teks and validasi.kategori in teks
    assert demo[RUDI].nama in teks  # signed by the run's Kepala Bagian Umum
    assert angka(validasi.nilai) in laporan.teks


def test_report_needs_validated_data(demo):
    """Step 9's action refuses when no validated computation exists; the step is not taken."""
    from kinerja.ipasn.sop_aksi import laporan

    sop = Sop.objects.get(kode=KODE)
    proses = services.mulai(sop, demo[IDA].instansi, 2030, by=demo[IDA].user)
    with pytest.raises(WorkflowError, match="tervalidasi"):
        laporan(proses, None, demo[NURUL].user)
