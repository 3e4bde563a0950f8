"""The XLSX of an SKP and of a unit's SKP recap, read back with openpyxl and checked cell by cell."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.aturan import BERAKHLAK, JUDUL_LAMPIRAN_SKP
from kinerja.dokumen.xlsx import XLSX, KepalaRekap, tulis_rekap_xlsx
from kinerja.organisasi.models import UnitKerja
from kinerja.perencanaan.models import (
    EkspektasiPerilaku,
    IndikatorKinerjaIndividu,
    LampiranSkp,
    PerjanjianKinerja,
    RencanaHasilKerja,
    SasaranStrategis,
)
from kinerja.perencanaan.selectors_laporan import BarisRekap
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

WIB = ZoneInfo("Asia/Jakarta")
SEKAR, BAWONO, AMIRUDIN, SEKDA = (
    "199106112012062001",
    "198103021999121001",
    "196804241998031011",
    "196411171992011002",
)
DIMAS, YOGA = "199503142019031004", "200001052025011001"


def _skp(pegawai, status=StatusSkp.DRAF, **kw):
    skp = skp_dengan_status(pegawai, status, **kw)
    EkspektasiPerilaku.objects.bulk_create(
        EkspektasiPerilaku(skp=skp, nilai=i) for i in range(len(BERAKHLAK))
    )
    LampiranSkp.objects.create(skp=skp)
    return skp


def _sheet(response):
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(io.BytesIO(data))


def _row_of(ws, column: str, value) -> int:
    for cell in ws[column]:
        if cell.value == value:
            return cell.row
    raise AssertionError(f"{value!r} not in column {column}")


def _merged(ws, ref: str) -> bool:
    return any(ref == str(r) for r in ws.merged_cells.ranges)


# --- one SKP ------------------------------------------------------------------------------------------


@pytest.fixture
def skp_sekar(demo):
    atasan = RencanaHasilKerja.objects.create(
        skp=_skp(demo[BAWONO]), uraian="Terlaksananya pengembangan karier ASN"
    )
    skp = _skp(demo[SEKAR])
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian="Terevaluasinya promosi ASN", intervensi=atasan)
    IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, urutan=1, uraian="Persentase evaluasi promosi", aspek="kuantitas", target_min=100, satuan="%"
    )
    IndikatorKinerjaIndividu.objects.create(
        rhk=rhk,
        urutan=2,
        uraian="Kepuasan pimpinan",
        aspek="kualitas",
        target_min=80,
        target_max=90,
        satuan="%",
    )
    IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, urutan=3, uraian="Laporan evaluasi", aspek="waktu", target_teks="Desember 2027"
    )
    RencanaHasilKerja.objects.create(skp=skp, urutan=2, uraian="Tersusunnya profil kompetensi pegawai")
    tambahan = RencanaHasilKerja.objects.create(
        skp=skp, jenis="tambahan", uraian="Terlaksananya uji kompetensi", penugasan_dari="Kepala BKPSDM"
    )
    IndikatorKinerjaIndividu.objects.create(
        rhk=tambahan, uraian="Jumlah peserta", aspek="kuantitas", target_min=3, satuan="kegiatan"
    )
    EkspektasiPerilaku.objects.filter(skp=skp, nilai=0).update(
        ekspektasi_khusus="Menjawab pengaduan dalam 1 hari"
    )
    LampiranSkp.objects.filter(skp=skp).update(dukungan_sumber_daya="Akses SIMPEG")
    return skp


@pytest.mark.django_db
def test_skp_xlsx_ja_jf_cell_by_cell(cast, demo, skp_sekar, client_as):
    response = client_as(cast["pegawai"]).get(reverse("perencanaan:skp-xlsx", args=[skp_sekar.pk]))
    assert f'filename="SKP_2027_{SEKAR}_v1.xlsx"' in response["Content-Disposition"]
    wb = _sheet(response)
    ws = wb["SKP"]
    sekar, bawono = demo[SEKAR], demo[BAWONO]
    assert ws["A1"].value == "SASARAN KINERJA PEGAWAI" and _merged(ws, "A1:G1")
    assert "PEJABAT FUNGSIONAL" in ws["A2"].value
    assert ws["A3"].value == "PEMERINTAH KABUPATEN KEBUMEN"
    assert ws["D3"].value == "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER 2027"
    nama = _row_of(ws, "B", "NAMA")
    assert (ws[f"C{nama}"].value, ws[f"E{nama}"].value) == (sekar.nama_lengkap, bawono.nama_lengkap)
    assert ws[f"C{nama + 1}"].value == sekar.nip_tertulis and ws[f"E{nama + 1}"].value == bawono.nip_tertulis
    assert ws[f"C{nama + 2}"].value == sekar.pangkat_golongan
    assert ws[f"C{nama + 3}"].value == "Analis SDM Aparatur Ahli Muda"
    assert ws[f"C{nama + 4}"].value == sekar.unit_kerja.nama

    head = _row_of(ws, "B", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI")
    assert [c.value for c in ws[head]] == [
        "NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
        "INDIKATOR KINERJA INDIVIDU", "TARGET", "SATUAN",
    ]  # fmt: skip
    assert ws[f"A{head + 1}"].value == "A. UTAMA"
    r = head + 2
    assert [c.value for c in ws[r]] == [
        1, "Terlaksananya pengembangan karier ASN", "Terevaluasinya promosi ASN", "Kuantitas",
        "Persentase evaluasi promosi", 100, "%",
    ]  # fmt: skip
    assert [c.value for c in ws[r + 1]][3:] == ["Kualitas", "Kepuasan pimpinan", "80 – 90", "%"]
    assert [c.value for c in ws[r + 2]][3:] == ["Waktu", "Laporan evaluasi", "Desember 2027", None]
    assert _merged(ws, f"A{r}:A{r + 2}") and _merged(ws, f"C{r}:C{r + 2}")
    assert (ws[f"A{r + 3}"].value, ws[f"B{r + 3}"].value, ws[f"C{r + 3}"].value) == (
        2,
        "-",
        "Tersusunnya profil kompetensi pegawai",
    )
    assert ws[f"E{r + 3}"].value is None  # no indikator yet
    assert ws[f"A{r + 4}"].value == "B. TAMBAHAN"
    assert ws[f"C{r + 5}"].value == "Terlaksananya uji kompetensi\nKepala BKPSDM"
    assert (ws[f"F{r + 5}"].value, ws[f"G{r + 5}"].value) == (3, "kegiatan")

    first = _row_of(ws, "B", "Berorientasi Pelayanan")
    assert [ws[f"B{first + i}"].value for i in range(7)] == [n.nama for n in BERAKHLAK]
    assert ws[f"E{first}"].value == "Menjawab pengaduan dalam 1 hari" and ws[f"E{first + 1}"].value == "-"
    assert ws[f"C{first}"].value.startswith("- Memahami dan memenuhi kebutuhan masyarakat")
    assert f"NIP. {sekar.nip_tertulis}" in [c.value for c in ws["B"]]

    lampiran = wb["Lampiran"]
    assert lampiran["A1"].value == JUDUL_LAMPIRAN_SKP
    dukungan = _row_of(lampiran, "A", "DUKUNGAN SUMBER DAYA")
    assert lampiran[f"A{dukungan + 2}"].value == "Akses SIMPEG"
    assert lampiran[f"A{_row_of(lampiran, 'A', 'KONSEKUENSI') + 2}"].value == "-"


@pytest.mark.django_db
def test_skp_xlsx_jpt_shows_sasaran_and_perspektif(cast, demo, client_as):
    amirudin = demo[AMIRUDIN]
    pk = PerjanjianKinerja.objects.create(unit_kerja=amirudin.unit_kerja, tahun=2027)
    sasaran = SasaranStrategis.objects.create(perjanjian=pk, uraian="Meningkatnya profesionalitas ASN")
    skp = _skp(amirudin)
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian="Meningkatnya kualitas ASN", sasaran=sasaran)
    IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, uraian="Persentase realisasi anggaran", perspektif="anggaran", target_min=95, satuan="%"
    )
    wb = _sheet(client_as(cast["atasan_pejabat_penilai"]).get(reverse("perencanaan:skp-xlsx", args=[skp.pk])))
    ws = wb["SKP"]
    head = _row_of(ws, "C", "RENCANA HASIL KERJA")
    assert (ws[f"B{head}"].value, ws[f"D{head}"].value) == (
        "SASARAN / RENCANA HASIL KERJA YANG DIINTERVENSI",
        "PERSPEKTIF",
    )
    assert [c.value for c in ws[head + 2]] == [
        1, "Meningkatnya profesionalitas ASN", "Meningkatnya kualitas ASN", "Anggaran",
        "Persentase realisasi anggaran", 95, "%",
    ]  # fmt: skip


@pytest.mark.django_db
def test_skp_xlsx_rated_by_the_head_of_instansi(cast, demo, client_as):
    skp = _skp(demo[SEKDA])  # the Sekda has no pejabat penilai with a NIP: the Bupati rates them
    ws = _sheet(client_as(cast["pimpinan"]).get(reverse("perencanaan:skp-xlsx", args=[skp.pk])))["SKP"]
    jabatan = _row_of(ws, "B", "JABATAN")
    assert ws[f"E{jabatan}"].value == "Bupati Kebumen"


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("pejabat_penilai", 200), ("anonim", 302)])
def test_skp_xlsx_access_as_the_skp_page(cast, skp_sekar, client_as, role, status):
    assert (
        client_as(cast[role]).get(reverse("perencanaan:skp-xlsx", args=[skp_sekar.pk])).status_code == status
    )


# --- the recap ----------------------------------------------------------------------------------------


@pytest.fixture
def rekap_data(demo, time_machine):
    time_machine.move_to(datetime(2027, 2, 5, 10, tzinfo=WIB), tick=False)
    _skp(demo[SEKAR], StatusSkp.DIAJUKAN, diajukan=datetime(2027, 1, 30, 9, tzinfo=WIB))
    _skp(
        demo[DIMAS],
        StatusSkp.DISETUJUI,
        diajukan=datetime(2027, 2, 1, 0, 30, tzinfo=WIB),
        disetujui=datetime(2027, 2, 2, 8, 15, tzinfo=WIB),
    )
    _skp(demo[BAWONO])


def _rekap_xlsx(client, **params):
    unit = UnitKerja.objects.get(kode="BKPSDM").pk
    return client.get(reverse("perencanaan:rekap-xlsx"), {"tahun": 2027, "unit": unit, **params})


KOLOM = ["No", "NIP", "Nama", "Jabatan", "Pejabat penilai", "Status", "Diajukan", "Disetujui", "Terlambat"]


@pytest.mark.django_db
def test_rekap_xlsx_cell_by_cell(cast, demo, rekap_data, client_as):
    response = _rekap_xlsx(client_as(cast["analis_sdm"]))
    assert 'filename="rekap_skp_2027_BKPSDM.xlsx"' in response["Content-Disposition"]
    ws = _sheet(response).active
    assert ws["A1"].value == "REKAPITULASI SASARAN KINERJA PEGAWAI"
    assert [(ws[f"A{i}"].value, ws[f"B{i}"].value) for i in range(2, 8)] == [
        ("Instansi", "Pemerintah Kabupaten Kebumen"),
        ("Unit kerja", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("Tahun", 2027),
        ("Batas penyusunan", datetime(2027, 1, 31)),
        ("Dicetak", datetime(2027, 2, 5)),
        (None, None),
    ]
    assert [c.value for c in ws[8]] == KOLOM
    rows = {r[1]: r for r in ws.iter_rows(min_row=9, values_only=True)}
    assert len(rows) == 10 and [r[0] for r in ws.iter_rows(min_row=9, values_only=True)] == list(range(1, 11))
    assert rows[DIMAS][1:] == (
        DIMAS,
        "Dimas Prasetyo, S.Psi.",
        "Analis SDM Aparatur Ahli Pertama",
        "Bawono Andi Widodo, S.STP.",
        "Disetujui",
        datetime(2027, 2, 1, 0, 30),  # Jakarta wall-clock time
        datetime(2027, 2, 2, 8, 15),
        "Ya",
    )
    assert rows[SEKAR][5:] == ("Diajukan", datetime(2027, 1, 30, 9), None, "Tidak")
    assert rows[YOGA][5:] == ("Belum dibuat", None, None, "Ya")
    assert rows[BAWONO][5] == "Draf"
    nip = next(c for c in ws["B"] if c.value == DIMAS)
    assert nip.data_type == "s" and nip.number_format == "@"


@pytest.mark.django_db
def test_rekap_xlsx_applies_the_filters_and_the_scope(cast, demo, rekap_data, client_as):
    ws = _sheet(_rekap_xlsx(client_as(cast["analis_sdm"]), status="belum", terlambat="on")).active
    assert (ws["A6"].value, ws["B6"].value) == ("Filter", "status: Belum dibuat; hanya yang terlambat")
    assert [c.value for c in ws[9]] == KOLOM
    nips = {r[1] for r in ws.iter_rows(min_row=10, values_only=True)}
    assert YOGA in nips and SEKAR not in nips and DIMAS not in nips and len(nips) == 7
    mine = _sheet(_rekap_xlsx(client_as(cast["pegawai"]))).active
    assert [r[1] for r in mine.iter_rows(min_row=9, values_only=True)] == [SEKAR]


@pytest.mark.django_db
def test_rekap_xlsx_bad_filter_goes_back_to_the_page(cast, rekap_data, client_as):
    client = client_as(cast["analis_sdm"])
    response = _rekap_xlsx(client, status="hilang")
    assert response.status_code == 302 and response["Location"].startswith(reverse("perencanaan:rekap") + "?")
    page = client.get(response["Location"])
    assert "Status “hilang” tidak dikenal" in page.content.decode()
    assert _rekap_xlsx(client_as(cast["outsider"])).status_code == 404


def test_rekap_writer_streams_5000_rows():
    def rows():
        for i in range(5000):
            yield BarisRekap(
                pegawai_id=i,
                nip=f"19900101201401{i:04d}",
                nama=f"Pegawai {i}",
                jabatan="Analis SDM Aparatur Ahli Pertama",
                penilai="Kepala Bidang",
                skp_id=i if i % 2 else None,
                status="draf" if i % 2 else "belum",
                diajukan=None,
                disetujui=None,
                terlambat=bool(i % 3),
            )

    kepala = KepalaRekap("Instansi", "Unit", 2027, datetime(2027, 1, 31).date(), datetime(2027, 2, 5).date())
    out = io.BytesIO()
    assert tulis_rekap_xlsx(kepala, rows(), out) == 5000
    ws = load_workbook(io.BytesIO(out.getvalue()), read_only=True).active
    data = list(ws.iter_rows(min_row=9, values_only=True))
    assert len(data) == 5000
    assert data[-1][:3] == (5000, "199001012014014999", "Pegawai 4999") and data[-1][5] == "Draf"
    assert data[0][5] == "Belum dibuat" and data[0][8] == "Tidak"
