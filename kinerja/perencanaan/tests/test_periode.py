"""Period settings: the jadwal table, the period pages, their rights and every refused input."""

from datetime import date
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.organisasi.models import Instansi
from kinerja.perencanaan import services
from kinerja.perencanaan.models import JadwalPeriode, PeriodeKinerja, Skp
from kinerja.perencanaan.periode import Jadwal, nama_jadwal, susun_jadwal
from kinerja.perencanaan.workflow import StatusSkp

SEKAR = "199106112012062001"
D = date


def _j(nomor, mulai, selesai, batas):
    return Jadwal(nomor, mulai, selesai, batas)


@pytest.mark.parametrize(
    ("siklus", "mulai", "selesai", "expected"),
    [
        pytest.param(
            "semesteran",
            D(2027, 1, 1),
            D(2027, 12, 31),
            [
                _j(1, D(2027, 1, 1), D(2027, 6, 30), D(2027, 7, 5)),
                _j(2, D(2027, 7, 1), D(2027, 12, 31), D(2028, 1, 5)),
            ],
            id="semesteran, whole year",
        ),
        pytest.param(
            "triwulanan",
            D(2027, 1, 1),
            D(2027, 12, 31),
            [
                _j(1, D(2027, 1, 1), D(2027, 3, 31), D(2027, 4, 5)),
                _j(2, D(2027, 4, 1), D(2027, 6, 30), D(2027, 7, 5)),
                _j(3, D(2027, 7, 1), D(2027, 9, 30), D(2027, 10, 5)),
                _j(4, D(2027, 10, 1), D(2027, 12, 31), D(2028, 1, 5)),
            ],
            id="triwulanan, whole year",
        ),
        pytest.param(
            "triwulanan",
            D(2027, 3, 15),
            D(2027, 11, 10),
            [
                _j(1, D(2027, 3, 15), D(2027, 3, 31), D(2027, 4, 5)),
                _j(2, D(2027, 4, 1), D(2027, 6, 30), D(2027, 7, 5)),
                _j(3, D(2027, 7, 1), D(2027, 9, 30), D(2027, 10, 5)),
                _j(4, D(2027, 10, 1), D(2027, 11, 10), D(2027, 11, 15)),
            ],
            id="triwulanan, clipped at both ends",
        ),
        pytest.param(
            "semesteran",
            D(2027, 8, 1),
            D(2027, 12, 31),
            [_j(2, D(2027, 8, 1), D(2027, 12, 31), D(2028, 1, 5))],
            id="semesteran, starting in the second semester",
        ),
        pytest.param(
            "bulanan",
            D(2027, 5, 20),
            D(2027, 5, 20),
            [_j(5, D(2027, 5, 20), D(2027, 5, 20), D(2027, 5, 25))],
            id="one day",
        ),
    ],
)
def test_susun_jadwal(siklus, mulai, selesai, expected):
    assert susun_jadwal(siklus, mulai, selesai) == expected


@pytest.mark.parametrize(
    ("tahun", "akhir_februari", "batas_februari"),
    [
        pytest.param(2027, D(2027, 2, 28), D(2027, 3, 5), id="common year"),
        pytest.param(2028, D(2028, 2, 29), D(2028, 3, 5), id="leap year"),
        pytest.param(2100, D(2100, 2, 28), D(2100, 3, 5), id="century, not leap"),
    ],
)
def test_bulanan_has_twelve_months_with_the_right_february(tahun, akhir_februari, batas_februari):
    rows = susun_jadwal("bulanan", D(tahun, 1, 1), D(tahun, 12, 31))
    assert [r.nomor for r in rows] == list(range(1, 13))
    assert rows[1] == _j(2, D(tahun, 2, 1), akhir_februari, batas_februari)
    assert all(a.tanggal_selesai.toordinal() + 1 == b.tanggal_mulai.toordinal() for a, b in pairwise(rows))
    assert rows[-1].tanggal_selesai == D(tahun, 12, 31)


