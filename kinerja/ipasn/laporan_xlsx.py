"""Laporan Capaian IP ASN as XLSX: sheets Ringkasan, Per Unit and Per Pegawai (every measured pegawai,
streamed through a write-only workbook). Numbers are written as numbers, NIP as text."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from kinerja.aturan.ip_asn import kategori_ip_asn
from kinerja.dokumen.xlsx import ABU, BOLD, JUDUL, _sel
from kinerja.organisasi.models import nama_dengan_gelar

from .models import HasilIpAsn, PerhitunganIpAsn
from .selectors_hasil import LABEL_DIMENSI, ringkasan_perhitungan


def _lebar(ws, lebar: tuple[int, ...]) -> None:
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _judul(ws, teks: list[str]) -> None:
    ws.append([_sel(ws, t, font=BOLD, fill=ABU) for t in teks])


def laporan_ip_asn_xlsx(perhitungan: PerhitunganIpAsn) -> bytes:
    r = ringkasan_perhitungan(perhitungan)
    p = r.perhitungan
    aturan = p.tabel.sebagai_aturan()
    wb = Workbook(write_only=True)

    ws = wb.create_sheet(_("Ringkasan"))
    _lebar(ws, (34, 16, 16, 16))
    ws.append([_sel(ws, _("LAPORAN CAPAIAN INDEKS PROFESIONALITAS ASN"), font=JUDUL)])
    for label, value in (
        (_("Instansi"), p.instansi.nama),
        (_("Tahun"), p.tahun),
        (_("Tahap data"), p.get_tahap_display()),
        (_("Tabel IP ASN"), p.tabel.versi),
        (_("Jumlah pegawai"), p.jumlah_pegawai),
        (_("IP ASN"), float(p.nilai) if p.nilai is not None else None),
        (_("Kategori"), p.kategori),
    ):
        ws.append([_sel(ws, label, font=BOLD), value])
    ws.append([])
    _judul(ws, [_("Dimensi"), _("Rata-rata"), _("Bobot"), _("Capaian (%)")])
    for _k, label, rata, bobot in r.dimensi:
        ws.append([label, float(rata), bobot, round(float(rata) * 100 / bobot, 2) if bobot else None])
    ws.append([])
    _judul(ws, [_("Kategori"), _("Jumlah pegawai"), _("Persentase (%)")])
    for label, n, persen in r.distribusi:
        ws.append([label, n, float(persen)])
    ws.append([])
    _judul(ws, [_("Tahun"), _("IP ASN"), _("Kategori"), _("Tahap data")])
    for t in r.tren:
        ws.append(
            [t.tahun, float(t.nilai) if t.nilai is not None else None, t.kategori, t.get_tahap_display()]
        )
    ws.append([])
    _judul(ws, [_("Indikator"), _("Rata-rata poin hilang"), _("Pegawai"), _("Upaya peningkatan")])
    for h in r.poin_hilang:
        ws.append([h.label, float(h.rata), h.jumlah_pegawai, h.saran])

    ws = wb.create_sheet(_("Per Unit"))
    _lebar(ws, (14, 50, 12, 12, 12, 12, 12, 12, 16, 14, 14))
    _judul(
        ws,
        [
            _("Kode"),
            _("Unit kerja"),
            _("Pegawai (termasuk sub-unit)"),
            _("IP ASN"),
            *(str(LABEL_DIMENSI[d]) for d in LABEL_DIMENSI),
            _("Kategori"),
            _("Pegawai unit sendiri"),
            _("IP ASN unit sendiri"),
        ],
    )
    for b in r.unit:
        ws.append(
            [
                b.unit.kode,
                "  " * b.unit.kedalaman + b.unit.nama,
                b.jumlah,
                float(b.nilai),
                *(float(v) for v in b.rata_dimensi.values()),
                kategori_ip_asn(b.nilai, tabel=aturan),
                b.jumlah_sendiri,
                float(b.nilai_sendiri) if b.nilai_sendiri is not None else None,
            ]
        )

    ws = wb.create_sheet(_("Per Pegawai"))
    _lebar(ws, (21, 36, 40, 12, 12, 12, 12, 12, 16, 40))
    _judul(
        ws,
        [
            _("NIP"),
            _("Nama"),
            _("Unit kerja"),
            *(str(LABEL_DIMENSI[d]) for d in LABEL_DIMENSI),
            _("Total"),
            _("Kategori"),
            _("Catatan"),
        ],
    )
    rows = (
        HasilIpAsn.objects.filter(perhitungan=p)
        .order_by("unit_kerja__kode", "pegawai__nama", "id")
        .values_list(
            "pegawai__nip",
            "pegawai__gelar_depan",
            "pegawai__nama",
            "pegawai__gelar_belakang",
            "unit_kerja__nama",
            "kualifikasi",
            "kompetensi",
            "kinerja",
            "disiplin",
            "total",
            "kategori",
            "catatan",
        )
        .iterator(chunk_size=5000)
    )
    for nip, depan, nama, belakang, unit, kual, komp, kin, dis, total, kategori, catatan in rows:
        ws.append(
            [
                _sel(ws, nip, number_format="@"),
                nama_dengan_gelar(depan, nama, belakang),
                unit,
                float(kual),
                float(komp),
                float(kin),
                float(dis),
                float(total),
                kategori,
                catatan,
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
