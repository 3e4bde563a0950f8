"""Dokumen Evaluasi Kinerja Pegawai (regulasi.md §3.9): one per period, and one per year (the annual
penilaian's), rendered from the current data, so after a keberatan decision it shows the decided
result.

selector (`penilaian.selectors_hasil.penilaian_hasil`) → `DokumenEvaluasi` → PDF (WeasyPrint).
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.utils import timezone, translation
from django.utils.formats import date_format

from kinerja.aturan import JenisJabatan, Predikat, RatingKerja
from kinerja.penilaian.selectors_hasil import capaian_organisasi, keberatan_dari

from .pdf import render_pdf


@dataclass(frozen=True)
class Identitas:
    nama: str
    nip: str
    pangkat: str
    jabatan: str
    unit_kerja: str


@dataclass(frozen=True)
class DokumenEvaluasi:
    pendekatan: str  # KUANTITATIF | KUALITATIF
    bagi_pejabat: str  # PIMPINAN TINGGI | ADMINISTRASI | FUNGSIONAL | ...
    periode: str  # "JANUARI – DESEMBER 2027"
    instansi: str
    pegawai: Identitas
    penilai: Identitas
    atasan: Identitas
    capaian_organisasi: str
    rating_hasil_kerja: str
    rating_perilaku: str
    predikat: str
    catatan: str
    kota: str
    tanggal: date | None
    keberatan: str  # "Ditetapkan setelah keberatan, <tanggal>" or ""
    semula: str  # the result before a keberatan changed it, or ""

    @property
    def blok(self) -> list[tuple[str, Identitas]]:
        """Sections 1–3 of the layout."""
        return [
            ("PEGAWAI YANG DINILAI", self.pegawai),
            ("PEJABAT PENILAI KINERJA", self.penilai),
            ("ATASAN PEJABAT PENILAI KINERJA", self.atasan),
        ]


def _identitas(pegawai, jabatan=None, unit=None) -> Identitas:
    if pegawai is None:
        return Identitas("-", "-", "-", "-", "-")
    return Identitas(
        pegawai.nama_lengkap,
        pegawai.nip_tertulis,
        pegawai.pangkat_golongan or "-",
        str(jabatan or pegawai.jabatan or "-"),
        str(unit or pegawai.unit_kerja or "-"),
    )


def bagi_pejabat(skp) -> str:
    """Which officials the format is for, from the jabatan evaluated (JPT / administrasi / fungsional)."""
    jenis = skp.jabatan.jenis if skp.jabatan_id else ""
    if jenis:
        jenis = JenisJabatan(jenis)
        if jenis.is_jpt:
            return "PIMPINAN TINGGI"
        if jenis.is_administrasi:
            return "ADMINISTRASI"
        return "FUNGSIONAL"
    return "PIMPINAN TINGGI" if skp.jenis == "jpt" else "ADMINISTRASI DAN PEJABAT FUNGSIONAL"


def teks_periode(mulai: date, selesai: date) -> str:
    """ "JANUARI – MARET 2027" for whole months, "1 JANUARI – 14 JUNI 2027" otherwise."""
    bulan_penuh = mulai.day == 1 and selesai.day == calendar.monthrange(selesai.year, selesai.month)[1]
    if bulan_penuh and (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return date_format(selesai, "F Y").upper()  # a monthly period
    fmt = "F" if bulan_penuh else "j F"
    awal = date_format(mulai, fmt if mulai.year == selesai.year else f"{fmt} Y")
    return f"{awal} – {date_format(selesai, f'{fmt} Y')}".upper()


def _label(enum, value: str) -> str:
    return enum(value).label if value else "-"


def dokumen_evaluasi(penilaian) -> DokumenEvaluasi:
    """The document's data from a penilaian loaded by `penilaian_hasil` (identities joined)."""
    skp, pegawai = penilaian.skp, penilaian.pegawai
    instansi = pegawai.instansi
    if penilaian.jadwal_id:
        periode = teks_periode(penilaian.jadwal.tanggal_mulai, penilaian.jadwal.tanggal_selesai)
    else:
        periode = teks_periode(skp.tanggal_mulai, skp.tanggal_selesai)
    keberatan = keberatan_dari(penilaian)
    ditetapkan = semula = ""
    if keberatan is not None and keberatan.diputuskan_pada is not None:
        ditetapkan = "Ditetapkan setelah keberatan, " + date_format(
            timezone.localdate(keberatan.diputuskan_pada), "j F Y"
        )
        if keberatan.predikat_semula and keberatan.predikat_semula != penilaian.predikat:
            hasil = _label(RatingKerja, keberatan.rating_hasil_kerja_semula)
            perilaku = _label(RatingKerja, keberatan.rating_perilaku_semula)
            predikat = _label(Predikat, keberatan.predikat_semula)
            semula = (
                f"Semula: rating hasil kerja {hasil}, rating perilaku kerja {perilaku}, predikat {predikat}"
            )
    capaian = capaian_organisasi(penilaian)
    atasan = penilaian.atasan_pejabat_penilai
    return DokumenEvaluasi(
        pendekatan=skp.get_pendekatan_display().upper(),
        bagi_pejabat=bagi_pejabat(skp),
        periode=periode,
        instansi=instansi.nama,
        pegawai=_identitas(pegawai, skp.jabatan, skp.unit_kerja),
        penilai=_identitas(penilaian.pejabat_penilai),
        atasan=_identitas(atasan)
        if atasan
        else Identitas(
            instansi.nama_pimpinan or "-", "-", "-", instansi.jabatan_pimpinan or "-", instansi.nama
        ),
        capaian_organisasi=capaian.label if capaian else "-",
        rating_hasil_kerja=_label(RatingKerja, penilaian.rating_hasil_kerja),
        rating_perilaku=_label(RatingKerja, penilaian.rating_perilaku),
        predikat=_label(Predikat, penilaian.predikat),
        catatan=penilaian.catatan,
        kota=instansi.kota,
        tanggal=timezone.localdate(penilaian.difinalisasi_pada) if penilaian.difinalisasi_pada else None,
        keberatan=ditetapkan,
        semula=semula,
    )


def nama_berkas_evaluasi(penilaian) -> str:
    """`EvaluasiKinerja_<tahun>_<nip>_<tahunan|periode-n>.pdf`."""
    bagian = "tahunan" if penilaian.tahunan else f"periode-{penilaian.jadwal.nomor}"
    return f"EvaluasiKinerja_{penilaian.periode.tahun}_{penilaian.pegawai.nip}_{bagian}.pdf"


def evaluasi_pdf(penilaian) -> bytes:
    """The official document is written in Indonesian whatever the user's language."""
    with translation.override("id"):
        return render_pdf("dokumen/evaluasi.html", {"d": dokumen_evaluasi(penilaian)})