def test_period_starting_in_march_begins_with_month_three():
    rows = susun_jadwal("bulanan", D(2028, 3, 1), D(2028, 12, 31))
    assert [r.nomor for r in rows] == list(range(3, 13))
    assert rows[0].tanggal_mulai == D(2028, 3, 1)
    assert susun_jadwal("bulanan", D(2028, 3, 1), D(2028, 12, 31), hari_batas=0)[0].batas_pengisian == D(
        2028, 3, 31
    )


@pytest.mark.parametrize(
    ("mulai", "selesai"),
    [(D(2027, 5, 1), D(2027, 4, 30)), (D(2027, 12, 1), D(2028, 1, 31))],
    ids=["reversed", "two years"],
)
def test_susun_jadwal_refuses_a_range_outside_one_year(mulai, selesai):
    with pytest.raises(ValueError):
        susun_jadwal("triwulanan", mulai, selesai)


@pytest.mark.parametrize(
    ("siklus", "nomor", "nama"),
    [("bulanan", 2, "Februari"), ("triwulanan", 4, "Triwulan IV"), ("semesteran", 1, "Semester I")],
)
def test_nama_jadwal(siklus, nomor, nama):
    assert nama_jadwal(siklus, nomor) == nama


# --- the pages ---


@pytest.fixture
def periode(demo):
    return services.periode_tahun(demo[SEKAR].instansi, 2027)


def _jadwal(periode):
    return list(
        JadwalPeriode.objects.filter(periode=periode)
        .order_by("nomor")
        .values_list("nomor", "tanggal_mulai", "tanggal_selesai", "batas_pengisian")
    )


def _snapshot(periode):
    p = PeriodeKinerja.objects.get(pk=periode.pk)
    return (p.tanggal_mulai, p.tanggal_selesai, p.batas_penyusunan, p.siklus, _jadwal(periode))


def _data(periode, batas=None, **ubah):
    """The edit form as the page sends it, with `ubah` replacing fields and `batas` {nomor: value}."""
    rows = list(periode.jadwal_set.order_by("nomor"))
    data = {
        "tanggal_mulai": periode.tanggal_mulai.isoformat(),
        "tanggal_selesai": periode.tanggal_selesai.isoformat(),
        "batas_penyusunan": periode.batas_penyusunan.isoformat(),
        "siklus": periode.siklus,
        "jadwal-TOTAL_FORMS": str(len(rows)),
        "jadwal-INITIAL_FORMS": str(len(rows)),
        "jadwal-MIN_NUM_FORMS": "0",
        "jadwal-MAX_NUM_FORMS": "12",
    }
    for i, j in enumerate(rows):
        data[f"jadwal-{i}-nomor"] = str(j.nomor)
        data[f"jadwal-{i}-batas_pengisian"] = (batas or {}).get(j.nomor, j.batas_pengisian.isoformat())
    return data | ubah


def _edit(periode):
    return reverse("perencanaan:periode-edit", args=[periode.pk])


@pytest.mark.django_db
def test_new_periode_gets_its_jadwal(periode):
    assert periode.siklus == PeriodeKinerja.Siklus.TRIWULANAN
    assert _jadwal(periode) == [
        (1, D(2027, 1, 1), D(2027, 3, 31), D(2027, 4, 5)),
        (2, D(2027, 4, 1), D(2027, 6, 30), D(2027, 7, 5)),
        (3, D(2027, 7, 1), D(2027, 9, 30), D(2027, 10, 5)),
        (4, D(2027, 10, 1), D(2027, 12, 31), D(2028, 1, 5)),
    ]


@pytest.mark.django_db
def test_list_shows_own_instansi_only(cast, demo, periode, client_as):
    esdm = Instansi.objects.get(kode="kemen-esdm")
    services.periode_tahun(esdm, 2026)
    response = client_as(cast["analis_sdm"]).get(reverse("perencanaan:periode-list"))
    assert [p.tahun for p in response.context["daftar"]] == [2027]
    html = response.content.decode()
    assert "Triwulanan" in html and _edit(periode) in html
    assert response.context["form"]["tahun"].value() == 2028  # the next year is proposed


