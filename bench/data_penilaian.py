"""Bench data for the penilaian pages: for every active pegawai of the synthetic instansi (BENCH_INSTANSI,
default sintetis-7) an approved 2027 SKP and an annual final penilaian whose predikat is spread over the
five, plus an annual capaian organisasi for the top unit. Written with two INSERT … SELECT statements
(no rows through Python: 100,000 of each in a few seconds on SQLite).

Then times `rekap_predikat` over the whole instansi (annual, every unit) and prints JSON: the seconds,
the unit for the distribution page (a bidang with a few hundred pegawai under it) and its size."""

import json
import os
import time
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from kinerja.aturan import CapaianOrganisasi, Predikat, RatingKerja
from kinerja.organisasi.models import Instansi, Pegawai, UnitKerja
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, Penilaian
from kinerja.penilaian.rekap import rekap_predikat
from kinerja.penilaian.workflow import StatusPenilaian
from kinerja.perencanaan import services
from kinerja.perencanaan.models import Skp
from kinerja.perencanaan.workflow import StatusSkp

TAHUN = 2027
A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
# Out of 20 pegawai: 2 Sangat Baik, 12 Baik, 3 Butuh Perbaikan, 2 Kurang, 1 Sangat Kurang, with the
# ratings that give each predikat in the 3×3 matrix.
SEBARAN = (
    [(A, A, Predikat.SANGAT_BAIK)] * 2
    + [(S, S, Predikat.BAIK)] * 12
    + [(B, S, Predikat.BUTUH_PERBAIKAN)] * 3
    + [(S, B, Predikat.KURANG)] * 2
    + [(B, B, Predikat.SANGAT_KURANG)]
)


def _insert_select(model, kolom: dict[str, tuple[str, list]], dari: str, params: list) -> int:
    """INSERT INTO <model> (...) SELECT <kolom> <dari>: one statement, no rows through Python. Every
    concrete column but the key must be given, so a new model field fails here loudly."""
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


def _case(kolom: str, nilai) -> tuple[str, list]:
    """CASE over `kolom` % len(SEBARAN) giving nilai(row of SEBARAN) for each slice of the spread."""
    parts, params, batas = [], [], 0
    for i, row in enumerate(SEBARAN):
        if i + 1 < len(SEBARAN) and nilai(SEBARAN[i + 1]) == nilai(row):
            continue
        parts.append(f"WHEN {kolom} %% {len(SEBARAN)} < {i + 1} THEN %s")
        params.append(str(nilai(row)))
        batas = i + 1
    assert batas == len(SEBARAN)
    return f"CASE {' '.join(parts)} END", params


def konst(value) -> tuple[str, list]:
    return "%s", [value]


def tulis(instansi: Instansi) -> int:
    """Writes the SKP, penilaian and capaian; returns the number of penilaian."""
    periode = services.periode_tahun(instansi, TAHUN)
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic():
        _insert_select(
            Skp,
            {
                "created_at": konst(now),
                "updated_at": konst(now),
                "pegawai_id": ("p.id", []),
                "periode_id": konst(periode.pk),
                "jenis": konst(Skp.Jenis.JA_JF.value),
                "pendekatan": konst(Skp.Pendekatan.KUANTITATIF.value),
                "jabatan_id": ("p.jabatan_id", []),
                "unit_kerja_id": ("p.unit_kerja_id", []),
                "pejabat_penilai_id": ("p.pejabat_penilai_id", []),
                "tanggal_mulai": konst(ops.adapt_datefield_value(date(TAHUN, 1, 1))),
                "tanggal_selesai": konst(ops.adapt_datefield_value(date(TAHUN, 12, 31))),
                "status": konst(StatusSkp.DISETUJUI.value),
                "versi": ("1", []),
                "revisi_dari_id": ("NULL", []),
                "catatan_penilai": konst(""),
                "diajukan_pada": konst(now),
                "disetujui_pada": konst(now),
            },
            f"FROM {Pegawai._meta.db_table} p WHERE p.instansi_id = %s AND p.aktif = %s",
            [instansi.pk, True],
        )
        # The head of the instansi's own SKP has no pejabat penilai in the app: no penilaian for it.
        n = _insert_select(
            Penilaian,
            {
                "created_at": konst(now),
                "updated_at": konst(now),
                "skp_id": ("s.id", []),
                "jadwal_id": ("NULL", []),
                "periode_id": ("s.periode_id", []),
                "pegawai_id": ("s.pegawai_id", []),
                "unit_kerja_id": ("s.unit_kerja_id", []),
                "pejabat_penilai_id": ("s.pejabat_penilai_id", []),
                "atasan_pejabat_penilai_id": ("p.atasan_pejabat_penilai_id", []),
                "rating_hasil_kerja": _case("s.pegawai_id", lambda r: r[0]),
                "rating_perilaku": _case("s.pegawai_id", lambda r: r[1]),
                "predikat": _case("s.pegawai_id", lambda r: r[2]),
                "capaian_organisasi": konst(""),
                "rating_dari_capaian": konst(False),
                "catatan": konst(""),
                "status": konst(StatusPenilaian.FINAL.value),
                "difinalisasi_pada": konst(now),
                "diterima_pada": ("NULL", []),
            },
            f"FROM {Skp._meta.db_table} s INNER JOIN {Pegawai._meta.db_table} p ON p.id = s.pegawai_id "
            "WHERE s.periode_id = %s AND s.pejabat_penilai_id IS NOT NULL",
            [periode.pk],
        )
        atas = UnitKerja.objects.filter(instansi=instansi, induk__isnull=True).order_by("kode").first()
        CapaianKinerjaOrganisasi.objects.create(
            unit_kerja=atas,
            periode=periode,
            capaian=CapaianOrganisasi.BAIK,
            dasar="Capaian Perjanjian Kinerja (data benchmark)",
        )
    return n


def unit_distribusi(instansi: Instansi) -> tuple[int, int]:
    """A bidang (second level below the top) and the number of pegawai in it and its seksi."""
    units = dict(UnitKerja.objects.filter(instansi=instansi).values_list("id", "induk_id"))
    atas = [u for u, i in units.items() if i is None]
    opd = sorted(u for u, i in units.items() if i in atas)
    bidang = sorted(u for u, i in units.items() if opd and i == opd[0]) or opd or atas
    pilih = bidang[0]
    cabang = {pilih} | {u for u, i in units.items() if i == pilih}
    return pilih, Pegawai.objects.filter(instansi=instansi, aktif=True, unit_kerja_id__in=cabang).count()


def main() -> None:
    instansi = Instansi.objects.get(kode=os.getenv("BENCH_INSTANSI", "sintetis-7"))
    start = time.perf_counter()
    n = tulis(instansi)
    tulis_s = time.perf_counter() - start
    unit_ids = list(UnitKerja.objects.filter(instansi=instansi).values_list("pk", flat=True))
    rekap_predikat(instansi.pk, TAHUN, unit_ids)  # warm-up
    start = time.perf_counter()
    hasil = rekap_predikat(instansi.pk, TAHUN, unit_ids)
    rekap_s = time.perf_counter() - start
    final = sum(h.final for h in hasil.values())
    assert final == n, (final, n)
    unit, pegawai_unit = unit_distribusi(instansi)
    print(
        json.dumps(
            {
                "penilaian": n,
                "unit": len(unit_ids),
                "tulis_s": round(tulis_s, 2),
                "rekap_predikat_100k_s": round(rekap_s, 3),
                "tahun": TAHUN,
                "distribusi_unit": unit,
                "distribusi_unit_pegawai": pegawai_unit,
            }
        )
    )


main()
