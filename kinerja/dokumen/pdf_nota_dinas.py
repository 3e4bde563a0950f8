"""Nota Dinas usulan kebutuhan pengembangan kompetensi pegawai (seed 000 step 6, output 2; regulasi.md
§3.11) in the layout of an official nota dinas: kop (instansi, unit), "NOTA DINAS", Kepada / Dari /
Tanggal / Nomor / Sifat / Lampiran / Hal, the opening sentence, the table of usulan, the closing and the
sender's signature with NIP.

selector (`tindak_lanjut.selectors_usulan.nota_detail`) → `DokumenNotaDinas` → PDF (WeasyPrint).
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation

from .pdf import render_pdf


@dataclass(frozen=True)
class BarisUsulan:
    nama: str
    nip: str
    jabatan: str
    bentuk: str
    kegiatan: str
    jp: int
    alasan: str


@dataclass(frozen=True)
class DokumenNotaDinas:
    instansi: str
    unit: str
    kepada: str
    dari: str
    tanggal: date | None
    kota: str
    nomor: str
    sifat: str
    lampiran: str
    hal: str
    tahun: int
    baris: list[BarisUsulan]
    penanda_jabatan: str
    penanda_nama: str
    penanda_nip: str
    draf: bool

    @property
    def total_jp(self) -> int:
        return sum(b.jp for b in self.baris)


def dokumen_nota_dinas(nota) -> DokumenNotaDinas:
    """The document's data from a nota loaded by `nota_detail` (usulan and sender joined)."""
    pengirim = nota.pengirim
    jabatan = pengirim.jabatan.nama if pengirim.jabatan_id else f"Kepala {nota.unit_kerja.nama}"
    baris = [
        BarisUsulan(
            nama=u.pegawai.nama_lengkap,
            nip=u.pegawai.nip_tertulis,
            jabatan=u.pegawai.jabatan.nama if u.pegawai.jabatan_id else "-",
            bentuk=u.get_jenis_display(),
            kegiatan=u.nama_kegiatan,
            jp=u.jp,
            alasan=u.alasan,
        )
        for u in nota.usulan_set.all()
    ]
    return DokumenNotaDinas(
        instansi=nota.instansi.nama,
        unit=nota.unit_kerja.nama,
        kepada=nota.kepada,
        dari=jabatan,
        tanggal=nota.tanggal,
        kota=nota.instansi.kota,
        nomor=nota.nomor,
        sifat="Biasa",
        lampiran="-",
        hal=nota.perihal,
        tahun=nota.tahun,
        baris=baris,
        penanda_jabatan=jabatan,
        penanda_nama=pengirim.nama_lengkap,
        penanda_nip=pengirim.nip_tertulis,
        draf=nota.status == "draf",
    )


def nama_berkas_nota(nota) -> str:
    """`NotaDinasUsulanPengembangan_<tahun>_<unit>_<id>.pdf`."""
    return f"NotaDinasUsulanPengembangan_{nota.tahun}_{nota.unit_kerja.kode}_{nota.pk}.pdf"


def nota_dinas_pdf(nota) -> bytes:
    """The official document is written in Indonesian whatever the user's language."""
    with translation.override("id"):
        return render_pdf("dokumen/nota_dinas_usulan.html", {"d": dokumen_nota_dinas(nota)})
