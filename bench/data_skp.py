"""Bench data for the SKP pages: Sekar's SKP with 20 RHK × 3 indikator, and 50 subordinates of the
Kabid with a submitted SKP each. Prints JSON: the SKP id and the seconds to render its PDF."""

import json
import time
from datetime import date

from kinerja.dokumen.pdf import skp_pdf
from kinerja.organisasi.models import Pegawai
from kinerja.perencanaan import services
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from kinerja.perencanaan.workflow import StatusSkp


def main() -> None:
    kabid = Pegawai.objects.get(nip="198103021999121001")
    sekar = Pegawai.objects.get(nip="199106112012062001")
    periode = services.periode_tahun(kabid.instansi, 2027)
    skp = services.buka_skp(pegawai=sekar, periode=periode)
    rhk = RencanaHasilKerja.objects.bulk_create(
        RencanaHasilKerja(
            skp=skp,
            uraian=f"Terevaluasinya pelaksanaan kegiatan {i + 1} secara optimal",
            urutan=i,
            jenis="utama" if i < 15 else "tambahan",
        )
        for i in range(20)
    )
    IndikatorKinerjaIndividu.objects.bulk_create(
        IndikatorKinerjaIndividu(rhk=r, uraian=f"Indikator {a} kegiatan", aspek=a, target_min=90, satuan="%")
        for r in rhk
        for a in ("kuantitas", "kualitas", "waktu")
    )
    staf = Pegawai.objects.bulk_create(
        Pegawai(
            instansi=kabid.instansi,
            unit_kerja=kabid.unit_kerja,
            jabatan=sekar.jabatan,
            nama=f"Staf {i:02d}",
            nip=f"19900101201401{1 + i % 2}{i + 500:03d}",
            status="pns",
            golongan_ruang="III/a",
            pejabat_penilai=kabid,
        )
        for i in range(46)
    )
    Skp.objects.bulk_create(
        Skp(
            pegawai=p,
            periode=periode,
            jenis="ja_jf",
            unit_kerja=p.unit_kerja,
            pejabat_penilai=kabid,
            tanggal_mulai=date(2027, 1, 1),
            tanggal_selesai=date(2027, 12, 31),
            status=StatusSkp.DIAJUKAN,
        )
        for p in staf
    )
    kabid.user.set_password("bench-pass-123")
    kabid.user.save()
    skp = Skp.objects.select_related(
        "periode",
        "pegawai__instansi",
        "pejabat_penilai__jabatan",
        "pejabat_penilai__unit_kerja",
        "jabatan",
        "unit_kerja",
        "lampiran",
    ).get(pk=skp.pk)
    skp_pdf(skp)  # warm-up: fonts and templates
    start = time.perf_counter()
    skp_pdf(skp)
    print(json.dumps({"skp": skp.pk, "pdf_s": round(time.perf_counter() - start, 3)}))


main()
