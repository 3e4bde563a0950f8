"""Excel documents (openpyxl): one SKP in the content of its PDF, and a unit's SKP recap.

Numbers are written as numbers (a single target value, the year), dates as dates, NIP as text. The
recap streams through a write-only workbook, so 5,000 rows take little memory.
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kinerja.aturan import BERAKHLAK, JUDUL_LAMPIRAN_SKP, LAMPIRAN_SKP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_TANGGAL = "dd-mm-yyyy"
FORMAT_WAKTU = "dd-mm-yyyy hh:mm"
BOLD = Font(bold=True)
JUDUL = Font(bold=True, size=13)
ABU = PatternFill("solid", fgColor="EEEEEE")
GARIS = Border(*(Side(style="thin"),) * 4)
BUNGKUS = Alignment(wrap_text=True, vertical="top")


def _lokal(value: datetime | None) -> datetime | None:
    """Excel has no time zones: a moment is written as the local (Asia/Jakarta) wall-clock time."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


# --- the unit's SKP recap ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KepalaRekap:
    instansi: str
    unit: str
    tahun: int
    batas: date
    dicetak: date
    keterangan: str = ""  # the filters applied, in words


def kolom_rekap() -> list[tuple[str, int]]:
    return [
        (pgettext("nomor urut", "No"), 6),
        (_("NIP"), 22),
        (_("Nama"), 36),
        (_("Jabatan"), 40),
        (_("Pejabat penilai"), 36),
        (_("Status"), 28),
        (_("Diajukan"), 17),
        (_("Disetujui"), 17),
        (_("Terlambat"), 11),
    ]


