"""Pages of the evaluation results and the keberatan: who sees what, receipt and filing through the
pages, the examination's forms by role, and query counts of the lists."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.aturan import RatingKerja
from kinerja.penilaian.models import Keberatan, Penilaian, RiwayatPenilaian
from kinerja.penilaian.workflow import StatusKeberatan

from .factories import penilaian_dengan, skp_disetujui

SEKAR, RINA = "199106112012062001", "199708222020122003"
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


@pytest.fixture
def final(skp):
    """Sekar's final annual penilaian, not yet received."""
    return penilaian_dengan(skp, final=True)


def _keberatan(p, status=StatusKeberatan.DIAJUKAN) -> Keberatan:
    return Keberatan.objects.create(
        penilaian=p,
        atasan=p.atasan_pejabat_penilai,
        alasan="Bukti dukung belum dipertimbangkan.",
        status=status,
        rating_hasil_kerja_semula=p.rating_hasil_kerja,
        rating_perilaku_semula=p.rating_perilaku,
        predikat_semula=p.predikat,
        diputuskan_pada=timezone.now() if StatusKeberatan(status).selesai else None,
    )


# --- one evaluation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("pegawai", 200),
        ("pejabat_penilai", 200),
        ("atasan_pejabat_penilai", 200),
        ("analis_sdm", 200),
        ("pimpinan", 200),
        ("superadmin", 200),
        ("outsider", 404),
    ],
)
def test_final_penilaian_visible_by_role(cast, client_as, final, role, expected):
    response = client_as(cast[role]).get(reverse("penilaian:hasil", args=[final.pk]))
    assert response.status_code == expected


def test_another_team_member_cannot_see_it(demo, client_as, final):
    rina = demo[RINA].user
    assert client_as(rina).get(reverse("penilaian:hasil", args=[final.pk])).status_code == 404
    assert client_as(rina).get(reverse("penilaian:pdf", args=[final.pk])).status_code == 404


def test_draft_is_hidden_from_the_pegawai_only(cast, client_as, skp):
    draf = penilaian_dengan(skp)
    url = reverse("penilaian:hasil", args=[draf.pk])
    assert client_as(cast["pegawai"]).get(url).status_code == 404
    response = client_as(cast["pejabat_penilai"]).get(url)
    assert response.status_code == 200 and "masih draf" in response.content.decode()
    assert client_as(cast["analis_sdm"]).get(url).status_code == 200


def test_page_shows_identities_ratings_and_history(demo, cast, client_as, skp):
    p = penilaian_dengan(skp, final=True, rhk_rating=RatingKerja.SESUAI_EKSPEKTASI)
    p.catatan = "Tingkatkan kualitas laporan."
    p.save()
    html = client_as(cast["pegawai"]).get(reverse("penilaian:hasil", args=[p.pk])).content.decode()
    for nip in (SEKAR, "198103021999121001", "196804241998031011"):
        assert demo[nip].nip_tertulis in html
    assert "Hasil kerja 1" in html and "Tingkatkan kualitas laporan." in html
    assert "Konfirmasi penerimaan" in html and "Baik" in html


def test_receipt_by_the_pegawai_once(cast, client_as, final):
    url = reverse("penilaian:terima", args=[final.pk])
    assert client_as(cast["pejabat_penilai"]).post(url).status_code == 403
    assert client_as(cast["analis_sdm"]).post(url).status_code == 403
    final.refresh_from_db()
    assert final.diterima_pada is None
    response = client_as(cast["pegawai"]).post(url, follow=True)
    final.refresh_from_db()
    assert final.diterima_pada is not None and "dikonfirmasi" in response.content.decode()
    pertama = final.diterima_pada
    response = client_as(cast["pegawai"]).post(url, follow=True)
    assert "sudah dikonfirmasi" in response.content.decode()
    final.refresh_from_db()
    assert final.diterima_pada == pertama
    assert RiwayatPenilaian.objects.filter(penilaian=final, aksi="diterima").count() == 1


def test_receipt_of_a_draft_is_not_found_for_the_pegawai(cast, client_as, skp):
    draf = penilaian_dengan(skp)
    assert client_as(cast["pegawai"]).post(reverse("penilaian:terima", args=[draf.pk])).status_code == 404


def test_keberatan_block_shows_the_deadline_then_that_it_passed(cast, client_as, skp, time_machine):
    p = penilaian_dengan(skp, final=True, diterima=datetime(2027, 3, 1, 9, tzinfo=WIB))
    url = reverse("penilaian:hasil", args=[p.pk])
    time_machine.move_to(datetime(2027, 3, 10, 9, tzinfo=WIB), tick=False)
    html = client_as(cast["pegawai"]).get(url).content.decode()
    assert "paling lambat 15 Maret 2027" in html and "Ajukan keberatan" in html
    time_machine.move_to(datetime(2027, 3, 16, 9, tzinfo=WIB), tick=False)
    html = client_as(cast["pegawai"]).get(url).content.decode()
    assert "telah lewat pada 15 Maret 2027" in html and "Ajukan keberatan" not in html


