"""The predikat recap as an XLSX workbook (openpyxl): every unit of the chosen subtree in tree order
with its own numbers, then the total. Numbers are written as numbers."""

import io
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from kinerja.aturan import Predikat
from kinerja.dokumen.xlsx import ABU, BOLD, FORMAT_TANGGAL, JUDUL

from .rekap import RekapPredikat


@dataclass(frozen=True)
class KepalaRekapPredikat:
    instansi: str
    unit: str
    tahun: int
    nomor: int  # 0: the annual evaluation
    dicetak: date


def kolom() -> list[tuple[str, int]]:
    return [
        (pgettext("nomor urut", "No"), 6),
        (_("Kode"), 18),
        (_("Unit kerja"), 50),
        (_("Pegawai dengan SKP berlaku"), 14),
        (_("Penilaian final"), 12),
        (_("Belum final"), 12),
        *((str(p.label), 14) for p in Predikat),
    ]


def _sel(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


def _angka(h) -> list[int]:
    return [h.pegawai, h.final, h.belum_final, *(n for _p, n in h.per_predikat)]


def tulis_rekap_predikat(kepala: KepalaRekapPredikat, rekap: RekapPredikat) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Rekap predikat"))
    judul_kolom = kolom()
    for i, (_judul, lebar) in enumerate(judul_kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = lebar
    periode = _("Periode ke-%(nomor)s") % {"nomor": kepala.nomor} if kepala.nomor else _("Tahunan")
    kepala_rows = [
        [_sel(ws, _("REKAPITULASI PREDIKAT KINERJA PEGAWAI"), font=JUDUL)],
        [_sel(ws, _("Instansi"), font=BOLD), kepala.instansi],
        [_sel(ws, _("Unit kerja"), font=BOLD), kepala.unit],
        [_sel(ws, _("Tahun"), font=BOLD), kepala.tahun],
        [_sel(ws, _("Penilaian"), font=BOLD), periode],
        [_sel(ws, _("Dicetak"), font=BOLD), _sel(ws, kepala.dicetak, number_format=FORMAT_TANGGAL)],
        [],
    ]
    ws.freeze_panes = f"A{len(kepala_rows) + 2}"
    for row in kepala_rows:
        ws.append(row)
    ws.append([_sel(ws, judul, font=BOLD, fill=ABU) for judul, _lebar in judul_kolom])
    for n, (unit, h) in enumerate(rekap.per_unit, start=1):
        ws.append([n, unit.kode, unit.label, *_angka(h)])
    ws.append(
        ["", "", _sel(ws, _("Jumlah"), font=BOLD), *(_sel(ws, v, font=BOLD) for v in _angka(rekap.total))]
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
