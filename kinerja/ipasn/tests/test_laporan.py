"""Laporan Capaian IP ASN: the PDF text (value and category, Nota Dinas fields) and the XLSX sheets."""

import io
import subprocess
from datetime import date

from openpyxl import load_workbook

from kinerja.dokumen.pdf_ip_asn import angka, laporan_ip_asn_pdf
from kinerja.ipasn.laporan_xlsx import laporan_ip_asn_xlsx
from kinerja.ipasn.models import HasilIpAsn
from kinerja.ipasn.perhitungan import hitung_ip_asn

IDA = "196801081992012001"  # ESDM, seed 001
RUDI = "197607152002121003"  # Kepala Bagian Umum


def _teks(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def test_pdf_memuat_nilai_kategori_dan_nota_dinas(demo):
    instansi = demo[IDA].instansi
    hitung_ip_asn(instansi, 2026, tahap="tervalidasi")
    p = hitung_ip_asn(instansi, 2027, tahap="tervalidasi")
    teks = _teks(laporan_ip_asn_pdf(p, nota={"nomor": "ND-7/KP.03/SDJ/2027", "tanggal": date(2028, 1, 15)}))
    assert "NOTA DINAS" in teks
    assert (
        f"IP ASN {instansi.nama} Tahun 2027 adalah sebesar {angka(p.nilai)} dengan kategori {p.kategori}"
        in teks
    )
    assert "Hal : Laporan Capaian Indeks Profesionalitas ASN Tahun 2027" in teks
    assert "Kepada : Yth. Sekretaris Direktorat Jenderal Ketenagalistrikan" in teks
    assert "ND-7/KP.03/SDJ/2027" in teks and "15 Januari 2028" in teks
    assert demo[RUDI].nama in teks  # signed by the Kepala Bagian Umum
    assert "Dibandingkan Tahun 2026" in teks


def test_pdf_penandatangan_dari_nota(demo):
    p = hitung_ip_asn(demo[IDA].instansi, 2027)
    teks = _teks(
        laporan_ip_asn_pdf(p, nota={"penandatangan": {"nama": "Plh. Ani", "nip": "1", "jabatan": "Plh"}})
    )
    assert "Plh. Ani" in teks and "Belum ada hasil pengukuran IP ASN tahun sebelumnya" in teks


def test_xlsx_tiga_lembar(demo):
    p = hitung_ip_asn(demo[IDA].instansi, 2027)
    wb = load_workbook(io.BytesIO(laporan_ip_asn_xlsx(p)))
    assert wb.sheetnames == ["Ringkasan", "Per Unit", "Per Pegawai"]
    ringkasan = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(max_row=8, values_only=True)}
    assert ringkasan["IP ASN"] == float(p.nilai) and ringkasan["Kategori"] == p.kategori
    pegawai = list(wb["Per Pegawai"].iter_rows(min_row=2, values_only=True))
    hasil = {h.pegawai.nip: h for h in HasilIpAsn.objects.filter(perhitungan=p).select_related("pegawai")}
    assert {r[0] for r in pegawai} == set(hasil)
    ida = next(r for r in pegawai if r[0] == IDA)
    assert ida[3:9] == (
        float(hasil[IDA].kualifikasi),
        float(hasil[IDA].kompetensi),
        float(hasil[IDA].kinerja),
        float(hasil[IDA].disiplin),
        float(hasil[IDA].total),
        hasil[IDA].kategori,
    )
    unit = list(wb["Per Unit"].iter_rows(min_row=2, values_only=True))
    assert unit[0][2] == p.jumlah_pegawai and unit[0][3] == float(p.nilai)