def test_filing_through_the_page(cast, client_as, skp):
    p = penilaian_dengan(skp, final=True, diterima=timezone.now())
    url = reverse("penilaian:keberatan-ajukan", args=[p.pk])
    assert client_as(cast["pejabat_penilai"]).post(url, {"alasan": "x"}).status_code == 403
    response = client_as(cast["pegawai"]).post(url, {"alasan": "  "}, follow=True)
    assert "Alasan keberatan wajib diisi." in response.content.decode()
    assert not Keberatan.objects.exists()
    response = client_as(cast["pegawai"]).post(url, {"alasan": "Target saya tercapai."})
    k = Keberatan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "penilaian:keberatan-detail", args=[k.pk]
    )
    response = client_as(cast["pegawai"]).post(url, {"alasan": "Lagi"}, follow=True)
    assert "sudah pernah diajukan" in response.content.decode() and Keberatan.objects.count() == 1


def test_filing_before_receipt_refused_on_the_page(cast, client_as, final):
    response = client_as(cast["pegawai"]).post(
        reverse("penilaian:keberatan-ajukan", args=[final.pk]), {"alasan": "Alasan"}, follow=True
    )
    assert "Konfirmasi penerimaan" in response.content.decode()
    assert not Keberatan.objects.exists()


# --- my evaluations --------------------------------------------------------------------------------


def _delapan(demo) -> list[Penilaian]:
    """Eight final penilaian of Sekar: the four periods and the year 2027, three periods of 2028."""
    out = []
    for tahun, nomor in [(2027, (1, 2, 3, 4, None)), (2028, (1, 2, 3))]:
        skp = skp_disetujui(demo[SEKAR], tahun=tahun)
        for n in nomor:
            jadwal = skp.periode.jadwal_set.get(nomor=n) if n else None
            out.append(penilaian_dengan(skp, jadwal=jadwal, final=True, diterima=timezone.now()))
    _keberatan(out[0])
    _keberatan(out[4], StatusKeberatan.DIKUATKAN)
    return out


def test_saya_lists_final_penilaian_newest_first(demo, cast, client_as):
    semua = _delapan(demo)
    draf_skp = skp_disetujui(demo[SEKAR], tahun=2029)
    draf = penilaian_dengan(draf_skp)
    response = client_as(cast["pegawai"]).get(reverse("penilaian:saya"))
    urutan = [b.penilaian.pk for b in response.context["baris"]]
    # 2028 P3, P2, P1, then 2027 annual, P4 … P1
    assert urutan == [p.pk for p in [*semua[5:][::-1], semua[4], *semua[:4][::-1]]]
    assert draf.pk not in urutan
    html = response.content.decode()
    assert "Dapat diajukan sampai" in html and str(StatusKeberatan.DIKUATKAN.label) in html


def test_saya_query_count_does_not_grow_with_rows(demo, cast, client_as):
    client = client_as(cast["pegawai"])
    url = reverse("penilaian:saya")
    skp = skp_disetujui(demo[SEKAR], tahun=2026)
    penilaian_dengan(skp, final=True, diterima=timezone.now())
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as satu:
        assert client.get(url).status_code == 200
    _delapan(demo)
    with CaptureQueriesContext(connection) as delapan:
        response = client.get(url)
    assert len(response.context["baris"]) == 9
    assert len(delapan) == len(satu), [q["sql"] for q in delapan.captured_queries]


def test_saya_for_a_user_without_pegawai(cast, client_as):
    response = client_as(cast["superadmin"]).get(reverse("penilaian:saya"))
    assert response.status_code == 200 and response.context["baris"] == []


# --- keberatan pages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("pegawai", 200),
        ("pejabat_penilai", 200),
        ("atasan_pejabat_penilai", 200),
        ("analis_sdm", 200),
        ("outsider", 404),
    ],
)
def test_keberatan_detail_by_role(cast, client_as, final, role, expected):
    k = _keberatan(final)
    assert (
        client_as(cast[role]).get(reverse("penilaian:keberatan-detail", args=[k.pk])).status_code == expected
    )


def test_forms_for_whoever_may_act_now(cast, client_as, final):
    k = _keberatan(final)
    url = reverse("penilaian:keberatan-detail", args=[k.pk])
    forms = client_as(cast["atasan_pejabat_penilai"]).get(url).context["forms"]
    assert set(forms) == {"minta_penjelasan", "kuatkan", "ubah"}
    assert client_as(cast["pejabat_penilai"]).get(url).context["forms"] == {}
    assert client_as(cast["pegawai"]).get(url).context["forms"] == {}
    Keberatan.objects.filter(pk=k.pk).update(status=StatusKeberatan.KLARIFIKASI, penjelasan_pegawai="Sudah")
    assert set(client_as(cast["pejabat_penilai"]).get(url).context["forms"]) == {"jelaskan_penilai"}
    assert client_as(cast["pegawai"]).get(url).context["forms"] == {}  # explained already
    assert set(client_as(cast["atasan_pejabat_penilai"]).get(url).context["forms"]) == {"kuatkan", "ubah"}


def _post(client, k, **data):
    return client.post(reverse("penilaian:keberatan-aksi", args=[k.pk]), data, follow=True)


