"""PDF documents rendered from HTML templates with WeasyPrint (A4; landscape where tables are wide)."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from kinerja.aturan import BERAKHLAK, LAMPIRAN_SKP


def render_pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def skp_pdf(skp) -> bytes:
    """The SKP in the official layout of seed 002 (JPT or JA/JF, kuantitatif or kualitatif) with its
    perilaku kerja, signature blocks and the Lampiran SKP on the following page."""
    rhk = list(skp.rhk_set.all())
    ekspektasi = {e.nilai: e.ekspektasi_khusus for e in skp.ekspektasi_set.all()}
    return render_pdf(
        "dokumen/skp.html",
        {
            "skp": skp,
            "utama": [r for r in rhk if r.jenis == "utama"],
            "tambahan": [r for r in rhk if r.jenis == "tambahan"],
            "perilaku": [(nilai, ekspektasi.get(i, "")) for i, nilai in enumerate(BERAKHLAK)],
            "lampiran": LAMPIRAN_SKP,
            "tanggal": timezone.localdate(),
        },
    )


def matriks_pdf(matriks) -> bytes:
    """The Matriks Pembagian Peran dan Hasil of seed 004: one table per group of columns (what the
    supervisor's rencana hasil kerja come from), the supervisor's row on top, "x" for no role."""
    tabel = []
    for judul, idx in matriks.kelompok():
        baris = [(b, [b.sel[i] for i in idx]) for b in matriks.baris]
        tabel.append((judul, [matriks.kolom[i] for i in idx], baris))
    return render_pdf(
        "dokumen/matriks.html",
        {"m": matriks, "skp": matriks.skp, "tabel": tabel, "tanggal": timezone.localdate()},
    )


def manual_pdf(skp) -> bytes:
    """Every Manual Indikator Kinerja of an SKP (seed 002, format 03), one table per indikator, with the
    format's check boxes for tingkat kendali and periode pelaporan."""
    from kinerja.perencanaan.models import ManualIndikator

    daftar = [  # skp_detail loads each indikator with its manual
        (r, iki, getattr(iki, "manual", None)) for r in skp.rhk_set.all() for iki in r.indikator_set.all()
    ]
    return render_pdf(
        "dokumen/manual.html",
        {
            "skp": skp,
            "daftar": daftar,
            "kendali": ManualIndikator.TingkatKendali.choices,
            "pelaporan": ManualIndikator.PeriodePelaporan.choices,
        },
    )
