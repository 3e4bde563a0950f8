"""Perjanjian Kinerja / Renstra: who sees and manages them, the editor, delete, queries.

The XLSX import is tested in test_pk_impor.py.
"""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.organisasi.models import UnitKerja
from kinerja.perencanaan import services
from kinerja.perencanaan.models import (
    IndikatorKinerjaUtama,
    PerjanjianKinerja,
    RencanaHasilKerja,
    SasaranStrategis,
)
from kinerja.perencanaan.selectors_pk import sasaran_untuk_skp
from kinerja.perencanaan.services_pk import IkuData, PkDitolak, SasaranData, hapus_pk, simpan_pk

SEKAR = "199106112012062001"
LIST, CREATE, IMPOR = "perencanaan:pk-list", "perencanaan:pk-create", "perencanaan:pk-impor"


def _unit(kode: str) -> UnitKerja:
    return UnitKerja.objects.get(kode=kode)


def _buat(kode: str, tahun=2027, sumber="pk", n_sasaran=2, n_iku=2) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.objects.create(unit_kerja=_unit(kode), tahun=tahun, sumber=sumber)
    for s in range(1, n_sasaran + 1):
        sasaran = SasaranStrategis.objects.create(perjanjian=pk, urutan=s, uraian=f"Sasaran {s}")
        IndikatorKinerjaUtama.objects.bulk_create(
            IndikatorKinerjaUtama(sasaran=sasaran, urutan=i, uraian=f"IKU {s}.{i}", target=f"{i} dokumen")
            for i in range(1, n_iku + 1)
        )
    return pk


def _rujuk(demo, sasaran: SasaranStrategis, n=1) -> None:
    """n rencana hasil kerja of Sekar's 2027 SKP referring to `sasaran`."""
    sekar = demo[SEKAR]
    skp = sekar.skp_set.first() or services.buka_skp(
        pegawai=sekar, periode=services.periode_tahun(sekar.instansi, 2027)
    )
    for i in range(n):
        RencanaHasilKerja.objects.create(skp=skp, uraian=f"Hasil {i}", sasaran=sasaran)


def _isi(pk: PerjanjianKinerja) -> list:
    """The PK's contents as plain data, to compare before and after."""
    return [
        (
            s.pk,
            s.urutan,
            s.uraian,
            [(i.pk, i.urutan, i.uraian, i.target) for i in s.indikator_set.order_by("urutan")],
        )
        for s in pk.sasaran_set.order_by("urutan")
    ]


def _data(unit_id, sasaran, tahun=2027, sumber="pk", **extra) -> dict:
    """The editor's POST: `sasaran` is a list of dicts {id?, uraian, DELETE?, iku: [{id?, uraian, target,
    DELETE?}]}; rows with an id are the formsets' initial rows."""
    data = {"unit_kerja": unit_id, "tahun": tahun, "sumber": sumber, **extra}
    data["sasaran-TOTAL_FORMS"] = len(sasaran)
    data["sasaran-INITIAL_FORMS"] = sum(1 for s in sasaran if s.get("id"))
    for n, s in enumerate(sasaran):
        p = f"sasaran-{n}"
        data |= {f"{p}-id": s.get("id", ""), f"{p}-uraian": s["uraian"]}
        if s.get("DELETE"):
            data[f"{p}-DELETE"] = "on"
        iku = s.get("iku", [])
        data[f"{p}-iku-TOTAL_FORMS"] = len(iku)
        data[f"{p}-iku-INITIAL_FORMS"] = sum(1 for i in iku if i.get("id"))
        for m, i in enumerate(iku):
            q = f"{p}-iku-{m}"
            data |= {f"{q}-id": i.get("id", ""), f"{q}-uraian": i["uraian"], f"{q}-target": i["target"]}
            if i.get("DELETE"):
                data[f"{q}-DELETE"] = "on"
    return data


