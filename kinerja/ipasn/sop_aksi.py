"""The system actions of seed 001's steps (``kinerja/ipasn/sop_001.py``), registered with the SOP
engine: step 2 computes the IP ASN data, step 5 marks the initial data after the internal meeting,
step 8 the data validated with Biro SDM, and step 9 drafts the Nota Dinas Laporan Capaian IP ASN
(PDF) from the validated data. Each returns the documents the step produces."""

from django.utils.translation import gettext as _

from kinerja.dokumen.pdf_ip_asn import angka, laporan_ip_asn_pdf
from kinerja.penilaian.workflow import WorkflowError
from kinerja.sop.aksi import DokumenAksi, register

from .laporan_xlsx import laporan_ip_asn_xlsx
from .models import PerhitunganIpAsn
from .perhitungan import hitung_ip_asn

DATA = "Data capaian IP ASN"
DATA_AWAL = "Data awal capaian IP ASN"
DATA_VALIDASI = "Data capaian IP ASN hasil validasi dengan Biro SDM"
KONSEP_LAPORAN = "Konsep Nota Dinas Laporan Capaian IP ASN"


def _ringkas(p: PerhitunganIpAsn) -> str:
    return _("IP ASN %(nilai)s (%(kategori)s), %(n)s pegawai, tabel %(tabel)s, tahap %(tahap)s.") % {
        "nilai": angka(p.nilai),
        "kategori": p.kategori,
        "n": p.jumlah_pegawai,
        "tabel": p.tabel.versi,
        "tahap": p.get_tahap_display(),
    }


def _data(proses, by, tahap: str, nama: str, berkas: str) -> list[DokumenAksi]:
    p = hitung_ip_asn(proses.instansi, proses.tahun, tahap=tahap, by=by)
    return [DokumenAksi(nama, _ringkas(p), laporan_ip_asn_xlsx(p), f"{berkas}_{proses.tahun}.xlsx")]


@register("hitung_ip_asn", menghasilkan=[DATA])
def hitung(proses, jejak, by) -> list[DokumenAksi]:
    return _data(proses, by, PerhitunganIpAsn.Tahap.DRAF, DATA, "data_capaian_ip_asn")


@register("data_awal_ip_asn", menghasilkan=[DATA_AWAL])
def data_awal(proses, jejak, by) -> list[DokumenAksi]:
    return _data(proses, by, PerhitunganIpAsn.Tahap.AWAL, DATA_AWAL, "data_awal_ip_asn")


@register("validasi_ip_asn", menghasilkan=[DATA_VALIDASI])
def validasi(proses, jejak, by) -> list[DokumenAksi]:
    return _data(proses, by, PerhitunganIpAsn.Tahap.TERVALIDASI, DATA_VALIDASI, "data_ip_asn_tervalidasi")


def _jabatan(pegawai) -> str:
    return str(pegawai.jabatan) if pegawai is not None and pegawai.jabatan_id else ""


@register("laporan_ip_asn", menghasilkan=[KONSEP_LAPORAN])
def laporan(proses, jejak, by) -> list[DokumenAksi]:
    """The report of the latest validated computation of the run's year, addressed by the Kepala
    Bagian Umum to the Sekretaris of the run."""
    p = (
        PerhitunganIpAsn.objects.filter(
            instansi=proses.instansi, tahun=proses.tahun, tahap=PerhitunganIpAsn.Tahap.TERVALIDASI
        )
        .select_related("instansi", "tabel")
        .order_by("-created_at", "-id")
        .first()
    )
    if p is None:
        raise WorkflowError(
            _("Belum ada data capaian IP ASN tervalidasi untuk tahun %(t)s.") % {"t": proses.tahun}
        )
    pelaksana = {x.peran: x.pegawai for x in proses.pelaksana_set.select_related("pegawai__jabatan").all()}
    sekretaris, kabag = pelaksana.get("sekretaris"), pelaksana.get("kepala_bagian_umum")
    nota = {}
    if _jabatan(sekretaris):
        nota["kepada"] = _jabatan(sekretaris)
    if kabag is not None:
        nota["penandatangan"] = kabag
        if _jabatan(kabag):
            nota["dari"] = _jabatan(kabag)
    isi = laporan_ip_asn_pdf(p, nota=nota)
    return [DokumenAksi(KONSEP_LAPORAN, _ringkas(p), isi, f"laporan_capaian_ip_asn_{proses.tahun}.pdf")]
