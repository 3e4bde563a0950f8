"""A bukti dukung file is accepted only when its content is what its extension says (magic bytes, the
entries inside the zip of office documents, the streams of an OLE2 file) and it is not too large."""

import io

import pytest

from kinerja.pelaksanaan import berkas
from kinerja.pelaksanaan.berkas import BerkasDitolak, kenali, periksa_berkas

from . import realisasi_contoh as contoh

ASLI = [
    ("laporan.pdf", contoh.PDF, berkas.PDF),
    ("foto.png", contoh.png(), berkas.PNG),
    ("foto.jpg", contoh.JPEG, berkas.JPEG),
    ("foto.JPEG", contoh.JPEG, berkas.JPEG),
    ("nota.docx", contoh.docx(), berkas.DOCX),
    ("rekap.xlsx", contoh.xlsx(), berkas.XLSX),
    ("paparan.pptx", contoh.pptx(), berkas.PPTX),
    ("nota.odt", contoh.odf("text"), berkas.ODT),
    ("rekap.ods", contoh.odf("spreadsheet"), berkas.ODS),
    ("nota lama.doc", contoh.doc(), berkas.DOC),
    ("rekap lama.xls", contoh.xls(), berkas.XLS),
]


def _periksa(nama: str, isi: bytes):
    return periksa_berkas(io.BytesIO(isi), nama, len(isi))


@pytest.mark.parametrize(("nama", "isi", "jenis"), ASLI, ids=[a[0] for a in ASLI])
def test_real_files_are_accepted_with_the_type_read_from_their_content(nama, isi, jenis):
    assert _periksa(nama, isi) == jenis


PALSU = [
    ("teks.pdf", contoh.TEKS),  # a text file named .pdf
    ("program.png", contoh.EXE),  # an EXE named .png
    ("foto.jpg", contoh.png()),  # a PNG named .jpg
    ("arsip.docx", contoh.zip_biasa()),  # a plain zip named .docx
    ("nota.xlsx", contoh.docx()),  # a DOCX named .xlsx
    ("rekap.odt", contoh.odf("spreadsheet")),  # an ODS named .odt
    ("nota.xls", contoh.doc()),  # a DOC named .xls
    ("paparan.doc", contoh.ole("PowerPoint Document")),  # a PPT named .doc
    ("rusak.docx", b"PK\x03\x04" + b"\x00" * 40),  # a broken zip
    ("rusak.doc", contoh.doc()[:600]),  # a truncated OLE2 file
]


@pytest.mark.parametrize(("nama", "isi"), PALSU, ids=[p[0] for p in PALSU])
def test_content_that_is_not_what_the_extension_claims_is_refused(nama, isi):
    with pytest.raises(BerkasDitolak, match="bukan .* seperti yang disebut namanya"):
        _periksa(nama, isi)


@pytest.mark.parametrize("nama", ["program.exe", "skrip.html", "tanpa-ekstensi", "gambar.svg", "arsip.zip"])
def test_extensions_outside_the_list_are_refused(nama):
    with pytest.raises(BerkasDitolak, match="tidak diterima"):
        _periksa(nama, contoh.PDF)


def test_empty_file_is_refused():
    with pytest.raises(BerkasDitolak, match="kosong"):
        _periksa("kosong.pdf", b"")


def test_size_limit_comes_from_the_setting(settings):
    settings.KINERJA_BUKTI_MAKS_MB = 1
    pas = contoh.PDF + b" " * (1024 * 1024 - len(contoh.PDF))
    assert _periksa("pas.pdf", pas) == berkas.PDF
    with pytest.raises(BerkasDitolak, match="melebihi batas ukuran bukti dukung 1 MB"):
        _periksa("besar.pdf", pas + b" ")


def test_default_limit_is_ten_megabytes():
    assert berkas.batas_bita() == 10 * 1024 * 1024


def test_reading_the_content_leaves_the_file_rewound():
    f = io.BytesIO(contoh.docx())
    f.seek(17)
    assert kenali(f) == berkas.DOCX
    assert f.tell() == 0


def test_office_zip_entries_decide_not_the_zip_signature_alone():
    assert kenali(io.BytesIO(contoh.zip_biasa())) is None
    assert kenali(io.BytesIO(contoh.xlsx())) == berkas.XLSX
