"""XLSX import of Perjanjian Kinerja / Renstra: happy path, idempotent re-import, every bad row, the file
checks and the template."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.organisasi.models import UnitKerja
from kinerja.perencanaan.impor_pk import NAMA_KOLOM
from kinerja.perencanaan.models import IndikatorKinerjaUtama, PerjanjianKinerja, SasaranStrategis

IMPOR = "perencanaan:pk-impor"
S1, S2 = "Meningkatnya profesionalitas ASN", "Meningkatnya kualitas layanan kepegawaian"
ROWS = [
    ["BKPSDM", 2027, "pk", 1, S1, 1, "Indeks Profesionalitas ASN", "75 poin"],
    ["BKPSDM", 2027, "pk", 1, S1, 2, "Persentase ASN yang mengikuti pengembangan kompetensi", "80 %"],
    ["BKPSDM", 2027, "pk", 2, S2, 1, "Indeks kepuasan layanan", "90 %"],
    ["BKPSDM-IPKP", "2027", "Renstra", "1", S1, "1", "Jumlah dokumen analisis jabatan", "3 dokumen"],
]


def _xlsx(rows, header=NAMA_KOLOM, name="pk.xlsx") -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def _impor(client, berkas, instansi_id):
    return client.post(reverse(IMPOR), {"instansi": instansi_id, "berkas": berkas})


def _kebumen() -> int:
    return UnitKerja.objects.get(kode="BKPSDM").instansi_id


def _semua() -> list:
    """Every stored PK row as (unit, tahun, sumber, no sasaran, sasaran, no IKU, IKU, target, updated)."""
    return sorted(
        IndikatorKinerjaUtama.objects.values_list(
            "sasaran__perjanjian__unit_kerja__kode",
            "sasaran__perjanjian__tahun",
            "sasaran__perjanjian__sumber",
            "sasaran__urutan",
            "sasaran__uraian",
            "urutan",
            "uraian",
            "target",
            "updated_at",
            "sasaran__updated_at",
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "pimpinan"])
def test_import_creates_pk_sasaran_and_iku(cast, client_as, role):
    response = _impor(client_as(cast[role]), _xlsx(ROWS), _kebumen())
    assert response.status_code == 200 and response.context["hasil"].berhasil
    assert [r[:8] for r in _semua()] == [
        ("BKPSDM", 2027, "pk", 1, S1, 1, "Indeks Profesionalitas ASN", "75 poin"),
        ("BKPSDM", 2027, "pk", 1, S1, 2, "Persentase ASN yang mengikuti pengembangan kompetensi", "80 %"),
        ("BKPSDM", 2027, "pk", 2, S2, 1, "Indeks kepuasan layanan", "90 %"),
        ("BKPSDM-IPKP", 2027, "renstra", 1, S1, 1, "Jumlah dokumen analisis jabatan", "3 dokumen"),
    ]
    assert response.context["hasil"].jumlah == {
        "perjanjian": {"dibuat": 2, "diubah": 0, "tetap": 0},
        "sasaran": {"dibuat": 3, "diubah": 0, "tetap": 0},
        "indikator": {"dibuat": 4, "diubah": 0, "tetap": 0},
    }


@pytest.mark.django_db
def test_reimport_changes_nothing_and_a_changed_text_updates_in_place(cast, client_as):
    client = client_as(cast["analis_sdm"])
    _impor(client, _xlsx(ROWS), _kebumen())
    sebelum, ids = _semua(), sorted(IndikatorKinerjaUtama.objects.values_list("id", flat=True))
    response = _impor(client, _xlsx(ROWS), _kebumen())
    assert _semua() == sebelum  # not even updated_at moved
    assert response.context["hasil"].jumlah["indikator"] == {"dibuat": 0, "diubah": 0, "tetap": 4}
    ubah = [r[:] for r in ROWS]
    ubah[1][7] = "85 %"
    ubah[2][4] = ubah[2][4] + " dan kinerja"
    response = _impor(client, _xlsx(ubah), _kebumen())
    assert response.context["hasil"].jumlah["indikator"] == {"dibuat": 0, "diubah": 1, "tetap": 3}
    assert response.context["hasil"].jumlah["sasaran"] == {"dibuat": 0, "diubah": 1, "tetap": 2}
    assert sorted(IndikatorKinerjaUtama.objects.values_list("id", flat=True)) == ids
    assert IndikatorKinerjaUtama.objects.get(urutan=2).target == "85 %"
    assert SasaranStrategis.objects.filter(uraian=S2 + " dan kinerja").count() == 1
    assert PerjanjianKinerja.objects.count() == 2


@pytest.mark.django_db
def test_import_keeps_what_the_file_does_not_name(cast, client_as):
    client = client_as(cast["analis_sdm"])
    _impor(client, _xlsx(ROWS), _kebumen())
    _impor(client, _xlsx(ROWS[:1]), _kebumen())
    assert len(_semua()) == 4


def _baris(**ubah):
    row = dict(zip(NAMA_KOLOM, ROWS[2], strict=True)) | ubah
    return [row[k] for k in NAMA_KOLOM]


BAD_ROWS = [
    ("unit_tidak_dikenal", _baris(kode_unit="TIDAK-ADA"), "kode_unit", "tidak ditemukan"),
    ("unit_instansi_lain", _baris(kode_unit="DJK-SET-KEU"), "kode_unit", "milik instansi lain"),
    ("tahun_bukan_tahun", _baris(tahun="dua ribu"), "tahun", "Tahun harus berupa tahun"),
    ("tahun_dua_angka", _baris(tahun=27), "tahun", "Tahun harus berupa tahun"),
    ("sumber_salah", _baris(sumber="rkt"), "sumber", "Sumber harus pk atau renstra"),
    ("sasaran_kosong", _baris(sasaran="  "), "sasaran", "Uraian sasaran strategis harus diisi"),
    ("indikator_kosong", _baris(indikator=None), "indikator", "Uraian indikator harus diisi"),
    ("target_kosong", _baris(target=""), "target", "Target harus diisi"),
    ("target_terlalu_panjang", _baris(target="9" * 101), "target", "Paling panjang 100"),
    ("no_sasaran_bukan_angka", _baris(no_sasaran="satu"), "no_sasaran", "bilangan bulat"),
    ("no_indikator_pecahan", _baris(no_indikator=1.5), "no_indikator", "bilangan bulat"),
    ("no_indikator_nol", _baris(no_indikator=0), "no_indikator", "bilangan bulat"),
    ("no_sasaran_kosong", _baris(no_sasaran=None), "no_sasaran", "Nomor harus diisi"),
    ("sasaran_sama_teks_beda", _baris(no_sasaran=1, no_indikator=3), "sasaran", "ditulis berbeda di baris 2"),
    ("indikator_dobel", _baris(no_sasaran=1, sasaran=S1), "no_indikator", "sudah ada di baris 2"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kasus", "row", "kolom", "pesan"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_a_bad_row_is_reported_and_nothing_is_written(cast, client_as, kasus, row, kolom, pesan):
    client = client_as(cast["analis_sdm"])
    _impor(client, _xlsx(ROWS[:1]), _kebumen())
    sebelum = _semua()
    ubah = [r[:] for r in ROWS[:2]]
    ubah[0][7] = "99 poin"  # a valid change on another row must not be written either
    response = _impor(client, _xlsx([*ubah, row]), _kebumen())  # the bad row is row 4
    galat = response.context["hasil"].galat
    assert [(g["baris"], g["kolom"]) for g in galat] == [(4, kolom)]
    assert pesan in galat[0]["pesan"]
    html = response.content.decode()
    assert "tidak ada data yang disimpan" in html and pesan in html
    assert _semua() == sebelum


@pytest.mark.django_db
def test_every_bad_row_is_listed(cast, client_as):
    rows = [ROWS[0], _baris(tahun="x"), _baris(sumber="", target=""), ROWS[3]]
    response = _impor(client_as(cast["analis_sdm"]), _xlsx(rows), _kebumen())
    galat = response.context["hasil"].galat
    assert [(g["baris"], g["kolom"]) for g in galat] == [(3, "tahun"), (4, "sumber"), (4, "target")]
    assert not PerjanjianKinerja.objects.exists()


def _bytes(isi: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, isi)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (lambda: _bytes(b"kode_unit,tahun\nBKPSDM,2027\n", "pk.csv"), "Unggah berkas Excel .xlsx"),
        (lambda: _bytes(b"kode_unit,tahun\nBKPSDM,2027\n", "pk.xlsx"), "Unggah berkas Excel .xlsx"),
        (lambda: _bytes(b"PK\x03\x04 bukan zip", "pk.xlsx"), "bukan buku kerja XLSX"),
        (lambda: _bytes(b"", "pk.xlsx"), "kosong"),
        (lambda: _xlsx(ROWS, header=NAMA_KOLOM[:-1]), "tidak memuat kolom target"),
        (lambda: _xlsx([]), "tidak memuat satu baris data"),
    ],
)
def test_a_refused_file_writes_nothing(cast, client_as, berkas, pesan):
    response = _impor(client_as(cast["analis_sdm"]), berkas(), _kebumen())
    assert pesan in response.content.decode()
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
def test_size_limit(cast, client_as, settings):
    settings.KINERJA_IMPORT_MAX_BYTES = 1000
    response = _impor(client_as(cast["analis_sdm"]), _xlsx(ROWS), _kebumen())
    assert "Berkas terlalu besar" in response.content.decode()
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
def test_import_into_an_instansi_not_managed_is_refused(cast, client_as):
    djk = UnitKerja.objects.get(kode="DJK").instansi_id
    rows = [["DJK", 2027, "pk", 1, S1, 1, "IKU", "1 dokumen"]]
    response = _impor(client_as(cast["analis_sdm"]), _xlsx(rows), djk)
    assert "bukan instansi yang Anda kelola" in response.content.decode()
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai", "outsider"])
def test_only_admin_and_pimpinan_import(cast, client_as, role):
    assert _impor(client_as(cast[role]), _xlsx(ROWS), _kebumen()).status_code == 403
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
def test_template_has_the_header_and_an_example_row_that_imports(cast, client_as):
    client = client_as(cast["analis_sdm"])
    response = client.get(reverse("perencanaan:pk-impor-templat"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == NAMA_KOLOM and len(rows) == 2
    assert rows[1][0] == "BKPSDM" and isinstance(rows[1][1], int) and rows[1][2] == "pk"
    _impor(client, SimpleUploadedFile("templat.xlsx", response.content), _kebumen())
    assert [r[:3] for r in _semua()] == [("BKPSDM", rows[1][1], "pk")]
