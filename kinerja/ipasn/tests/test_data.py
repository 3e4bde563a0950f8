"""IP ASN data: the ASN's submission with data dukung, the Analis SDM's direct writes and verification
queue, the permission-checked download, and query counts."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.core.models import Notifikasi
from kinerja.ipasn.models import PengembanganKompetensi, RiwayatPendidikan, StatusData
from kinerja.pelaksanaan.tests.realisasi_contoh import EXE, PDF

SEKAR, RINA = "199106112012062001", "199708222020122003"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _pdf(name="ijazah.pdf", isi=PDF):
    return SimpleUploadedFile(name, isi, content_type="application/pdf")


def _kompetensi(**kw):
    return {
        "jenis": "teknis",
        "nama": "Pelatihan Analisis Jabatan",
        "penyelenggara": "BKN",
        "tanggal_mulai": "2027-03-01",
        "tanggal_selesai": "2027-03-05",
        "jp": "40",
        "sesuai_jabatan": "on",
    } | kw


@pytest.mark.django_db
def test_pegawai_submits_with_data_dukung_and_it_waits(cast, client_as):
    c = client_as(cast["pegawai"])
    r = c.post(reverse("ipasn:data-tambah", args=["kompetensi"]), _kompetensi(berkas=_pdf()))
    assert r.status_code == 302
    obj = PengembanganKompetensi.objects.get()
    assert obj.status == StatusData.DIAJUKAN and obj.jenis_berkas == "application/pdf"
    assert c.get(reverse("ipasn:data-berkas", args=["kompetensi", obj.pk])).getvalue() == PDF


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"berkas": None}, "Data dukung"),
        ({"berkas": "exe"}, "tidak diterima"),
        ({"tanggal_selesai": "2027-02-01"}, "Tanggal selesai tidak boleh sebelum tanggal mulai"),
        ({"jp": "0"}, "JP harus angka 1–1000"),
        ({"jp": "1001"}, "JP harus angka 1–1000"),
        ({"jenis": "bukan"}, "Masukkan pilihan yang valid"),
    ],
)
def test_pegawai_submission_is_checked_and_nothing_saved(cast, client_as, ubah, pesan):
    data = _kompetensi(berkas=_pdf()) | ubah
    if data["berkas"] is None:
        del data["berkas"]
    elif data["berkas"] == "exe":
        data["berkas"] = SimpleUploadedFile("sertifikat.exe", EXE)
    r = client_as(cast["pegawai"]).post(reverse("ipasn:data-tambah", args=["kompetensi"]), data)
    assert r.status_code == 200
    assert pesan in r.content.decode()
    assert not PengembanganKompetensi.objects.exists()


@pytest.mark.django_db
def test_lulus_in_the_future_and_unknown_jenjang_refused(cast, client_as):
    besok = (timezone.localdate() + timedelta(days=1)).isoformat()
    c = client_as(cast["pegawai"])
    url = reverse("ipasn:data-tambah", args=["pendidikan"])
    r = c.post(url, {"jenjang": "S1_D4", "tanggal_lulus": besok, "berkas": _pdf()})
    assert "Tanggal lulus tidak boleh di masa depan" in r.content.decode()
    r = c.post(url, {"jenjang": "S9", "tanggal_lulus": "2013-08-20", "berkas": _pdf()})
    assert r.status_code == 200 and not RiwayatPendidikan.objects.exists()


def _ajukan(demo, **kw):
    return RiwayatPendidikan.objects.create(
        pegawai=demo[SEKAR],
        jenjang="S2",
        tanggal_lulus=date(2020, 1, 1),
        status=StatusData.DIAJUKAN,
        **kw,
    )


@pytest.mark.django_db
def test_owner_edits_and_withdraws_while_diajukan_only(demo, cast, client_as):
    obj = _ajukan(demo)
    c = client_as(cast["pegawai"])
    r = c.post(
        reverse("ipasn:data-ubah", args=["pendidikan", obj.pk]),
        {"jenjang": "S3", "tanggal_lulus": "2021-01-01"},
    )
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.jenjang == "S3" and obj.status == StatusData.DIAJUKAN
    RiwayatPendidikan.objects.filter(pk=obj.pk).update(status=StatusData.TERVERIFIKASI)
    assert c.get(reverse("ipasn:data-ubah", args=["pendidikan", obj.pk])).status_code == 403
    c.post(reverse("ipasn:data-hapus", args=["pendidikan", obj.pk]))
    assert RiwayatPendidikan.objects.filter(pk=obj.pk).exists()  # verified: cannot be withdrawn
    RiwayatPendidikan.objects.filter(pk=obj.pk).update(status=StatusData.DIAJUKAN)
    c.post(reverse("ipasn:data-hapus", args=["pendidikan", obj.pk]))
    assert not RiwayatPendidikan.objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_analis_adds_directly_verified_without_file(demo, cast, client_as):
    c = client_as(cast["analis_sdm"])
    url = reverse("ipasn:data-pegawai-tambah", args=[demo[RINA].pk, "pendidikan"])
    assert c.post(url, {"jenjang": "D3", "tanggal_lulus": "2019-08-01"}).status_code == 302
    obj = RiwayatPendidikan.objects.get()
    assert obj.status == StatusData.TERVERIFIKASI and obj.diverifikasi_oleh == cast["analis_sdm"]


@pytest.mark.django_db
def test_analis_accepts_and_rejects_with_catatan_and_pegawai_is_notified(demo, cast, client_as):
    a, b = _ajukan(demo), _ajukan(demo, institusi="UI")
    c = client_as(cast["analis_sdm"])
    aksi = lambda o, **d: c.post(reverse("ipasn:data-verifikasi-aksi", args=["pendidikan", o.pk]), d)  # noqa: E731
    aksi(a, aksi="terima")
    aksi(b, aksi="tolak", catatan="")  # catatan required: nothing changes
    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == StatusData.TERVERIFIKASI and b.status == StatusData.DIAJUKAN
    aksi(b, aksi="tolak", catatan="Ijazah tidak terbaca")
    b.refresh_from_db()
    assert b.status == StatusData.DITOLAK and b.catatan_verifikasi == "Ijazah tidak terbaca"
    judul = list(Notifikasi.objects.filter(user=demo[SEKAR].user).values_list("judul", flat=True))
    assert len(judul) == 2 and any("ditolak" in j for j in judul)
    aksi(a, aksi="tolak", catatan="x")  # already decided
    a.refresh_from_db()
    assert a.status == StatusData.TERVERIFIKASI


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("pegawai", 403),
        ("pejabat_penilai", 403),
        ("atasan_pejabat_penilai", 404),
        ("outsider", 404),
        ("pimpinan", 404),
    ],
)
def test_only_the_analis_verifies(demo, cast, client_as, role, status):
    obj = _ajukan(demo)
    r = client_as(cast[role]).post(
        reverse("ipasn:data-verifikasi-aksi", args=["pendidikan", obj.pk]), {"aksi": "terima"}
    )
    assert r.status_code == status
    obj.refresh_from_db()
    assert obj.status == StatusData.DIAJUKAN


@pytest.mark.django_db
def test_analis_does_not_verify_his_own_record(demo, cast, client_as):
    dimas = cast["analis_sdm"].pegawai
    obj = RiwayatPendidikan.objects.create(
        pegawai=dimas, jenjang="S1_D4", tanggal_lulus=date(2017, 8, 1), status=StatusData.DIAJUKAN
    )
    r = client_as(cast["analis_sdm"]).post(
        reverse("ipasn:data-verifikasi-aksi", args=["pendidikan", obj.pk]), {"aksi": "terima"}
    )
    assert r.status_code == 403


def _banyak(demo, n):
    for i in range(n):
        RiwayatPendidikan.objects.create(
            pegawai=demo[SEKAR], jenjang="S2", tanggal_lulus=date(2000 + i, 1, 1), status=StatusData.DIAJUKAN
        )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["ipasn:data-verifikasi", "ipasn:data-pegawai-list"])
def test_list_queries_do_not_grow(demo, cast, client_as, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(cast["analis_sdm"])
    _banyak(demo, 2)
    with CaptureQueriesContext(connection) as q:
        c.get(reverse(url))
    _banyak(demo, 12)
    with django_assert_max_num_queries(len(q.captured_queries)):
        assert c.get(reverse(url)).status_code == 200


@pytest.mark.django_db
def test_data_pages_queries_do_not_grow(demo, cast, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(cast["pegawai"])
    _banyak(demo, 2)
    with CaptureQueriesContext(connection) as q:
        c.get(reverse("ipasn:data-saya"))
    _banyak(demo, 12)
    with django_assert_max_num_queries(len(q.captured_queries)):
        assert c.get(reverse("ipasn:data-saya")).status_code == 200


@pytest.mark.django_db
def test_analis_edits_and_deletes_any_record_of_his_instansi(demo, cast, client_as):
    obj = RiwayatPendidikan.objects.create(
        pegawai=demo[RINA], jenjang="D3", tanggal_lulus=date(2019, 8, 1), status=StatusData.TERVERIFIKASI
    )
    c = client_as(cast["analis_sdm"])
    r = c.post(
        reverse("ipasn:data-ubah", args=["pendidikan", obj.pk]),
        {"jenjang": "S1_D4", "tanggal_lulus": "2021-08-01", "institusi": "UNS"},
    )
    assert r.status_code == 302
    obj.refresh_from_db()
    assert (obj.jenjang, obj.institusi, obj.status) == ("S1_D4", "UNS", StatusData.TERVERIFIKASI)
    assert obj.history.first().history_user == cast["analis_sdm"]
    c.post(reverse("ipasn:data-hapus", args=["pendidikan", obj.pk]))
    assert not RiwayatPendidikan.objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_refused_record_resubmitted_by_owner(demo, cast, client_as):
    obj = _ajukan(demo, catatan_verifikasi="Ijazah buram")
    RiwayatPendidikan.objects.filter(pk=obj.pk).update(status=StatusData.DITOLAK)
    r = client_as(cast["pegawai"]).post(
        reverse("ipasn:data-ubah", args=["pendidikan", obj.pk]),
        {"jenjang": "S2", "tanggal_lulus": "2020-01-01", "berkas": _pdf()},
    )
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.status == StatusData.DIAJUKAN and obj.catatan_verifikasi == "" and obj.berkas


@pytest.mark.django_db
def test_dashboard_sections(demo, cast, client_as):
    _ajukan(demo)
    teks = client_as(cast["analis_sdm"]).get(reverse("core:dashboard")).content.decode()
    assert "Data IP ASN menunggu verifikasi" in teks
    teks = client_as(cast["pegawai"]).get(reverse("core:dashboard")).content.decode()
    assert "Data menunggu verifikasi" in teks