@pytest.mark.django_db
def test_superadmin_picks_the_instansi(cast, periode, client_as):
    esdm = Instansi.objects.get(kode="kemen-esdm")
    services.periode_tahun(esdm, 2026)
    client = client_as(cast["superadmin"])
    response = client.get(reverse("perencanaan:periode-list"), {"instansi": esdm.pk})
    assert response.context["instansi"] == esdm
    assert [p.tahun for p in response.context["daftar"]] == [2026]
    client.post(
        reverse("perencanaan:periode-list"), {"instansi": esdm.pk, "tahun": 2027, "siklus": "bulanan"}
    )
    baru = PeriodeKinerja.objects.get(instansi=esdm, tahun=2027)
    assert baru.siklus == "bulanan" and baru.jadwal_set.count() == 12


@pytest.mark.django_db
@pytest.mark.parametrize("instansi", ["abc", "", "999999", "esdm"])
def test_instansi_out_of_reach_is_404(cast, client_as, instansi):
    if instansi == "esdm":
        instansi = str(Instansi.objects.get(kode="kemen-esdm").pk)
    client = client_as(cast["analis_sdm"])
    url = reverse("perencanaan:periode-list")
    assert client.get(url, {"instansi": instansi}).status_code == 404
    assert client.post(url, {"instansi": instansi, "tahun": 2030, "siklus": "bulanan"}).status_code == 404
    assert not PeriodeKinerja.objects.exists()


@pytest.mark.django_db
def test_list_query_count_is_constant(cast, demo, client_as):
    instansi = demo[SEKAR].instansi
    client = client_as(cast["analis_sdm"])
    url = reverse("perencanaan:periode-list")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    p = services.periode_tahun(instansi, 2021)
    Skp.objects.create(
        pegawai=demo[SEKAR], periode=p, jenis="ja_jf", unit_kerja=demo[SEKAR].unit_kerja,
        tanggal_mulai=p.tanggal_mulai, tanggal_selesai=p.tanggal_selesai, status=StatusSkp.DISETUJUI,
    )  # fmt: skip
    few = count()
    for tahun in range(2022, 2030):
        services.periode_tahun(instansi, tahun)
    assert count() == few
    assert len(client.get(url).context["daftar"]) == 9


@pytest.mark.django_db
def test_create_next_year(cast, demo, periode, client_as):
    response = client_as(cast["analis_sdm"]).post(
        reverse("perencanaan:periode-list"), {"tahun": 2028, "siklus": "semesteran"}
    )
    baru = PeriodeKinerja.objects.get(instansi=periode.instansi, tahun=2028)
    assert response["Location"] == _edit(baru)
    assert (baru.tanggal_mulai, baru.tanggal_selesai, baru.batas_penyusunan) == (
        D(2028, 1, 1),
        D(2028, 12, 31),
        D(2028, 1, 31),
    )
    assert _jadwal(baru) == [
        (1, D(2028, 1, 1), D(2028, 6, 30), D(2028, 7, 5)),
        (2, D(2028, 7, 1), D(2028, 12, 31), D(2029, 1, 5)),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"tahun": 2027, "siklus": "bulanan"}, "Periode tahun 2027 sudah ada."),
        ({"tahun": "dua ribu", "siklus": "bulanan"}, "Tahun harus berupa angka."),
        ({"tahun": 1999, "siklus": "bulanan"}, "Tahun paling awal 2020."),
        ({"tahun": 2028, "siklus": "mingguan"}, "Pilih siklus bulanan, triwulanan atau semesteran."),
        ({"siklus": "bulanan"}, "Isi tahun periode."),
    ],
)
def test_bad_new_periode_changes_nothing(cast, periode, client_as, data, pesan):
    response = client_as(cast["analis_sdm"]).post(reverse("perencanaan:periode-list"), data)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert list(PeriodeKinerja.objects.values_list("tahun", flat=True)) == [2027]
    assert JadwalPeriode.objects.count() == 4


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai", "pimpinan", "outsider"])
def test_others_cannot_create_or_edit(cast, periode, client_as, role):
    client = client_as(cast[role])
    before = _snapshot(periode)
    response = client.post(reverse("perencanaan:periode-list"), {"tahun": 2028, "siklus": "bulanan"})
    assert response.status_code == 403
    response = client.post(_edit(periode), _data(periode, siklus="bulanan"))
    assert response.status_code == (404 if role == "outsider" else 403)
    assert PeriodeKinerja.objects.count() == 1
    assert _snapshot(periode) == before


