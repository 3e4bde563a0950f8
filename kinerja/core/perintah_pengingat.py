"""The shape every daily reminder command shares: a date, a dry run, or a task in the queue."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class PerintahPengingat(BaseCommand):
    """Subclasses set `kirim(hari, dry_run=...) -> dict`, `tugas` (a django.tasks task taking the ISO
    date), `label` (key of the result -> what it counts) and `kata` (how a notice is called)."""

    kirim = None
    tugas = None
    label: dict[str, str] = {}
    kata = "Pengingat"

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
            hasil = type(self).tugas.enqueue(hari.isoformat())
            self.stdout.write(f"{self.kata} {hari:%d-%m-%Y} masuk antrean (tugas {hasil.id}).")
            return
        hasil = type(self).kirim(hari, dry_run=dry_run)
        judul = "Akan dikirim" if dry_run else "Terkirim"
        self.stdout.write(f"{judul} untuk {hari:%d-%m-%Y}:")
        for kunci, label in self.label.items():
            self.stdout.write(f"  {label}: {hasil[kunci]}")
