"""Small real files of every accepted kind (and fakes) for the realisasi tests, built in memory."""

import io
import struct
import zipfile
import zlib
from datetime import date

import openpyxl

SEKAR = "199106112012062001"  # the pegawai, owner of the SKP
BAWONO = "198103021999121001"  # her pejabat penilai
AMIRUDIN = "196804241998031011"  # atasan pejabat penilai
RINA = "199708222020122003"  # a colleague in the same team (sees only her own SKP)
MAYA = "199402282018012001"  # another instansi

# Triwulan I 2027 (the default jadwal): 1 January – 31 March, batas pengisian 5 April.
DALAM_TRIWULAN_I = date(2027, 2, 10)
BATAS_TRIWULAN_I = date(2027, 4, 5)

PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program"
TEKS = b"Bukan PDF, hanya teks biasa.\n"


def png() -> bytes:
    """A valid 1×1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(name, data, compress_type=method)
    return buf.getvalue()


_CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def docx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", _CT),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document><w:body><w:p/></w:body></w:document>"),
        ]
    )


def pptx() -> bytes:
    return _zip([("[Content_Types].xml", _CT), ("ppt/presentation.xml", b"<p:presentation/>")])


def xlsx() -> bytes:
    buf = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = 85
    wb.save(buf)
    return buf.getvalue()


def odf(jenis: str) -> bytes:
    return _zip(
        [
            ("mimetype", f"application/vnd.oasis.opendocument.{jenis}".encode()),
            ("content.xml", b"<office:document-content/>"),
        ]
    )


def zip_biasa() -> bytes:
    """A plain zip archive (no document inside)."""
    return _zip([("catatan.txt", b"isi")])


def ole(*streams: str) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors): header, one FAT sector, one
    directory sector holding the root entry and the named streams (as DOC and XLS have)."""
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    fat = struct.pack("<128I", fatsect, end, *([free] * 126))

    def entry(name: str, kind: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e = bytearray(128)
        e[: len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, free, free, free)
        struct.pack_into("<II", e, 116, end, 0)
        return bytes(e)

    entries = [entry("Root Entry", 5)] + [entry(s, 2) for s in streams]
    directory = b"".join(entries).ljust(512, b"\x00")
    return bytes(header) + fat + directory


def doc() -> bytes:
    return ole("WordDocument", "1Table")


def xls() -> bytes:
    return ole("Workbook")


def unggahan(nama: str, isi: bytes, content_type: str = "application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(nama, isi, content_type=content_type)