def _sel(ws, value, *, font=None, number_format=None, fill=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if number_format is not None:
        cell.number_format = number_format
    if fill is not None:
        cell.fill = fill
    return cell


def tulis_rekap_xlsx(kepala: KepalaRekap, rows: Iterable, out) -> int:
    """Writes the header block and one line per row (`selectors_laporan.BarisRekap`) to `out` (a path or
    binary file); returns the number of rows written."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Rekap SKP"))
    kolom = kolom_rekap()
    for i, (_judul, lebar) in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = lebar
    kepala_rows = [
        [_sel(ws, _("REKAPITULASI SASARAN KINERJA PEGAWAI"), font=JUDUL)],
        [_sel(ws, _("Instansi"), font=BOLD), kepala.instansi],
        [_sel(ws, _("Unit kerja"), font=BOLD), kepala.unit],
        [_sel(ws, _("Tahun"), font=BOLD), kepala.tahun],
        [_sel(ws, _("Batas penyusunan"), font=BOLD), _sel(ws, kepala.batas, number_format=FORMAT_TANGGAL)],
    ]
    if kepala.keterangan:
        kepala_rows.append([_sel(ws, _("Filter"), font=BOLD), kepala.keterangan])
    kepala_rows.append(
        [_sel(ws, _("Dicetak"), font=BOLD), _sel(ws, kepala.dicetak, number_format=FORMAT_TANGGAL)]
    )
    kepala_rows.append([])
    ws.freeze_panes = f"A{len(kepala_rows) + 2}"  # below the column titles
    for row in kepala_rows:
        ws.append(row)
    ws.append([_sel(ws, judul, font=BOLD, fill=ABU) for judul, _lebar in kolom])
    ya, tidak = _("Ya"), _("Tidak")
    n = 0
    for n, r in enumerate(rows, start=1):
        ws.append(
            [
                n,
                _sel(ws, r.nip, number_format="@"),  # as a number Excel would drop a NIP's last digits
                r.nama,
                r.jabatan,
                r.penilai,
                r.status_label,
                _sel(ws, _lokal(r.diajukan), number_format=FORMAT_WAKTU) if r.diajukan else None,
                _sel(ws, _lokal(r.disetujui), number_format=FORMAT_WAKTU) if r.disetujui else None,
                ya if r.terlambat else tidak,
            ]
        )
    wb.save(out)
    return n


# --- one SKP ------------------------------------------------------------------------------------------

KOLOM_SKP = 7  # No, intervened RHK / sasaran, RHK, aspek / perspektif, IKI, target, satuan
LEBAR_SKP = (6, 40, 42, 16, 42, 12, 14)


class _Lembar:
    """A sheet written top to bottom, one row at a time, with merged cells where the format has them."""

    def __init__(self, ws):
        self.ws = ws
        self.baris = 0

    def tulis(self, *cells, font=None, fill=None, border=False, gabung: dict[int, int] | None = None) -> int:
        """Writes `cells` from column 1 on the next row; `gabung` maps a column to the last column its
        cell spans. Returns the row number."""
        self.baris += 1
        for col, value in enumerate(cells, start=1):
            if value is None:
                continue
            c = self.ws.cell(row=self.baris, column=col, value=value)
            c.alignment = BUNGKUS
            if font is not None:
                c.font = font
            if fill is not None:
                c.fill = fill
        if border:
            for col in range(1, KOLOM_SKP + 1):
                self.ws.cell(row=self.baris, column=col).border = GARIS
        for start, end in (gabung or {}).items():
            self.ws.merge_cells(start_row=self.baris, start_column=start, end_row=self.baris, end_column=end)
        return self.baris

    def kosong(self) -> None:
        self.baris += 1


def _target(iki) -> tuple[object, str]:
    """(target, satuan): a single value as a number, a range or a descriptive target as text."""
    if iki.target_min is None:
        return iki.target_teks, ""
    if iki.target_max is None or iki.target_max == iki.target_min:
        return iki.target_min, iki.satuan
    teks = iki.target
    if iki.satuan and teks.endswith(iki.satuan):
        teks = teks[: -len(iki.satuan)].strip()
    return teks, iki.satuan


def _identitas(skp) -> tuple[list[str], list[str]]:
    p, penilai, instansi = skp.pegawai, skp.pejabat_penilai, skp.pegawai.instansi
    pegawai = [
        p.nama_lengkap,
        p.nip_tertulis,
        p.pangkat_golongan or "-",
        str(skp.jabatan or "-"),
        str(skp.unit_kerja),
    ]
    if penilai is not None:
        atasan = [
            penilai.nama_lengkap,
            penilai.nip_tertulis,
            penilai.pangkat_golongan or "-",
            str(penilai.jabatan or "-"),
            str(penilai.unit_kerja),
        ]
    else:  # rated by the head of the instansi, who has no NIP (decision i)
        atasan = [instansi.nama_pimpinan or "-", "-", "-", instansi.jabatan_pimpinan or "-", instansi.nama]
    return pegawai, atasan


def _hasil_kerja(lb: _Lembar, skp, rhk_list) -> None:
    ws, jpt = lb.ws, skp.jenis == "jpt"
    for no, r in enumerate(rhk_list, start=1):
        induk = (
            (r.intervensi.uraian if r.intervensi else "") or (r.sasaran.uraian if r.sasaran else "") or "-"
        )
        uraian = f"{r.uraian}\n{r.penugasan_dari}" if r.penugasan_dari else r.uraian
        indikator = list(r.indikator_set.all()) or [None]
        awal = lb.baris + 1
        for i, iki in enumerate(indikator):
            kepala = (no, induk, uraian) if i == 0 else (None, None, None)
            if iki is None:
                lb.tulis(*kepala, None, None, None, None, border=True)
                continue
            target, satuan = _target(iki)
            label = iki.get_perspektif_display() if jpt else iki.get_aspek_display()
            lb.tulis(*kepala, label or "-", iki.uraian, target, satuan, border=True)
        if len(indikator) > 1:
            for col in (1, 2, 3):
                ws.merge_cells(start_row=awal, start_column=col, end_row=lb.baris, end_column=col)
    if not rhk_list:
        lb.tulis("-", border=True, gabung={1: KOLOM_SKP})


def skp_xlsx(skp) -> bytes:
    """The SKP as a workbook: identity of pegawai and pejabat penilai, hasil kerja (utama, tambahan),
    perilaku kerja with the ekspektasi khusus, signatures; the Lampiran SKP on a second sheet.
    `skp` comes from `selectors.skp_detail` (everything preloaded)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SKP"
    for i, lebar in enumerate(LEBAR_SKP, start=1):
        ws.column_dimensions[get_column_letter(i)].width = lebar
    ws.page_setup.orientation = "landscape" if skp.jenis == "ja_jf" else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    lb = _Lembar(ws)
    semua = KOLOM_SKP
    lb.tulis(_("SASARAN KINERJA PEGAWAI"), font=JUDUL, gabung={1: semua})
    if skp.jenis == "ja_jf":
        sub = _("PENDEKATAN HASIL KERJA %(pendekatan)s BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL")
    else:
        sub = _("JPT / PIMPINAN UNIT KERJA MANDIRI — PENDEKATAN %(pendekatan)s")
    lb.tulis(sub % {"pendekatan": skp.get_pendekatan_display().upper()}, gabung={1: semua})
    periode = _("PERIODE PENILAIAN: %(mulai)s SD %(selesai)s") % {
        "mulai": date_format(skp.tanggal_mulai, "j F").upper(),
        "selesai": date_format(skp.tanggal_selesai, "j F Y").upper(),
    }
    lb.tulis(skp.pegawai.instansi.nama.upper(), None, None, periode, font=BOLD, gabung={1: 3, 4: semua})
    lb.kosong()

    judul = (None, _("PEGAWAI YANG DINILAI"), None, _("PEJABAT PENILAI KINERJA"))
    lb.tulis(*judul, font=BOLD, fill=ABU, gabung={2: 3, 4: semua})
    label = [_("NAMA"), _("NIP"), _("PANGKAT/GOL. RUANG"), _("JABATAN"), _("UNIT KERJA")]
    pegawai, atasan = _identitas(skp)
    for i, judul in enumerate(label, start=1):
        lb.tulis(None, judul, pegawai[i - 1], judul, atasan[i - 1], gabung={5: semua})
    lb.kosong()

    rhk = list(skp.rhk_set.all())
    jpt = skp.jenis == "jpt"
    lb.tulis(_("HASIL KERJA"), font=BOLD, gabung={1: semua})
    lb.tulis(
        pgettext("nomor urut", "NO"),
        _("SASARAN / RENCANA HASIL KERJA YANG DIINTERVENSI")
        if jpt
        else _("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"),
        _("RENCANA HASIL KERJA"),
        _("PERSPEKTIF") if jpt else _("ASPEK"),
        _("INDIKATOR KINERJA INDIVIDU"),
        _("TARGET"),
        _("SATUAN"),
        font=BOLD,
        fill=ABU,
        border=True,
    )
    lb.tulis(_("A. UTAMA"), font=BOLD, border=True, gabung={1: semua})
    _hasil_kerja(lb, skp, [r for r in rhk if r.jenis == "utama"])
    lb.tulis(_("B. TAMBAHAN"), font=BOLD, border=True, gabung={1: semua})
    _hasil_kerja(lb, skp, [r for r in rhk if r.jenis == "tambahan"])
    lb.kosong()

    lb.tulis(_("PERILAKU KERJA"), font=BOLD, gabung={1: semua})
    judul = (pgettext("nomor urut", "NO"), _("PERILAKU KERJA"), _("PANDUAN PERILAKU"), None)
    lb.tulis(
        *judul, _("EKSPEKTASI KHUSUS PIMPINAN"), font=BOLD, fill=ABU, border=True, gabung={3: 4, 5: semua}
    )
    ekspektasi = {e.nilai: e.ekspektasi_khusus for e in skp.ekspektasi_set.all()}
    for i, nilai in enumerate(BERAKHLAK):
        panduan = "\n".join(f"- {p}" for p in nilai.panduan)
        lb.tulis(
            i + 1, nilai.nama, panduan, None, ekspektasi.get(i) or "-", border=True, gabung={3: 4, 5: semua}
        )
    lb.kosong()

    instansi = skp.pegawai.instansi
    tempat = f"{instansi.kota}, " if instansi.kota else ""
    lb.tulis(None, None, None, None, tempat + date_format(timezone.localdate(), "j F Y"), gabung={5: semua})
    lb.tulis(None, _("Pegawai yang Dinilai"), None, None, _("Pejabat Penilai Kinerja"), gabung={5: semua})
    lb.baris += 3
    penilai = skp.pejabat_penilai
    lb.tulis(
        None,
        skp.pegawai.nama_lengkap,
        None,
        None,
        penilai.nama_lengkap if penilai else instansi.jabatan_pimpinan,
        font=BOLD,
        gabung={5: semua},
    )
    lb.tulis(
        None,
        f"NIP. {skp.pegawai.nip_tertulis}",
        None,
        None,
        f"NIP. {penilai.nip_tertulis}" if penilai else None,
        gabung={5: semua},
    )
    _lampiran(wb.create_sheet(_("Lampiran")), skp)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _lampiran(ws, skp) -> None:
    ws.column_dimensions["A"].width = 110
    lampiran = getattr(skp, "lampiran", None)
    isi = [
        getattr(lampiran, "dukungan_sumber_daya", ""),
        getattr(lampiran, "skema_pertanggungjawaban", ""),
        getattr(lampiran, "konsekuensi", ""),
    ]
    baris = 1
    ws.cell(row=baris, column=1, value=JUDUL_LAMPIRAN_SKP).font = JUDUL
    for bagian, teks in zip(LAMPIRAN_SKP, isi, strict=True):
        ws.cell(row=baris + 2, column=1, value=bagian.judul.upper()).font = BOLD
        ws.cell(row=baris + 3, column=1, value=" ".join(bagian.petunjuk)).font = Font(italic=True)
        ws.cell(row=baris + 4, column=1, value=teks or "-").alignment = BUNGKUS
        baris += 4
