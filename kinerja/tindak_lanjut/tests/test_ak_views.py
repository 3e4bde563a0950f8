"""Angka kredit pages: the Konversi button's rights, the AK awal and koefisien forms, the PDF and the
XLSX recap (reopened and read), and query counts that do not grow with the rows."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.dokumen.tests.test_skp_pdf import pdftotext
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.tindak_lanjut.models import AngkaKreditAwal, KoefisienAngkaKredit, KonversiAngkaKredit

from .ak_factories import BAIK, DIMAS, SANGAT_BAIK, SEKAR, final_dan_kirim, pejabat_fungsional


@pytest.mark.django_db
def test_konversi_button_for_penilai_and_admin_only(demo, cast, client_as):
    p = penilaian_dengan(skp_disetujui(demo[SEKAR]), final=True)  # no signal: not converted yet
    url = reverse("tindak_lanjut:ak-konversi", args=[p.pk])
    assert client_as(cast["pegawai"]).post(url).status_code == 403
    assert client_as(cast["outsider"]).post(url).status_code == 404
    assert not KonversiAngkaKredit.objects.exists()
    page = client_as(cast["pejabat_penilai"]).get(reverse("tindak_lanjut:ak-pegawai", args=[demo[SEKAR].pk]))
    assert url in page.content.decode()
    assert client_as(cast["pejabat_penilai"]).post(url).status_code == 302
    assert KonversiAngkaKredit.objects.get(penilaian=p).angka_kredit == Decimal("25.00")


@pytest.mark.django_db
def test_konversi_of_a_draft_shows_a_message_and_changes_nothing(demo, cast, client_as):
    p = penilaian_dengan(skp_disetujui(demo[SEKAR]), final=False)
    r = client_as(cast["analis_sdm"]).post(reverse("tindak_lanjut:ak-konversi", args=[p.pk]), follow=True)
    assert r.status_code == 200 and "Predikat belum final" in r.content.decode()
    assert not KonversiAngkaKredit.objects.exists()


@pytest.mark.django_db
def test_non_jf_pegawai_gets_a_clear_message(demo, cast, client_as):
    r = client_as(cast["pejabat_penilai"]).get(reverse("tindak_lanjut:ak-saya"))
    assert "bukan jabatan fungsional" in r.content.decode()


@pytest.mark.django_db
def test_saya_shows_the_worked_example(demo, cast, client_as):
    dimas = demo[DIMAS]
    final_dan_kirim(dimas, tahun=2026, rating=SANGAT_BAIK)
    final_dan_kirim(dimas, tahun=2027, rating=BAIK, mulai=date(2027, 11, 1))
    html = client_as(cast["analis_sdm"]).get(reverse("tindak_lanjut:ak-saya")).content.decode()
    assert "18.75" in html or "18,75" in html
    assert '<td class="text-end" id="kumulatif">20' in html and ("20,83" in html or "20.83" in html)


@pytest.mark.django_db
def test_ak_awal_form_validates_and_saves(demo, cast, client_as):
    url = reverse("tindak_lanjut:ak-awal", args=[demo[SEKAR].pk])
    client = client_as(cast["analis_sdm"])
    r = client.post(url, {"angka_kredit": "-5", "per_tanggal": "2020-01-01"})
    assert r.status_code == 200 and not AngkaKreditAwal.objects.exists()
    r = client.post(url, {"angka_kredit": "5", "per_tanggal": "2999-01-01"})
    assert "hari ini" in r.content.decode() and not AngkaKreditAwal.objects.exists()
    r = client.post(url, {"angka_kredit": "30.5", "per_tanggal": "2024-01-01", "tmt_pangkat": "2023-04-01"})
    assert r.status_code == 302
    assert AngkaKreditAwal.objects.get(pegawai=demo[SEKAR]).angka_kredit == Decimal("30.5")
    assert client_as(cast["pejabat_penilai"]).post(url, {"angka_kredit": "1"}).status_code == 403


@pytest.mark.django_db
def test_superadmin_adds_a_koefisien_version(demo, cast, client_as):
    data = {"berlaku_mulai": "2028-01-01", "dasar": "Peraturan baru"}
    for r in KoefisienAngkaKredit.objects.all():
        data |= {
            f"koefisien_{r.jenjang}": r.koefisien,
            f"akk_pangkat_{r.jenjang}": r.akk_pangkat,
            f"akk_jenjang_{r.jenjang}": r.akk_jenjang or "",
        }
    url = reverse("tindak_lanjut:ak-koefisien-tambah")
    client = client_as(cast["superadmin"])
    r = client.post(url, data | {"koefisien_pemula": "0"})
    assert (
        r.status_code == 200
        and not KoefisienAngkaKredit.objects.filter(berlaku_mulai=date(2028, 1, 1)).exists()
    )
    assert client.post(url, data).status_code == 302
    assert KoefisienAngkaKredit.objects.filter(berlaku_mulai=date(2028, 1, 1)).count() == 8
    assert client_as(cast["analis_sdm"]).post(url, data).status_code == 403


@pytest.mark.django_db
def test_pdf_holds_the_table_and_the_cumulative(demo, cast, client_as):
    dimas = demo[DIMAS]
    final_dan_kirim(dimas, tahun=2026, rating=SANGAT_BAIK)
    final_dan_kirim(dimas, tahun=2027, rating=BAIK, mulai=date(2027, 11, 1))
    r = client_as(cast["pejabat_penilai"]).get(reverse("tindak_lanjut:ak-pdf", args=[dimas.pk, 2027]))
    text = " ".join(pdftotext(r.content).split())
    assert "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT" in text
    assert "2,08" in text and "20,83" in text and "Ahli Pertama" in text and "Bawono" in text
    r = client_as(cast["pejabat_penilai"]).get(
        reverse("tindak_lanjut:ak-pdf", args=[dimas.pk, 2020]), follow=True
    )
    assert "Belum ada konversi" in r.content.decode()


def _rekap(client):
    r = client.get(reverse("tindak_lanjut:ak-rekap-xlsx"))
    ws = load_workbook(io.BytesIO(r.content)).active
    return {row[0]: row for row in ws.iter_rows(min_row=4, values_only=True)}, [c.value for c in ws[3]]


@pytest.mark.django_db
def test_rekap_xlsx_rows_and_scope(demo, cast, client_as):
    dimas = demo[DIMAS]
    final_dan_kirim(dimas, tahun=2026, rating=SANGAT_BAIK)
    final_dan_kirim(dimas, tahun=2027, rating=BAIK, mulai=date(2027, 11, 1))
    rows, kepala = _rekap(client_as(cast["analis_sdm"]))
    row = dict(zip(kepala, rows[DIMAS], strict=True))
    assert row["AK 2026"] == 18.75 and row["AK 2027"] == 2.08 and row["AK kumulatif"] == 20.83
    assert row["AKK"] == 100 and row["Kekurangan"] == pytest.approx(79.17)
    assert SEKAR in rows
    assert "196804241998031011" not in rows  # not a pejabat fungsional
    team, _k = _rekap(client_as(cast["pejabat_penilai"]))
    assert SEKAR in team and DIMAS in team


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_pegawai_page_query_count_does_not_grow_with_conversions(demo, cast, client_as):
    dimas = demo[DIMAS]
    client = client_as(cast["analis_sdm"])
    url = reverse("tindak_lanjut:ak-pegawai", args=[dimas.pk])
    final_dan_kirim(dimas, tahun=2025, rating=BAIK)
    small = _count(client, url)
    for tahun in (2026, 2027, 2028):
        final_dan_kirim(dimas, tahun=tahun, rating=SANGAT_BAIK)
    penilaian_dengan(skp_disetujui(dimas, tahun=2029), final=True)  # one left to convert
    # session, user, akses, pegawai, ak awal, konversi, belum dikonversi, koefisien: same for 1 or 4 rows
    assert _count(client, url) == small


@pytest.mark.django_db
def test_rekap_query_count_does_not_grow_with_pegawai(demo, cast, client_as):
    client = client_as(cast["analis_sdm"])
    url = reverse("tindak_lanjut:ak-rekap-xlsx")
    small = _count(client, url)
    for i in range(4):
        p = pejabat_fungsional(demo, jenjang="ahli_muda", golongan="III/c", nip=f"19860926201505100{i + 2}")
        final_dan_kirim(p, tahun=2027, rating=BAIK)
    assert _count(client, url) == small
