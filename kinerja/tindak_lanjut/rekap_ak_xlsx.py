"""Unit recap of angka kredit (XLSX): one row per pejabat fungsional with AK awal, AK per year,
kumulatif, the AKK of the next step, the shortfall and the projected kenaikan date (at Baik)."""

import io
from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from kinerja.aturan import JenjangFungsional, Predikat
from kinerja.dokumen.xlsx import ABU, BOLD, FORMAT_TANGGAL, JUDUL

ANGKA = "0.00"


def rekap_ak_xlsx(baris: list, *, judul: str, today: date) -> bytes:
    tahun = sorted({t.tahun for b in baris for t in b.akumulasi.tahun})
    wb = Workbook()
    ws = wb.active
    ws.title = _("Angka kredit")
    ws.append([_("Rekap angka kredit jabatan fungsional") + f" — {judul}"])
    ws["A1"].font = JUDUL
    ws.append([_("Per tanggal"), today])
    ws["B2"].number_format = FORMAT_TANGGAL
    kepala = [
        "NIP",
        _("Nama"),
        _("Jabatan"),
        _("Jenjang"),
        _("Golongan"),
        _("AK awal"),
        *[f"AK {t}" for t in tahun],
        _("AK kumulatif"),
        _("Tujuan"),
        "AKK",
        _("Kekurangan"),
        _("Proyeksi kenaikan (predikat Baik)"),
    ]
    ws.append(kepala)
    for i in range(1, len(kepala) + 1):
        ws.cell(row=3, column=i).font = BOLD
        ws.cell(row=3, column=i).fill = ABU
    for b in baris:
        p, akum, proy = b.pegawai, b.akumulasi, b.proyeksi
        per_tahun = akum.per_tahun()
        baik = next((s for s in proy.skenario if s.predikat == Predikat.BAIK), None) if proy else None
        ws.append(
            [
                p.nip,
                p.nama_lengkap,
                p.jabatan.nama if p.jabatan else "",
                JenjangFungsional(p.jabatan.jenjang).label if p.jabatan and p.jabatan.jenjang else "",
                p.golongan_ruang,
                float(akum.ak_awal),
                *[float(per_tahun[t]) if t in per_tahun else None for t in tahun],
                float(akum.kumulatif),
                (proy.tujuan_label if proy else ""),
                float(proy.akk) if proy and proy.akk is not None else None,
                float(proy.kekurangan) if proy and proy.kekurangan is not None else None,
                baik.tanggal_kp if baik else None,
            ]
        )
        r = ws.max_row
        ws.cell(row=r, column=1).number_format = "@"
        for c in range(6, len(kepala)):
            ws.cell(row=r, column=c).number_format = ANGKA
        ws.cell(row=r, column=len(kepala)).number_format = FORMAT_TANGGAL
    for i, lebar in enumerate([22, 30, 30, 14, 10, 10, *[10] * len(tahun), 12, 18, 8, 11, 18], start=1):
        ws.column_dimensions[get_column_letter(i)].width = lebar
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