def test_actions_through_the_page(cast, client_as, final):
    k = _keberatan(final)
    atasan = client_as(cast["atasan_pejabat_penilai"])
    response = _post(atasan, k, aksi="minta_penjelasan", teks="Mohon penjelasan kedua pihak.")
    k.refresh_from_db()
    assert k.status == StatusKeberatan.KLARIFIKASI and "Permintaan penjelasan" in response.content.decode()
    _post(client_as(cast["pejabat_penilai"]), k, aksi="jelaskan_penilai", teks="Sesuai bukti dukung.")
    _post(client_as(cast["pegawai"]), k, aksi="jelaskan_pegawai", teks="Bukti terlampir.")
    di_atas = RatingKerja.DI_ATAS_EKSPEKTASI
    atasan = client_as(cast["atasan_pejabat_penilai"])
    _post(atasan, k, aksi="ubah", rating_hasil_kerja=di_atas, rating_perilaku=di_atas, teks="Terbukti.")
    k.refresh_from_db()
    final.refresh_from_db()
    assert (k.status, final.predikat) == (StatusKeberatan.DIUBAH, "sangat_baik")
    assert (k.penjelasan_penilai, k.penjelasan_pegawai) == ("Sesuai bukti dukung.", "Bukti terlampir.")
    html = client_as(cast["pegawai"]).get(reverse("penilaian:hasil", args=[final.pk])).content.decode()
    assert "Ditetapkan setelah keberatan" in html and "Baik → Sangat Baik" in html


@pytest.mark.parametrize(
    ("role", "data", "status", "pesan"),
    [
        ("pegawai", {"aksi": "kuatkan", "teks": "x"}, 403, ""),
        ("pejabat_penilai", {"aksi": "ubah", "teks": "x"}, 403, ""),
        ("analis_sdm", {"aksi": "minta_penjelasan", "teks": "x"}, 403, ""),
        ("outsider", {"aksi": "kuatkan", "teks": "x"}, 404, ""),
        ("atasan_pejabat_penilai", {"aksi": "hapus", "teks": "x"}, 200, "Tindakan tidak dikenal."),
        (
            "atasan_pejabat_penilai",
            {"aksi": "kuatkan", "teks": ""},
            200,
            "Pertimbangan keputusan wajib diisi.",
        ),
        ("atasan_pejabat_penilai", {"aksi": "ubah", "teks": "x"}, 200, "Pilih rating hasil kerja yang baru."),
        ("atasan_pejabat_penilai", {"aksi": "jelaskan_penilai", "teks": "x"}, 403, ""),
        (
            "atasan_pejabat_penilai",
            {"aksi": "ubah", "teks": "x", "rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"},
            200,
            "sama dengan hasil evaluasi semula",
        ),
    ],
)
def test_refused_actions_change_nothing(cast, client_as, final, role, data, status, pesan):
    k = _keberatan(final)
    sebelum = (
        list(Keberatan.objects.values()),
        list(Penilaian.objects.values()),
        RiwayatPenilaian.objects.count(),
    )
    response = _post(client_as(cast[role]), k, **data)
    assert response.status_code == status
    if pesan:
        assert pesan in response.content.decode()
    assert (
        list(Keberatan.objects.values()),
        list(Penilaian.objects.values()),
        RiwayatPenilaian.objects.count(),
    ) == sebelum


def test_decided_keberatan_refuses_further_action_on_the_page(cast, client_as, final):
    k = _keberatan(final, StatusKeberatan.DIKUATKAN)
    response = _post(client_as(cast["atasan_pejabat_penilai"]), k, aksi="kuatkan", teks="Lagi")
    assert "bersifat final" in response.content.decode()
    assert response.context["forms"] == {}


def test_list_puts_open_keberatan_first_and_shows_own(demo, cast, client_as, skp):
    lama = _keberatan(penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=1), final=True))
    baru_selesai = _keberatan(penilaian_dengan(skp, final=True), StatusKeberatan.DIUBAH)
    Keberatan.objects.filter(pk=lama.pk).update(created_at=timezone.now() - timedelta(days=3))
    url = reverse("penilaian:keberatan-list")
    for role in ("atasan_pejabat_penilai", "pegawai", "pejabat_penilai", "analis_sdm"):
        rows = client_as(cast[role]).get(url).context["rows"]
        assert [k.pk for k in rows] == [lama.pk, baru_selesai.pk], role
    assert list(client_as(cast["outsider"]).get(url).context["rows"]) == []
    assert list(client_as(demo[RINA].user).get(url).context["rows"]) == []


def test_list_query_count_does_not_grow_with_rows(demo, cast, client_as):
    client = client_as(cast["atasan_pejabat_penilai"])
    url = reverse("penilaian:keberatan-list")
    skp = skp_disetujui(demo[SEKAR], tahun=2026)
    _keberatan(penilaian_dengan(skp, final=True))
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for p in _delapan(demo)[1:4]:
        _keberatan(p)
    with CaptureQueriesContext(connection) as banyak:
        response = client.get(url)
    assert len(response.context["rows"]) == 6
    assert len(banyak) == len(satu)
