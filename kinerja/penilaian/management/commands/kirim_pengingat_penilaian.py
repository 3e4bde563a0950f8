from kinerja.core.perintah_pengingat import PerintahPengingat
from kinerja.penilaian.pengingat import kirim_pengingat
from kinerja.penilaian.tasks import kirim_pengingat_penilaian_harian

LABEL = {
    "jadwal": "periode penilaian yang diproses",
    "dibuka": "pemberitahuan periode dibuka (pegawai)",
    "batas": "pengingat batas pengisian realisasi (pegawai)",
    "menunggu_penilaian": "pengingat pegawai menunggu penilaian (pejabat penilai)",
}


class Command(PerintahPengingat):
    help = (
        "Mengirim pemberitahuan periode penilaian: periode dibuka, batas pengisian realisasi mendekat, dan "
        "pegawai menunggu penilaian (jalankan sekali sehari; pemberitahuan yang sudah terkirim hari ini "
        "tidak dikirim lagi). Lihat docs/operasi.md."
    )
    kirim = staticmethod(kirim_pengingat)
    tugas = kirim_pengingat_penilaian_harian
    label = LABEL
    kata = "Pemberitahuan"
