"""Konversi Predikat Kinerja ke Angka Kredit (PDF) of one pejabat fungsional for one year
(regulasi.md §4.2; the pejabat penilai converts and signs, [S15]).

selector (``tindak_lanjut.angka_kredit.akumulasi``) → ``DokumenKonversiAk`` → PDF (WeasyPrint).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.aturan import JenjangFungsional, Predikat
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut.angka_kredit import akumulasi

from .pdf import render_pdf
from .pdf_evaluasi import teks_periode


@dataclass(frozen=True)
class BarisKonversi:
    periode: str
    jenis: str
    predikat: str
    persen: Decimal
    koefisien: Decimal
    bulan: int
    angka_kredit: Decimal
    dihitung: bool


@dataclass(frozen=True)
class DokumenKonversiAk:
    instansi: str
    tahun: int
    nama: str
    nip: str
    jabatan: str
    jenjang: str
    golongan: str
    unit_kerja: str
    baris: list[BarisKonversi]
    jumlah: Decimal
    ak_awal: Decimal
    kumulatif: Decimal
    penilai_nama: str
    penilai_nip: str
    penilai_jabatan: str
    kota: str
    tanggal: date

    @property
    def ada_tidak_dihitung(self) -> bool:
        return any(not b.dihitung for b in self.baris)


def dokumen_konversi_ak(pegawai, tahun: int) -> DokumenKonversiAk:
    """``pegawai`` loaded by ``selectors_ak.pegawai_ak``. WorkflowError when the year has no conversion."""
    akum = akumulasi(pegawai)
    data = next((t for t in akum.tahun if t.tahun == tahun), None)
    if data is None:
        raise WorkflowError(_("Belum ada konversi angka kredit tahun %(tahun)s.") % {"tahun": tahun})
    dihitung = {k.pk for k in data.dihitung}
    kumulatif = akum.ak_awal + sum((t.jumlah for t in akum.tahun if t.tahun <= tahun), start=Decimal("0"))
    terakhir = data.konversi[-1]
    penilai = terakhir.penilaian.pejabat_penilai
    jenjang = JenjangFungsional(terakhir.jenjang)
    return DokumenKonversiAk(
        instansi=pegawai.instansi.nama,
        tahun=tahun,
        nama=pegawai.nama_lengkap,
        nip=pegawai.nip_tertulis,
        jabatan=pegawai.jabatan.nama if pegawai.jabatan else "-",
        jenjang=jenjang.label,
        golongan=terakhir.golongan_ruang or pegawai.pangkat_golongan or "-",
        unit_kerja=pegawai.unit_kerja.nama,
        baris=[
            BarisKonversi(
                periode=teks_periode(k.tanggal_mulai, k.tanggal_selesai),
                jenis=_("Tahunan") if k.tahunan else _("Periodik"),
                predikat=Predikat(k.predikat).label,
                persen=(k.persen * 100).quantize(Decimal("1")),
                koefisien=k.koefisien,
                bulan=k.bulan,
                angka_kredit=k.angka_kredit.quantize(Decimal("0.01")),
                dihitung=k.pk in dihitung,
            )
            for k in data.konversi
        ],
        jumlah=data.jumlah,
        ak_awal=akum.ak_awal.quantize(Decimal("0.01")),
        kumulatif=kumulatif.quantize(Decimal("0.01")),
        penilai_nama=penilai.nama_lengkap if penilai else "-",
        penilai_nip=penilai.nip_tertulis if penilai else "-",
        penilai_jabatan=str(penilai.jabatan)
        if penilai and penilai.jabatan_id
        else _("Pejabat Penilai Kinerja"),
        kota=pegawai.instansi.kota,
        tanggal=timezone.localdate(),
    )


def konversi_ak_pdf(pegawai, tahun: int) -> bytes:
    """The official document is written in Indonesian whatever the user's language."""
    with translation.override("id"):
        return render_pdf("dokumen/konversi_ak.html", {"d": dokumen_konversi_ak(pegawai, tahun)})
