"""Export of the organisation to XLSX in exactly the import layout, and the empty templates.

The columns come from `impor.LAYOUT`, and values are written as the importer reads them (labels such
as "Ahli Muda" and "Ya"/"Tidak"), so an export re-imports without changes.
"""

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kinerja.aturan import JenisJabatan, JenjangFungsional

from .impor import LAYOUT, LEMBAR, PEGAWAI_KOLOM_DB, Lembar, label_aktif, label_golongan
from .models import Instansi, Jabatan, Pegawai, Pendidikan, StatusKepegawaian, UnitKerja

LEBAR = {"nama": 40, "keterangan": 80, "email": 32, "nip": 22, "nip_penilai_khusus": 22}
JENIS_LABEL = dict(JenisJabatan.choices())
JENJANG_LABEL = dict(JenjangFungsional.choices())
STATUS_LABEL = dict(StatusKepegawaian.choices)
PENDIDIKAN_LABEL = {p.value: str(p.label) for p in Pendidikan}


def _urut_pohon(rows: list[dict], parent: str) -> list[dict]:
    """Rows ordered so that every parent comes before its children (then by kode)."""
    ids = {r["id"] for r in rows}
    children: dict = {}
    for r in sorted(rows, key=lambda r: r["kode"]):
        key = r[parent] if r[parent] in ids else None
        children.setdefault(key, []).append(r)
    out, stack, seen = [], list(reversed(children.get(None, []))), set()
    while stack:
        r = stack.pop()
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        out.append(r)
        stack.extend(reversed(children.get(r["id"], [])))
    out.extend(r for r in rows if r["id"] not in seen)  # only if the stored tree has a loop
    return out


def unit_rows(instansi: Instansi) -> Iterator[dict]:
    units = list(
        UnitKerja.objects.filter(instansi=instansi).values("id", "kode", "nama", "induk_id", "aktif")
    )
    kode = {u["id"]: u["kode"] for u in units}
    for u in _urut_pohon(units, "induk_id"):
        yield {
            "kode": u["kode"],
            "nama": u["nama"],
            "kode_induk": kode.get(u["induk_id"], ""),
            "aktif": label_aktif(u["aktif"]),
        }


def jabatan_rows(instansi: Instansi) -> Iterator[dict]:
    rows = list(
        Jabatan.objects.filter(instansi=instansi).values(
            "id", "kode", "nama", "jenis", "jenjang", "unit_kerja__kode", "atasan_id"
        )
    )
    kode = {j["id"]: j["kode"] for j in rows}
    for j in _urut_pohon(rows, "atasan_id"):
        yield {
            "kode": j["kode"],
            "nama": j["nama"],
            "jenis": JENIS_LABEL.get(j["jenis"], j["jenis"]),
            "jenjang": JENJANG_LABEL.get(j["jenjang"], j["jenjang"]),
            "kode_unit": j["unit_kerja__kode"],
            "kode_atasan": kode.get(j["atasan_id"], ""),
        }


def pegawai_rows(instansi: Instansi) -> Iterator[dict]:
    rows = Pegawai.objects.filter(instansi=instansi).order_by("nip").values_list(*PEGAWAI_KOLOM_DB)
    for (
        nip,
        nama,
        gelar_depan,
        gelar_belakang,
        status,
        ruang,
        pppk,
        jabatan,
        unit,
        pendidikan,
        email,
        aktif,
        penilai,
    ) in rows.iterator(chunk_size=2000):
        yield {
            "nip": nip,
            "nama": nama,
            "gelar_depan": gelar_depan,
            "gelar_belakang": gelar_belakang,
            "status": STATUS_LABEL.get(status, status),
            "golongan": label_golongan(ruang, pppk),
            "kode_jabatan": jabatan or "",
            "kode_unit": unit,
            "pendidikan_terakhir": PENDIDIKAN_LABEL.get(pendidikan, ""),
            "email": email,
            "aktif": label_aktif(aktif),
            "nip_penilai_khusus": penilai or "",
        }


