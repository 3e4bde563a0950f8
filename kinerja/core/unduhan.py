"""A generated document sent as a download (PDF, XLSX, CSV) under the name the user will keep."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

PDF = "application/pdf"


def unduhan(isi: bytes, nama: str, content_type: str) -> HttpResponse:
    response = HttpResponse(isi, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, nama)
    return response


def nama_berkas_skp(skp, jenis: str, ext: str, *, versi: bool = True) -> str:
    """`<jenis>_<tahun>_<nip>[_v<versi>].<ext>`: every document of one SKP is named alike."""
    akhir = f"_v{skp.versi}" if versi else ""
    return f"{jenis}_{skp.periode.tahun}_{skp.pegawai.nip}{akhir}.{ext}"
