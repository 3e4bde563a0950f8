"""The unit's SKP recap: the SKP in force per pegawai, totals, filters, the late flag (with a moved
clock), scoping per role, bad parameters and a constant number of queries."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.perencanaan.models import Skp
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

WIB = ZoneInfo("Asia/Jakarta")
TAHUN = 2027
NIP = {
    "amirudin": "196804241998031011",
    "bawono": "198103021999121001",
    "sekar": "199106112012062001",
    "dimas": "199503142019031004",
    "rina": "199708222020122003",
    "yoga": "200001052025011001",
    "sri": "197505102000032002",
    "agus": "198209152006041005",
    "budi": "199001012014021003",
    "lestari": "199204172023212001",
    "sekda": "196411171992011002",
}


def _wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


def _skp(pegawai, status=StatusSkp.DRAF, **kw):
    return skp_dengan_status(pegawai, status, **kw)


@pytest.fixture
def p(demo):
    return {k: demo[nip] for k, nip in NIP.items()}


@pytest.fixture
def skp(p):
    """One pegawai per situation of the BKPSDM (10 active pegawai)."""
    s = {}
    s["amirudin"] = _skp(
        p["amirudin"], StatusSkp.DISETUJUI, diajukan=_wib(2027, 1, 10, 9), disetujui=_wib(2027, 1, 12, 9)
    )
    s["bawono"] = _skp(p["bawono"], StatusSkp.DIKEMBALIKAN, diajukan=_wib(2027, 1, 20, 9))
    s["sekar"] = _skp(p["sekar"], StatusSkp.DIAJUKAN, diajukan=_wib(2027, 1, 31, 23, 30))  # just in time
    s["dimas"] = _skp(  # half an hour late
        p["dimas"], StatusSkp.DISETUJUI, diajukan=_wib(2027, 2, 1, 0, 30), disetujui=_wib(2027, 2, 2, 8)
    )
    s["rina"] = _skp(p["rina"])  # a draft never submitted
    _skp(p["yoga"], StatusSkp.DISETUJUI, tahun=TAHUN - 1, diajukan=_wib(2026, 1, 5, 9))  # last year only
    # Sri: approved v1 and a draft revision v2; v1 stays in force until v2 is approved.
    s["sri"] = _skp(
        p["sri"], StatusSkp.DISETUJUI, diajukan=_wib(2027, 1, 5, 9), disetujui=_wib(2027, 1, 6, 9)
    )
    s["sri_v2"] = _skp(p["sri"], versi=2, revisi_dari=s["sri"])
    # Agus: v1 replaced by the approval of its revision v2 in March (a revision is never late).
    v1 = _skp(p["agus"], StatusSkp.DIGANTI, diajukan=_wib(2027, 1, 5, 9))
    s["agus"] = _skp(
        p["agus"],
        StatusSkp.DISETUJUI,
        versi=2,
        diajukan=_wib(2027, 3, 1, 9),
        disetujui=_wib(2027, 3, 2, 9),
        revisi_dari=v1,
    )
    # Budi: closed at a change of position and nothing else; Lestari: closed, then a new SKP from July.
    s["budi"] = _skp(p["budi"], StatusSkp.DITUTUP)
    _skp(p["lestari"], StatusSkp.DITUTUP, versi=2, diajukan=_wib(2027, 1, 5, 9))
    s["lestari"] = _skp(p["lestari"], mulai=date(2027, 7, 1))
    return s


def _rekap(client, headers=None, **params):
    return client.get(reverse("perencanaan:rekap"), {"tahun": TAHUN, **params}, headers=headers)


def _bkpsdm() -> int:
    return UnitKerja.objects.get(kode="BKPSDM").pk


def _rows(response) -> dict:
    return {r.nip: r for r in response.context["rows"]}


@pytest.mark.django_db
def test_skp_in_force_and_totals(cast, p, skp, client_as, time_machine):
    time_machine.move_to(_wib(2027, 2, 5, 10), tick=False)
    response = _rekap(client_as(cast["analis_sdm"]))
    assert response.status_code == 200
    rows = _rows(response)
    status = {k: rows[NIP[k]].status for k in NIP if k != "sekda"}
    assert status == {
        "amirudin": "disetujui",
        "bawono": "dikembalikan",
        "sekar": "diajukan",
        "dimas": "disetujui",
        "rina": "draf",
        "yoga": "belum",
        "sri": "disetujui",
        "agus": "disetujui",
        "budi": "ditutup",
        "lestari": "draf",
    }
    assert rows[NIP["sri"]].skp_id == skp["sri"].pk and rows[NIP["lestari"]].skp_id == skp["lestari"].pk
    assert rows[NIP["agus"]].skp_id == skp["agus"].pk and rows[NIP["yoga"]].skp_id is None
    total = response.context["rekap"].total
    assert {
        k: total[k] for k in ("semua", "belum", "draf", "diajukan", "dikembalikan", "disetujui", "ditutup")
    } == {
        "semua": 10,
        "belum": 1,
        "draf": 2,
        "diajukan": 1,
        "dikembalikan": 1,
        "disetujui": 4,
        "ditutup": 1,
    }
    html = response.content.decode()
    assert 'data-total="draf">2<' in html and 'data-total="belum">1<' in html
    assert "Belum dibuat" in html and "Bawono Andi Widodo, S.STP." in html  # Sekar's pejabat penilai
    assert rows[NIP["dimas"]].diajukan == _wib(2027, 2, 1, 0, 30)
    assert rows[NIP["amirudin"]].penilai == "H. Ahmad Ujang Sugiono, S.H."


@pytest.mark.django_db
def test_late_flag_after_the_deadline_matches_skp_terlambat(cast, p, skp, client_as, time_machine):
    time_machine.move_to(_wib(2027, 2, 5, 10), tick=False)
    rows = _rows(_rekap(client_as(cast["analis_sdm"])))
    terlambat = {k for k in NIP if NIP[k] in rows and rows[NIP[k]].terlambat}
    # Dimas submitted half an hour after midnight of 31 January; drafts and no SKP are late too. Sri's
    # approved v1 is in force while v2 is drawn up; Agus's March approval is of a revision: not late.
    # Lestari's new SKP after a change of position has no submission yet: late as Skp.terlambat says.
    assert terlambat == {"dimas", "rina", "yoga", "budi", "lestari"}
    for k, s in skp.items():
        if k in NIP:
            assert rows[NIP[k]].terlambat == Skp.objects.get(pk=s.pk).terlambat, k
    assert not Skp.objects.get(pk=skp["sri_v2"].pk).terlambat
    assert _rekap(client_as(cast["analis_sdm"])).context["rekap"].total["terlambat"] == 5


@pytest.mark.django_db
def test_nothing_is_late_before_the_deadline(cast, p, client_as, time_machine):
    time_machine.move_to(_wib(2027, 1, 20, 10), tick=False)
    rina = _skp(p["rina"])
    response = _rekap(client_as(cast["analis_sdm"]))
    rows = _rows(response)
    assert not rows[NIP["rina"]].terlambat and not rows[NIP["yoga"]].terlambat
    assert not Skp.objects.get(pk=rina.pk).terlambat
    assert response.context["rekap"].total["terlambat"] == 0
    time_machine.move_to(_wib(2027, 2, 1, 0, 1), tick=False)  # one minute past the deadline
    assert _rows(_rekap(client_as(cast["analis_sdm"])))[NIP["rina"]].terlambat


@pytest.mark.django_db
def test_filters_by_status_and_late(cast, p, skp, client_as, time_machine):
    time_machine.move_to(_wib(2027, 2, 5, 10), tick=False)
    client = client_as(cast["analis_sdm"])
    assert set(_rows(_rekap(client, status="draf"))) == {NIP["rina"], NIP["lestari"]}
    assert set(_rows(_rekap(client, status="belum"))) == {NIP["yoga"]}
    late_approved = _rekap(client, status="disetujui", terlambat="1")
    assert set(_rows(late_approved)) == {NIP["dimas"]}
    assert late_approved.context["rekap"].total["semua"] == 10  # totals stay those of the whole unit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "params", "expected"),
    [
        ("pegawai", {}, {"sekar"}),
        ("pegawai", {"unit": "BKPSDM"}, {"sekar"}),
        ("pejabat_penilai", {}, {"bawono", "sekar", "dimas", "rina", "yoga"}),
        (
            "atasan_pejabat_penilai",
            {},
            {"amirudin", "bawono", "sri", "sekar", "dimas", "rina", "yoga", "agus"},
        ),
        ("pimpinan", {}, {"sekda"}),  # their own top unit: the Sekretariat Daerah
        ("pimpinan", {"unit": "BKPSDM"}, set(NIP) - {"sekda"}),
        ("superadmin", {"unit": "BKPSDM"}, set(NIP) - {"sekda"}),
    ],
)
def test_rows_are_scoped_to_the_user(cast, p, skp, client_as, role, params, expected):
    if "unit" in params:
        params = {"unit": UnitKerja.objects.get(kode=params["unit"]).pk}
    response = _rekap(client_as(cast[role]), **params)
    assert response.status_code == 200
    assert set(_rows(response)) == {NIP[k] for k in expected}
    assert response.context["rekap"].total["semua"] == len(expected)


@pytest.mark.django_db
def test_inactive_pegawai_are_left_out(cast, p, skp, client_as):
    Pegawai.objects.filter(pk=p["yoga"].pk).update(aktif=False)
    rows = _rows(_rekap(client_as(cast["analis_sdm"])))
    assert NIP["yoga"] not in rows and len(rows) == 9


@pytest.mark.django_db
def test_unit_out_of_reach_is_404(cast, skp, client_as):
    assert _rekap(client_as(cast["outsider"]), unit=_bkpsdm()).status_code == 404
    assert _rekap(client_as(cast["outsider"]), unit=999999).status_code == 404
    own = _rekap(client_as(cast["outsider"]))
    assert set(_rows(own)) == {"199402282018012001"}


@pytest.mark.django_db
def test_instansi_picker_switches_to_its_top_unit(cast, p, skp, client_as):
    kebumen = p["sekar"].instansi
    response = _rekap(client_as(cast["superadmin"]), instansi=kebumen.pk)
    assert response.context["lingkup"].unit.id == _bkpsdm()  # the first top unit by kode
    assert 'id="pilih-instansi"' in response.content.decode()  # the superadmin sees several instansi
    assert _rekap(client_as(cast["outsider"]), instansi=kebumen.pk).status_code == 404
    assert 'id="pilih-instansi"' not in _rekap(client_as(cast["analis_sdm"])).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"status": "hilang"}, "Status “hilang” tidak dikenal; ditampilkan semua status."),
        ({"unit": "1 OR 1=1"}, "Unit kerja “1 OR 1=1” tidak dikenal"),
        ({"tahun": "abc"}, "Tahun “abc” tidak valid"),
    ],
)
def test_bad_parameters_show_a_message_and_the_default(cast, skp, client_as, params, pesan):
    response = client_as(cast["analis_sdm"]).get(reverse("perencanaan:rekap"), {"tahun": TAHUN, **params})
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert response.context["lingkup"].unit.id == _bkpsdm()
    if "status" in params:
        assert response.context["status"] == "" and len(response.context["rows"]) == 10


@pytest.mark.django_db
def test_pages(cast, skp, client_as, settings):
    settings.KINERJA_PAGE_SIZE = 4
    client = client_as(cast["analis_sdm"])
    first, third = _rekap(client), _rekap(client, page=3)
    assert len(first.context["rows"]) == 4 and len(third.context["rows"]) == 2
    assert first.context["page"].paginator.count == 10
    assert "<td>9</td>" in third.content.decode()  # numbering runs on across pages
    names = [r.nama for page in (1, 2, 3) for r in _rekap(client, page=page).context["rows"]]
    assert names == sorted(names, key=lambda n: n.removeprefix("H. ")) and len(set(names)) == 10


@pytest.mark.django_db
def test_htmx_gets_only_the_table(cast, skp, client_as):
    client = client_as(cast["analis_sdm"])
    response = _rekap(client, headers={"HX-Request": "true"}, status="draf")
    html = response.content.decode()
    assert "<html" not in html and "<table" in html and "Rina Wulandari" in html
    assert "Sekar Satiti" not in html
    bad = _rekap(client, headers={"HX-Request": "true"}, status="hilang").content.decode()
    assert "<html" not in bad and "Status “hilang” tidak dikenal" in bad  # the message comes with it


def _queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert _rekap(client, unit=_bkpsdm()).status_code == 200
    return len(ctx)


def _tim(p, n, start):
    bawono = p["bawono"]
    for i in range(start, start + n):
        pegawai = Pegawai.objects.create(
            instansi=bawono.instansi,
            unit_kerja=bawono.unit_kerja,
            jabatan=p["sekar"].jabatan,
            nama=f"Staf {i:02d}",
            nip=f"19900101201401{1 + i % 2}{i + 100:03d}",
            status="pns",
            golongan_ruang="III/a",
            pejabat_penilai=bawono,
        )
        if i % 3:
            _skp(pegawai, StatusSkp.DIAJUKAN, diajukan=_wib(2027, 1, 3, 9))
            _skp(pegawai, StatusSkp.DIGANTI, versi=2)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "pejabat_penilai"])
def test_rekap_constant_queries(cast, p, skp, client_as, role):
    client = client_as(cast[role])
    _tim(p, 2, 0)
    few = _queries(client)
    _tim(p, 40, 2)  # more rows than a page
    assert _rekap(client, unit=_bkpsdm()).context["page"].paginator.count > 40
    assert _queries(client) == few
