"""What an uploaded bukti dukung really is, read from its content, never from its name alone.

A file is accepted when its extension is one of ours and its content is that kind: the magic bytes
(PDF, PNG, JPEG), the entries inside the zip (DOCX, XLSX, PPTX; the ``mimetype`` entry of ODT and
ODS) or the stream names of the OLE2 container (DOC, XLS). The stored content type comes from the
content, so a download is served as what it is.
"""

import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True, slots=True)
class Jenis:
    kode: str
    mime: str


PDF = Jenis("pdf", "application/pdf")
PNG = Jenis("png", "image/png")
JPEG = Jenis("jpeg", "image/jpeg")
DOCX = Jenis("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = Jenis("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PPTX = Jenis("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")
ODT = Jenis("odt", "application/vnd.oasis.opendocument.text")
ODS = Jenis("ods", "application/vnd.oasis.opendocument.spreadsheet")
DOC = Jenis("doc", "application/msword")
XLS = Jenis("xls", "application/vnd.ms-excel")

# extension -> the kind its content must be
EKSTENSI: dict[str, Jenis] = {
    "pdf": PDF,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "docx": DOCX,
    "xlsx": XLSX,
    "pptx": PPTX,
    "odt": ODT,
    "ods": ODS,
    "doc": DOC,
    "xls": XLS,
}

# Entries that only a document of that kind has (ECMA-376 part 2: the main part of each package).
_OOXML = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX))
_ODF = {ODT.mime: ODT, ODS.mime: ODS}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE2 stream names: "WordDocument" (MS-DOC), "Workbook" (BIFF8) or "Book" (BIFF5, older Excel).
_OLE_STREAM = (("WordDocument", DOC), ("Workbook", XLS), ("Book", XLS))


class BerkasDitolak(Exception):
    """The file is not accepted as bukti dukung; the message is Indonesian and shown to the user."""


def batas_bita() -> int:
    """The size limit of one file (setting KINERJA_BUKTI_MAKS_MB, read at each call)."""
    return int(settings.KINERJA_BUKTI_MAKS_MB) * 1024 * 1024


def periksa_berkas(berkas: BinaryIO, nama: str, ukuran: int) -> Jenis:
    """The kind of `berkas` when its extension is ours, its content is that kind and it is not too
    large; otherwise BerkasDitolak saying why."""
    ekstensi = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    harap = EKSTENSI.get(ekstensi)
    if harap is None:
        raise BerkasDitolak(
            _(
                "Jenis berkas “%(nama)s” tidak diterima. Unggah PDF, gambar PNG/JPEG, atau dokumen "
                "DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS."
            )
            % {"nama": nama}
        )
    if ukuran <= 0:
        raise BerkasDitolak(_("Berkas “%(nama)s” kosong.") % {"nama": nama})
    if ukuran > batas_bita():
        raise BerkasDitolak(
            _("Berkas “%(nama)s” (%(ukuran)s MB) melebihi batas ukuran bukti dukung %(batas)s MB.")
            % {
                "nama": nama,
                "ukuran": f"{ukuran / 1024 / 1024:.1f}".replace(".", ","),
                "batas": settings.KINERJA_BUKTI_MAKS_MB,
            }
        )
    if kenali(berkas) != harap:
        raise BerkasDitolak(
            _("Isi berkas “%(nama)s” bukan %(jenis)s seperti yang disebut namanya; berkas ditolak.")
            % {"nama": nama, "jenis": harap.kode.upper()}
        )
    return harap


def kenali(berkas: BinaryIO) -> Jenis | None:
    """The kind of a file from its content, or None when it is none of ours. Leaves it rewound."""
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(0)
    try:
        if kepala.startswith(b"%PDF-"):
            return PDF
        if kepala == b"\x89PNG\r\n\x1a\n":
            return PNG
        if kepala.startswith(b"\xff\xd8\xff"):
            return JPEG
        if kepala.startswith(b"PK\x03\x04"):
            return _zip(berkas)
        if kepala == _OLE2:
            return _ole(berkas)
        return None
    finally:
        berkas.seek(0)


def _zip(berkas: BinaryIO) -> Jenis | None:
    try:
        with zipfile.ZipFile(berkas) as z:
            nama = set(z.namelist())
            if "mimetype" in nama:
                with z.open("mimetype") as m:
                    return _ODF.get(m.read(100).decode("ascii", "replace").strip())
            if "[Content_Types].xml" not in nama:
                return None
            return next((jenis for entri, jenis in _OOXML if entri in nama), None)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        # A damaged zip, an unsupported compression method (zipfile raises NotImplementedError) or an
        # encrypted entry (RuntimeError): not a document we can recognise, so the upload is refused.
        return None


def _ole(berkas: BinaryIO) -> Jenis | None:
    try:
        nama = _nama_stream_ole(berkas)
    except (struct.error, ValueError, OSError):
        return None
    return next((jenis for stream, jenis in _OLE_STREAM if stream in nama), None)


_AKHIR = 0xFFFFFFFA  # sector numbers from here up are markers (end of chain, free, FAT...), not sectors
_MAKS_SEKTOR_DIREKTORI = 4096


def _nama_stream_ole(berkas: BinaryIO) -> set[str]:
    """The names in the directory of an OLE2 compound file ([MS-CFB] 2.2, 2.6): the header lists the
    FAT sectors (the first 109 in the header, the rest in DIFAT sectors), the FAT chains the directory
    sectors, and each 128-byte directory entry starts with its UTF-16LE name."""
    header = berkas.read(512)
    ukuran_sektor = 1 << struct.unpack_from("<H", header, 30)[0]
    if ukuran_sektor not in (512, 4096):
        raise ValueError("sector size")
    jumlah_fat, sektor_dir = struct.unpack_from("<II", header, 44)
    difat_awal, jumlah_difat = struct.unpack_from("<II", header, 68)
    per_sektor = ukuran_sektor // 4

    def sektor(n: int) -> bytes:
        berkas.seek((n + 1) * ukuran_sektor)
        data = berkas.read(ukuran_sektor)
        if len(data) != ukuran_sektor:
            raise ValueError("truncated")
        return data

    daftar_fat = list(struct.unpack_from("<109I", header, 76))
    s, dilihat = difat_awal, set()
    while s < _AKHIR and len(dilihat) < jumlah_difat and s not in dilihat:
        dilihat.add(s)
        entri = struct.unpack(f"<{per_sektor}I", sektor(s))
        daftar_fat.extend(entri[:-1])
        s = entri[-1]
    daftar_fat = [f for f in daftar_fat if f < _AKHIR][:jumlah_fat]

    def berikut(n: int) -> int:
        i, posisi = divmod(n, per_sektor)
        if i >= len(daftar_fat):
            raise ValueError("sector outside the FAT")
        return struct.unpack(f"<{per_sektor}I", sektor(daftar_fat[i]))[posisi]

    nama, s, dilihat = set(), sektor_dir, set()
    while s < _AKHIR and s not in dilihat and len(dilihat) < _MAKS_SEKTOR_DIREKTORI:
        dilihat.add(s)
        data = sektor(s)
        for awal in range(0, ukuran_sektor, 128):
            panjang = struct.unpack_from("<H", data, awal + 64)[0]
            if 2 <= panjang <= 64 and data[awal + 66] in (1, 2, 5):
                nama.add(data[awal : awal + panjang - 2].decode("utf-16-le", "replace"))
        s = berikut(s)
    return nama