@pytest.mark.django_db
def test_edit_page_generates_missing_jadwal(cast, periode, client_as):
    JadwalPeriode.objects.filter(periode=periode).delete()
    response = client_as(cast["analis_sdm"]).get(_edit(periode))
    assert response.status_code == 200
    assert len(_jadwal(periode)) == 4
    html = response.content.decode()
    assert (
        "Triwulan IV" in html and 'name="jadwal-3-batas_pengisian"' in html and 'value="2028-01-05"' in html
    )


@pytest.mark.django_db
def test_edit_saves_dates_and_batas_pengisian(cast, periode, client_as):
    data = _data(
        periode,
        batas={2: "2027-07-10"},
        tanggal_mulai="2027-03-15",
        tanggal_selesai="2027-11-10",
        batas_penyusunan="2027-04-15",
    )
    response = client_as(cast["analis_sdm"]).post(_edit(periode), data)
    assert response.status_code == 302
    periode.refresh_from_db()
    assert (periode.tanggal_mulai, periode.tanggal_selesai, periode.batas_penyusunan) == (
        D(2027, 3, 15),
        D(2027, 11, 10),
        D(2027, 4, 15),
    )
    assert _jadwal(periode) == [  # rows clipped to the new dates; batas kept or as posted
        (1, D(2027, 3, 15), D(2027, 3, 31), D(2027, 4, 5)),
        (2, D(2027, 4, 1), D(2027, 6, 30), D(2027, 7, 10)),
        (3, D(2027, 7, 1), D(2027, 9, 30), D(2027, 10, 5)),
        (4, D(2027, 10, 1), D(2027, 11, 10), D(2028, 1, 5)),
    ]


@pytest.mark.django_db
def test_shorter_period_drops_rows_outside_it(cast, periode, client_as):
    ids = dict(periode.jadwal_set.values_list("nomor", "pk"))
    data = _data(periode, tanggal_mulai="2027-05-01", tanggal_selesai="2027-08-31")
    assert client_as(cast["analis_sdm"]).post(_edit(periode), data).status_code == 302
    assert _jadwal(periode) == [
        (2, D(2027, 5, 1), D(2027, 6, 30), D(2027, 7, 5)),
        (3, D(2027, 7, 1), D(2027, 8, 31), D(2027, 10, 5)),
    ]
    assert dict(periode.jadwal_set.values_list("nomor", "pk")) == {2: ids[2], 3: ids[3]}  # updated in place


@pytest.mark.django_db
def test_siklus_change_regenerates_jadwal(cast, periode, client_as):
    data = _data(periode, batas={1: "2027-04-30"}, siklus="bulanan")
    assert client_as(cast["analis_sdm"]).post(_edit(periode), data).status_code == 302
    rows = _jadwal(periode)
    assert len(rows) == 12
    assert rows[0] == (1, D(2027, 1, 1), D(2027, 1, 31), D(2027, 2, 5))  # posted batas ignored: defaults
    assert PeriodeKinerja.objects.get(pk=periode.pk).siklus == "bulanan"


