"""Writes one national export (kinerja.tindak_lanjut.ekspor) to a file, for instansi too large for a
download in the browser:

    manage.py ekspor_nasional --instansi KODE --tahun 2027 --jenis predikat --format csv \\
        [--unit KODE] --output predikat.csv
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.organisasi.models import Instansi
from kinerja.perencanaan.selectors_laporan import pohon_instansi, turunan
from kinerja.tindak_lanjut.ekspor import FORMATS, LAYOUTS, Lingkup, tulis_csv, tulis_xlsx
from kinerja.tindak_lanjut.forms_ekspor import TAHUN_MAX, TAHUN_MIN


class Command(BaseCommand):
    help = (
        "Ekspor SKP tahunan, predikat atau angka kredit satu instansi ke CSV/XLSX (docs/ekspor_nasional.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="Kode instansi.")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--jenis", required=True, choices=sorted(LAYOUTS))
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--unit", default="", help="Kode unit kerja: hanya unit ini beserta sub-unitnya.")
        parser.add_argument("--output", required=True, help="Berkas tujuan.")

    def handle(self, *args, **opts):
        instansi = Instansi.objects.filter(kode=opts["instansi"]).first()
        if instansi is None:
            raise CommandError(f"Instansi dengan kode “{opts['instansi']}” tidak ditemukan.")
        if not TAHUN_MIN <= opts["tahun"] <= TAHUN_MAX:
            raise CommandError(f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX}.")
        unit_ids = None
        if opts["unit"]:
            pohon = pohon_instansi(instansi.pk)
            unit = next((u for u in pohon.units if u.kode == opts["unit"]), None)
            if unit is None:
                raise CommandError(f"Unit kerja “{opts['unit']}” tidak ada di {instansi.nama}.")
            unit_ids = turunan(unit.id, pohon.anak)
        layout = LAYOUTS[opts["jenis"]]
        lingkup = Lingkup(instansi=instansi, tahun=opts["tahun"], unit_ids=unit_ids)
        output = Path(opts["output"])
        mulai = time.perf_counter()
        tmp = output.with_name(output.name + ".sebagian")
        try:
            with tmp.open("wb") as out:
                tulis = tulis_csv if opts["format"] == "csv" else tulis_xlsx
                n = tulis(layout, lingkup, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        tmp.replace(output)
        detik = time.perf_counter() - mulai
        self.stdout.write(f"{n} baris {layout.jenis} ditulis ke {output} dalam {detik:.1f} detik.")
