from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kinerja.perencanaan.pengingat import kirim_pengingat
from kinerja.perencanaan.tasks import kirim_pengingat_harian

LABEL = {
    "periode": "periode dengan batas penyusunan dekat atau baru lewat",
    "penyusunan": "pengingat SKP belum diajukan (pegawai)",
    "persetujuan": "pengingat SKP menunggu persetujuan (pejabat penilai)",
    "terlambat": "pemberitahuan SKP terlambat (pegawai)",
    "terlambat_penilai": "ringkasan SKP terlambat (pejabat penilai)",
}


class Command(BaseCommand):
    help = (
        "Mengirim pengingat batas penyusunan SKP (jalankan sekali sehari; pengingat yang sudah terkirim "
        "pada tanggal yang sama tidak dikirim lagi). Lihat docs/operasi.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="tanggal pengiriman, TTTT-BB-HH (bawaan: hari ini)")
        parser.add_argument(
            "--dry-run", action="store_true", help="hanya hitung penerima, tanpa mengirim atau mencatat"
        )
        parser.add_argument(
            "--antrekan", action="store_true", help="masukkan ke antrean tugas (db_worker) alih-alih langsung"
        )

    def handle(self, *args, tanggal=None, dry_run=False, antrekan=False, **options):
        try:
            hari = date.fromisoformat(tanggal) if tanggal else timezone.localdate()
        except ValueError:
            raise CommandError(f"Tanggal tidak valid: {tanggal!r}. Gunakan format TTTT-BB-HH.") from None
        if antrekan:
            if dry_run:
                raise CommandError("--dry-run tidak dapat dipakai bersama --antrekan.")
            hasil = kirim_pengingat_harian.enqueue(hari.isoformat())
            self.stdout.write(f"Pengingat {hari:%d-%m-%Y} masuk antrean (tugas {hasil.id}).")
            return
        hasil = kirim_pengingat(hari, dry_run=dry_run)
        judul = "Akan dikirim" if dry_run else "Terkirim"
        self.stdout.write(f"{judul} untuk {hari:%d-%m-%Y}:")
        for kunci, label in LABEL.items():
            self.stdout.write(f"  {label}: {hasil[kunci]}")
