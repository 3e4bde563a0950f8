"""Capaian kinerja organisasi: who sets it, what is refused, the pattern it implies (regulasi.md §3.1–3.3)."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kinerja.aturan import CapaianOrganisasi, RatingKerja, uraian_pola
from kinerja.core.models import Notifikasi
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.capaian import tetapkan_capaian
from kinerja.penilaian.models import CapaianKinerjaOrganisasi
from kinerja.penilaian.workflow import WorkflowError
from kinerja.perencanaan import services

from .factories import penilaian_dengan, skp_disetujui

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
SIMPAN = reverse("penilaian:capaian-simpan")
HALAMAN = reverse("penilaian:capaian")
POLA = reverse("penilaian:capaian-pola")


@pytest.fixture
def units(demo):
    return {u.kode: u for u in UnitKerja.objects.all()}


@pytest.fixture
def periode(demo):
    return services.periode_tahun(demo[SEKAR].instansi, 2027)


def _post(client, unit, *, nomor=1, capaian="baik", dasar="Capaian rencana aksi triwulan I: 95 %"):
    return client.post(
        SIMPAN, {"unit": unit.pk, "tahun": 2027, "nomor": nomor, "capaian": capaian, "dasar": dasar}
    )


def _pesan(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _capaian(unit, periode, nomor=1):
    jadwal = periode.jadwal_set.get(nomor=nomor) if nomor else None
    return CapaianKinerjaOrganisasi.objects.filter(unit_kerja=unit, periode=periode, jadwal=jadwal).first()


# --- who may set it ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["atasan_pejabat_penilai", "pimpinan", "superadmin"])
def test_pimpinan_one_level_above_sets_the_capaian_of_the_bidang(cast, units, periode, client_as, role):
    bidang = units["BKPSDM-IPKP"]
    response = _post(client_as(cast[role]), bidang, capaian="istimewa")
    assert response.status_code == 302
    c = _capaian(bidang, periode)
    assert c.capaian == "istimewa" and c.dasar.startswith("Capaian rencana aksi")
    assert c.ditetapkan_oleh == cast[role]
    assert any("Istimewa" in m for m in _pesan(response))


@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai", "analis_sdm"])
def test_others_are_refused_and_nothing_changes(cast, units, periode, client_as, role):
    bidang = units["BKPSDM-IPKP"]  # the Kabid (pejabat_penilai) leads it: he does not set his own
    assert _post(client_as(cast[role]), bidang).status_code == 403
    assert _capaian(bidang, periode) is None


def test_unit_of_another_instansi_is_not_found(cast, units, periode, client_as):
    assert _post(client_as(cast["outsider"]), units["BKPSDM-IPKP"]).status_code == 404
    assert _post(client_as(cast["pimpinan"]), units["DJK-SET"]).status_code == 404
    assert not CapaianKinerjaOrganisasi.objects.exists()


def test_service_refuses_without_the_right(cast, units, periode):
    with pytest.raises(PermissionDenied):
        tetapkan_capaian(
            unit=units["BKPSDM-IPKP"],
            periode=periode,
            jadwal=None,
            capaian="baik",
            dasar="PK",
            by=cast["pegawai"],
        )


@pytest.mark.parametrize(
    ("capaian", "dasar", "pesan"),
    [
        ("luar_biasa", "PK", "tidak dikenal"),
        ("", "PK", "Pilih capaian"),
        ("baik", "   ", "Isi dasar penetapan"),
    ],
)
def test_invalid_value_is_refused_with_a_message(cast, units, periode, client_as, capaian, dasar, pesan):
    bidang = units["BKPSDM-IPKP"]
    client = client_as(cast["atasan_pejabat_penilai"])
    _post(client, bidang, capaian="baik", dasar="Capaian PK")
    response = _post(client, bidang, capaian=capaian, dasar=dasar)
    assert response.status_code == 302
    assert any(pesan in m for m in _pesan(response))
    c = _capaian(bidang, periode)
    assert (c.capaian, c.dasar) == ("baik", "Capaian PK")
    assert c.history.count() == 1


def test_service_refuses_an_unknown_value(cast, units, periode):
    with pytest.raises(WorkflowError, match="tidak dikenal"):
        tetapkan_capaian(
            unit=units["BKPSDM-IPKP"],
            periode=periode,
            jadwal=None,
            capaian="x",
            dasar="PK",
            by=cast["pimpinan"],
        )


def test_unknown_period_is_refused(cast, units, periode, client_as):
    response = _post(client_as(cast["pimpinan"]), units["BKPSDM-IPKP"], nomor=7)  # triwulanan: 4 periods
    assert any("tidak ada" in m for m in _pesan(response))
    assert not CapaianKinerjaOrganisasi.objects.exists()


# --- history, notification, lock -------------------------------------------------------------------


def test_every_change_is_kept_and_the_pimpinan_of_the_unit_is_told(cast, demo, units, periode, client_as):
    bidang = units["BKPSDM-IPKP"]
    client = client_as(cast["atasan_pejabat_penilai"])
    _post(client, bidang, nomor=0, capaian="baik", dasar="Capaian PK 2027: 92 %")
    _post(client, bidang, nomor=0, capaian="istimewa", dasar="Capaian PK 2027 setelah audit: 104 %")
    c = _capaian(bidang, periode, nomor=0)
    assert c.capaian == "istimewa"
    assert [h.capaian for h in c.history.order_by("history_date")] == ["baik", "istimewa"]
    kabar = Notifikasi.objects.filter(user=demo[BAWONO].user)
    assert kabar.count() == 2
    assert "Istimewa" in kabar.latest("id").judul and "Tahunan 2027" in kabar.latest("id").pesan
    page = client.get(HALAMAN, {"tahun": 2027, "nomor": 0}).content.decode()
    assert "Riwayat (2 perubahan)" in page


def test_saving_the_same_value_adds_no_version(cast, units, periode, client_as):
    client = client_as(cast["pimpinan"])
    _post(client, units["BKPSDM-IPKP"])
    _post(client, units["BKPSDM-IPKP"])
    assert _capaian(units["BKPSDM-IPKP"], periode).history.count() == 1


def test_capaian_is_locked_once_a_penilaian_of_the_unit_is_final(cast, demo, units, periode, client_as):
    bidang = units["BKPSDM-IPKP"]
    client = client_as(cast["atasan_pejabat_penilai"])
    _post(client, bidang, nomor=1, capaian="baik")
    _post(client, units["BKPSDM"], nomor=1, capaian="baik")  # refused below: the unit above
    triwulan_1 = periode.jadwal_set.get(nomor=1)
    penilaian_dengan(skp_disetujui(demo[SEKAR]), jadwal=triwulan_1, final=True)
    response = _post(client, bidang, nomor=1, capaian="kurang")
    assert any("sudah difinalisasi" in m for m in _pesan(response))
    assert _capaian(bidang, periode).capaian == "baik"
    # the unit above (which holds the bidang) is locked too; another period is not
    response = _post(client_as(cast["pimpinan"]), units["BKPSDM"], nomor=1, capaian="kurang")
    assert any("sudah difinalisasi" in m for m in _pesan(response))
    _post(client, bidang, nomor=2, capaian="kurang")
    assert _capaian(bidang, periode, nomor=2).capaian == "kurang"
    page = client.get(HALAMAN, {"tahun": 2027, "nomor": 1}).content.decode()
    assert "tidak dapat diubah lagi" in page


def test_a_draft_penilaian_does_not_lock(cast, demo, units, periode, client_as):
    bidang = units["BKPSDM-IPKP"]
    client = client_as(cast["atasan_pejabat_penilai"])
    _post(client, bidang, nomor=0, capaian="baik")
    penilaian_dengan(skp_disetujui(demo[SEKAR]), hasil=RatingKerja.DI_ATAS_EKSPEKTASI)
    _post(client, bidang, nomor=0, capaian="istimewa")
    assert _capaian(bidang, periode, nomor=0).capaian == "istimewa"


# --- the page ---------------------------------------------------------------------------------------


def test_page_lists_the_units_the_user_sets_and_their_own_unit_read_only(cast, units, periode, client_as):
    response = client_as(cast["atasan_pejabat_penilai"]).get(HALAMAN, {"tahun": 2027, "nomor": 1})
    daftar = response.context["daftar"]
    # Amirudin evaluates the heads of the Sekretariat and of the Bidang; his own BKPSDM is set above him
    assert {b.kode for b in daftar.baris} == {"BKPSDM-SEK", "BKPSDM-IPKP"}
    assert daftar.unit_sendiri.kode == "BKPSDM" and not daftar.unit_sendiri.dapat_menetapkan
    html = response.content.decode()
    assert f'id="capaian-{units["BKPSDM-IPKP"].pk}"' in html
    assert f'id="capaian-{units["BKPSDM"].pk}"' not in html
    assert "Triwulan I" in html and "Tahunan" in html


def test_pegawai_sees_only_their_unit_and_its_inherited_capaian(cast, units, periode, client_as):
    CapaianKinerjaOrganisasi.objects.create(unit_kerja=units["BKPSDM"], periode=periode, capaian="kurang")
    response = client_as(cast["pegawai"]).get(HALAMAN, {"tahun": 2027, "nomor": 0})
    daftar = response.context["daftar"]
    assert daftar.baris == []
    assert daftar.unit_sendiri.kode == "BKPSDM-IPKP" and daftar.unit_sendiri.warisan
    html = response.content.decode()
    assert "capaian unit induk" in html and 'name="capaian"' not in html
    assert uraian_pola(CapaianOrganisasi.KURANG) in html


def test_page_shows_the_pattern_of_the_stored_value(cast, units, periode, client_as):
    client = client_as(cast["pimpinan"])
    _post(client, units["BKPSDM-IPKP"], nomor=3, capaian="butuh_perbaikan")
    html = client.get(HALAMAN, {"tahun": 2027, "nomor": 3}).content.decode()
    assert uraian_pola(CapaianOrganisasi.BUTUH_PERBAIKAN) in html


def test_page_without_the_year_s_periode_says_so(cast, client_as):
    response = client_as(cast["pimpinan"]).get(HALAMAN, {"tahun": 2031})
    assert "belum dibuat" in response.content.decode()


def test_invalid_filters_are_reported_and_dropped(cast, periode, client_as):
    response = client_as(cast["pimpinan"]).get(HALAMAN, {"tahun": "abc", "nomor": 9})
    assert response.status_code == 200
    assert len(_pesan(response)) == 1  # tahun dropped; nomor 9 unknown only for a year with periods


def test_page_query_count_does_not_grow_with_units(
    cast, units, periode, client_as, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(cast["pimpinan"])  # sets every unit of the instansi
    with CaptureQueriesContext(connection) as sedikit:
        client.get(HALAMAN, {"tahun": 2027, "nomor": 1})
    induk = units["BKPSDM"]
    for i in range(20):
        u = UnitKerja.objects.create(instansi=induk.instansi, kode=f"X{i}", nama=f"Unit {i}", induk=induk)
        CapaianKinerjaOrganisasi.objects.create(unit_kerja=u, periode=periode, capaian="baik")
    with django_assert_max_num_queries(len(sedikit)):
        response = client.get(HALAMAN, {"tahun": 2027, "nomor": 1})
    assert len(response.context["daftar"].baris) > 20


# --- the htmx pattern -------------------------------------------------------------------------------


@pytest.mark.parametrize("capaian", list(CapaianOrganisasi))
def test_pattern_fragment_for_each_capaian(cast, client_as, capaian):
    response = client_as(cast["atasan_pejabat_penilai"]).get(
        POLA, {"capaian": capaian.value}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a fragment
    assert uraian_pola(capaian) in html
    assert f"Capaian organisasi: {capaian.label}" in html
    assert 'role="img"' in html and "Sangat Kurang" in html


def test_pattern_fragment_draws_the_limits(cast, client_as):
    html = client_as(cast["pegawai"]).get(POLA, {"capaian": "kurang"}).content.decode()
    assert "≥ 60 %" in html and "≥ 10 %" in html and "≤ 10 %" in html
    html = client_as(cast["pegawai"]).get(POLA, {"capaian": "sangat_kurang"}).content.decode()
    assert "tidak boleh ada" in html


def test_pattern_fragment_refuses_an_unknown_value(cast, client_as):
    client = client_as(cast["pegawai"])
    response = client.get(POLA, {"capaian": "super"})
    assert response.status_code == 400 and "tidak dikenal" in response.content.decode()
    assert "Pilih capaian" in client.get(POLA).content.decode()
