"""The predikat recap: numbers per unit (own and rolled up), periods, scope per role, bad parameters,
the XLSX, and a number of queries that does not grow with the units and pegawai."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.aturan import Predikat, RatingKerja
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.penilaian.rekap import rekap_predikat
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.perencanaan.models import JadwalPeriode
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

TAHUN = 2027
A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
NIP = {
    "amirudin": "196804241998031011",  # BKPSDM
    "sri": "197505102000032002",  # BKPSDM-SEK
    "agus": "198209152006041005",  # BKPSDM-SEK-UMPEG
    "budi": "199001012014021003",  # BKPSDM-SEK-UMPEG
    "lestari": "199204172023212001",  # BKPSDM-SEK-UMPEG
    "bawono": "198103021999121001",  # BKPSDM-IPKP
    "dimas": "199503142019031004",
    "rina": "199708222020122003",
    "sekar": "199106112012062001",
    "yoga": "200001052025011001",
}


def _unit(kode: str) -> int:
    return UnitKerja.objects.get(kode=kode).pk


def _jadwal(pegawai, nomor: int) -> JadwalPeriode:
    return JadwalPeriode.objects.get(periode__instansi=pegawai.instansi, periode__tahun=TAHUN, nomor=nomor)


@pytest.fixture
def data(demo):
    """Nine approved SKP in BKPSDM; Lestari's SKP approved, then closed at the end of March; annual
    penilaian final for Amirudin (Baik), Agus (Kurang), Sekar (Sangat Baik), Dimas (Baik), Rina (Butuh
    Perbaikan); Yoga's still a draft; Sekar's first period final (Baik)."""
    p = {k: demo[nip] for k, nip in NIP.items()}
    skp = {k: skp_disetujui(p[k], utama=1, tambahan=0) for k in NIP if k != "lestari"}
    ditutup = skp_dengan_status(p["lestari"], StatusSkp.DITUTUP, disetujui=timezone.now())
    ditutup.tanggal_selesai = date(TAHUN, 3, 31)
    ditutup.save()
    skp_dengan_status(p["lestari"], StatusSkp.DRAF, mulai=date(TAHUN, 4, 1), versi=2)  # not approved yet
    for k, hasil, perilaku in [
        ("amirudin", S, S),
        ("agus", A, B),
        ("sekar", A, A),
        ("dimas", S, A),
        ("rina", B, A),
    ]:
        penilaian_dengan(skp[k], hasil=hasil, perilaku=perilaku, final=True)
    penilaian_dengan(skp["yoga"])  # draft
    penilaian_dengan(skp["sekar"], jadwal=_jadwal(p["sekar"], 1), final=True)
    return p


def _get(client, name="penilaian:rekap", headers=None, **params):
    return client.get(reverse(name), {"tahun": TAHUN, **params}, headers=headers)


def _baris(response) -> dict[str, tuple]:
    out = {}
    for b in response.context["rekap"].baris:
        h = b.hitungan
        out[b.unit.kode] = (h.pegawai, h.final, *(n for _p, n in h.per_predikat))
    return out


@pytest.mark.django_db
def test_annual_recap_per_unit_rolled_up_with_totals(cast, data, client_as):
    response = _get(client_as(cast["analis_sdm"]), unit=_unit("BKPSDM"))
    assert response.status_code == 200
    # pegawai, final, Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang
    assert _baris(response) == {
        "BKPSDM": (1, 1, 0, 1, 0, 0, 0),  # Amirudin only: the sub-units have rows of their own
        "BKPSDM-SEK": (4, 1, 0, 0, 0, 1, 0),  # Sri + Umpeg (Agus, Budi, Lestari's closed SKP)
        "BKPSDM-IPKP": (5, 3, 1, 1, 1, 0, 0),  # Yoga's penilaian is a draft
    }
    total = response.context["rekap"].total
    assert (total.pegawai, total.final, total.belum_final) == (10, 5, 5)
    assert total.predikat == {
        Predikat.SANGAT_BAIK: 1,
        Predikat.BAIK: 2,
        Predikat.BUTUH_PERBAIKAN: 1,
        Predikat.KURANG: 1,
    }
    html = response.content.decode()
    assert "progress-stacked" in html and "predikat-sangat_baik" in html
    assert [u.kode for u, _h in response.context["rekap"].per_unit] == [
        "BKPSDM",
        "BKPSDM-IPKP",
        "BKPSDM-SEK",
        "BKPSDM-SEK-UMPEG",
    ]


@pytest.mark.django_db
def test_periodic_recap_counts_skp_overlapping_the_period(cast, data, client_as):
    client = client_as(cast["analis_sdm"])
    satu = _baris(_get(client, unit=_unit("BKPSDM"), nomor=1))
    assert satu["BKPSDM-IPKP"] == (5, 1, 0, 1, 0, 0, 0)  # Sekar's first period
    assert satu["BKPSDM-SEK"][0] == 4  # Lestari's closed SKP covers January–March
    dua = _baris(_get(client, unit=_unit("BKPSDM"), nomor=2))
    assert dua["BKPSDM-SEK"][0] == 3 and dua["BKPSDM-IPKP"] == (5, 0, 0, 0, 0, 0, 0)


@pytest.mark.django_db
def test_rekap_predikat_gives_each_units_own_numbers(data):
    ipkp, umpeg, sek = _unit("BKPSDM-IPKP"), _unit("BKPSDM-SEK-UMPEG"), _unit("BKPSDM-SEK")
    instansi_id = data["sekar"].instansi_id
    hasil = rekap_predikat(instansi_id, TAHUN, [ipkp, umpeg, sek])
    assert (hasil[umpeg].pegawai, hasil[umpeg].final, hasil[sek].pegawai) == (3, 1, 1)
    assert hasil[ipkp].predikat[Predikat.SANGAT_BAIK] == 1
    assert rekap_predikat(instansi_id, TAHUN - 1, [ipkp])[ipkp].pegawai == 0


@pytest.mark.django_db
def test_pimpinan_of_a_unit_sees_their_unit_and_below_only(cast, data, client_as):
    client = client_as(cast["pejabat_penilai"])  # Bawono leads BKPSDM-IPKP
    response = _get(client)
    assert response.status_code == 200
    assert response.context["lingkup"].unit.id == _unit("BKPSDM-IPKP")
    assert [u.id for u in response.context["lingkup"].units] == [_unit("BKPSDM-IPKP")]
    assert _get(client, unit=_unit("BKPSDM")).status_code == 403
    assert _get(client, unit=_unit("BKPSDM-SEK")).status_code == 403
    client = client_as(cast["atasan_pejabat_penilai"])  # Amirudin leads BKPSDM
    assert _get(client, unit=_unit("BKPSDM-SEK")).status_code == 200
    assert _get(client, unit=_unit("SETDA")).status_code == 403


@pytest.mark.django_db
def test_pegawai_without_a_unit_of_their_own_is_refused_and_outsider_gets_404(cast, data, client_as):
    response = _get(client_as(cast["pegawai"]))
    assert response.status_code == 403
    assert _get(client_as(cast["outsider"])).status_code == 403  # Maya leads no unit either
    assert _get(client_as(cast["outsider"]), unit=_unit("BKPSDM")).status_code == 404
    assert (
        _get(client_as(cast["outsider"]), name="penilaian:rekap-xlsx", unit=_unit("BKPSDM")).status_code
        == 404
    )
    assert _get(client_as(cast["pegawai"]), name="penilaian:rekap-xlsx").status_code == 403


@pytest.mark.django_db
def test_pimpinan_and_superadmin_see_any_unit(cast, data, client_as):
    for role in ("pimpinan", "superadmin"):
        response = _get(client_as(cast[role]), unit=_unit("BKPSDM-IPKP"))
        assert response.status_code == 200
        assert _baris(response)["BKPSDM-IPKP"][:2] == (5, 3)


@pytest.mark.django_db
def test_bad_filters_are_reported_and_defaults_used(cast, data, client_as):
    client = client_as(cast["analis_sdm"])
    response = client.get(reverse("penilaian:rekap"), {"tahun": "abc", "nomor": "x", "unit": "-1"})
    assert response.status_code == 200
    pesan = [str(m) for m in response.context["messages"]]
    assert len(pesan) == 3 and any("Tahun “abc”" in m for m in pesan)
    response = _get(client, unit=_unit("BKPSDM"), nomor=9)  # triwulanan: 4 periods
    assert response.context["jadwal"] is None
    assert any("periode penilaian ke-9" in str(m) for m in response.context["messages"])
    xlsx = _get(client, name="penilaian:rekap-xlsx", nomor=9)
    assert xlsx.status_code == 302 and xlsx["Location"].startswith(reverse("penilaian:rekap"))


@pytest.mark.django_db
def test_htmx_request_gets_the_table_only(cast, data, client_as):
    response = _get(client_as(cast["analis_sdm"]), headers={"HX-Request": "true"}, unit=_unit("BKPSDM"))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="rekap-predikat"' in html and "<html" not in html


@pytest.mark.django_db
def test_xlsx_lists_every_unit_with_its_own_numbers(cast, data, client_as):
    response = _get(client_as(cast["analis_sdm"]), name="penilaian:rekap-xlsx", unit=_unit("BKPSDM"))
    assert response.status_code == 200
    assert 'filename="rekap_predikat_2027_tahunan_BKPSDM.xlsx"' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and r[1]}
    # No, kode, unit, pegawai, final, belum final, Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang
    assert rows["BKPSDM-IPKP"][3:] == (5, 3, 2, 1, 1, 1, 0, 0)
    assert rows["BKPSDM-SEK-UMPEG"][3:] == (3, 1, 2, 0, 0, 0, 1, 0)
    jumlah = next(r for r in ws.iter_rows(values_only=True) if r and r[2] == "Jumlah")
    assert jumlah[3:5] == (10, 5)


def _query_count(client, unit_id) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = _get(client, unit=unit_id)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_units_and_pegawai(cast, data, client_as):
    client = client_as(cast["analis_sdm"])
    bkpsdm = _unit("BKPSDM")
    sedikit = _query_count(client, bkpsdm)
    induk = UnitKerja.objects.get(pk=bkpsdm)
    contoh = data["sekar"]
    for i in range(6):
        unit = UnitKerja.objects.create(
            instansi=induk.instansi, kode=f"BKPSDM-X{i}", nama=f"Unit {i}", induk=induk
        )
        sub = UnitKerja.objects.create(
            instansi=induk.instansi, kode=f"BKPSDM-X{i}-1", nama=f"Sub {i}", induk=unit
        )
        for j, u in enumerate((unit, sub)):
            pegawai = Pegawai.objects.create(
                instansi=induk.instansi,
                unit_kerja=u,
                jabatan=contoh.jabatan,
                nama=f"Tambahan {i}{j}",
                nip=f"19900101201401{1 + j}{i + 700:03d}",
                status="pns",
                pejabat_penilai=contoh.pejabat_penilai,
            )
            penilaian_dengan(skp_disetujui(pegawai, utama=1, tambahan=0), final=True)
    banyak = _query_count(client, bkpsdm)
    assert banyak == sedikit
    assert _baris(_get(client, unit=bkpsdm))["BKPSDM-X0"][:2] == (2, 2)
