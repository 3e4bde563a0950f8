"""Unit tree, pegawai list, profile with history, and the admin's forms."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import Jabatan, Pegawai, UnitKerja


def _add_pegawai(instansi, unit, jabatan, n, start=0):
    Pegawai.objects.bulk_create(
        Pegawai(
            instansi=instansi,
            unit_kerja=unit,
            jabatan=jabatan,
            nama=f"Pegawai Uji {i:03d}",
            nip=f"19900101201401{1 + i % 2}{i + 100:03d}",
            status="pns",
            golongan_ruang="III/a",
        )
        for i in range(start, start + n)
    )


def _units(instansi, n, induk):
    for i in range(n):
        induk = UnitKerja.objects.create(instansi=instansi, kode=f"U{i:03d}", nama=f"Unit {i}", induk=induk)


def _queries(client, url):
    cache.clear()  # count the COUNT query every time (bulk_create in these tests bypasses invalidation)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "pejabat_penilai"])
def test_pegawai_list_constant_queries(cast, demo, client_as, role):
    client = client_as(cast[role])
    sekar = demo["199106112012062001"]
    url = reverse("organisasi:pegawai-list")
    _add_pegawai(sekar.instansi, sekar.unit_kerja, sekar.jabatan, 3)
    few = _queries(client, url)
    _add_pegawai(sekar.instansi, sekar.unit_kerja, sekar.jabatan, 80, start=3)
    Pegawai.objects.filter(nama__startswith="Pegawai Uji").update(pejabat_penilai=demo["198103021999121001"])
    assert _queries(client, url) == few


@pytest.mark.django_db
def test_unit_tree_constant_queries(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    instansi = demo["199106112012062001"].instansi
    url = reverse("organisasi:unit-tree")
    few = _queries(client, url)
    _units(instansi, 40, UnitKerja.objects.get(kode="BKPSDM"))
    unit = UnitKerja.objects.get(kode="U039")
    _add_pegawai(instansi, unit, Jabatan.objects.get(kode="PENGADM-PERKANTORAN"), 30)
    response = client.get(url)
    assert "Unit 39" in response.content.decode()
    assert _queries(client, url) == few


@pytest.mark.django_db
def test_pegawai_list_search_filter_and_pagination(cast, demo, client_as, settings):
    settings.KINERJA_PAGE_SIZE = 5
    client = client_as(cast["analis_sdm"])
    page = client.get(reverse("organisasi:pegawai-list"), {"q": "sekar"}).context["page"]
    assert [p.nama for p in page] == ["Sekar Satiti"]
    page = client.get(reverse("organisasi:pegawai-list"), {"q": "19910611 2012"}).context["page"]
    assert [p.nama for p in page] == ["Sekar Satiti"]
    page = client.get(reverse("organisasi:pegawai-list"), {"status": "pppk"}).context["page"]
    assert [p.nama for p in page] == ["Lestari Handayani"]
    page = client.get(reverse("organisasi:pegawai-list"), {"jenis_jabatan": "fungsional"}).context["page"]
    assert page.paginator.count == 4
    first = client.get(reverse("organisasi:pegawai-list"))
    assert first.context["page"].paginator.num_pages == 3  # 11 Kebumen pegawai, 5 per page
    second = client.get(reverse("organisasi:pegawai-list"), {"page": 2, "status": "pns"})
    assert "status=pns" in second.content.decode()
    htmx = client.get(reverse("organisasi:pegawai-list"), {"q": "sekar"}, headers={"HX-Request": "true"})
    assert '<nav class="navbar' not in htmx.content.decode() and "Sekar Satiti" in htmx.content.decode()


@pytest.mark.django_db
def test_admin_creates_pegawai_and_profile_shows_history(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    unit = UnitKerja.objects.get(kode="BKPSDM-IPKP")
    data = {
        "nip": "19950520 201903 2 007",
        "nama": "Ayu Lestari",
        "gelar_belakang": "S.H.",
        "status": "pns",
        "golongan_ruang": "III/a",
        "unit_kerja": unit.pk,
        "jabatan": Jabatan.objects.get(kode="ANALIS-SDM-PERTAMA").pk,
        "pendidikan_terakhir": "S1_D4",
        "email": "ayu@example.go.id",
        "aktif": "on",
    }
    response = client.post(reverse("organisasi:pegawai-create"), data)
    assert response.status_code == 302
    ayu = Pegawai.objects.get(nip="199505202019032007")
    assert str(ayu.tanggal_lahir) == "1995-05-20" and ayu.jenis_kelamin == "P"
    assert ayu.pejabat_penilai.nip == "198103021999121001"
    assert ayu.user.username == ayu.nip and ayu.user.email == "ayu@example.go.id"

    data["golongan_ruang"] = "III/b"
    client.post(reverse("organisasi:pegawai-edit", args=[ayu.pk]), data)
    html = client.get(reverse("organisasi:pegawai-detail", args=[ayu.pk])).content.decode()
    assert "Penata Muda Tingkat I – III/b" in html
    assert "diff-old" in html and "III/a" in html  # the change from III/a to III/b is in the history


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("12345", "18"),
        ("199013452014021003", "tanggal lahir"),
    ],
)
def test_bad_nip_is_refused_in_indonesian(cast, demo, client_as, nip, message):
    client = client_as(cast["analis_sdm"])
    before = Pegawai.objects.count()
    response = client.post(
        reverse("organisasi:pegawai-create"),
        {
            "nip": nip,
            "nama": "Salah",
            "status": "pns",
            "golongan_ruang": "III/a",
            "unit_kerja": UnitKerja.objects.get(kode="BKPSDM").pk,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode().lower()
    assert Pegawai.objects.count() == before


@pytest.mark.django_db
def test_golongan_must_match_status(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    response = client.post(
        reverse("organisasi:pegawai-create"),
        {
            "nip": "199204172023212009",
            "nama": "Salah",
            "status": "pppk",
            "golongan_ruang": "III/a",
            "unit_kerja": UnitKerja.objects.get(kode="BKPSDM").pk,
        },
    )
    assert response.status_code == 200 and not Pegawai.objects.filter(nip="199204172023212009").exists()


@pytest.mark.django_db
def test_unit_cycle_is_refused(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")
    child = UnitKerja.objects.get(kode="BKPSDM-SEK-UMPEG")
    response = client.post(
        reverse("organisasi:unit-edit", args=[bkpsdm.pk]),
        {"kode": "BKPSDM", "nama": bkpsdm.nama, "induk": child.pk, "aktif": "on"},
    )
    assert response.status_code == 200 and "siklus" in response.content.decode()
    bkpsdm.refresh_from_db()
    assert bkpsdm.induk_id is None


@pytest.mark.django_db
def test_plt_assignment_through_the_ui_changes_penilai(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    sekretaris = demo["197505102000032002"]
    kabid = demo["198103021999121001"]
    kabid.aktif = False
    kabid.save()
    response = client.post(
        reverse("organisasi:penugasan-create", args=[sekretaris.pk]),
        {
            "jenis": "plt",
            "jabatan": Jabatan.objects.get(kode="KABID-IPKP").pk,
            "tanggal_mulai": "2020-01-01",
        },
    )
    assert response.status_code == 302
    assert Pegawai.objects.get(nip="199106112012062001").pejabat_penilai_id == sekretaris.pk


@pytest.mark.django_db
def test_cached_count_follows_changes(cast, demo, client_as):
    client = client_as(cast["analis_sdm"])
    url = reverse("organisasi:pegawai-list")
    assert client.get(url).context["page"].paginator.count == 11
    sekar = demo["199106112012062001"]
    sekar.aktif = False
    sekar.save()  # a save anywhere invalidates
    assert client.get(url, {"aktif": "1"}).context["page"].paginator.count == 10
    Pegawai.objects.filter(pk=sekar.pk).delete()
    assert client.get(url).context["page"].paginator.count == 10
