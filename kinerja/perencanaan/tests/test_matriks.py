"""Matriks Peran Hasil: cells become draft RHK in the team's SKP, linked to the column; rights; PDF."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.dokumen.tests.test_skp_pdf import pdftotext
from kinerja.organisasi.models import Pegawai
from kinerja.perencanaan import matriks, services
from kinerja.perencanaan.models import PeranHasil, RencanaHasilKerja
from kinerja.perencanaan.workflow import StatusSkp, TransisiDitolak

BAWONO, SEKAR, DIMAS, RINA, YOGA = (
    "198103021999121001",
    "199106112012062001",
    "199503142019031004",
    "199708222020122003",
    "200001052025011001",
)
KOLOM = ["Data dan informasi kepegawaian yang valid dan akurat", "Pegawai ditempatkan sesuai ketentuan"]


def _skp(pegawai, **kw):
    return services.buka_skp(pegawai=pegawai, periode=services.periode_tahun(pegawai.instansi, 2027), **kw)


@pytest.fixture
def kabid(demo):
    """Bawono's SKP with two rencana hasil kerja: the matrix's columns."""
    skp = _skp(demo[BAWONO])
    for i, teks in enumerate(KOLOM, 1):
        RencanaHasilKerja.objects.create(skp=skp, uraian=teks, urutan=i)
    return skp


def _kolom(skp):
    return list(skp.rhk_set.order_by("urutan"))


def _post(client, skp, cells):
    data = {}
    for (rhk, pegawai), (teks, jenis) in cells.items():
        data[f"sel-{rhk.pk}-{pegawai.pk}"] = teks
        data[f"jenis-{rhk.pk}-{pegawai.pk}"] = jenis
    return client.post(reverse("perencanaan:matriks", args=[skp.pk]), data)


@pytest.mark.django_db
def test_matrix_lists_columns_and_team(kabid, demo, cast, client_as):
    response = client_as(cast["pejabat_penilai"]).get(reverse("perencanaan:matriks", args=[kabid.pk]))
    m = response.context["matriks"]
    assert [k.rhk.uraian for k in m.kolom] == KOLOM
    assert {b.pegawai.nip for b in m.baris} == {SEKAR, DIMAS, RINA, YOGA}
    assert response.context["dapat_ubah"] is True
    assert 'name="sel-' in response.content.decode()


@pytest.mark.django_db
def test_saving_cells_drafts_rhk_in_team_skp_linked_to_column(kabid, demo, cast, client_as):
    sekar_skp = _skp(demo[SEKAR])  # already open: receives the cell at once
    k1, k2 = _kolom(kabid)
    response = _post(
        client_as(cast["pejabat_penilai"]),
        kabid,
        {
            (k1, demo[SEKAR]): ("Promosi ASN terlaksana sesuai peraturan", "utama"),
            (k2, demo[SEKAR]): ("x", "utama"),  # tidak ada peran
            (k2, demo[RINA]): ("  Terlayannya PPKP dengan cepat ", "tambahan"),
        },
    )
    assert response.status_code == 302
    rhk = sekar_skp.rhk_set.get()
    assert (rhk.uraian, rhk.jenis, rhk.intervensi_id) == (
        "Promosi ASN terlaksana sesuai peraturan",
        "utama",
        k1.pk,
    )
    assert PeranHasil.objects.get(rhk_atasan=k1, pegawai=demo[SEKAR]).rhk_id == rhk.pk
    assert not PeranHasil.objects.filter(rhk_atasan=k2, pegawai=demo[SEKAR]).exists()  # empty, never stored
    # Rina has no SKP yet: opening one fills it from the matrix.
    rina_skp = _skp(Pegawai.objects.get(nip=RINA))
    rhk = rina_skp.rhk_set.get()
    assert (rhk.uraian, rhk.jenis, rhk.intervensi_id) == ("Terlayannya PPKP dengan cepat", "tambahan", k2.pk)


@pytest.mark.django_db
def test_changing_and_clearing_a_cell_follows_into_the_draft(kabid, demo, cast, client_as):
    sekar_skp = _skp(demo[SEKAR])
    k1, _k2 = _kolom(kabid)
    client = client_as(cast["pejabat_penilai"])
    _post(client, kabid, {(k1, demo[SEKAR]): ("Promosi ASN terlaksana", "utama")})
    _post(client, kabid, {(k1, demo[SEKAR]): ("Promosi ASN terlaksana tepat waktu", "tambahan")})
    assert list(sekar_skp.rhk_set.values_list("uraian", "jenis")) == [
        ("Promosi ASN terlaksana tepat waktu", "tambahan")
    ]
    _post(client, kabid, {(k1, demo[SEKAR]): ("", "utama")})
    assert not sekar_skp.rhk_set.exists()


@pytest.mark.django_db
def test_submitted_skp_is_not_touched_until_the_member_pulls_the_cells(kabid, demo, cast, client_as):
    sekar_skp = _skp(demo[SEKAR])
    own = RencanaHasilKerja.objects.create(skp=sekar_skp, uraian="Terevaluasinya promosi ASN")
    own.indikator_set.create(uraian="Persentase", target_teks="100 %", aspek="kualitas")
    services.jalankan(sekar_skp, "ajukan", by=demo[SEKAR].user)
    k1, _k2 = _kolom(kabid)
    _post(client_as(cast["pejabat_penilai"]), kabid, {(k1, demo[SEKAR]): ("Promosi ASN terlaksana", "utama")})
    assert list(sekar_skp.rhk_set.values_list("uraian", flat=True)) == ["Terevaluasinya promosi ASN"]
    client = client_as(cast["pegawai"])
    assert client.post(reverse("perencanaan:isi-matriks", args=[sekar_skp.pk])).status_code == 302
    assert sekar_skp.rhk_set.count() == 1  # refused: the SKP is submitted
    services.jalankan(sekar_skp, "kembalikan", by=demo[BAWONO].user, catatan="Sesuaikan dengan matriks")
    client.post(reverse("perencanaan:isi-matriks", args=[sekar_skp.pk]))
    assert sorted(sekar_skp.rhk_set.values_list("uraian", flat=True)) == [
        "Promosi ASN terlaksana",
        "Terevaluasinya promosi ASN",
    ]
    client.post(reverse("perencanaan:isi-matriks", args=[sekar_skp.pk]))  # twice: nothing new
    assert sekar_skp.rhk_set.count() == 2


BAD_CELLS = [
    (
        "duplicate in a row",
        lambda k1, k2, d: {(k1, d[SEKAR]): ("Sama", "utama"), (k2, d[SEKAR]): ("sama", "utama")},
    ),
    ("too long", lambda k1, k2, d: {(k1, d[SEKAR]): ("a" * 2001, "utama")}),
    ("bad priority", lambda k1, k2, d: {(k1, d[SEKAR]): ("Peran", "penting")}),
    (
        "not in team",
        lambda k1, k2, d: {(k1, d[BAWONO]): ("Peran", "utama"), (k2, d[SEKAR]): ("Peran", "utama")},
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "cells"), BAD_CELLS, ids=[c for c, _ in BAD_CELLS])
def test_bad_cells_change_nothing(kabid, demo, cast, client_as, case, cells):
    sekar_skp = _skp(demo[SEKAR])
    k1, k2 = _kolom(kabid)
    response = _post(client_as(cast["pejabat_penilai"]), kabid, cells(k1, k2, demo))
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] and all(
        m.level_tag == "error" for m in response.context["messages"]
    )
    assert not PeranHasil.objects.exists()
    assert not sekar_skp.rhk_set.exists()


@pytest.mark.django_db
def test_bad_cell_names_are_refused(kabid, demo, cast, client_as):
    k1, _ = _kolom(kabid)
    other = _skp(demo["196804241998031011"])
    foreign = RencanaHasilKerja.objects.create(skp=other, uraian="Kolom SKP lain")
    client = client_as(cast["pejabat_penilai"])
    response = client.post(
        reverse("perencanaan:matriks", args=[kabid.pk]), {f"sel-{foreign.pk}-{demo[SEKAR].pk}": "Peran"}
    )
    assert "Sel matriks tidak dikenal" in response.content.decode()
    assert not PeranHasil.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "atasan_pejabat_penilai", "analis_sdm", "pimpinan"])
def test_only_the_owner_edits_the_matrix(kabid, demo, cast, client_as, role):
    k1, _ = _kolom(kabid)
    client = client_as(cast[role])
    assert client.get(reverse("perencanaan:matriks", args=[kabid.pk])).context["dapat_ubah"] is False
    assert _post(client, kabid, {(k1, demo[SEKAR]): ("Peran", "utama")}).status_code == 403
    assert not PeranHasil.objects.exists()


@pytest.mark.django_db
def test_team_member_sees_the_supervisors_matrix_others_do_not(kabid, demo, cast, client_as):
    assert client_as(cast["pegawai"]).get(reverse("perencanaan:matriks", args=[kabid.pk])).status_code == 200
    assert client_as(cast["outsider"]).get(reverse("perencanaan:matriks", args=[kabid.pk])).status_code == 404


@pytest.mark.django_db
def test_service_refuses_other_users_and_replaced_skp(kabid, demo):
    k1, _ = _kolom(kabid)
    with pytest.raises(TransisiDitolak):
        matriks.simpan(kabid, {(k1.pk, demo[SEKAR].pk): ("Peran", "utama")}, by=demo[SEKAR].user)
    kabid.status = StatusSkp.DIGANTI
    kabid.save()
    with pytest.raises(TransisiDitolak):
        matriks.simpan(kabid, {(k1.pk, demo[SEKAR].pk): ("Peran", "utama")}, by=demo[BAWONO].user)


@pytest.mark.django_db
def test_matrix_page_runs_constant_queries(kabid, demo, cast, client_as):
    client = client_as(cast["pejabat_penilai"])
    url = reverse("perencanaan:matriks", args=[kabid.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    small = count()
    for nip in (SEKAR, DIMAS, RINA, YOGA):
        _skp(Pegawai.objects.get(nip=nip))
    for i in range(8):
        RencanaHasilKerja.objects.create(skp=kabid, uraian=f"Layanan tim {i}", urutan=10 + i)
    cells = {(k.pk, demo[SEKAR].pk): (f"Peran {k.pk}", "utama") for k in _kolom(kabid)}
    matriks.simpan(kabid, cells, by=demo[BAWONO].user)
    assert count() == small


@pytest.mark.django_db
def test_matrix_pdf_prints_columns_rows_and_x(kabid, demo, cast, client_as):
    k1, k2 = _kolom(kabid)
    matriks.simpan(
        kabid, {(k1.pk, demo[SEKAR].pk): ("Promosi ASN terlaksana", "utama")}, by=demo[BAWONO].user
    )
    response = client_as(cast["pegawai"]).get(reverse("perencanaan:matriks-pdf", args=[kabid.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdftotext(response.content).split())
    assert "MATRIKS PEMBAGIAN PERAN DAN HASIL" in text
    for teks in [*KOLOM, "Promosi ASN terlaksana", "Sekar Satiti", "Bawono", demo[BAWONO].nip_tertulis]:
        assert teks in text
    assert " x " in text
