"""Bench data for IP ASN: for the active pegawai of the synthetic instansi (BENCH_INSTANSI, default
sintetis-7) verified pengembangan kompetensi (about 60 % a diklat teknis of 24 JP, 30 % also a seminar,
10 % a diklat kepemimpinan), about 2 % a hukuman disiplin in force in the year; the annual final
penilaian come from bench/data_penilaian.py, run before. Written with INSERT … SELECT statements (no
rows through Python).

Then times `hitung_ip_asn` for the whole instansi and prints JSON."""

import json
import os
import time
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from kinerja.ipasn.models import HasilIpAsn, HukumanDisiplin, PengembanganKompetensi, StatusData
from kinerja.ipasn.perhitungan import hitung_ip_asn
from kinerja.organisasi.models import Instansi, Pegawai

TAHUN = 2027


def _insert_select(model, kolom: dict[str, tuple[str, list]], dari: str, params: list) -> int:
    """INSERT INTO <model> (...) SELECT <kolom> <dari> (as in bench/data_penilaian.py): every concrete
    column but the key must be given, so a new model field fails here loudly."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    kurang = [f.column for f in fields if f.column not in kolom]
    if kurang:
        raise RuntimeError(f"{model.__name__}: no value for {kurang}")
    q = connection.ops.quote_name
    sql = (
        f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(f.column) for f in fields)}) "
        f"SELECT {', '.join(kolom[f.column][0] for f in fields)} {dari}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [v for f in fields for v in kolom[f.column][1]] + params)
        return cursor.rowcount


def konst(value) -> tuple[str, list]:
    return "%s", [value]


def _data_dukung(now) -> dict[str, tuple[str, list]]:
    return {
        "created_at": konst(now),
        "updated_at": konst(now),
        "pegawai_id": ("p.id", []),
        "berkas": konst(""),
        "nama_berkas": konst(""),
        "jenis_berkas": konst(""),
        "status": konst(StatusData.TERVERIFIKASI.value),
        "diajukan_oleh_id": ("NULL", []),
        "diverifikasi_oleh_id": ("NULL", []),
        "diverifikasi_pada": ("NULL", []),
        "catatan_verifikasi": konst(""),
    }


def tulis(instansi: Instansi) -> dict[str, int]:
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    tanggal = ops.adapt_datefield_value(date(TAHUN, 5, 20))
    dari = f"FROM {Pegawai._meta.db_table} p WHERE p.instansi_id = %s AND p.aktif = %s AND p.id %% 10 < %s"
    n = {}
    with transaction.atomic():
        for jenis, nama, jp, persepuluh in (
            ("teknis", "Pelatihan teknis (bench)", 24, 6),
            ("seminar", "Seminar (bench)", 4, 3),
            ("kepemimpinan", "Pelatihan kepemimpinan (bench)", 60, 1),
        ):
            n[jenis] = _insert_select(
                PengembanganKompetensi,
                _data_dukung(now)
                | {
                    "jenis": konst(jenis),
                    "nama": konst(nama),
                    "penyelenggara": konst("BPSDM"),
                    "tanggal_mulai": konst(tanggal),
                    "tanggal_selesai": konst(tanggal),
                    "jp": konst(jp),
                    "sesuai_jabatan": konst(True),
                    "nomor_sertifikat": konst(""),
                },
                dari,
                [instansi.pk, True, persepuluh],
            )
        n["hukuman"] = _insert_select(
            HukumanDisiplin,
            _data_dukung(now)
            | {
                "tingkat": (
                    "CASE WHEN p.id %% 3 = 0 THEN 'ringan' WHEN p.id %% 3 = 1 THEN 'sedang' ELSE 'berat' END",
                    [],
                ),
                "jenis": konst("Teguran (bench)"),
                "nomor_sk": konst(""),
                "tanggal_sk": konst(tanggal),
                "tmt_mulai": konst(tanggal),
                "tmt_selesai": ("NULL", []),
            },
            f"FROM {Pegawai._meta.db_table} p WHERE p.instansi_id = %s AND p.aktif = %s AND p.id %% 50 = 0",
            [instansi.pk, True],
        )
    return n


def main() -> None:
    instansi = Instansi.objects.get(kode=os.getenv("BENCH_INSTANSI", "sintetis-7"))
    start = time.perf_counter()
    n = tulis(instansi)
    tulis_s = time.perf_counter() - start
    start = time.perf_counter()
    perhitungan = hitung_ip_asn(instansi, TAHUN)
    hitung_s = time.perf_counter() - start
    assert HasilIpAsn.objects.filter(perhitungan=perhitungan).count() == perhitungan.jumlah_pegawai
    print(
        json.dumps(
            {
                "pegawai": perhitungan.jumlah_pegawai,
                "kompetensi": n,
                "tulis_s": round(tulis_s, 2),
                "ip_asn_100k_s": round(hitung_s, 2),
                "nilai": str(perhitungan.nilai),
                "kategori": perhitungan.kategori,
                "perhitungan": perhitungan.pk,
            }
        )
    )


main()
