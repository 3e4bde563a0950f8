"""The rating page and the team page through the client: who sees and who edits, the live suggestion,
saving and finalising, and query counts that do not grow with the SKP or the team."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.aturan import CapaianOrganisasi, RatingKerja
from kinerja.organisasi.models import Pegawai
from kinerja.pelaksanaan.models import BuktiDukung, PeranPemberi, Realisasi, UmpanBalik
from kinerja.penilaian.models import PengaturanPenilaian, Penilaian, PenilaianRhk
from kinerja.penilaian.workflow import StatusPenilaian
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja

from .factories import penilaian_dengan, skp_disetujui
from .test_nilai_services import AMIRUDIN, BAWONO, SEKAR, capaian, pada

A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI


@pytest.fixture
def akhir_tahun(time_machine):
    """Mid-December 2027: every period of the test year has started."""
    pada(time_machine, date(2027, 12, 15))


TIM = ["199503142019031004", "199708222020122003", "199106112012062001", "200001052025011001"]


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


def url(skp, nomor=1):
    return reverse("penilaian:nilai", args=[skp.pk, nomor])


def isian(skp, *, hasil=S, perilaku=S, rhk=S, catatan="Tingkatkan kolaborasi."):
    data = {"rating_hasil_kerja": hasil, "rating_perilaku": perilaku, "catatan": catatan}
    for pk in skp.rhk_set.values_list("pk", flat=True):
        data[f"rhk_{pk}"] = rhk
        data[f"catatan_{pk}"] = ""
    return data


def keadaan():
    return (
        sorted(
            Penilaian.objects.values_list("pk", "status", "rating_hasil_kerja", "rating_perilaku", "predikat")
        ),
        sorted(PenilaianRhk.objects.values_list("rhk_id", "rating")),
    )


# --- who sees the rating page ---------------------------------------------------------------------


def test_penilai_gets_the_form_with_realisasi_bukti_and_feedback(demo, cast, client_as, skp, akhir_tahun):
    rhk = skp.rhk_set.order_by("urutan").first()
    iki = rhk.indikator_set.get()
    triwulan = skp.periode.jadwal_set.get(nomor=1)
    r = Realisasi.objects.create(indikator=iki, jadwal=triwulan, nilai=7, uraian="Tujuh dokumen selesai")
    BuktiDukung.objects.create(realisasi=r, tautan="https://contoh.go.id/laporan", nama="Laporan triwulan I")
    UmpanBalik.objects.create(
        skp=skp, pemberi=demo[BAWONO], peran=PeranPemberi.PIMPINAN, rhk=rhk, isi="Modul sudah sesuai NSPK."
    )
    UmpanBalik.objects.create(
        skp=skp,
        pemberi=demo[AMIRUDIN],
        peran=PeranPemberi.STAKEHOLDER,
        nilai_berakhlak=2,
        isi="Sangat kompeten.",
    )
    response = client_as(cast["pejabat_penilai"]).get(url(skp))
    assert response.status_code == 200
    html = response.content.decode()
    for teks in (
        "Simpan penilaian",
        "7 dokumen",
        "Tujuh dokumen selesai",
        "Laporan triwulan I",
        "Modul sudah sesuai NSPK.",
        "Sangat kompeten.",
        "Kriteria rating hasil kerja",
        "Panduan rating perilaku kerja",
        "Belum dinilai",
    ):
        assert teks in html, teks
    assert response.context["isi"]


@pytest.mark.parametrize("role", ["atasan_pejabat_penilai", "analis_sdm", "pimpinan", "superadmin"])
def test_others_in_reach_read_without_a_form(cast, client_as, skp, akhir_tahun, role):
    penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=1), hasil=A, perilaku=S)
    response = client_as(cast[role]).get(url(skp))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Simpan penilaian" not in html and "Hanya pejabat penilai" in html
    assert "Di Atas Ekspektasi" in html and response.context["predikat"] == "baik"


def test_pegawai_sees_it_only_once_final(cast, client_as, skp, akhir_tahun):
    client = client_as(cast["pegawai"])
    assert client.get(url(skp)).status_code == 404  # nothing yet
    p = penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=1))
    assert client.get(url(skp)).status_code == 404  # draft
    Penilaian.objects.filter(pk=p.pk).update(status=StatusPenilaian.FINAL)
    response = client.get(url(skp))
    assert response.status_code == 302 and response["Location"] == reverse("penilaian:hasil", args=[p.pk])
    assert client.get(reverse("penilaian:saran", args=[skp.pk, 1])).status_code == 404


def test_unknown_period_or_skp_answers_404(cast, client_as, skp):
    client = client_as(cast["pejabat_penilai"])
    assert client.get(url(skp, 5)).status_code == 404  # triwulanan: 4 periods
    assert client_as(cast["outsider"]).get(url(skp)).status_code == 404


def test_final_penilaian_is_read_only_and_locked(cast, client_as, skp, akhir_tahun):
    penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=1), hasil=A, perilaku=A, final=True)
    html = client_as(cast["pejabat_penilai"]).get(url(skp)).content.decode()
    assert "terkunci" in html and "Simpan penilaian" not in html and "Sangat Baik" in html


def test_before_the_period_starts_the_page_explains(cast, client_as, skp, time_machine):
    pada(time_machine, date(2027, 2, 1))
    html = client_as(cast["pejabat_penilai"]).get(url(skp, 2)).content.decode()
    assert "baru dapat dibuka mulai 1 April 2027" in html and "Simpan penilaian" not in html


# --- saving -----------------------------------------------------------------------------------------


def test_penilai_saves_and_the_predikat_follows(cast, client_as, skp, akhir_tahun):
    client = client_as(cast["pejabat_penilai"])
    response = client.post(url(skp), isian(skp, hasil=A, perilaku=S))
    assert response.status_code == 302 and response["Location"] == url(skp)
    p = Penilaian.objects.get()
    assert (p.jadwal.nomor, p.rating_hasil_kerja, p.rating_perilaku, p.predikat) == (1, A, S, "baik")
    assert p.catatan == "Tingkatkan kolaborasi." and p.rhk_set.count() == 3
    html = client.get(url(skp)).content.decode()
    assert "Penilaian Triwulan I 2027 disimpan." in html and "Draf" in html


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("atasan_pejabat_penilai", 403),
        ("analis_sdm", 403),
        ("pimpinan", 403),
        ("pegawai", 404),
        ("outsider", 404),
    ],
)
def test_others_cannot_save(cast, client_as, skp, akhir_tahun, role, status):
    assert client_as(cast[role]).post(url(skp), isian(skp)).status_code == status
    assert not Penilaian.objects.exists()


def test_bad_input_changes_nothing(cast, client_as, skp, akhir_tahun):
    client = client_as(cast["pejabat_penilai"])
    client.post(url(skp), isian(skp))
    sebelum = keadaan()
    response = client.post(url(skp), isian(skp, hasil="luar_biasa", rhk=A))
    assert response.status_code == 200
    assert "Periksa kembali isian penilaian." in response.content.decode()
    assert keadaan() == sebelum


def test_saving_before_the_period_starts_creates_nothing(cast, client_as, skp, time_machine):
    pada(time_machine, date(2027, 2, 1))
    response = client_as(cast["pejabat_penilai"]).post(url(skp, 2), isian(skp))
    assert response.status_code == 200 and "baru dapat dibuka" in response.content.decode()
    assert not Penilaian.objects.exists()


def test_a_final_penilaian_cannot_be_posted(cast, client_as, skp, akhir_tahun):
    penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=1), final=True)
    sebelum = keadaan()
    response = client_as(cast["pejabat_penilai"]).post(url(skp), isian(skp, hasil=B, perilaku=B))
    assert "terkunci" in response.content.decode()
    assert keadaan() == sebelum


def test_pimpinan_without_capaian_is_refused_with_the_reason(demo, cast, client_as, akhir_tahun):
    skp = skp_disetujui(demo[BAWONO])
    response = client_as(cast["atasan_pejabat_penilai"]).post(url(skp, 0), isian(skp))
    assert "belum ditetapkan" in response.content.decode()
    assert not Penilaian.objects.exists()  # the opening is rolled back with the refused save


def test_pimpinan_of_a_unit_gets_the_fixed_rating(demo, cast, client_as, akhir_tahun):
    skp = skp_disetujui(demo[BAWONO])
    capaian("BKPSDM-IPKP", skp, CapaianOrganisasi.ISTIMEWA)
    client = client_as(cast["atasan_pejabat_penilai"])
    response = client.get(url(skp, 0))
    assert response.context["form"].fields["rating_hasil_kerja"].disabled
    assert response.context["rating_tetap"] == A
    assert "Pegawai ini pimpinan unit kerja" in response.content.decode()
    client.post(url(skp, 0), isian(skp, hasil=B, perilaku=A))
    p = Penilaian.objects.get()
    assert (p.rating_hasil_kerja, p.predikat, p.rating_dari_capaian) == (A, "sangat_baik", True)


def test_saran_fragment_recomputes_from_the_selects(cast, client_as, skp, akhir_tahun):
    data = isian(skp, hasil=S, perilaku=B, rhk=A)
    response = client_as(cast["pejabat_penilai"]).get(
        reverse("penilaian:saran", args=[skp.pk, 1]), data, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="saran-rating"' in html and "Saran rating hasil kerja: Di Atas Ekspektasi" in html
    assert 'hx-swap-oob="true"' in html and "Kurang/Misconduct" in html
    data.pop(next(k for k in data if k.startswith("rhk_")))
    html = client_as(cast["pejabat_penilai"]).get(reverse("penilaian:saran", args=[skp.pk, 1]), data).content
    assert "setelah setiap rencana hasil kerja dinilai" in html.decode()


def test_annual_page_shows_the_periodic_predikat_beside_it(cast, client_as, skp, akhir_tahun):
    for nomor, (h, p) in {1: (A, A), 2: (B, B)}.items():
        penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.get(nomor=nomor), hasil=h, perilaku=p, final=True)
    response = client_as(cast["pejabat_penilai"]).get(url(skp, 0))
    html = response.content.decode()
    assert "Hasil penilaian periodik 2027" in html and "tidak dirata-rata" in html
    assert [x.get_predikat_display() for x in response.context["hal"].periodik] == [
        "Sangat Baik",
        "Sangat Kurang",
    ]


def test_rating_page_queries_do_not_grow_with_the_skp(cast, client_as, skp, akhir_tahun):
    client = client_as(cast["pejabat_penilai"])
    client.post(url(skp), isian(skp))
    client.get(url(skp))

    def hitung():
        with CaptureQueriesContext(connection) as q:
            assert client.get(url(skp)).status_code == 200
        return len(q)

    kecil = hitung()
    for i in range(6):
        rhk = RencanaHasilKerja.objects.create(skp=skp, urutan=10 + i, uraian=f"Tambahan {i}")
        for j in range(2):
            iki = IndikatorKinerjaIndividu.objects.create(
                rhk=rhk, uraian=f"IKI {i}.{j}", target_teks="Selesai"
            )
            Realisasi.objects.create(indikator=iki, jadwal=skp.periode.jadwal_set.get(nomor=1), uraian="Ya")
    assert hitung() == kecil


# --- the team page and finalisation -----------------------------------------------------------------


@pytest.fixture
def tim(demo, akhir_tahun):
    return [skp_disetujui(demo[nip]) for nip in TIM]


def tim_url(nomor=0, tahun=2027):
    return f"{reverse('penilaian:tim')}?tahun={tahun}&nomor={nomor}"


def test_team_page_lists_every_member_with_their_status(demo, cast, client_as, tim):
    penilaian_dengan(tim[0], hasil=A, perilaku=A, final=True)
    penilaian_dengan(tim[1], hasil=S, perilaku=None)
    response = client_as(cast["pejabat_penilai"]).get(tim_url())
    assert response.status_code == 200
    baris = {b.pegawai.nip: b for b in response.context["hal"].baris}
    assert set(baris) == set(TIM)
    assert [baris[nip].status_penilaian for nip in TIM] == ["final", "draf", "belum", "belum"]
    html = response.content.decode()
    assert reverse("penilaian:nilai", args=[tim[2].pk, 0]) in html
    assert "Capaian organisasi unit Anda untuk periode ini belum ditetapkan" in html


def test_team_page_defaults_to_the_current_period(cast, client_as, tim, time_machine):
    pada(time_machine, date(2027, 5, 20))
    response = client_as(cast["pejabat_penilai"]).get(reverse("penilaian:tim"))
    assert response.context["hal"].label == "Triwulan II 2027"


def test_team_page_lists_bawahan_without_an_approved_skp(demo, cast, client_as, akhir_tahun):
    skp_disetujui(demo[SEKAR])
    response = client_as(cast["pejabat_penilai"]).get(tim_url())
    baris = {b.pegawai.nip: b for b in response.context["hal"].baris}
    assert set(baris) == set(TIM)
    assert baris[TIM[0]].skp is None and baris[TIM[0]].status_penilaian == "belum"


def test_team_page_asks_for_a_justification_when_the_distribution_deviates(cast, client_as, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    for skp in tim:
        penilaian_dengan(skp)
    html = client_as(cast["pejabat_penilai"]).get(tim_url()).content.decode()
    assert 'name="alasan"' in html and "Menyimpang dari pola" in html


def test_team_page_blocks_in_strict_mode(demo, cast, client_as, tim):
    PengaturanPenilaian.objects.create(instansi=demo[BAWONO].instansi, distribusi_ketat=True)
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    for skp in tim:
        penilaian_dengan(skp)
    html = client_as(cast["pejabat_penilai"]).get(tim_url()).content.decode()
    assert "tidak mengizinkan penyimpangan" in html and 'name="alasan"' not in html


def test_finalisation_through_the_page(cast, client_as, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    for skp in tim[:3]:
        penilaian_dengan(skp)
    penilaian_dengan(tim[3], perilaku=None)
    client = client_as(cast["pejabat_penilai"])
    response = client.post(reverse("penilaian:finalisasi"), {"tahun": 2027, "nomor": 0})
    assert response.status_code == 302 and response["Location"] == tim_url()
    assert Penilaian.objects.filter(status=StatusPenilaian.FINAL).count() == 3
    html = client.get(response["Location"]).content.decode()
    assert "3 penilaian difinalisasi" in html and "Masih draf karena belum berpredikat: Yoga" in html


def test_refused_finalisation_shows_why_and_changes_nothing(cast, client_as, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    for skp in tim:
        penilaian_dengan(skp)
    client = client_as(cast["pejabat_penilai"])
    response = client.post(reverse("penilaian:finalisasi"), {"tahun": 2027, "nomor": 0, "alasan": "pendek"})
    assert "paling sedikit 20 karakter" in client.get(response["Location"]).content.decode()
    assert not Penilaian.objects.filter(status=StatusPenilaian.FINAL).exists()


@pytest.mark.parametrize("data", [{"tahun": 2027, "nomor": 7}, {"tahun": 2031, "nomor": 0}])
def test_finalisation_of_an_unknown_period_answers_404(cast, client_as, tim, data):
    assert client_as(cast["pejabat_penilai"]).post(reverse("penilaian:finalisasi"), data).status_code == 404


def test_team_page_queries_do_not_grow_with_the_team(demo, cast, client_as, akhir_tahun):
    """1 team member, then 10: the same number of queries."""
    bawono = demo[BAWONO]
    Pegawai.objects.filter(nip__in=[n for n in TIM if n != SEKAR]).update(pejabat_penilai=demo[AMIRUDIN])
    sekar = demo[SEKAR]
    capaian("BKPSDM-IPKP", skp_disetujui(sekar), CapaianOrganisasi.BAIK)
    penilaian_dengan(sekar.skp_set.get(), hasil=A, perilaku=S)
    client = client_as(cast["pejabat_penilai"])

    def hitung():
        with CaptureQueriesContext(connection) as q:
            response = client.get(tim_url())
        return len(q), len(response.context["hal"].baris)

    satu, n = hitung()
    assert n == 1
    for i in range(9):
        p = Pegawai.objects.create(
            instansi=sekar.instansi,
            nip=f"1990010120150110{i:02d}",
            nama=f"Anggota {i}",
            status="pns",
            unit_kerja=sekar.unit_kerja,
            jabatan=sekar.jabatan,
            pejabat_penilai=bawono,
            atasan_pejabat_penilai=demo[AMIRUDIN],
        )
        skp = skp_disetujui(p)
        if i % 3:
            penilaian_dengan(skp, hasil=S, perilaku=S, final=i % 2 == 0)
    sepuluh, n = hitung()
    assert n == 10 and sepuluh == satu