@pytest.mark.django_db
@pytest.mark.parametrize("status", [StatusSkp.DISETUJUI, StatusSkp.DIGANTI])
def test_siklus_change_refused_after_an_approval(cast, demo, periode, client_as, status):
    sekar = demo[SEKAR]
    Skp.objects.create(
        pegawai=sekar, periode=periode, jenis="ja_jf", unit_kerja=sekar.unit_kerja,
        tanggal_mulai=periode.tanggal_mulai, tanggal_selesai=periode.tanggal_selesai, status=status,
        disetujui_pada=timezone.now(),
    )  # fmt: skip
    before = _snapshot(periode)
    client = client_as(cast["analis_sdm"])
    assert "siklus evaluasi tidak dapat diubah lagi" in client.get(_edit(periode)).content.decode()
    response = client.post(_edit(periode), _data(periode, siklus="bulanan", tanggal_selesai="2027-11-30"))
    assert response.status_code == 200
    assert "Siklus evaluasi tidak dapat diubah karena sudah ada SKP tahun 2027 yang disetujui." in (
        response.content.decode()
    )
    assert _snapshot(periode) == before
    # other settings may still change
    assert client.post(_edit(periode), _data(periode, batas={1: "2027-04-20"})).status_code == 302
    assert _jadwal(periode)[0][3] == D(2027, 4, 20)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (
            {"tanggal_mulai": "2026-12-01"},
            "Awal periode SKP (1 Desember 2026) harus berada di tahun 2027.",
        ),
        (
            {"tanggal_selesai": "2028-01-31"},
            "Akhir periode SKP (31 Januari 2028) harus berada di tahun 2027.",
        ),
        (
            {"tanggal_mulai": "2027-06-01", "tanggal_selesai": "2027-05-31"},
            "Akhir periode SKP tidak boleh sebelum awal periode.",
        ),
        (
            {"batas_penyusunan": "2026-12-31"},
            "Batas penyusunan SKP (31 Desember 2026) harus berada di tahun 2027.",
        ),
        (
            {"batas": {2: "2027-06-29"}},
            "Batas pengisian Triwulan II (29 Juni 2027) tidak boleh sebelum akhir periodenya (30 Juni 2027).",
        ),
        ({"tanggal_mulai": "31-02-2027"}, "Tulis tanggal yang benar (tttt-bb-hh)."),
        ({"batas": {3: "besok"}}, "Tulis tanggal yang benar (tttt-bb-hh)."),
        ({"batas_penyusunan": ""}, "Tanggal wajib diisi."),
        ({"siklus": "mingguan"}, "Pilih siklus bulanan, triwulanan atau semesteran."),
        ({"jadwal-1-nomor": "1"}, "Jadwal periode dikirim ganda. Muat ulang halaman."),
        ({"jadwal-TOTAL_FORMS": ""}, "ManagementForm"),
    ],
)
def test_bad_settings_change_nothing(cast, periode, client_as, ubah, pesan):
    before = _snapshot(periode)
    batas = ubah.pop("batas", None)
    response = client_as(cast["analis_sdm"]).post(_edit(periode), _data(periode, batas=batas, **ubah))
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert _snapshot(periode) == before


@pytest.mark.django_db
def test_longer_period_refuses_a_batas_before_the_new_end(cast, periode, client_as):
    client = client_as(cast["analis_sdm"])
    data = _data(periode, batas={4: "2027-11-20"}, tanggal_selesai="2027-11-15")
    assert client.post(_edit(periode), data).status_code == 302
    before = _snapshot(periode)
    response = client.post(_edit(periode), _data(periode, tanggal_selesai="2027-12-31"))
    assert "Batas pengisian Triwulan IV (20 November 2027) tidak boleh sebelum akhir periodenya" in (
        response.content.decode()
    )
    assert _snapshot(periode) == before


@pytest.mark.django_db
def test_superadmin_edits_any_instansi(cast, client_as):
    esdm = services.periode_tahun(Instansi.objects.get(kode="kemen-esdm"), 2027)
    response = client_as(cast["superadmin"]).post(_edit(esdm), _data(esdm, siklus="semesteran"))
    assert response.status_code == 302
    assert len(_jadwal(esdm)) == 2
