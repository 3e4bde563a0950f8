"""`import_pegawai FILE [--dry-run] [--instansi KODE]`: the web import, run synchronously."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kinerja.organisasi.impor import LEMBAR, BerkasDitolak, apply_import, format_galat
from kinerja.organisasi.models import Instansi


class Command(BaseCommand):
    help = "Impor unit kerja, jabatan dan pegawai dari XLSX atau CSV (lihat docs/impor.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Berkas .xlsx atau .csv")
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa; tidak menyimpan apa pun.")
        parser.add_argument("--instansi", help="Kode instansi (wajib bila ada lebih dari satu instansi).")

    def handle(self, *args, file, dry_run, instansi, verbosity, **options):
        translation.activate("id")
        target = self._instansi(instansi)
        progress = None
        if verbosity >= 2 and sys.stderr.isatty():

            def progress(diproses, total):
                self.stderr.write(f"\r{diproses}/{total} baris", ending="")

        try:
            hasil = apply_import(target, file, dry_run=dry_run, progress=progress)
        except BerkasDitolak as e:
            raise CommandError(str(e)) from None
        except FileNotFoundError:
            raise CommandError(f"Berkas {file} tidak ditemukan.") from None
        if progress:
            self.stderr.write("")
        self.stdout.write(f"Instansi: {target.nama} ({target.kode}); {hasil.total_baris} baris dibaca.")
        for nama, n in hasil.jumlah.items():
            self.stdout.write(
                f"  {LEMBAR[nama].judul}: {n['dibuat']} baru, {n['diubah']} diubah, "
                f"{n['tetap']} tidak berubah"
            )
        for g in hasil.galat:
            self.stdout.write(format_galat(g))
        if hasil.galat:
            raise CommandError(f"{len(hasil.galat)} kesalahan; tidak ada data yang disimpan.")
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS("Berkas lolos pemeriksaan (--dry-run: tidak ada yang disimpan).")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Impor selesai; {hasil.akun_dibuat} akun baru dibuat."))

    def _instansi(self, kode: str | None) -> Instansi:
        if kode:
            try:
                return Instansi.objects.get(kode=kode)
            except Instansi.DoesNotExist:
                raise CommandError(f"Instansi dengan kode {kode} tidak ada.") from None
        semua = list(Instansi.objects.all()[:2])
        if len(semua) != 1:
            raise CommandError("Sebutkan --instansi KODE (ada lebih dari satu instansi, atau belum ada).")
        return semua[0]
