"""Umpan balik pages: give, ask, answer, decline; history grouped as seed 002's tables; rights; queries."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.core.models import Notifikasi
from kinerja.pelaksanaan import umpan_balik as services
from kinerja.pelaksanaan.models import PermintaanUmpanBalik, Realisasi, UmpanBalik
from kinerja.penilaian.tests.factories import skp_disetujui
from kinerja.perencanaan.models import EkspektasiPerilaku

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
DIMAS, RINA = "199503142019031004", "199708222020122003"


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


@pytest.fixture
def rhk(skp):
    return skp.rhk_set.get(urutan=1)


def _url(name, *args):
    return reverse(f"pelaksanaan:{name}", args=args)


def _snapshot():
    return (
        list(UmpanBalik.objects.values_list("pk", "isi")),
        list(PermintaanUmpanBalik.objects.values_list("pk", "status")),
        Notifikasi.objects.count(),
    )


# --- the history page ---


@pytest.mark.django_db
def test_history_groups_per_rhk_and_per_value_with_the_ekspektasi_beside_it(demo, skp, rhk, client_as):
    jadwal = skp.periode.jadwal_set.get(nomor=1)
    realisasi = Realisasi.objects.create(
        indikator=rhk.indikator_set.get(), jadwal=jadwal, uraian="10 dokumen"
    )
    EkspektasiPerilaku.objects.create(skp=skp, nilai=0, ekspektasi_khusus="Memberikan pelayanan maksimal")
    bawono = demo[BAWONO].user
    services.beri_umpan_balik(skp=skp, by=bawono, rhk=rhk, isi="Proses bisnis sesuai NSPK")
    services.beri_umpan_balik(skp=skp, by=bawono, realisasi=realisasi, isi="Cepat sekali")
    p = services.minta_umpan_balik(
        skp=skp,
        by=demo[SEKAR].user,
        diminta=demo[RINA],
        peran="stakeholder",
        pesan="Mohon",
        nilai_berakhlak=0,
    )
    services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi="Mudah dipahami dan sabar")

    response = client_as(demo[SEKAR].user).get(_url("umpan-balik", skp.pk))

    assert response.status_code == 200
    ctx = response.context
    utama = dict((r.pk, [i.isi for i in items]) for r, items in ctx["utama"])
    assert utama[rhk.pk] == ["Proses bisnis sesuai NSPK", "Cepat sekali"]
    assert all(items == [] for r, items in ctx["tambahan"])
    orientasi = ctx["perilaku"][0]
    assert orientasi[1].nama == "Berorientasi Pelayanan"
    assert orientasi[2] == "Memberikan pelayanan maksimal"
    assert [(str(i.peran), i.pemberi, i.isi) for i in orientasi[3]] == [
        ("Stakeholder terkait", demo[RINA].nama_lengkap, "Mudah dipahami dan sabar")
    ]
    html = response.content.decode()
    assert "Realisasi periode 1" in html and "Memberikan pelayanan maksimal" in html
    assert [r.status for r in ctx["permintaan"]] == ["dijawab"]


@pytest.mark.django_db
def test_each_role_sees_the_form_it_may_use(demo, cast, skp, client_as):
    def forms(user):
        ctx = client_as(user).get(_url("umpan-balik", skp.pk)).context
        return ctx["beri_form"] is not None, ctx["minta_form"] is not None

    assert forms(demo[SEKAR].user) == (False, True)
    assert forms(demo[BAWONO].user) == (True, False)
    assert forms(demo[AMIRUDIN].user) == (True, False)
    assert forms(cast["analis_sdm"]) == (False, False)
    assert forms(cast["pimpinan"]) == (False, False)
    assert client_as(cast["outsider"]).get(_url("umpan-balik", skp.pk)).status_code == 404
    assert client_as(demo[RINA].user).get(_url("umpan-balik", skp.pk)).status_code == 404


@pytest.mark.django_db
def test_a_draft_skp_shows_its_history_without_forms(demo, skp, client_as):
    skp.status = "draf"
    skp.save(update_fields=["status"])
    response = client_as(demo[BAWONO].user).get(_url("umpan-balik", skp.pk))
    assert response.context["beri_form"] is None
    assert "setelah SKP disetujui" in response.content.decode()


@pytest.mark.django_db
def test_history_page_queries_do_not_grow_with_the_feedback(demo, skp, rhk, client_as):
    jadwal = skp.periode.jadwal_set.get(nomor=1)
    realisasi = Realisasi.objects.create(indikator=rhk.indikator_set.get(), jadwal=jadwal, uraian="x")
    bawono = demo[BAWONO].user
    client = client_as(bawono)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url("umpan-balik", skp.pk)).status_code == 200
        return len(ctx.captured_queries)

    services.beri_umpan_balik(skp=skp, by=bawono, rhk=rhk, isi="Satu")
    satu = count()
    for i in range(3):
        services.beri_umpan_balik(skp=skp, by=bawono, rhk=rhk, isi=f"RHK {i}")
        services.beri_umpan_balik(skp=skp, by=bawono, realisasi=realisasi, isi=f"Realisasi {i}")
        services.beri_umpan_balik(skp=skp, by=bawono, nilai_berakhlak=i, isi=f"Nilai {i}")
    for i in range(3):
        p = services.minta_umpan_balik(
            skp=skp, by=demo[SEKAR].user, diminta=demo[RINA], peran="rekan", pesan="Mohon", nilai_berakhlak=i
        )
        if i:
            services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi=f"Jawaban {i}")
    assert UmpanBalik.objects.count() == 12
    assert count() == satu


# --- giving ---


@pytest.mark.django_db
def test_penilai_gives_feedback_through_the_page(demo, skp, rhk, client_as):
    client = client_as(demo[BAWONO].user)
    jadwal = skp.periode.jadwal_set.get(nomor=2)
    response = client.post(
        _url("umpan-balik-beri", skp.pk),
        {"sasaran": f"rhk:{rhk.pk}", "jadwal": jadwal.pk, "isi": "Pertahankan!", "bukti": "Notulen"},
    )
    assert response.status_code == 302 and response["Location"] == _url("umpan-balik", skp.pk)
    ub = UmpanBalik.objects.get()
    assert (ub.rhk, ub.jadwal, ub.isi, ub.bukti, ub.peran) == (
        rhk,
        jadwal,
        "Pertahankan!",
        "Notulen",
        "pimpinan",
    )
    assert Notifikasi.objects.filter(user=demo[SEKAR].user).count() == 1
    client.post(_url("umpan-balik-beri", skp.pk), {"sasaran": "nilai:4", "isi": "Loyal"})
    assert UmpanBalik.objects.get(nilai_berakhlak=4).isi == "Loyal"


@pytest.mark.django_db
def test_the_form_is_preselected_from_the_link_beside_each_item(demo, skp, rhk, client_as):
    response = client_as(demo[BAWONO].user).get(_url("umpan-balik", skp.pk) + f"?sasaran=rhk:{rhk.pk}")
    assert re.search(rf'<option value="rhk:{rhk.pk}" selected>', response.content.decode())


@pytest.mark.django_db
def test_bad_feedback_is_refused_with_a_message_and_nothing_changes(demo, skp, rhk, client_as):
    other = skp_disetujui(demo[RINA]).rhk_set.first()
    client = client_as(demo[BAWONO].user)
    before = _snapshot()
    for data, pesan in [
        ({"sasaran": f"rhk:{rhk.pk}", "isi": ""}, "Tuliskan umpan balik."),
        ({"isi": "Tanpa sasaran"}, "Pilih hal yang diberi umpan balik."),
        ({"sasaran": f"rhk:{other.pk}", "isi": "RHK orang lain"}, "Pilihan tidak dikenal."),
        ({"sasaran": "nilai:9", "isi": "Nilai kesepuluh"}, "Pilihan tidak dikenal."),
        ({"sasaran": "rhk:x", "isi": "Rusak"}, "Pilihan tidak dikenal."),
        (
            {"sasaran": f"rhk:{rhk.pk}", "jadwal": "999999", "isi": "Periode asing"},
            "Periode penilaian tidak dikenal.",
        ),
    ]:
        response = client.post(_url("umpan-balik-beri", skp.pk), data)
        assert response.status_code == 400, data
        assert pesan in response.content.decode(), data
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_service_refusal_is_shown_on_the_form(demo, skp, rhk, client_as):
    jadwal = skp.periode.jadwal_set.get(nomor=1)
    realisasi = Realisasi.objects.create(indikator=rhk.indikator_set.get(), jadwal=jadwal, uraian="x")
    before = _snapshot()
    response = client_as(demo[BAWONO].user).post(
        _url("umpan-balik-beri", skp.pk),
        {
            "sasaran": f"realisasi:{realisasi.pk}",
            "jadwal": skp.periode.jadwal_set.get(nomor=3).pk,
            "isi": "Baik",
        },
    )
    assert response.status_code == 400
    assert "mengikuti periode realisasi" in response.content.decode()
    assert _snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [("pegawai", 403), ("analis_sdm", 403), ("pimpinan", 403), ("outsider", 404)]
)
def test_others_cannot_give_feedback(cast, skp, rhk, client_as, role, status):
    before = _snapshot()
    response = client_as(cast[role]).post(
        _url("umpan-balik-beri", skp.pk), {"sasaran": f"rhk:{rhk.pk}", "isi": "X"}
    )
    assert response.status_code == status
    assert _snapshot() == before


@pytest.mark.django_db
def test_the_giver_deletes_a_mistake_at_once_but_not_later(demo, skp, rhk, client_as):
    client = client_as(demo[BAWONO].user)
    ub = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Salah orang")
    page = client.get(_url("umpan-balik", skp.pk))
    assert page.context["dapat_hapus"] == {ub.pk}
    assert client_as(demo[SEKAR].user).post(_url("umpan-balik-hapus", ub.pk)).status_code == 403
    client = client_as(demo[BAWONO].user)
    assert client.post(_url("umpan-balik-hapus", ub.pk)).status_code == 302
    assert not UmpanBalik.objects.exists()

    kept = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Catatan")
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        assert client.get(_url("umpan-balik", skp.pk)).context["dapat_hapus"] == set()
        response = client.post(_url("umpan-balik-hapus", kept.pk), follow=True)
    assert "15 menit" in response.content.decode()
    assert UmpanBalik.objects.filter(pk=kept.pk).exists()
    assert client_as(demo[RINA].user).post(_url("umpan-balik-hapus", kept.pk)).status_code == 404


# --- asking ---


@pytest.mark.django_db
def test_search_finds_colleagues_as_choices_for_the_request_form(demo, client_as):
    response = client_as(demo[SEKAR].user).get(_url("umpan-balik-cari"), {"cari": "rina"})
    html = response.content.decode()
    assert f'name="diminta" value="{RINA}"' in html and demo[RINA].nama in html
    assert (
        "Tidak ada pegawai"
        in client_as(demo[SEKAR].user).get(_url("umpan-balik-cari"), {"cari": "zzzz"}).content.decode()
    )


@pytest.mark.django_db
def test_pegawai_asks_a_colleague_chosen_from_the_search_or_by_nip(demo, skp, rhk, client_as):
    client = client_as(demo[SEKAR].user)
    response = client.post(
        _url("umpan-balik-minta", skp.pk),
        {
            "sasaran": f"rhk:{rhk.pk}",
            "cari": "rina",
            "diminta": RINA,
            "peran": "rekan",
            "pesan": "Mohon masukan",
        },
    )
    assert response.status_code == 302
    p = PermintaanUmpanBalik.objects.get()
    assert (p.diminta, p.rhk, p.peran, p.pesan) == (demo[RINA], rhk, "rekan", "Mohon masukan")
    notif = Notifikasi.objects.get(user=demo[RINA].user)
    assert notif.url == _url("permintaan-jawab", p.pk)

    client.post(
        _url("umpan-balik-minta", skp.pk),
        {"sasaran": "nilai:3", "cari": "1995 0314 2019 0310 04", "peran": "stakeholder", "pesan": "Mohon"},
    )
    assert PermintaanUmpanBalik.objects.get(nilai_berakhlak=3).diminta == demo[DIMAS]


@pytest.mark.django_db
def test_bad_requests_are_refused_with_a_message_and_nothing_changes(demo, skp, rhk, client_as):
    client = client_as(demo[SEKAR].user)
    ok = {"sasaran": "nilai:0", "diminta": RINA, "peran": "rekan", "pesan": "Mohon"}
    client.post(_url("umpan-balik-minta", skp.pk), ok)
    before = _snapshot()
    for data, pesan in [
        ({"diminta": ""}, "Pilih pegawai yang diminta"),
        ({"diminta": "", "cari": "rina"}, "Pilih pegawai yang diminta"),
        ({"diminta": "199402282018012001"}, "tidak ditemukan di instansi Anda"),  # Maya: another instansi
        ({"diminta": SEKAR}, "diri sendiri"),
        ({"peran": "pimpinan"}, "Peran pemberi tidak dikenal."),
        ({"pesan": ""}, "Tuliskan pesan permintaan."),
        ({}, "masih menunggu jawaban"),
    ]:
        response = client.post(_url("umpan-balik-minta", skp.pk), ok | data)
        assert response.status_code == 400, data
        assert pesan in response.content.decode(), data
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_refused_request_keeps_the_colleagues_found(demo, skp, client_as):
    response = client_as(demo[SEKAR].user).post(
        _url("umpan-balik-minta", skp.pk),
        {"sasaran": "nilai:0", "cari": "rina", "diminta": RINA, "peran": "rekan"},
    )
    assert response.status_code == 400
    assert re.search(rf'name="diminta" value="{RINA}"\s+checked', response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("nip", [BAWONO, AMIRUDIN, DIMAS])
def test_only_the_owner_may_ask(demo, skp, client_as, nip):
    response = client_as(demo[nip].user).post(
        _url("umpan-balik-minta", skp.pk),
        {"sasaran": "nilai:0", "diminta": RINA, "peran": "rekan", "pesan": "X"},
    )
    assert response.status_code == 403
    assert not PermintaanUmpanBalik.objects.exists()


# --- answering and declining ---


@pytest.fixture
def permintaan(demo, skp, rhk):
    return services.minta_umpan_balik(
        skp=skp,
        by=demo[SEKAR].user,
        diminta=demo[RINA],
        peran="rekan",
        pesan="Tolong nilai modul saya",
        rhk=rhk,
    )


@pytest.mark.django_db
def test_the_person_asked_sees_only_the_rhk_named_not_the_whole_skp(demo, skp, rhk, permintaan, client_as):
    client = client_as(demo[RINA].user)
    inbox = client.get(_url("permintaan-list"))
    assert [r.pk for r in inbox.context["permintaan"]] == [permintaan.pk]
    html = client.get(_url("permintaan-jawab", permintaan.pk)).content.decode()
    assert rhk.uraian in html and "Tolong nilai modul saya" in html
    for other in skp.rhk_set.exclude(pk=rhk.pk):
        assert other.uraian not in html
    for user in (demo[SEKAR].user, demo[BAWONO].user, demo[DIMAS].user):
        assert client_as(user).get(_url("permintaan-jawab", permintaan.pk)).status_code == 404


@pytest.mark.django_db
def test_a_request_on_a_value_shows_its_panduan(demo, skp, client_as):
    p = services.minta_umpan_balik(
        skp=skp, by=demo[SEKAR].user, diminta=demo[RINA], peran="lainnya", pesan="Mohon", nilai_berakhlak=3
    )
    html = client_as(demo[RINA].user).get(_url("permintaan-jawab", p.pk)).content.decode()
    assert "Harmonis" in html and "Suka menolong orang lain" in html


@pytest.mark.django_db
def test_answer_once_through_the_page(demo, skp, rhk, permintaan, client_as):
    client = client_as(demo[RINA].user)
    response = client.post(
        _url("permintaan-jawab", permintaan.pk), {"isi": "Rapi dan tepat waktu", "bukti": ""}
    )
    assert response.status_code == 302 and response["Location"] == _url("permintaan-list")
    ub = UmpanBalik.objects.get()
    assert (ub.permintaan, ub.pemberi, ub.peran, ub.rhk) == (permintaan, demo[RINA], "rekan", rhk)
    assert Notifikasi.objects.filter(user=demo[SEKAR].user, url=_url("umpan-balik", skp.pk)).exists()
    page = client.get(_url("permintaan-jawab", permintaan.pk))
    assert page.context["form"] is None and "Rapi dan tepat waktu" in page.content.decode()

    before = _snapshot()
    response = client.post(_url("permintaan-jawab", permintaan.pk), {"isi": "Jawaban kedua"}, follow=True)
    assert "sudah dijawab atau ditolak" in response.content.decode()
    response = client.post(_url("permintaan-tolak", permintaan.pk), follow=True)
    assert "sudah dijawab atau ditolak" in response.content.decode()
    assert _snapshot() == before


@pytest.mark.django_db
def test_an_empty_answer_is_refused_and_nothing_changes(demo, permintaan, client_as):
    before = _snapshot()
    response = client_as(demo[RINA].user).post(_url("permintaan-jawab", permintaan.pk), {"isi": " "})
    assert response.status_code == 400 and "Tuliskan umpan balik." in response.content.decode()
    assert _snapshot() == before


@pytest.mark.django_db
def test_decline_then_no_answer(demo, skp, permintaan, client_as):
    client = client_as(demo[RINA].user)
    assert client.post(_url("permintaan-tolak", permintaan.pk)).status_code == 302
    permintaan.refresh_from_db()
    assert permintaan.status == "ditolak"
    assert "Anda tolak" in client.get(_url("permintaan-jawab", permintaan.pk)).content.decode()
    before = _snapshot()
    response = client.post(_url("permintaan-jawab", permintaan.pk), {"isi": "Ternyata bisa"}, follow=True)
    assert "sudah dijawab atau ditolak" in response.content.decode()
    assert _snapshot() == before
    history = client_as(demo[SEKAR].user).get(_url("umpan-balik", skp.pk))
    assert [r.status for r in history.context["permintaan"]] == ["ditolak"]


@pytest.mark.django_db
def test_others_cannot_answer_or_decline(demo, permintaan, client_as):
    before = _snapshot()
    for user in (demo[SEKAR].user, demo[BAWONO].user, demo[DIMAS].user):
        client = client_as(user)
        assert client.post(_url("permintaan-jawab", permintaan.pk), {"isi": "Bukan saya"}).status_code == 404
        assert client.post(_url("permintaan-tolak", permintaan.pk)).status_code == 404
    assert _snapshot() == before


@pytest.mark.django_db
def test_request_list_queries_do_not_grow(demo, skp, client_as):
    client = client_as(demo[RINA].user)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url("permintaan-list")).status_code == 200
        return len(ctx.captured_queries)

    def minta(i):
        return services.minta_umpan_balik(
            skp=skp, by=demo[SEKAR].user, diminta=demo[RINA], peran="rekan", pesan="Mohon", nilai_berakhlak=i
        )

    minta(0)
    satu = count()
    for i in range(1, 7):
        minta(i)
    assert count() == satu
