"""What an SKP must hold before it can be submitted; each problem is an Indonesian sentence.

Sources: seed 002 (RHK utama and tambahan, IKI with target, perspektif Anggaran mandatory in an SKP
JPT / pimpinan unit kerja mandiri, each of its indikator with a Manual Indikator Kinerja: format 03),
regulasi.md §2.4–2.8.
"""

from kinerja.aturan import perspektif_wajib_terpenuhi

from .models import RencanaHasilKerja, Skp


def masalah_pengajuan(skp: Skp) -> list[str]:
    """Problems that block submitting `skp` (empty when it may be submitted). Three queries."""
    rhk_list = list(skp.rhk_set.prefetch_related("indikator_set__manual"))
    masalah: list[str] = []
    if not any(r.jenis == RencanaHasilKerja.Jenis.UTAMA for r in rhk_list):
        masalah.append("SKP harus memuat sekurang-kurangnya satu rencana hasil kerja utama.")
    seen: dict[str, int] = {}
    for nomor, rhk in enumerate(rhk_list, start=1):
        teks = " ".join(rhk.uraian.split()).lower()
        if not teks:
            masalah.append(f"Rencana hasil kerja ke-{nomor} masih kosong.")
            continue
        if teks in seen:
            masalah.append(f"Rencana hasil kerja ke-{nomor} sama dengan rencana hasil kerja ke-{seen[teks]}.")
        seen.setdefault(teks, nomor)
        indikator = list(rhk.indikator_set.all())
        if not indikator:
            masalah.append(
                f"Rencana hasil kerja \u201c{rhk.uraian[:60]}\u201d belum memiliki indikator kinerja."
            )
        for iki in indikator:
            masalah.extend(_masalah_indikator(skp, rhk, iki))
    if skp.jenis == Skp.Jenis.JPT:
        semua = [iki.perspektif for r in rhk_list for iki in r.indikator_set.all() if iki.perspektif]
        if not perspektif_wajib_terpenuhi(semua):
            masalah.append(
                "SKP JPT/pimpinan unit kerja mandiri wajib memuat indikator dengan perspektif Anggaran."
            )
    return masalah


def _masalah_indikator(skp: Skp, rhk, iki) -> list[str]:
    nama = f"Indikator \u201c{iki.uraian[:60]}\u201d"
    out = []
    if not iki.uraian.strip():
        out.append(f"Rencana hasil kerja \u201c{rhk.uraian[:60]}\u201d memuat indikator tanpa uraian.")
    if iki.target_min is None and not iki.target_teks.strip():
        out.append(f"{nama} belum memiliki target.")
    if iki.target_min is not None and iki.target_max is not None and iki.target_min > iki.target_max:
        out.append(f"{nama}: batas bawah target lebih besar dari batas atasnya.")
    if skp.jenis == Skp.Jenis.JPT and not iki.perspektif:
        out.append(f"{nama} belum memiliki perspektif.")
    if skp.jenis == Skp.Jenis.JPT and getattr(iki, "manual", None) is None:
        out.append(f"{nama} belum memiliki manual indikator kinerja.")
    return out
