from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kinerja.penilaian.pengingat import kirim_pengingat
from kinerja.penilaian.tasks import kirim_pengingat_penilaian_harian

LABEL = {
    "jadwal": "periode penilaian yang diproses",
    "dibuka": "pemberitahuan periode dibuka (pegawai)",
    "batas": "pengingat batas pengisian realisasi (pegawai)",
    "menunggu_penilaian": "pengingat pegawai menunggu penilaian (pejabat penilai)",
}


class Command(BaseCommand):
    help = (
        "Mengirim pemberitahuan periode penilaian: periode dibuka, batas pengisian realisasi mendekat, dan "
        "pegawai menunggu penilaian (jalankan sekali sehari; pemberitahuan yang sudah terkirim hari ini "
        "tidak dikirim lagi). Lihat docs/operasi.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="tanggal yang diperiksa, TTTT-BB-HH (bawaan: hari ini)")
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
            hasil = kirim_pengingat_penilaian_harian.enqueue(hari.isoformat())
            self.stdout.write(f"Pemberitahuan {hari:%d-%m-%Y} masuk antrean (tugas {hasil.id}).")
            return
        hasil = kirim_pengingat(hari, dry_run=dry_run)
        judul = "Akan dikirim" if dry_run else "Terkirim"
        self.stdout.write(f"{judul} untuk {hari:%d-%m-%Y}:")
        for kunci, label in LABEL.items():
            self.stdout.write(f"  {label}: {hasil[kunci]}")
