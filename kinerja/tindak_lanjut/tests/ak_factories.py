"""Test data for angka kredit: pejabat fungsional of any jenjang in the demo's Kebumen structure, and a
final penilaian converted through the signal, as the penilaian stage sends it."""

from datetime import date

from kinerja.aturan import RatingKerja
from kinerja.organisasi.models import Jabatan, Pegawai
from kinerja.penilaian.signals import hasil_ditetapkan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui

BAWONO, AMIRUDIN = "198103021999121001", "196804241998031011"
DIMAS, SEKAR, YOGA = "199503142019031004", "199106112012062001", "200001052025011001"
AT, SESUAI, BAWAH = (
    RatingKerja.DI_ATAS_EKSPEKTASI,
    RatingKerja.SESUAI_EKSPEKTASI,
    RatingKerja.DI_BAWAH_EKSPEKTASI,
)
# (hasil, perilaku) giving each predikat (regulasi.md §3.7)
SANGAT_BAIK, BAIK = (AT, AT), (SESUAI, SESUAI)
BUTUH_PERBAIKAN, SANGAT_KURANG = (BAWAH, SESUAI), (BAWAH, BAWAH)


def pejabat_fungsional(demo, *, jenjang: str, golongan: str, nip: str, jenis="fungsional", status="pns"):
    bawono = demo[BAWONO]
    jabatan = Jabatan.objects.create(
        instansi=bawono.instansi,
        kode=f"JF-{nip[-6:]}",
        nama="Pranata Uji" if jenis == "fungsional" else "Pengolah Data",
        jenis=jenis,
        jenjang=jenjang if jenis == "fungsional" else "",
        unit_kerja=bawono.unit_kerja,
        atasan=bawono.jabatan,
    )
    return Pegawai.objects.create(
        instansi=bawono.instansi,
        nip=nip,
        nama=f"Pegawai {jenjang or jenis}",
        status=status,
        golongan_ruang=golongan if status != "pppk" else "",
        golongan_pppk="IX" if status == "pppk" else "",
        jabatan=jabatan,
        unit_kerja=bawono.unit_kerja,
        pejabat_penilai=bawono,
        atasan_pejabat_penilai=demo[AMIRUDIN],
    )


def final_dan_kirim(
    pegawai, *, tahun, rating, mulai: date | None = None, selesai: date | None = None, by=None
):
    """An approved SKP (optionally over part of the year), its annual penilaian made final, and the
    ``hasil_ditetapkan`` signal sent as ``finalise`` sends it."""
    skp = skp_disetujui(pegawai, tahun=tahun)
    if mulai or selesai:
        skp.tanggal_mulai = mulai or skp.tanggal_mulai
        skp.tanggal_selesai = selesai or skp.tanggal_selesai
        skp.save(update_fields=["tanggal_mulai", "tanggal_selesai"])
    p = penilaian_dengan(skp, hasil=rating[0], perilaku=rating[1], final=True)
    hasil_ditetapkan.send(type(p), penilaian=[p], by=by, perubahan=False)
    return p
