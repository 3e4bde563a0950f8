"""The Penetapan Predikat Kinerja: the document in which the pimpinan of a unit fixes the unit's capaian
organisasi and the predikat of the pegawai below (regulasi.md §3.2 last bullet, §3.3; decision a)."""

from datetime import date

from django.utils import translation

from .pdf import render_pdf


def penetapan_pdf(distribusi, pegawai: list, *, instansi, tanggal: date) -> bytes:
    """`distribusi`: a selectors_distribusi.DistribusiUnit; `pegawai`: its BarisPegawai, by name."""
    with translation.override("id"):
        return render_pdf(
            "dokumen/penetapan.html",
            {
                "d": distribusi,
                "pegawai": pegawai,
                "instansi": instansi,
                "tanggal": tanggal,
                "justifikasi": [(t, j) for t in distribusi.tim for j in t.justifikasi],
            },
        )
