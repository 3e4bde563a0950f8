from django.core.management.base import BaseCommand

from kinerja.organisasi.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Memuat organisasi demo (BKPSDM Kabupaten Kebumen dan Ditjen Ketenagalistrikan) dan akun demo."

    def handle(self, *args, **options):
        accounts = load_demo()
        # The IP ASN data of the demo pegawai (pendidikan, diklat, one hukuman disiplin, one record waiting
        # for verification); imported here because organisasi itself never depends on the later stages.
        from kinerja.ipasn.demo import muat_demo_ipasn

        muat_demo_ipasn()
        self.stdout.write(
            self.style.SUCCESS(f"Organisasi demo dimuat. Akun demo (kata sandi: {DEMO_PASSWORD}):")
        )
        for peran, username, nama in accounts:
            self.stdout.write(f"  {peran:<28} {username:<20} {nama}")
