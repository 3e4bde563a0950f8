"""Pohon kinerja: the tree built from hand-made rows (levels, orphans, loops), then the page per role,
its scoping and its constant number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.perencanaan.models import (
    IndikatorKinerjaIndividu,
    IndikatorKinerjaUtama,
    PerjanjianKinerja,
    RencanaHasilKerja,
    SasaranStrategis,
)
from kinerja.perencanaan.pohon import Indikator, Induk, Rhk, Sasaran, SkpRingkas, bangun_pohon, skp_berlaku
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

# --- the tree, without a database ---------------------------------------------------------------------

# Kepala rates Kabid, Kabid rates Analis.
KEPALA = SkpRingkas(1, 10, "Kepala", "Kepala Badan", "disetujui", "jpt")
KABID = SkpRingkas(2, 20, "Kabid", "Kepala Bidang", "disetujui", "ja_jf", penilai_id=10)
ANALIS = SkpRingkas(3, 30, "Analis", "Analis SDM", "draf", "ja_jf", penilai_id=20)
S1 = Sasaran(100, "Meningkatnya kualitas ASN", "PK BKPSDM", (Indikator("Indeks profesionalitas ASN", "75"),))


def _ids(nodes):
    return [n.rhk.id for n in nodes]


def test_three_levels_under_a_sasaran():
    rhk = [
        Rhk(11, 1, "Meningkatnya profesionalitas ASN", sasaran_id=100),
        Rhk(21, 2, "Terlaksananya pengembangan karier", intervensi_id=11),
        Rhk(
            31,
            3,
            "Terevaluasinya promosi ASN",
            intervensi_id=21,
            indikator=(Indikator("Persentase", "100 %"),),
        ),
    ]
    tree = bangun_pohon(skp=[KEPALA, KABID, ANALIS], rhk=rhk, sasaran=[S1])
    [cabang] = tree.sasaran
    assert cabang.sasaran.indikator[0].target == "75"
    [kepala] = cabang.anak
    [kabid] = kepala.anak
    [analis] = kabid.anak
    assert (kepala.rhk.id, kabid.rhk.id, analis.rhk.id) == (11, 21, 31)
    assert (kepala.kedalaman, kabid.kedalaman, analis.kedalaman) == (0, 1, 2)
    assert analis.skp.nama == "Analis" and analis.rhk.indikator[0].target == "100 %"
    assert tree.yatim == [] and tree.jpt_tanpa_sasaran == [] and tree.lepas == [] and tree.luar == []
    assert (tree.jumlah_rhk, tree.jumlah_skp) == (3, 3)


def test_supervisor_rhk_no_subordinate_intervenes_is_an_orphan():
    rhk = [
        Rhk(11, 1, "Meningkatnya profesionalitas ASN", sasaran_id=100),
        Rhk(12, 1, "Meningkatnya kesejahteraan ASN", sasaran_id=100),  # nobody below works on it
        Rhk(21, 2, "Terlaksananya pengembangan karier", intervensi_id=11),
        Rhk(22, 2, "Terkelolanya data kepegawaian", intervensi_id=11),
        Rhk(
            23, 2, "Tersusunnya rencana kerja bidang", intervensi_id=22
        ),  # the Kabid's own: not a subordinate
        Rhk(31, 3, "Terevaluasinya promosi ASN", intervensi_id=21),
    ]
    tree = bangun_pohon(skp=[KEPALA, KABID, ANALIS], rhk=rhk, sasaran=[S1])
    assert _ids(tree.yatim) == [22, 23, 12]  # ordered by pegawai name: Kabid, Kepala
    assert all(n.tanpa_intervensi_bawahan and not n.tanpa_induk for n in tree.yatim)
    kepala = {n.rhk.id: n for n in tree.sasaran[0].anak}
    assert not kepala[11].yatim  # intervened by the Kabid
    [kabid_21, kabid_22] = kepala[11].anak
    assert _ids(kabid_21.anak) == [31] and _ids(kabid_22.anak) == [23]
    # The analyst has no subordinates: their RHK are never orphans of kind (a).
    assert not kabid_21.anak[0].yatim


def test_supervisor_without_subordinate_skp_is_not_flagged():
    rhk = [Rhk(11, 1, "Meningkatnya profesionalitas ASN", sasaran_id=100)]
    tree = bangun_pohon(skp=[KEPALA], rhk=rhk, sasaran=[S1])
    assert tree.yatim == []


def test_ja_jf_rhk_from_nowhere_is_an_orphan_and_jpt_without_sasaran_is_listed():
    rhk = [
        Rhk(11, 1, "Terkelolanya anggaran badan"),  # JPT, no sasaran
        Rhk(21, 2, "Terlaksananya rapat koordinasi"),  # JA, neither intervensi nor sasaran
        Rhk(22, 2, "Tersusunnya laporan kinerja", sasaran_id=999),  # a sasaran of another unit: not orphan
    ]
    tree = bangun_pohon(
        skp=[KEPALA, KABID],
        rhk=rhk,
        sasaran=[S1],
        sasaran_luar={999: Induk("Terwujudnya akuntabilitas", "Sekretariat Daerah")},
    )
    node = {n.rhk.id: n for n in tree.yatim}
    assert node[21].tanpa_induk and not node[21].tanpa_intervensi_bawahan
    # 11 is the JPT's and nobody intervenes it although the Kabid has an SKP: orphan (a), listed as well.
    assert node[11].tanpa_intervensi_bawahan and not node[11].tanpa_induk
    assert _ids(tree.jpt_tanpa_sasaran) == [11]
    assert _ids(tree.lepas) == [21, 11]
    [luar] = tree.luar
    assert luar.induk.uraian == "Terwujudnya akuntabilitas" and _ids(luar.anak) == [22]
    assert 22 not in node


def test_parent_outside_the_tree_groups_its_children():
    rhk = [
        Rhk(31, 3, "Terevaluasinya promosi ASN", intervensi_id=777),
        Rhk(32, 3, "Tersusunnya profil kompetensi", intervensi_id=777),
        Rhk(33, 3, "Terdatanya pegawai", intervensi_id=888),
    ]
    tree = bangun_pohon(
        skp=[ANALIS], rhk=rhk, induk_luar={777: Induk("Terlaksananya pengembangan karier", "Kabid")}
    )
    assert [(c.induk.uraian if c.induk else None, _ids(c.anak)) for c in tree.luar] == [
        ("Terlaksananya pengembangan karier", [31, 32]),
        (None, [33]),  # the parent could not be found: shown as unknown
    ]
    assert tree.yatim == []


def test_rhk_of_other_skp_are_ignored():
    rhk = [Rhk(11, 1, "Meningkatnya profesionalitas ASN", sasaran_id=100), Rhk(41, 4, "Bukan di sini")]
    tree = bangun_pohon(skp=[KEPALA], rhk=rhk, sasaran=[S1])
    assert tree.jumlah_rhk == 1 and tree.lepas == []


def test_a_loop_of_intervensi_is_cut_open():
    rhk = [
        Rhk(21, 2, "A", intervensi_id=31),
        Rhk(31, 3, "B", intervensi_id=21),
        Rhk(32, 3, "C", intervensi_id=32),  # intervenes itself
    ]
    tree = bangun_pohon(skp=[KABID, ANALIS], rhk=rhk)
    seen = []

    def walk(nodes):
        for n in nodes:
            seen.append(n.rhk.id)
            walk(n.anak)

    walk(tree.lepas)
    for c in tree.luar:
        walk(c.anak)
    assert sorted(seen) == [21, 31, 32]  # every RHK once, none lost, no endless recursion


def test_skp_in_force():
    def s(pk, status, versi, mulai=date(2027, 1, 1), pegawai=10):
        return SkpRingkas(pk, pegawai, "X", "", status, "ja_jf", versi, mulai)

    pilih = {
        x.pegawai_id: x.id for x in skp_berlaku([s(1, "diganti", 1), s(2, "disetujui", 2), s(3, "draf", 3)])
    }
    assert pilih == {10: 3}  # the newest version, even a draft revision
    assert [x.id for x in skp_berlaku([s(1, "diganti", 1), s(2, "disetujui", 2)])] == [2]
    # Closed at a change of position, then a new SKP from July: the new one.
    pindah = [s(1, "ditutup", 2), s(2, "draf", 1, date(2027, 7, 1))]
    assert [x.id for x in skp_berlaku(pindah)] == [2]
    assert [x.id for x in skp_berlaku([s(1, "ditutup", 1)])] == [1]  # nothing else: the closed one
    assert skp_berlaku([s(1, "diganti", 1)]) == []


# --- the page -----------------------------------------------------------------------------------------

TAHUN = 2027
AMIRUDIN, BAWONO, SEKAR, DIMAS = (
    "196804241998031011",
    "198103021999121001",
    "199106112012062001",
    "199503142019031004",
)
SRI, AGUS = "197505102000032002", "198209152006041005"


def _skp(pegawai, *, status=StatusSkp.DRAF, **kw):
    return skp_dengan_status(pegawai, status, **kw)


def _rhk(skp, uraian, *, intervensi=None, sasaran=None, target="100"):
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian=uraian, intervensi=intervensi, sasaran=sasaran)
    IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, uraian=f"Persentase {uraian.lower()}", aspek="kualitas", target_min=target, satuan="%"
    )
    return rhk


@pytest.fixture
def cascade(demo):
    """PK of the BKPSDM → Kepala (JPT) → Kabid → two analysts; the Sekretaris has an orphan RHK."""
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")
    pk = PerjanjianKinerja.objects.create(unit_kerja=bkpsdm, tahun=TAHUN)
    sasaran = SasaranStrategis.objects.create(perjanjian=pk, uraian="Meningkatnya profesionalitas ASN daerah")
    IndikatorKinerjaUtama.objects.create(sasaran=sasaran, uraian="Indeks Sistem Merit", target="0,85")
    kepala = _rhk(
        _skp(demo[AMIRUDIN], status=StatusSkp.DISETUJUI), "Meningkatnya kualitas ASN", sasaran=sasaran
    )
    kabid_skp = _skp(demo[BAWONO], status=StatusSkp.DISETUJUI)
    kabid = _rhk(kabid_skp, "Terlaksananya pengembangan karier ASN", intervensi=kepala)
    kabid_yatim = _rhk(kabid_skp, "Terkelolanya sistem informasi kepegawaian")  # no analyst intervenes it
    _rhk(_skp(demo[SEKAR], status=StatusSkp.DIAJUKAN), "Terevaluasinya promosi ASN", intervensi=kabid)
    _rhk(_skp(demo[DIMAS]), "Tersusunnya profil kompetensi pegawai", intervensi=kabid)
    sri = _rhk(_skp(demo[SRI]), "Terlaksananya rapat koordinasi sekretariat")  # JA, from nowhere
    return {"sasaran": sasaran, "kepala": kepala, "kabid": kabid, "kabid_yatim": kabid_yatim, "sri": sri}


def _get(client, **params):
    return client.get(reverse("perencanaan:pohon"), {"tahun": TAHUN, **params})


def _semua(tree):
    out = []

    def walk(nodes):
        for n in nodes:
            out.append(n.rhk.uraian)
            walk(n.anak)

    for c in [*tree.sasaran, *tree.luar]:
        walk(c.anak)
    walk(tree.lepas)
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "atasan_pejabat_penilai", "superadmin"])
def test_whole_cascade_for_those_who_see_the_unit(cast, cascade, client_as, role):
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")
    response = _get(client_as(cast[role]), unit=bkpsdm.pk)
    assert response.status_code == 200
    tree = response.context["pohon"]
    [cabang] = tree.sasaran
    [kepala] = cabang.anak
    assert kepala.rhk.uraian == "Meningkatnya kualitas ASN"
    kabid = {n.rhk.uraian: n for n in kepala.anak}["Terlaksananya pengembangan karier ASN"]
    assert sorted(n.rhk.uraian for n in kabid.anak) == [
        "Terevaluasinya promosi ASN",
        "Tersusunnya profil kompetensi pegawai",
    ]
    yatim = {n.rhk.uraian for n in tree.yatim}
    assert "Terkelolanya sistem informasi kepegawaian" in yatim  # (a): the Kabid has analysts
    if role != "atasan_pejabat_penilai":  # the Kepala sees the Sekretaris too (his direct report)
        assert "Terlaksananya rapat koordinasi sekretariat" in yatim  # (b)
    html = response.content.decode()
    assert "Indeks Sistem Merit" in html and "0,85" in html
    assert f"{len(tree.yatim)} RHK yatim" in html
    assert "tidak diintervensi bawahan" in html and "Sekar Satiti" in html


@pytest.mark.django_db
def test_admin_default_is_the_top_unit_of_their_own(cast, cascade, client_as):
    response = _get(client_as(cast["analis_sdm"]))
    assert response.context["lingkup"].unit.id == UnitKerja.objects.get(kode="BKPSDM").pk
    assert len(_semua(response.context["pohon"])) == 6


@pytest.mark.django_db
def test_penilai_sees_own_team_and_the_supervisor_rhk_as_outside(cast, cascade, client_as):
    response = _get(client_as(cast["pejabat_penilai"]))
    lingkup, tree = response.context["lingkup"], response.context["pohon"]
    assert lingkup.unit.id == UnitKerja.objects.get(kode="BKPSDM-IPKP").pk  # their own unit
    assert tree.sasaran == []
    [luar] = tree.luar  # the Kepala's SKP is not theirs to see: it is the parent outside
    assert luar.induk.uraian == "Meningkatnya kualitas ASN"
    assert set(_semua(tree)) == {
        "Terlaksananya pengembangan karier ASN",
        "Terkelolanya sistem informasi kepegawaian",
        "Terevaluasinya promosi ASN",
        "Tersusunnya profil kompetensi pegawai",
    }
    # Asking for the whole BKPSDM shows no more SKP than theirs and their team's.
    wide = _get(client_as(cast["pejabat_penilai"]), unit=UnitKerja.objects.get(kode="BKPSDM").pk)
    assert "Terlaksananya rapat koordinasi sekretariat" not in set(_semua(wide.context["pohon"]))
    assert wide.context["pohon"].jumlah_skp == 3


@pytest.mark.django_db
def test_pegawai_sees_only_their_own_rhk(cast, cascade, client_as):
    response = _get(client_as(cast["pegawai"]), unit=UnitKerja.objects.get(kode="BKPSDM").pk)
    assert _semua(response.context["pohon"]) == ["Terevaluasinya promosi ASN"]
    assert "Tersusunnya profil kompetensi pegawai" not in response.content.decode()


@pytest.mark.django_db
def test_unit_of_another_instansi_is_404(cast, cascade, client_as):
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")
    assert _get(client_as(cast["outsider"]), unit=bkpsdm.pk).status_code == 404
    assert _get(client_as(cast["pegawai"]), unit=UnitKerja.objects.get(kode="DJK").pk).status_code == 404
    own = _get(client_as(cast["outsider"]))
    assert own.status_code == 200 and own.context["pohon"].jumlah_rhk == 0


@pytest.mark.django_db
def test_unit_picker_lists_only_visible_units(cast, cascade, client_as):
    html = _get(client_as(cast["analis_sdm"])).content.decode()
    assert "Subbagian Umum dan Kepegawaian" in html and "Bagian Keuangan" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"unit": "abc"}, "Unit kerja “abc” tidak dikenal"),
        ({"tahun": "duaribu"}, "Tahun “duaribu” tidak valid"),
        ({"tahun": "1890"}, "Tahun “1890” tidak valid"),
        ({"instansi": "x"}, "Instansi “x” tidak dikenal"),
    ],
)
def test_bad_parameters_show_a_message_and_the_default(cast, cascade, client_as, params, pesan):
    client = client_as(cast["analis_sdm"])
    response = client.get(reverse("perencanaan:pohon"), params)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert response.context["lingkup"].unit.id == UnitKerja.objects.get(kode="BKPSDM").pk


def _queries(client, **params):
    with CaptureQueriesContext(connection) as ctx:
        assert _get(client, **params).status_code == 200
    return len(ctx)


def _tim(demo, kabid_rhk, n, start):
    """n more analysts under the Kabid, each with 3 RHK intervening the Kabid's, 1 orphan and 2 IKI."""
    bawono = demo[BAWONO]
    for i in range(start, start + n):
        p = Pegawai.objects.create(
            instansi=bawono.instansi,
            unit_kerja=bawono.unit_kerja,
            jabatan=demo[SEKAR].jabatan,
            nama=f"Analis {i:03d}",
            nip=f"19900101201401{1 + i % 2}{i + 100:03d}",
            status="pns",
            golongan_ruang="III/a",
            pejabat_penilai=bawono,
        )
        skp = _skp(p, status=StatusSkp.DIAJUKAN if i % 2 else StatusSkp.DRAF)
        for j in range(3):
            _rhk(skp, f"Hasil {i}-{j}", intervensi=kabid_rhk)
        _rhk(skp, f"Tanpa induk {i}")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analis_sdm", "pejabat_penilai"])
def test_pohon_constant_queries(cast, demo, cascade, client_as, role):
    client = client_as(cast[role])
    _tim(demo, cascade["kabid"], 1, 0)
    few = _queries(client)
    _tim(demo, cascade["kabid"], 15, 1)  # 16 analysts, 64 RHK, 128 IKI
    response = _get(client)
    assert response.context["pohon"].jumlah_rhk >= 64
    assert _queries(client) == few


@pytest.mark.django_db
def test_pohon_of_200_rhk_renders(cast, demo, cascade, client_as):
    _tim(demo, cascade["kabid"], 50, 0)  # 200 RHK of the analysts
    response = _get(client_as(cast["analis_sdm"]))
    html = response.content.decode()
    assert response.context["pohon"].jumlah_rhk == 206
    assert html.count("<details") < 60  # only RHK with children fold; the leaves are plain items
    assert "52 RHK yatim" in html  # 50 analysts' orphans, the Kabid's, the Sekretaris'
