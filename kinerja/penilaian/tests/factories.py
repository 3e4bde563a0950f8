"""Test data for pelaksanaan and penilaian, written directly (no workflow): an approved SKP with its
rencana hasil kerja and indikator, and a penilaian in any state."""

from django.utils import timezone

from kinerja.aturan import Predikat, RatingKerja, predikat_kinerja
from kinerja.penilaian.models import Penilaian, PenilaianRhk
from kinerja.penilaian.workflow import StatusPenilaian
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp


def skp_disetujui(pegawai, *, tahun=2027, utama=2, tambahan=1) -> Skp:
    """An approved SKP with `utama` + `tambahan` rencana hasil kerja, one indikator each."""
    skp = skp_dengan_status(pegawai, StatusSkp.DISETUJUI, tahun=tahun, disetujui=timezone.now())
    for i in range(utama + tambahan):
        jenis = RencanaHasilKerja.Jenis.UTAMA if i < utama else RencanaHasilKerja.Jenis.TAMBAHAN
        rhk = RencanaHasilKerja.objects.create(
            skp=skp, jenis=jenis, urutan=i + 1, uraian=f"Hasil kerja {i + 1} {pegawai.nama}"
        )
        IndikatorKinerjaIndividu.objects.create(
            rhk=rhk,
            uraian=f"Indikator {i + 1}",
            aspek="kuantitas",
            target_min=10,
            target_max=10,
            satuan="dokumen",
        )
    return skp


def penilaian_dengan(
    skp: Skp,
    *,
    jadwal=None,
    hasil: RatingKerja | None = RatingKerja.SESUAI_EKSPEKTASI,
    perilaku: RatingKerja | None = RatingKerja.SESUAI_EKSPEKTASI,
    final: bool = False,
    diterima=None,
    rhk_rating: RatingKerja | None = None,
) -> Penilaian:
    """A penilaian of the SKP by its pejabat penilai; the predikat follows the matrix."""
    pegawai = skp.pegawai
    predikat: Predikat | str = predikat_kinerja(hasil, perilaku) if hasil and perilaku else ""
    p = Penilaian.objects.create(
        skp=skp,
        jadwal=jadwal,
        periode=skp.periode,
        pegawai=pegawai,
        unit_kerja=skp.unit_kerja,
        pejabat_penilai=skp.pejabat_penilai,
        atasan_pejabat_penilai=pegawai.atasan_pejabat_penilai,
        rating_hasil_kerja=hasil or "",
        rating_perilaku=perilaku or "",
        predikat=predikat,
        status=StatusPenilaian.FINAL if final else StatusPenilaian.DRAF,
        difinalisasi_pada=timezone.now() if final else None,
        diterima_pada=diterima,
    )
    if rhk_rating is not None:
        PenilaianRhk.objects.bulk_create(
            PenilaianRhk(penilaian=p, rhk=rhk, rating=rhk_rating) for rhk in skp.rhk_set.all()
        )
    return p
