from kinerja.core.perintah_pengingat import PerintahPengingat
from kinerja.perencanaan.pengingat import kirim_pengingat
from kinerja.perencanaan.tasks import kirim_pengingat_harian

LABEL = {
    "periode": "periode dengan batas penyusunan dekat atau baru lewat",
    "penyusunan": "pengingat SKP belum diajukan (pegawai)",
    "persetujuan": "pengingat SKP menunggu persetujuan (pejabat penilai)",
    "terlambat": "pemberitahuan SKP terlambat (pegawai)",
    "terlambat_penilai": "ringkasan SKP terlambat (pejabat penilai)",
}


class Command(PerintahPengingat):
    help = (
        "Mengirim pengingat batas penyusunan SKP (jalankan sekali sehari; pengingat yang sudah terkirim "
        "pada tanggal yang sama tidak dikirim lagi). Lihat docs/operasi.md."
    )
    kirim = staticmethod(kirim_pengingat)
    tugas = kirim_pengingat_harian
    label = LABEL
    kata = "Pengingat"