ROWS = {"unit_kerja": unit_rows, "jabatan": jabatan_rows, "pegawai": pegawai_rows}


def _kolom_lebar(ws, lembar: Lembar) -> None:
    for i, kolom in enumerate(lembar.kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = LEBAR.get(kolom.nama, 18)


def _header(ws, lembar: Lembar) -> list:
    cells = []
    for name in lembar.nama_kolom:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def _baris(ws, lembar: Lembar, row: dict) -> list:
    out = []
    for kolom in lembar.kolom:
        value = row[kolom.nama]
        if kolom.teks and value:
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = "@"  # a NIP stays text: as a number Excel drops its last digits
            out.append(cell)
        else:
            out.append(value)
    return out


def ekspor_xlsx(instansi: Instansi, out) -> None:
    """Writes the instansi's units, jabatan and pegawai to `out` (a path or binary file), streaming."""
    wb = Workbook(write_only=True)
    for lembar in LAYOUT:
        ws = wb.create_sheet(lembar.nama)
        _kolom_lebar(ws, lembar)
        ws.freeze_panes = "A2"
        ws.append(_header(ws, lembar))
        for row in ROWS[lembar.nama](instansi):
            ws.append(_baris(ws, lembar, row))
    wb.save(out)


def contoh(lembar: Lembar) -> dict:
    return {k.nama: k.contoh for k in lembar.kolom}


def templat_xlsx() -> bytes:
    """An empty workbook in the import layout: a "petunjuk" sheet, then one sheet per entity."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("petunjuk")
    for i, width in enumerate((14, 22, 10, 90, 30), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    judul = WriteOnlyCell(ws, value=_("Petunjuk impor data kepegawaian"))
    judul.font = Font(bold=True, size=14)
    ws.append([judul])
    for line in (
        _(
            "Isi lembar unit_kerja, jabatan dan pegawai (lembar yang tidak dipakai boleh dihapus). Urutan "
            "pemrosesan: unit_kerja, jabatan, lalu pegawai."
        ),
        _(
            "Baris pertama setiap lembar adalah judul kolom; jangan diubah. Baris contoh boleh dihapus atau "
            "ditimpa."
        ),
        _(
            "Data yang sudah ada diperbarui: unit kerja dan jabatan menurut kode, pegawai menurut NIP. Kolom "
            "yang dihapus dari baris judul tidak mengubah data yang sudah ada."
        ),
        _(
            "Bila ada satu baris yang salah, tidak ada data yang disimpan; daftar kesalahan menyebut "
            "baris dan kolomnya."
        ),
        _("Kolom NIP harus berformat Teks agar 18 angkanya tidak berubah."),
    ):
        cell = WriteOnlyCell(ws, value=line)
        cell.alignment = Alignment(wrap_text=False)
        ws.append([cell])
    ws.append([])
    judul_kolom = (_("Lembar"), _("Kolom"), _("Wajib"), _("Keterangan"), _("Contoh"))
    ws.append([_cell_bold(ws, t) for t in judul_kolom])
    for lembar in LAYOUT:
        for k in lembar.kolom:
            ws.append([lembar.nama, k.nama, label_aktif(k.wajib), str(k.keterangan), k.contoh])
    for lembar in LAYOUT:
        ws = wb.create_sheet(lembar.nama)
        _kolom_lebar(ws, lembar)
        ws.freeze_panes = "A2"
        ws.append(_header(ws, lembar))
        ws.append(_baris(ws, lembar, contoh(lembar)))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell_bold(ws, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(bold=True)
    return cell


def templat_csv(jenis: str) -> bytes:
    """The header and example row of one entity as CSV: UTF-8 with BOM and ";" (as Excel in Indonesia)."""
    lembar = LEMBAR[jenis]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(lembar.nama_kolom)
    row = contoh(lembar)
    writer.writerow([row[k] for k in lembar.nama_kolom])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
