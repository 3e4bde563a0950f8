"""Import and export of the organisation: layout, per-row report, all or nothing, round trip, command."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from kinerja.organisasi.ekspor import ekspor_xlsx, templat_csv, templat_xlsx
from kinerja.organisasi.impor import LAYOUT, BerkasDitolak, apply_import, format_galat
from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, UnitKerja

User = get_user_model()

NIP_KABAN = "196804241998031011"
NIP_KABID = "198103021999121001"
NIP_ANALIS = "199106112012062001"
NI_PPPK = "199001012021011001"

UNIT = [
    ["kode", "nama", "kode_induk", "aktif"],
    ["BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "", "Ya"],
    ["BKPSDM-BID", "Bidang Pengembangan Kompetensi", "BKPSDM", "ya"],
]
JABATAN = [
    ["kode", "nama", "jenis", "jenjang", "kode_unit", "kode_atasan"],
    ["KABAN", "Kepala Badan", "JPT Pratama", "", "BKPSDM", ""],
    ["KABID", "Kepala Bidang", "administrator", "", "BKPSDM-BID", "KABAN"],
    ["ANALIS", "Analis SDM Aparatur", "Fungsional", "Ahli Muda", "BKPSDM-BID", "KABID"],
]
PEGAWAI_HEADER = [
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "status",
    "golongan",
    "kode_jabatan",
    "kode_unit",
    "pendidikan_terakhir",
    "email",
    "aktif",
    "nip_penilai_khusus",
]
PEGAWAI = [
    PEGAWAI_HEADER,
    [
        NIP_KABAN,
        "Moh Amirudin",
        "H.",
        "S.IP., M.M.",
        "PNS",
        "IV/c",
        "KABAN",
        "BKPSDM",
        "S2",
        "amir@example.go.id",
        "Ya",
        "",
    ],
    [
        NIP_KABID,
        "Budi Santoso",
        "",
        "S.T.",
        "pns",
        "iii/d",
        "KABID",
        "BKPSDM-BID",
        "S1",
        "budi@example.go.id",
        "1",
        "",
    ],
    [
        "19910611 201206 2 001",
        "Sekar Ayu",
        "",
        "S.Psi.",
        "PNS",
        "III/b",
        "ANALIS",
        "BKPSDM-BID",
        "S-1 / D-IV",
        "sekar@example.go.id",
        "Ya",
        "",
    ],
    [NI_PPPK, "Rina Wati", "", "", "PPPK", "IX", "", "BKPSDM-BID", "D3", "", "Ya", NIP_KABID],
]


def nip(i: int, gender: str = "1") -> str:
    """A valid NIP: birth date, TMT (birth year + 22, a month), gender, counter."""
    lahir = date(1970 + i % 25, 1 + i % 12, 1 + i % 28)
    return f"{lahir:%Y%m%d}{lahir.year + 22}{1 + (i * 7) % 12:02d}{gender}{i % 999 + 1:03d}"


def xlsx(**sheets) -> io.BytesIO:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def csv_file(rows, delimiter=";", bom=True) -> io.BytesIO:
    text = "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"
    return io.BytesIO((("\ufeff" if bom else "") + text).encode("utf-8"))


def full_xlsx(unit=UNIT, jabatan=JABATAN, pegawai=PEGAWAI) -> io.BytesIO:
    return xlsx(unit_kerja=unit, jabatan=jabatan, pegawai=pegawai)


def counts() -> tuple:
    return (
        UnitKerja.objects.count(),
        Jabatan.objects.count(),
        Pegawai.objects.count(),
        User.objects.count(),
        Pegawai.history.count(),
        UnitKerja.history.count(),
        Jabatan.history.count(),
    )


@pytest.fixture
def instansi(db):
    return Instansi.objects.create(kode="kebumen", nama="Pemerintah Kabupaten Kebumen")


@pytest.fixture
def admin(db):
    return User.objects.create_user("admin-sdm", password="x")


@pytest.fixture
def loaded(instansi, admin):
    hasil = apply_import(instansi, full_xlsx(), by=admin)
    assert hasil.berhasil, hasil.galat
    return hasil


@pytest.mark.django_db
def test_full_xlsx_import_creates_tree_jabatan_pegawai_and_accounts(instansi, admin):
    hasil = apply_import(instansi, full_xlsx(), by=admin)

    assert hasil.berhasil, hasil.galat
    assert hasil.jumlah == {
        "unit_kerja": {"dibuat": 2, "diubah": 0, "tetap": 0},
        "jabatan": {"dibuat": 3, "diubah": 0, "tetap": 0},
        "pegawai": {"dibuat": 4, "diubah": 0, "tetap": 0},
    }
    assert hasil.akun_dibuat == 4
    bidang = UnitKerja.objects.get(kode="BKPSDM-BID")
    assert bidang.induk.kode == "BKPSDM" and bidang.instansi == instansi and bidang.aktif
    analis = Jabatan.objects.get(kode="ANALIS")
    assert (analis.jenis, analis.jenjang, analis.atasan.kode, analis.unit_kerja) == (
        "fungsional",
        "ahli_muda",
        "KABID",
        bidang,
    )
    assert Jabatan.objects.get(kode="KABAN").jenis == "jpt_pratama"

    sekar = Pegawai.objects.select_related("user").get(nip=NIP_ANALIS)
    assert (sekar.tanggal_lahir, sekar.tmt_pengangkatan, sekar.jenis_kelamin) == (
        date(1991, 6, 11),
        date(2012, 6, 1),
        "P",
    )
    assert (sekar.golongan_ruang, sekar.pendidikan_terakhir, sekar.nama_lengkap) == (
        "III/b",
        "S1_D4",
        "Sekar Ayu, S.Psi.",
    )
    assert sekar.user.username == NIP_ANALIS and sekar.user.email == "sekar@example.go.id"
    assert not sekar.user.has_usable_password() and sekar.user.is_active
    assert Pegawai.objects.get(nip=NIP_KABID).golongan_ruang == "III/d"
    rina = Pegawai.objects.get(nip=NI_PPPK)
    assert (rina.status, rina.golongan_pppk, rina.golongan_ruang, rina.pendidikan_terakhir) == (
        "pppk",
        "IX",
        "",
        "D3",
    )
    assert rina.pejabat_penilai_khusus.nip == NIP_KABID
    # The cached penilai are refreshed once at the end.
    assert sekar.pejabat_penilai.nip == NIP_KABID
    assert Pegawai.objects.get(nip=NIP_KABID).pejabat_penilai.nip == NIP_KABAN
    assert rina.pejabat_penilai.nip == NIP_KABID
    # History names the importing user.
    assert set(Pegawai.history.values_list("history_user", flat=True)) == {admin.pk}
    assert UnitKerja.history.filter(kode="BKPSDM", history_type="+").count() == 1


@pytest.mark.django_db
def test_reimport_updates_by_nip_without_duplicates(instansi, admin, loaded):
    before = counts()
    rows = [
        PEGAWAI_HEADER,
        [
            NIP_ANALIS,
            "Sekar Ayu Lestari",
            "",
            "S.Psi., M.Si.",
            "PNS",
            "III/c",
            "ANALIS",
            "BKPSDM-BID",
            "S2",
            "sekar.baru@example.go.id",
            "Tidak",
            "",
        ],
    ]
    hasil = apply_import(instansi, csv_file(rows), by=admin)

    assert hasil.berhasil, hasil.galat
    assert hasil.jumlah == {"pegawai": {"dibuat": 0, "diubah": 1, "tetap": 0}}
    after = counts()
    assert after[:4] == before[:4]  # no new unit, jabatan, pegawai or account
    assert after[4] == before[4] + 1  # one history record for the changed pegawai
    sekar = Pegawai.objects.select_related("user").get(nip=NIP_ANALIS)
    assert (sekar.nama, sekar.golongan_ruang, sekar.pendidikan_terakhir, sekar.aktif) == (
        "Sekar Ayu Lestari",
        "III/c",
        "S2",
        False,
    )
    assert (sekar.user.email, sekar.user.first_name, sekar.user.is_active) == (
        "sekar.baru@example.go.id",
        "Sekar Ayu Lestari",
        False,
    )


@pytest.mark.django_db
def test_reimport_updates_units_and_jabatan_by_kode_with_history(instansi, admin, loaded):
    unit = [*UNIT, ["BARU", "Unit Baru", "BKPSDM", "Ya"]]
    unit[2] = ["BKPSDM-BID", "Bidang Baru", "BARU", "Tidak"]
    jabatan = [list(row) for row in JABATAN]
    jabatan[3] = ["ANALIS", "Analis SDM Aparatur", "Fungsional", "Ahli Madya", "BARU", "KABAN"]
    hasil = apply_import(instansi, xlsx(unit_kerja=unit, jabatan=jabatan), by=admin)

    assert hasil.jumlah == {
        "unit_kerja": {"dibuat": 1, "diubah": 1, "tetap": 1},
        "jabatan": {"dibuat": 0, "diubah": 1, "tetap": 2},
    }
    bidang = UnitKerja.objects.get(kode="BKPSDM-BID")
    assert (bidang.nama, bidang.induk.kode, bidang.aktif) == ("Bidang Baru", "BARU", False)
    analis = Jabatan.objects.get(kode="ANALIS")
    assert (analis.jenjang, analis.unit_kerja.kode, analis.atasan.kode) == ("ahli_madya", "BARU", "KABAN")
    record = analis.history.latest("history_id")
    assert (record.history_type, record.history_user, record.jenjang) == ("~", admin, "ahli_madya")
    # The structure changed: Sekar's penilai is now the holder of KABAN.
    assert Pegawai.objects.get(nip=NIP_ANALIS).pejabat_penilai.nip == NIP_KABAN


@pytest.mark.django_db
def test_existing_pegawai_without_account_gets_one(instansi, loaded):
    sekar = Pegawai.objects.get(nip=NIP_ANALIS)
    old_user = sekar.user
    Pegawai.objects.filter(pk=sekar.pk).update(user=None)
    old_user.delete()
    hasil = apply_import(instansi, full_xlsx())

    assert hasil.akun_dibuat == 1 and hasil.jumlah["pegawai"] == {"dibuat": 0, "diubah": 0, "tetap": 4}
    sekar.refresh_from_db()
    assert sekar.user.username == NIP_ANALIS and sekar.user.email == "sekar@example.go.id"


@pytest.mark.django_db
def test_absent_column_keeps_stored_value(instansi, loaded):
    rows = [["nip", "nama", "status", "kode_unit"], [NIP_ANALIS, "Sekar Ayu", "PNS", "BKPSDM"]]
    hasil = apply_import(instansi, csv_file(rows, delimiter=","))

    assert hasil.berhasil, hasil.galat
    sekar = Pegawai.objects.get(nip=NIP_ANALIS)
    assert (sekar.unit_kerja.kode, sekar.email, sekar.jabatan.kode, sekar.golongan_ruang) == (
        "BKPSDM",
        "sekar@example.go.id",
        "ANALIS",
        "III/b",
    )


def _with_row(rows, index, row):
    rows = [list(r) for r in rows]
    rows[index : index + 1] = [row]
    return rows


def _pegawai(nip, nama, status, golongan, kode_unit, kode_jabatan=""):
    return [nip, nama, "", "", status, golongan, kode_jabatan, kode_unit, "", "", "Ya", ""]


BAD_NIP = _with_row(PEGAWAI, 2, _pegawai("12345", "Budi", "PNS", "III/d", "BKPSDM-BID", "KABID"))
UNKNOWN_UNIT = _with_row(PEGAWAI, 3, _pegawai(NIP_ANALIS, "Sekar", "PNS", "III/b", "TIDAK-ADA"))
GOLONGAN_STATUS = _with_row(PEGAWAI, 4, _pegawai(NI_PPPK, "Rina", "PPPK", "III/c", "BKPSDM"))
DUPLICATE_NIP = [*PEGAWAI, _pegawai(NIP_KABAN, "Moh Amirudin", "PNS", "IV/c", "BKPSDM")]
CYCLE = [*UNIT, ["A", "Unit A", "B", ""], ["B", "Unit B", "A", ""]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sheets", "lembar", "baris", "kolom", "pesan"),
    [
        ({"pegawai": BAD_NIP}, "pegawai", 3, "nip", "18 angka"),
        ({"pegawai": UNKNOWN_UNIT}, "pegawai", 4, "kode_unit", "TIDAK-ADA tidak ditemukan"),
        ({"pegawai": GOLONGAN_STATUS}, "pegawai", 5, "golongan", "hanya untuk PNS/CPNS"),
        ({"pegawai": DUPLICATE_NIP}, "pegawai", 6, "nip", "sudah dipakai di baris 2"),
        ({"unit": CYCLE}, "unit_kerja", 4, "kode_induk", "siklus"),
    ],
)
def test_one_bad_row_lists_the_error_and_changes_nothing(
    instansi, admin, loaded, sheets, lembar, baris, kolom, pesan
):
    Pegawai.objects.filter(nip=NIP_KABAN).update(nama="Nama Lama")  # the file would change it
    before = counts()
    kwargs = {"unit": UNIT, "jabatan": JABATAN, "pegawai": PEGAWAI} | sheets
    kwargs["pegawai"] = [*kwargs["pegawai"], _pegawai(nip(1), "Orang Baru", "PNS", "II/a", "BKPSDM")]
    hasil = apply_import(instansi, full_xlsx(**kwargs), by=admin)

    assert not hasil.berhasil
    first = hasil.galat[0]
    assert (first["lembar"], first["baris"], first["kolom"]) == (lembar, baris, kolom), hasil.galat
    assert pesan in first["pesan"]
    assert format_galat(first).startswith(f"[{lembar}] Baris {baris}, kolom {kolom}: ")
    assert counts() == before
    assert Pegawai.objects.get(nip=NIP_KABAN).nama == "Nama Lama"
    assert not Pegawai.objects.filter(nip=nip(1)).exists()


@pytest.mark.django_db
def test_all_errors_are_collected_in_row_order(instansi):
    rows = [
        PEGAWAI_HEADER,
        ["123", "", "", "", "Honorer", "", "", "BKPSDM", "SMA", "bukan-email", "mungkin", ""],
        [nip(2), "Orang", "", "", "PNS", "IX", "NOPE", "NOPE", "", "", "", nip(3)],
    ]
    hasil = apply_import(instansi, csv_file(rows))
    got = {(g["baris"], g["kolom"]) for g in hasil.galat}
    assert {
        (2, "nama"),
        (2, "status"),
        (2, "email"),
        (2, "aktif"),
        (2, "kode_unit"),
        (3, "golongan"),
        (3, "kode_jabatan"),
        (3, "kode_unit"),
        (3, "nip_penilai_khusus"),
    } <= got
    assert [g["baris"] for g in hasil.galat] == sorted(g["baris"] for g in hasil.galat)
    assert Pegawai.objects.count() == 0


@pytest.mark.django_db
def test_nip_of_another_instansi_is_an_error(instansi, loaded):
    other = Instansi.objects.create(kode="lain", nama="Instansi Lain")
    unit = [["kode", "nama"], ["U1", "Unit Satu"]]
    apply_import(other, csv_file(unit))
    rows = [["nip", "nama", "status", "kode_unit"], [NIP_ANALIS, "Sekar", "PNS", "U1"]]
    hasil = apply_import(other, csv_file(rows))

    assert [(g["baris"], g["kolom"]) for g in hasil.galat] == [(2, "nip")]
    assert "instansi lain" in hasil.galat[0]["pesan"]
    assert Pegawai.objects.get(nip=NIP_ANALIS).instansi == instansi


@pytest.mark.django_db
def test_nip_stored_as_excel_number_is_refused(instansi, loaded):
    rows = [["nip", "nama", "status", "kode_unit"], [float(NIP_ANALIS), "Sekar", "PNS", "BKPSDM"]]
    hasil = apply_import(instansi, xlsx(pegawai=rows))
    assert hasil.galat[0]["kolom"] == "nip" and "Teks" in hasil.galat[0]["pesan"]


@pytest.mark.django_db
def test_header_errors_stop_before_rows(instansi):
    rows = [["nip", "nama", "status", "kode_unit", "gelar depan", "hobi"], [nip(1), "A", "PNS", "X", "", ""]]
    hasil = apply_import(instansi, csv_file(rows))
    assert [(g["baris"], g["kolom"]) for g in hasil.galat] == [(1, "hobi")]  # "gelar depan" is gelar_depan


@pytest.mark.django_db
def test_dry_run_changes_nothing_but_counts(instansi, admin, loaded):
    before = counts()
    rows = [*PEGAWAI, _pegawai(nip(5), "Orang Baru", "CPNS", "II/c", "BKPSDM")]
    hasil = apply_import(instansi, full_xlsx(pegawai=rows), dry_run=True, by=admin)

    assert hasil.berhasil and not hasil.disimpan
    assert hasil.jumlah["pegawai"] == {"dibuat": 1, "diubah": 0, "tetap": 4}
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "pesan"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "bukan XLSX"),
        (b"PK\x03\x04 not really a zip", "bukan buku kerja XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        ("nip;nama\r\nJosé;Ñ\r\n".encode("latin-1"), "UTF-8"),
        (b"", "kosong"),
    ],
)
def test_file_that_is_not_xlsx_or_csv_is_rejected(instansi, content, pesan):
    with pytest.raises(BerkasDitolak, match=pesan):
        apply_import(instansi, io.BytesIO(content))


@pytest.mark.django_db
def test_oversize_file_is_rejected(instansi, settings):
    settings.KINERJA_IMPORT_MAX_BYTES = 100
    with pytest.raises(BerkasDitolak, match="terlalu besar"):
        apply_import(instansi, full_xlsx())
    assert UnitKerja.objects.count() == 0


@pytest.mark.django_db
def test_csv_entity_is_recognised_from_header(instansi):
    assert apply_import(instansi, csv_file(UNIT, delimiter=",", bom=False)).jumlah == {
        "unit_kerja": {"dibuat": 2, "diubah": 0, "tetap": 0}
    }
    assert apply_import(instansi, csv_file(JABATAN)).jumlah == {
        "jabatan": {"dibuat": 3, "diubah": 0, "tetap": 0}
    }
    with pytest.raises(BerkasDitolak, match="tidak dikenali"):
        apply_import(instansi, csv_file([["a", "b"], ["1", "2"]]))


@pytest.mark.django_db
def test_export_reimports_without_changes(instansi, admin, loaded):
    Pegawai.objects.filter(nip=NIP_KABID).update(aktif=False)
    before = counts()
    out = io.BytesIO()
    ekspor_xlsx(instansi, out)
    out.seek(0)

    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == [lembar.nama for lembar in LAYOUT]
    header = next(wb["pegawai"].iter_rows(values_only=True))
    assert list(header) == PEGAWAI_HEADER
    out.seek(0)
    hasil = apply_import(instansi, out, by=admin)

    assert hasil.berhasil, hasil.galat
    assert hasil.jumlah == {
        "unit_kerja": {"dibuat": 0, "diubah": 0, "tetap": 2},
        "jabatan": {"dibuat": 0, "diubah": 0, "tetap": 3},
        "pegawai": {"dibuat": 0, "diubah": 0, "tetap": 4},
    }
    assert counts() == before


@pytest.mark.django_db
def test_templates_carry_the_layout_and_import_cleanly(instansi):
    wb = load_workbook(io.BytesIO(templat_xlsx()), read_only=True)
    assert wb.sheetnames == ["petunjuk", "unit_kerja", "jabatan", "pegawai"]
    petunjuk = [row for row in wb["petunjuk"].iter_rows(values_only=True)]
    described = {(row[0], row[1]) for row in petunjuk if row and len(row) > 1}
    assert all((lembar.nama, k.nama) in described for lembar in LAYOUT for k in lembar.kolom)

    hasil = apply_import(instansi, io.BytesIO(templat_xlsx()))
    assert hasil.berhasil, hasil.galat
    assert Pegawai.objects.get().unit_kerja.kode == "BKPSDM"
    csv_text = templat_csv("jabatan").decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "kode;nama;jenis;jenjang;kode_unit;kode_atasan"


@pytest.mark.django_db
def test_new_rows_may_reference_later_rows_and_penilai_khusus_later(instansi):
    unit = [UNIT[0], ["ANAK", "Anak", "INDUK", ""], ["INDUK", "Induk", "", ""]]
    pegawai = [
        PEGAWAI_HEADER,
        [nip(1), "A", "", "", "PNS", "", "", "ANAK", "", "", "", nip(2)],
        [nip(2), "B", "", "", "PNS", "", "", "INDUK", "", "", "", ""],
    ]
    hasil = apply_import(instansi, xlsx(unit_kerja=unit, pegawai=pegawai))
    assert hasil.berhasil, hasil.galat
    assert UnitKerja.objects.get(kode="ANAK").induk.kode == "INDUK"
    assert Pegawai.objects.get(nip=nip(1)).pejabat_penilai_khusus.nip == nip(2)


@pytest.mark.django_db
def test_existing_unlinked_account_is_reused(instansi):
    apply_import(instansi, csv_file(UNIT))
    user = User.objects.create_user(nip(1))
    rows = [
        ["nip", "nama", "status", "kode_unit", "email"],
        [nip(1), "A", "PNS", "BKPSDM", "a@example.go.id"],
    ]
    hasil = apply_import(instansi, csv_file(rows))
    assert hasil.berhasil and hasil.akun_dibuat == 0
    user.refresh_from_db()
    assert user.pegawai.nip == nip(1) and user.email == "a@example.go.id"


@pytest.mark.django_db
def test_command_dry_run_prints_summary_and_changes_nothing(instansi, loaded, tmp_path, capsys):
    path = tmp_path / "pegawai.csv"
    rows = [*PEGAWAI, _pegawai(nip(7), "Orang Baru", "PNS", "II/a", "BKPSDM")]
    path.write_bytes(csv_file(rows).getvalue())
    before = counts()
    out = io.StringIO()
    call_command("import_pegawai", str(path), "--dry-run", stdout=out)

    assert "Pegawai: 1 baru, 0 diubah, 4 tidak berubah" in out.getvalue()
    assert "--dry-run" in out.getvalue()
    assert counts() == before


@pytest.mark.django_db
def test_command_prints_errors_and_fails(instansi, tmp_path):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_file(BAD_NIP).getvalue())
    out = io.StringIO()
    with pytest.raises(CommandError, match="kesalahan"):
        call_command("import_pegawai", str(path), "--instansi", "kebumen", stdout=out)
    assert "[pegawai] Baris 3, kolom nip: NIP harus terdiri atas 18 angka" in out.getvalue()

    png = tmp_path / "foto.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CommandError, match="bukan XLSX"):
        call_command("import_pegawai", str(png))
    Instansi.objects.create(kode="lain", nama="Lain")
    with pytest.raises(CommandError, match="--instansi"):
        call_command("import_pegawai", str(path))


def test_docs_describe_every_column():
    text = (Path(settings.BASE_DIR) / "docs" / "impor.md").read_text()
    missing = [
        f"{lembar.nama}.{k.nama}" for lembar in LAYOUT for k in lembar.kolom if f"| `{k.nama}` |" not in text
    ]
    assert not missing


@pytest.mark.django_db
def test_progress_is_reported_and_never_goes_back(instansi, monkeypatch):
    monkeypatch.setattr("kinerja.organisasi.impor.PROGRESS_EVERY", 1)
    calls = []
    apply_import(instansi, full_xlsx(), progress=lambda diproses, total: calls.append((diproses, total)))
    done = [d for d, _t in calls]
    assert done == sorted(done) and calls[-1] == (9, 9)
