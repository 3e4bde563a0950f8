import time

from django.core.management.base import BaseCommand, CommandError

from kinerja.organisasi.synthetic import generate


class Command(BaseCommand):
    help = "Membuat instansi sintetis dengan sejumlah pegawai (uji beban dan benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, required=True, help="jumlah pegawai")
        parser.add_argument("--seed", type=int, default=1, help="benih acak (hasil dapat diulang)")
        parser.add_argument("--kode", help="kode instansi (bawaan: sintetis-<seed>)")

    def handle(self, *args, pegawai, seed, kode=None, **options):
        if pegawai < 1:
            raise CommandError("Jumlah pegawai harus minimal 1.")
        start = time.perf_counter()
        try:
            hasil = generate(pegawai=pegawai, seed=seed, kode=kode)
        except ValueError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Instansi {hasil.instansi.kode}: {hasil.unit} unit kerja, {hasil.jabatan} jabatan, "
                f"{hasil.pegawai} pegawai dalam {time.perf_counter() - start:.1f} detik."
            )
        )
