"""Laporan hasil pembinaan kinerja pegawai (seed 000 step 6 output; regulasi.md §3.11): the pegawai
and the pembina, the evaluation the pembinaan follows, the problem, the aim, each session with its
agreements, the result, the re-evaluation and the rekomendasi, signed by both.

selector (`tindak_lanjut.selectors_pembinaan.pembinaan_detail`) → `LaporanPembinaan` → PDF.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone, translation

from kinerja.penilaian.services import nama_periode

from .pdf import render_pdf
from .pdf_evaluasi import Identitas, _identitas


@dataclass(frozen=True)
class Sesi:
    tanggal: date
    topik: str
    catatan: str
    kesepakatan: str
    target_tanggal: date | None


@dataclass(frozen=True)
class LaporanPembinaan:
    instansi: str
    jenis: str
    status: str
    pegawai: Identitas
    pembina: Identitas
    periode: str  # the evaluation followed, or "-"
    predikat: str
    permasalahan: str
    tujuan: str
    tanggal_mulai: date | None
    tanggal_selesai: date | None
    sesi: list[Sesi]
    hasil: str
    evaluasi_ulang: str
    catatan_evaluasi_ulang: str
    rekomendasi: str
    kota: str
    tanggal: date


def laporan_pembinaan(p, sesi) -> LaporanPembinaan:
    """The report's data from a pembinaan loaded by `pembinaan_detail` (identities joined)."""
    penilaian = p.penilaian
    instansi = p.pegawai.instansi
    return LaporanPembinaan(
        instansi=instansi.nama,
        jenis=p.get_jenis_display(),
        status=p.get_status_display(),
        pegawai=_identitas(p.pegawai),
        pembina=_identitas(p.pembina),
        periode=nama_periode(penilaian.periode, penilaian.jadwal) if penilaian else "-",
        predikat=penilaian.get_predikat_display() if penilaian else "-",
        permasalahan=p.permasalahan,
        tujuan=p.tujuan,
        tanggal_mulai=p.tanggal_mulai,
        tanggal_selesai=p.tanggal_selesai,
        sesi=[Sesi(s.tanggal, s.topik, s.catatan, s.kesepakatan, s.target_tanggal) for s in sesi],
        hasil=p.hasil,
        evaluasi_ulang=p.get_evaluasi_ulang_display(),
        catatan_evaluasi_ulang=p.catatan_evaluasi_ulang,
        rekomendasi=p.rekomendasi,
        kota=instansi.kota,
        tanggal=p.tanggal_selesai or timezone.localdate(),
    )


def nama_berkas_laporan(p) -> str:
    """`LaporanPembinaan_<nip>_<id>.pdf`."""
    return f"LaporanPembinaan_{p.pegawai.nip}_{p.pk}.pdf"


def laporan_pembinaan_pdf(p, sesi) -> bytes:
    """The official document is written in Indonesian whatever the user's language."""
    with translation.override("id"):
        return render_pdf("dokumen/laporan_pembinaan.html", {"d": laporan_pembinaan(p, sesi)})
