"""Exports for the national systems (docs/ekspor_nasional.md): each export's content for the demo
organisation, the CSV and XLSX written and read back, the layouts against the documentation, scoping
(unit subtree, other instansi), bad input and query counts that do not grow with the rows."""

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.aturan import JenjangFungsional, Predikat, RatingKerja, angka_kredit, predikat_kinerja
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.models import Keberatan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.perencanaan.models import JadwalPeriode
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp
from kinerja.tindak_lanjut.ekspor import LAYOUTS, dokumentasi_tabel
from kinerja.tindak_lanjut.models import KonversiAngkaKredit

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
DIMAS, RINA, AGUS, BUDI = (
    "199503142019031004",
    "199708222020122003",
    "198209152006041005",
    "199001012014021003",
)
MAYA = "199402282018012001"
URL = "/tindak-lanjut/ekspor/"
DOCS = Path(__file__).resolve().parents[3] / "docs" / "ekspor_nasional.md"
A, S = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI


def _unduh(client, **params):
    return client.get(URL, {"tahun": 2027, "format": "csv"} | params)


def _isi(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv(response) -> list[dict]:
    raw = _isi(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _konversi(penilaian, *, predikat, jenjang, bulan, mulai, selesai, tahunan):
    ak = angka_kredit(predikat, jenjang, bulan)
    return KonversiAngkaKredit.objects.create(
        penilaian=penilaian,
        pegawai=penilaian.pegawai,
        tahun=2027,
        tahunan=tahunan,
        tanggal_mulai=mulai,
        tanggal_selesai=selesai,
        jenjang=jenjang,
        golongan_ruang=penilaian.pegawai.golongan_ruang,
        predikat=predikat,
        bulan=bulan,
        persen=Decimal("1.00") if predikat == Predikat.BAIK else Decimal("1.50"),
        koefisien=Decimal("12.50"),
        angka_kredit=ak,
    )


# --- content ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_skp_export_lists_approved_skp_with_penilai_and_rhk_counts(demo, cast, client_as):
    skp_disetujui(demo[SEKAR], utama=2, tambahan=1)
    skp_dengan_status(demo[RINA], StatusSkp.DRAF)  # a draft is not exported
    rows = _csv(_unduh(client_as(cast["analis_sdm"]), jenis="skp"))
    assert [r["nip"] for r in rows] == [SEKAR]
    r = rows[0]
    assert r == r | {
        "nama": "Sekar Satiti",
        "status_kepegawaian": "PNS",
        "golongan": "III/c",
        "jenis_jabatan": "Jabatan Fungsional",
        "jenjang": "Ahli Muda",
        "kode_unit": "BKPSDM-IPKP",
        "tahun": "2027",
        "periode_awal": "2027-01-01",
        "periode_akhir": "2027-12-31",
        "jenis_skp": "JA/JF",
        "pendekatan": "Kuantitatif",
        "status_skp": "Disetujui",
        "versi": "1",
        "tanggal_disetujui": timezone.localdate().isoformat(),
        "nip_pejabat_penilai": BAWONO,
        "nip_atasan_pejabat_penilai": AMIRUDIN,
        "jumlah_rhk_utama": "2",
        "jumlah_rhk_tambahan": "1",
    }
    assert r["nama_pejabat_penilai"] == demo[BAWONO].nama_lengkap
    assert list(rows[0]) == LAYOUTS["skp"].nama_kolom


@pytest.mark.django_db
def test_predikat_export_has_periodic_then_annual_rows_with_regulation_labels(demo, cast, client_as):
    skp = skp_disetujui(demo[SEKAR])
    jadwal = JadwalPeriode.objects.filter(periode=skp.periode).order_by("nomor").first()
    penilaian_dengan(skp, jadwal=jadwal, hasil=S, perilaku=S, final=True)
    tahunan = penilaian_dengan(skp, hasil=A, perilaku=S, final=True, diterima=timezone.now())
    Keberatan.objects.create(penilaian=tahunan, atasan=tahunan.atasan_pejabat_penilai, alasan="Tidak sesuai")
    penilaian_dengan(skp_disetujui(demo[RINA]), final=False)  # a draft is not exported

    rows = _csv(_unduh(client_as(cast["pimpinan"]), jenis="predikat"))
    assert [(r["nip"], r["periode"]) for r in rows] == [(SEKAR, str(jadwal.nomor)), (SEKAR, "TAHUNAN")]
    periodik, akhir = rows
    assert periodik["periode_awal"] == jadwal.tanggal_mulai.isoformat()
    assert periodik["predikat"] == "Baik" and periodik["status_keberatan"] == ""
    assert akhir == akhir | {
        "tahun": "2027",
        "periode_awal": "2027-01-01",
        "periode_akhir": "2027-12-31",
        "rating_hasil_kerja": "Di Atas Ekspektasi",
        "rating_perilaku_kerja": "Sesuai Ekspektasi",
        "predikat": predikat_kinerja(A, S).label,
        "tanggal_final": timezone.localdate().isoformat(),
        "tanggal_diterima": timezone.localdate().isoformat(),
        "status_keberatan": "Diajukan",
    }


@pytest.fixture
def konversi(demo):
    """Dimas (Ahli Pertama): two periodic conversions (the BKN example's 2,08 among them); Sekar: a
    periodic and an annual one, where only the annual counts."""
    dimas = skp_disetujui(demo[DIMAS])
    jadwal = list(JadwalPeriode.objects.filter(periode=dimas.periode).order_by("nomor"))
    p1 = penilaian_dengan(dimas, jadwal=jadwal[0], hasil=A, perilaku=A, final=True)
    p2 = penilaian_dengan(dimas, jadwal=jadwal[1], final=True)
    J = JenjangFungsional.AHLI_PERTAMA
    _konversi(p1, predikat=Predikat.SANGAT_BAIK, jenjang=J, bulan=12, mulai=date(2027, 1, 1),
              selesai=date(2027, 3, 31), tahunan=False)  # fmt: skip
    _konversi(p2, predikat=Predikat.BAIK, jenjang=J, bulan=2, mulai=date(2027, 4, 1),
              selesai=date(2027, 5, 31), tahunan=False)  # fmt: skip
    sekar = skp_disetujui(demo[SEKAR])
    q1 = penilaian_dengan(sekar, jadwal=jadwal[0], final=True)
    th = penilaian_dengan(sekar, final=True)
    _konversi(q1, predikat=Predikat.BAIK, jenjang=J, bulan=3, mulai=date(2027, 1, 1),
              selesai=date(2027, 3, 31), tahunan=False)  # fmt: skip
    _konversi(th, predikat=Predikat.BAIK, jenjang=J, bulan=12, mulai=date(2027, 1, 1),
              selesai=date(2027, 12, 31), tahunan=True)  # fmt: skip


@pytest.mark.django_db
def test_angka_kredit_export_with_running_sum_per_pegawai(cast, client_as, konversi):
    rows = _csv(_unduh(client_as(cast["analis_sdm"]), jenis="angka_kredit"))
    got = [
        (r["nip"], r["jenis_konversi"], r["angka_kredit"], r["dihitung"], r["ak_kumulatif_tahun"])
        for r in rows
    ]
    assert got == [
        (SEKAR, "PERIODIK", "3.13", "Tidak", "0.00"),  # the annual conversion replaces the periodic one
        (SEKAR, "TAHUNAN", "12.50", "Ya", "12.50"),
        (DIMAS, "PERIODIK", "18.75", "Ya", "18.75"),  # regulasi.md §4.5: 18,75 + 2,08 = 20,83
        (DIMAS, "PERIODIK", "2.08", "Ya", "20.83"),
    ]
    assert rows[2] == rows[2] | {
        "jenjang": "Ahli Pertama",
        "golongan": "III/b",
        "predikat": "Sangat Baik",
        "bulan": "12",
        "persentase": "1.50",
        "koefisien": "12.50",
        "masa_awal": "2027-01-01",
    }


# --- formats ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_xlsx_reads_back_with_dates_and_numbers(cast, client_as, konversi):
    response = _unduh(client_as(cast["analis_sdm"]), jenis="angka_kredit", format="xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "ekspor_angka_kredit_kab-kebumen_2027.xlsx" in response["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(_isi(response)))
    rows = list(wb.active.iter_rows(values_only=True))
    assert list(rows[0]) == LAYOUTS["angka_kredit"].nama_kolom
    dimas = dict(zip(rows[0], rows[4], strict=True))
    assert dimas["nip"] == DIMAS and isinstance(dimas["nip"], str)
    assert dimas["masa_awal"] == datetime(2027, 4, 1)
    assert dimas["angka_kredit"] == pytest.approx(2.08) and dimas["ak_kumulatif_tahun"] == pytest.approx(
        20.83
    )
    assert dimas["bulan"] == 2
    assert wb.active.cell(row=5, column=13).number_format == "0.00"


@pytest.mark.django_db
def test_csv_uses_comma_iso_dates_and_dot_decimals(cast, client_as, konversi):
    response = _unduh(client_as(cast["analis_sdm"]), jenis="angka_kredit")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    text = _isi(response).decode("utf-8-sig")
    header, first = text.split("\r\n")[:2]
    assert header == ",".join(LAYOUTS["angka_kredit"].nama_kolom)
    assert re.search(r",2027-01-01,2027-03-31,PERIODIK,", first) and ",3.13," in first


# --- layout and documentation ---------------------------------------------------------------------


def test_docs_list_every_column_of_every_layout_in_order():
    text = DOCS.read_text(encoding="utf-8")
    for jenis, layout in LAYOUTS.items():
        start = text.index(f"<!-- layout:{jenis} -->")
        end = text.index(f"<!-- /layout:{jenis} -->")
        documented = re.findall(r"^\| \d+ \| `([a-z_]+)` \|", text[start:end], flags=re.MULTILINE)
        assert documented == layout.nama_kolom, jenis
        assert dokumentasi_tabel(layout) in text[start:end], f"{jenis}: regenerate the table"


def test_every_layout_column_has_a_known_type_and_a_description():
    for layout in LAYOUTS.values():
        names = layout.nama_kolom
        assert len(names) == len(set(names))
        for k in layout.kolom:
            assert k.tipe in {"teks", "tanggal", "bilangan", "desimal"} and k.keterangan and k.sumber
            assert (k.tipe == "desimal") == (k.desimal in (2, 3))


# --- scoping, permissions, bad input --------------------------------------------------------------


@pytest.mark.django_db
def test_unit_limits_the_export_to_its_subtree(demo, cast, client_as):
    for nip in (SEKAR, AGUS, BUDI):
        skp_disetujui(demo[nip])
    client = client_as(cast["analis_sdm"])
    sek = UnitKerja.objects.get(kode="BKPSDM-SEK")
    rows = _csv(_unduh(client, jenis="skp", unit=sek.pk))
    assert sorted(r["nip"] for r in rows) == sorted([AGUS, BUDI])  # BKPSDM-SEK-UMPEG lies below it
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")
    assert len(_csv(_unduh(client, jenis="skp", unit=bkpsdm.pk))) == 3
    response = _unduh(client, jenis="skp", unit=sek.pk)
    assert "ekspor_skp_kab-kebumen_2027_BKPSDM-SEK.csv" in response["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"tahun": 1999}, "Tahun harus antara 2000 dan 2100."),
        ({"tahun": "dua ribu"}, "Tahun harus berupa angka"),
        ({"jenis": "gaji"}, "Jenis ekspor “gaji” tidak dikenal."),
        ({"format": "pdf"}, "Format “pdf” tidak dikenal"),
        ({"unit": "DJK"}, "Unit kerja ini tidak ada di"),
        ({"instansi": "ESDM"}, "Instansi ini tidak dapat Anda ekspor."),
    ],
)
def test_bad_input_is_an_indonesian_form_error_and_no_file(demo, cast, client_as, params, pesan):
    skp_disetujui(demo[SEKAR])
    ids = {"DJK": UnitKerja.objects.get(kode="DJK").pk, "ESDM": demo[MAYA].instansi_id}
    params = {k: ids.get(v, v) for k, v in params.items()}
    response = _unduh(
        client_as(cast["analis_sdm"]), **{"jenis": "skp", "instansi": demo[SEKAR].instansi_id} | params
    )
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert response["Content-Type"].startswith("text/html")
    assert pesan in response.content.decode()
    assert "Ekspor tidak dibuat" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai", "atasan_pejabat_penilai", "outsider"])
def test_others_are_refused_even_with_a_complete_request(demo, cast, client_as, role):
    skp_disetujui(demo[SEKAR])
    response = _unduh(client_as(cast[role]), jenis="skp", instansi=demo[SEKAR].instansi_id)
    assert response.status_code == 403


@pytest.mark.django_db
def test_page_shows_form_with_units_of_own_instansi_only(cast, client_as):
    response = client_as(cast["pimpinan"]).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bidang Informasi, Pengembangan Karier" in html and "Ketenagalistrikan" not in html
    assert "jumlah_rhk_utama" in html  # the column layout is shown


# --- query counts ----------------------------------------------------------------------------------


def _queries(client, **params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = _unduh(client, **params)
        rows = _isi(response).count(b"\n") - 1
    return len(ctx.captured_queries), rows


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_query_count_does_not_grow_with_rows(demo, cast, client_as, fmt, konversi):
    client = client_as(cast["analis_sdm"])
    kecil = {j: _queries(client, jenis=j, format=fmt)[0] for j in LAYOUTS}
    for nip in (RINA, AGUS, BUDI, BAWONO, AMIRUDIN):
        p = penilaian_dengan(skp_disetujui(demo[nip]), final=True)
        _konversi(p, predikat=Predikat.BAIK, jenjang=JenjangFungsional.AHLI_PERTAMA, bulan=12,
                  mulai=date(2027, 1, 1), selesai=date(2027, 12, 31), tahunan=True)  # fmt: skip
    besar = {j: _queries(client, jenis=j, format=fmt)[0] for j in LAYOUTS}
    assert besar == kecil
    if fmt == "csv":
        assert _queries(client, jenis="predikat")[1] == 9  # Sekar 2, Dimas 2, then 5 more


# --- management command ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_writes_the_same_csv_as_the_page(demo, cast, client_as, tmp_path, konversi):
    out = tmp_path / "ak.csv"
    call_command("ekspor_nasional", instansi="kab-kebumen", tahun=2027, jenis="angka_kredit",
                 format="csv", output=str(out), stdout=io.StringIO())  # fmt: skip
    page = _isi(_unduh(client_as(cast["analis_sdm"]), jenis="angka_kredit"))
    assert out.read_bytes() == page


@pytest.mark.django_db
def test_command_unit_and_xlsx(demo, tmp_path):
    for nip in (SEKAR, AGUS):
        skp_disetujui(demo[nip])
    out = tmp_path / "skp.xlsx"
    stdout = io.StringIO()
    call_command("ekspor_nasional", instansi="kab-kebumen", tahun=2027, jenis="skp", format="xlsx",
                 unit="BKPSDM-IPKP", output=str(out), stdout=stdout)  # fmt: skip
    assert "1 baris skp" in stdout.getvalue()
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [SEKAR]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opts", "pesan"),
    [
        ({"instansi": "tidak-ada"}, "tidak ditemukan"),
        ({"unit": "DJK"}, "tidak ada di"),
        ({"tahun": 1990}, "Tahun harus antara"),
    ],
)
def test_command_refuses_bad_input_and_writes_nothing(demo, tmp_path, opts, pesan):
    out = tmp_path / "x.csv"
    args = {"instansi": "kab-kebumen", "tahun": 2027, "jenis": "skp", "format": "csv", "output": str(out)}
    with pytest.raises(CommandError, match=pesan):
        call_command("ekspor_nasional", **(args | opts))
    assert not out.exists()