def _baru(unit_id, **kwargs) -> dict:
    sasaran = [
        {
            "uraian": "Meningkatnya profesionalitas ASN",
            "iku": [{"uraian": "Indeks Profesionalitas ASN", "target": "75 poin"}],
        },
        {"uraian": "Meningkatnya kualitas layanan", "iku": [{"uraian": "Indeks kepuasan", "target": "90 %"}]},
    ]
    return _data(unit_id, sasaran, **kwargs)


class _Fields(HTMLParser):
    """What a browser would post from a page's forms: inputs, checked boxes, textareas, selections."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "file"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.data[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data[self._textarea] = ""
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def _fields(response) -> dict:
    parser = _Fields()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


# --- Visibility -------------------------------------------------------------------------------------

KEBUMEN = {"BKPSDM", "BKPSDM-IPKP", "BKPSDM-SEK", "SETDA"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("pegawai", {"BKPSDM", "BKPSDM-IPKP"}),  # own unit and the one above it
        ("pejabat_penilai", {"BKPSDM", "BKPSDM-IPKP"}),
        ("atasan_pejabat_penilai", {"BKPSDM"}),
        ("analis_sdm", KEBUMEN),  # the whole instansi
        ("pimpinan", KEBUMEN),
        ("outsider", {"DJK-SET-KEU"}),
        ("superadmin", KEBUMEN | {"DJK-SET-KEU"}),
    ],
)
def test_list_shows_what_the_role_may_see(cast, client_as, role, expected):
    for kode in [*KEBUMEN, "DJK-SET-KEU"]:
        _buat(kode, n_sasaran=1)
    _buat("BKPSDM", tahun=2026)
    response = client_as(cast[role]).get(reverse(LIST), {"tahun": 2027})
    assert {p.unit_kerja.kode for p in response.context["pk_list"]} == expected
    assert all(p.tahun == 2027 for p in response.context["pk_list"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "kode", "status"),
    [
        ("outsider", "BKPSDM", 404),
        ("analis_sdm", "DJK-SET-KEU", 404),
        ("pegawai", "BKPSDM-SEK", 404),
        ("pegawai", "BKPSDM", 200),
    ],
)
def test_detail_outside_reach_is_404(cast, client_as, role, kode, status):
    pk = _buat(kode)
    assert client_as(cast[role]).get(reverse("perencanaan:pk-detail", args=[pk.pk])).status_code == status


@pytest.mark.django_db
def test_list_defaults_to_this_year_and_filters_by_unit(cast, client_as):
    this_year = timezone.localdate().year
    _buat("BKPSDM", tahun=this_year)
    _buat("SETDA", tahun=this_year)
    _buat("BKPSDM", tahun=this_year - 1)
    client = client_as(cast["analis_sdm"])
    listed = client.get(reverse(LIST)).context["pk_list"]
    assert {(p.unit_kerja.kode, p.tahun) for p in listed} == {("BKPSDM", this_year), ("SETDA", this_year)}
    listed = client.get(reverse(LIST), {"tahun": this_year, "unit": _unit("SETDA").pk}).context["pk_list"]
    assert [(p.unit_kerja.kode, p.jumlah_sasaran, p.jumlah_iku) for p in listed] == [("SETDA", 2, 4)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"tahun": "abc"}, "Tahun harus berupa angka"),
        ({"tahun": "99"}, "Tahun harus berupa angka"),
        ({"unit": "DJK-SET-KEU"}, "di luar jangkauan"),
        ({"unit": "x"}, "di luar jangkauan"),
    ],
)
def test_bad_filter_gets_a_message(cast, client_as, params, pesan):
    if params.get("unit") == "DJK-SET-KEU":
        params = {"unit": _unit("DJK-SET-KEU").pk}
    response = client_as(cast["analis_sdm"]).get(reverse(LIST), params)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert response.context["tahun"] == timezone.localdate().year


@pytest.mark.django_db
def test_detail_numbers_sasaran_and_iku_and_counts_references(cast, demo, client_as):
    pk = _buat("BKPSDM", n_sasaran=2, n_iku=2)
    _rujuk(demo, pk.sasaran_set.get(urutan=1), n=3)
    response = client_as(cast["pegawai"]).get(reverse("perencanaan:pk-detail", args=[pk.pk]))
    html = response.content.decode()
    assert [(s.uraian, s.jumlah_rhk) for s in response.context["sasaran"]] == [
        ("Sasaran 1", 3),
        ("Sasaran 2", 0),
    ]
    for no, teks in [("1.1", "IKU 1.1"), ("1.2", "IKU 1.2"), ("2.1", "IKU 2.1"), ("2.2", "IKU 2.2")]:
        assert f">{no}</td>" in html and teks in html
    edit = reverse("perencanaan:pk-edit", args=[pk.pk])
    assert edit not in html  # the pegawai reads only
    detail = client_as(cast["analis_sdm"]).get(reverse("perencanaan:pk-detail", args=[pk.pk]))
    assert edit in detail.content.decode()


# --- Create, edit, delete ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "pimpinan", "superadmin"])
def test_create_saves_sasaran_and_iku_in_order(cast, client_as, role):
    response = client_as(cast[role]).post(reverse(CREATE), _baru(_unit("BKPSDM-IPKP").pk, sumber="renstra"))
    pk = PerjanjianKinerja.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "perencanaan:pk-detail", args=[pk.pk]
    )
    assert (pk.unit_kerja.kode, pk.tahun, pk.sumber) == ("BKPSDM-IPKP", 2027, "renstra")
    assert [(s[1], s[2], [i[1:] for i in s[3]]) for s in _isi(pk)] == [
        (1, "Meningkatnya profesionalitas ASN", [(1, "Indeks Profesionalitas ASN", "75 poin")]),
        (2, "Meningkatnya kualitas layanan", [(1, "Indeks kepuasan", "90 %")]),
    ]


def _rusak(data: dict, **ubah) -> dict:
    return {**data, **ubah}


BAD_CREATE = [
    ("sasaran_kosong", {"sasaran-0-uraian": "   "}, "belum memiliki uraian sasaran"),
    ("iku_tanpa_target", {"sasaran-0-iku-0-target": ""}, "Target indikator harus diisi"),
    ("iku_tanpa_uraian", {"sasaran-1-iku-0-uraian": " "}, "Uraian indikator kinerja harus diisi"),
    (
        "sasaran_tanpa_iku",
        {"sasaran-1-iku-0-uraian": "", "sasaran-1-iku-0-target": ""},
        "belum memiliki indikator",
    ),
    ("target_terlalu_panjang", {"sasaran-0-iku-0-target": "9" * 101}, "paling panjang 100"),
    ("tahun_bukan_angka", {"tahun": "dua ribu"}, "Tahun harus berupa angka"),
    ("tahun_kosong", {"tahun": ""}, "Isi tahun"),
    ("sumber_salah", {"sumber": "rkt"}, "Sumber harus"),
    ("unit_instansi_lain", {"unit_kerja": "DJK"}, "bukan unit instansi yang Anda kelola"),
    ("duplikat", {}, "sudah ada"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kasus", "ubah", "pesan"), BAD_CREATE, ids=[b[0] for b in BAD_CREATE])
def test_bad_create_changes_nothing(cast, client_as, kasus, ubah, pesan):
    lama = _buat("BKPSDM", n_sasaran=1)
    if ubah.get("unit_kerja") == "DJK":
        ubah = {"unit_kerja": _unit("DJK").pk}
    response = client_as(cast["analis_sdm"]).post(reverse(CREATE), _rusak(_baru(_unit("BKPSDM").pk), **ubah))
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert list(PerjanjianKinerja.objects.all()) == [lama]
    assert SasaranStrategis.objects.count() == 1 and IndikatorKinerjaUtama.objects.count() == 2


@pytest.mark.django_db
def test_empty_editor_asks_for_a_sasaran(cast, client_as):
    response = client_as(cast["analis_sdm"]).post(reverse(CREATE), _data(_unit("BKPSDM").pk, []))
    assert "minimal satu sasaran" in response.content.decode()
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"sasaran-TOTAL_FORMS": "100000"}, "paling banyak"),  # Django's own message, in Indonesian
        ({"sasaran-1-iku-TOTAL_FORMS": "abc"}, "Periksa kembali"),
        ({"sasaran-0-id": "abc"}, "Periksa kembali"),
    ],
)
def test_tampered_editor_post_changes_nothing(cast, client_as, ubah, pesan):
    data = _rusak(_baru(_unit("BKPSDM").pk), **ubah)
    response = client_as(cast["analis_sdm"]).post(reverse(CREATE), data)
    assert pesan in response.content.decode()
    assert not PerjanjianKinerja.objects.exists()


@pytest.mark.django_db
def test_services_check_rights_and_contents_themselves(cast):
    unit = _unit("BKPSDM")
    iku = (IkuData(uraian="IKU", target="1 dokumen"),)
    with pytest.raises(PermissionDenied):
        simpan_pk(
            pk=None,
            unit_kerja=unit,
            tahun=2027,
            sumber="pk",
            sasaran=[SasaranData("S", iku)],
            by=cast["pegawai"],
        )
    for sasaran in ([], [SasaranData("S", ())], [SasaranData("S", (IkuData("IKU", " "),))]):
        with pytest.raises(PkDitolak):
            simpan_pk(
                pk=None, unit_kerja=unit, tahun=2027, sumber="pk", sasaran=sasaran, by=cast["analis_sdm"]
            )
    with pytest.raises(PermissionDenied):
        hapus_pk(pk=_buat("BKPSDM"), by=cast["pejabat_penilai"])
    assert PerjanjianKinerja.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai", "atasan_pejabat_penilai", "outsider"])
def test_only_admin_and_pimpinan_create(cast, client_as, role):
    response = client_as(cast[role]).post(reverse(CREATE), _baru(_unit("BKPSDM").pk))
    assert response.status_code == 403
    assert not PerjanjianKinerja.objects.exists()


def _sekarang(pk) -> list[dict]:
    """The stored contents as editor rows (what the edit page posts back unchanged)."""
    return [
        {
            "id": s.pk,
            "uraian": s.uraian,
            "iku": [
                {"id": i.pk, "uraian": i.uraian, "target": i.target}
                for i in s.indikator_set.order_by("urutan")
            ],
        }
        for s in pk.sasaran_set.order_by("urutan")
    ]


@pytest.mark.django_db
def test_edit_updates_adds_and_removes_rows(cast, client_as):
    pk = _buat("BKPSDM", n_sasaran=3, n_iku=2)
    baris = _sekarang(pk)
    s1, s2, s3 = baris
    s1["uraian"] = "Sasaran satu diubah"
    s1["iku"][0]["target"] = "95 %"
    s1["iku"][1]["DELETE"] = True
    s1["iku"].append({"uraian": "IKU baru", "target": "4 laporan"})
    s2["DELETE"] = True
    baris.append({"uraian": "Sasaran baru", "iku": [{"uraian": "IKU sasaran baru", "target": "1 dokumen"}]})
    url = reverse("perencanaan:pk-edit", args=[pk.pk])
    response = client_as(cast["pimpinan"]).post(url, _data(_unit("BKPSDM").pk, baris, sumber="renstra"))
    assert response.status_code == 302
    pk.refresh_from_db()
    assert pk.sumber == "renstra"
    isi = _isi(pk)
    assert [(s[1], s[2]) for s in isi] == [(1, "Sasaran satu diubah"), (2, "Sasaran 3"), (3, "Sasaran baru")]
    assert isi[0][0] == s1["id"] and isi[1][0] == s3["id"]  # kept rows keep their identity
    assert [i[1:] for i in isi[0][3]] == [(1, "IKU 1.1", "95 %"), (2, "IKU baru", "4 laporan")]
    assert not SasaranStrategis.objects.filter(pk=s2["id"]).exists()


@pytest.mark.django_db
def test_edit_page_posts_back_unchanged(cast, client_as):
    """The rendered form, posted as a browser would, changes nothing; with a row filled in it saves it."""
    pk = _buat("BKPSDM", n_sasaran=2, n_iku=2)
    sebelum = _isi(pk)
    client = client_as(cast["analis_sdm"])
    url = reverse("perencanaan:pk-edit", args=[pk.pk])
    data = _fields(client.get(url))
    assert client.post(url, data).status_code == 302
    assert _isi(pk) == sebelum
    data["sasaran-1-iku-2-uraian"], data["sasaran-1-iku-2-target"] = (
        "IKU tambahan",
        "2 kegiatan",
    )  # the empty row
    client.post(url, data)
    assert [i[2:] for i in _isi(pk)[1][3]] == [
        ("IKU 2.1", "1 dokumen"),
        ("IKU 2.2", "2 dokumen"),
        ("IKU tambahan", "2 kegiatan"),
    ]


@pytest.mark.django_db
def test_create_page_through_its_add_row_buttons(cast, client_as):
    client = client_as(cast["analis_sdm"])
    data = _fields(client.get(reverse(CREATE)))
    data |= {
        "unit_kerja": _unit("SETDA").pk,
        "sasaran-0-uraian": "Sasaran A",
        "sasaran-0-iku-0-uraian": "IKU A1",
        "sasaran-0-iku-0-target": "100 %",
    }
    page = client.post(reverse(CREATE), {**data, "tambah": "iku-0"})
    assert "Periksa kembali" not in page.content.decode() and not PerjanjianKinerja.objects.exists()
    data = _fields(page)
    assert data["sasaran-0-iku-TOTAL_FORMS"] == "2" and data["sasaran-0-iku-0-uraian"] == "IKU A1"
    data |= {"sasaran-0-iku-1-uraian": "IKU A2", "sasaran-0-iku-1-target": "3 dokumen"}
    data = _fields(client.post(reverse(CREATE), {**data, "tambah": "sasaran"}))
    assert data["sasaran-TOTAL_FORMS"] == "2" and data["sasaran-1-iku-TOTAL_FORMS"] == "1"
    data |= {
        "sasaran-1-uraian": "Sasaran B",
        "sasaran-1-iku-0-uraian": "IKU B1",
        "sasaran-1-iku-0-target": "1 kali",
    }
    assert client.post(reverse(CREATE), data).status_code == 302
    isi = _isi(PerjanjianKinerja.objects.get(unit_kerja__kode="SETDA"))
    assert [(s[2], [i[2:] for i in s[3]]) for s in isi] == [
        ("Sasaran A", [("IKU A1", "100 %"), ("IKU A2", "3 dokumen")]),
        ("Sasaran B", [("IKU B1", "1 kali")]),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (lambda b, d: b[0].update(DELETE=True), "tidak dapat dihapus"),  # sasaran 1 is referred to
        (lambda b, d: d.update(tahun=2028), "tidak dapat diubah"),
        (lambda b, d: d.update(unit_kerja=_unit("SETDA").pk), "tidak dapat diubah"),
        (lambda b, d: b[1].update(id=_buat("SETDA").sasaran_set.first().pk), "muat ulang"),
        (lambda b, d: b[1]["iku"][0].update(id=b[0]["iku"][0]["id"]), "muat ulang"),
        (
            lambda b, d: d.update(sumber="renstra", tahun=2027) or _buat("BKPSDM", sumber="renstra"),
            "sudah ada",
        ),
    ],
)
def test_refused_edit_changes_nothing(cast, demo, client_as, ubah, pesan):
    pk = _buat("BKPSDM", n_sasaran=2)
    _rujuk(demo, pk.sasaran_set.get(urutan=1))
    baris = _sekarang(pk)
    baris[1]["uraian"] = "Ubahan yang tidak boleh tersimpan"
    header = {}
    ubah(baris, header)
    sebelum = _isi(pk)
    data = _data(header.pop("unit_kerja", _unit("BKPSDM").pk), baris, **header)
    response = client_as(cast["analis_sdm"]).post(reverse("perencanaan:pk-edit", args=[pk.pk]), data)
    assert pesan in response.content.decode()
    pk.refresh_from_db()
    assert (pk.unit_kerja.kode, pk.tahun, pk.sumber) == ("BKPSDM", 2027, "pk")
    assert _isi(pk) == sebelum


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [("pegawai", 403), ("atasan_pejabat_penilai", 403), ("outsider", 404)]
)
def test_edit_and_delete_refused_to_others(cast, client_as, role, status):
    pk = _buat("BKPSDM")
    sebelum = _isi(pk)
    client = client_as(cast[role])
    data = _data(_unit("BKPSDM").pk, [{"uraian": "Disusupkan", "iku": [{"uraian": "x", "target": "1"}]}])
    assert client.post(reverse("perencanaan:pk-edit", args=[pk.pk]), data).status_code == status
    assert client.post(reverse("perencanaan:pk-hapus", args=[pk.pk])).status_code == status
    assert _isi(pk) == sebelum


@pytest.mark.django_db
def test_delete_removes_the_pk_with_its_contents(cast, client_as):
    pk = _buat("BKPSDM")
    response = client_as(cast["analis_sdm"]).post(reverse("perencanaan:pk-hapus", args=[pk.pk]), follow=True)
    assert "dihapus" in response.content.decode()
    assert not PerjanjianKinerja.objects.exists() and not IndikatorKinerjaUtama.objects.exists()


@pytest.mark.django_db
def test_delete_refused_while_an_skp_refers_to_it(cast, demo, client_as):
    pk = _buat("BKPSDM")
    _rujuk(demo, pk.sasaran_set.get(urutan=2), n=2)
    response = client_as(cast["pimpinan"]).post(reverse("perencanaan:pk-hapus", args=[pk.pk]), follow=True)
    assert "dirujuk oleh 2 rencana hasil kerja" in response.content.decode()
    assert SasaranStrategis.objects.filter(perjanjian=pk).count() == 2


# --- sasaran_untuk_skp ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sasaran_untuk_skp_takes_the_unit_and_its_ancestors_of_the_same_year(demo):
    sekar = demo[SEKAR]  # unit BKPSDM-IPKP, under BKPSDM
    skp = services.buka_skp(pegawai=sekar, periode=services.periode_tahun(sekar.instansi, 2027))
    ipkp_renstra = _buat("BKPSDM-IPKP", sumber="renstra", n_sasaran=1)
    ipkp_pk = _buat("BKPSDM-IPKP", n_sasaran=2)
    bkpsdm = _buat("BKPSDM", n_sasaran=2)
    for kode, tahun in [("BKPSDM-SEK", 2027), ("SETDA", 2027), ("BKPSDM-IPKP", 2026), ("DJK-SET-KEU", 2027)]:
        _buat(kode, tahun=tahun)
    got = [(s.perjanjian_id, s.urutan) for s in sasaran_untuk_skp(skp)]
    assert got == [(bkpsdm.pk, 1), (bkpsdm.pk, 2), (ipkp_pk.pk, 1), (ipkp_pk.pk, 2), (ipkp_renstra.pk, 1)]


# --- Queries ----------------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "analis_sdm"])
def test_list_runs_constant_queries(cast, client_as, role):
    client = client_as(cast[role])
    url = reverse(LIST) + "?tahun=2027"
    _buat("BKPSDM", n_sasaran=1, n_iku=1)
    few = _queries(client, url)
    for kode in ["BKPSDM-IPKP", "BKPSDM-SEK", "SETDA"]:
        for sumber in ["pk", "renstra"]:
            _buat(kode, sumber=sumber, n_sasaran=4, n_iku=3)
    assert len(client.get(url).context["pk_list"]) > 2
    assert _queries(client, url) == few


@pytest.mark.django_db
def test_detail_runs_constant_queries(cast, demo, client_as):
    client = client_as(cast["pegawai"])
    small, big = _buat("BKPSDM", n_sasaran=1, n_iku=1), _buat("BKPSDM-IPKP", n_sasaran=8, n_iku=4)
    for s in [*small.sasaran_set.all(), *big.sasaran_set.all()]:
        _rujuk(demo, s)
    few = _queries(client, reverse("perencanaan:pk-detail", args=[small.pk]))
    assert _queries(client, reverse("perencanaan:pk-detail", args=[big.pk])) == few
