from django.core.management.base import BaseCommand
from django.utils import timezone

from kinerja.organisasi.models import Instansi
from kinerja.organisasi.penilai import sync_penilai


class Command(BaseCommand):
    help = (
        "Menghitung ulang pejabat penilai dan atasan pejabat penilai setiap pegawai dari struktur "
        "(jalankan harian agar penugasan Plt/Plh yang mulai atau berakhir ikut diperhitungkan)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", help="kode instansi (bawaan: semua)")

    def handle(self, *args, instansi=None, **options):
        qs = Instansi.objects.all()
        if instansi:
            qs = qs.filter(kode=instansi)
        today = timezone.localdate()
        for ins in qs:
            changed = sync_penilai(instansi=ins, on=today)
            self.stdout.write(f"{ins.kode}: {changed} pegawai diperbarui")
