"""The unit distribution page, the distribution include and the Penetapan Predikat Kinerja (regulasi.md §3.2,
§3.3, decision a): every pattern, fitting and deviating; who sees which unit; the PDF's text."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from kinerja.aturan import CapaianOrganisasi, Predikat, RatingKerja, uraian_pola
from kinerja.dokumen.tests.test_skp_pdf import pdftotext
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian.distribusi import ringkasan_distribusi
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, JustifikasiDistribusi
from kinerja.perencanaan import services

from .factories import penilaian_dengan, skp_disetujui

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
TIM = ["199503142019031004", "199708222020122003", SEKAR, "200001052025011001"]  # Bawono's team
HALAMAN = reverse("penilaian:distribusi")
PDF = reverse("penilaian:penetapan-pdf")

_A, _S, _B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
RATING = {  # predikat -> (hasil kerja, perilaku) through the 3×3 matrix (§3.7)
    Predikat.SANGAT_BAIK: (_A, _A),
    Predikat.BAIK: (_S, _S),
    Predikat.BUTUH_PERBAIKAN: (_B, _S),
    Predikat.KURANG: (_S, _B),
    Predikat.SANGAT_KURANG: (_B, _B),
}
SB, B, BP, K, SK = Predikat
C = CapaianOrganisasi
# (capaian, the four predikat of the team, fits?) — one fitting and one deviating case per capaian (§3.3)
POLA = [
    (C.ISTIMEWA, [SB, SB, B, B], True),
    (C.ISTIMEWA, [SB, SB, SB, SB], False),  # more than 70 % Sangat Baik
    (C.BAIK, [SB, B, B, BP], True),
    (C.BAIK, [B, B, B, SB], False),  # 75 % Baik and nobody Butuh Perbaikan or Kurang
    (C.BUTUH_PERBAIKAN, [BP, BP, BP, B], True),
    (C.BUTUH_PERBAIKAN, [BP, BP, SB, B], False),  # 50 % Butuh Perbaikan, 25 % Sangat Baik
    (C.KURANG, [K, K, K, BP], True),
    (C.KURANG, [K, K, B, B], False),  # 50 % Kurang, no Butuh Perbaikan
    (C.SANGAT_KURANG, [SK, SK, SK, K], True),
    (C.SANGAT_KURANG, [SK, SK, SK, SB], False),  # a Sangat Baik, nobody Kurang or Butuh Perbaikan
]
IDS = [f"{c.value}-{'sesuai' if ok else 'menyimpang'}" for c, _p, ok in POLA]


@pytest.fixture
def units(demo):
    return {u.kode: u for u in UnitKerja.objects.all()}


@pytest.fixture
def periode(demo):
    return services.periode_tahun(demo[SEKAR].instansi, 2027)


def _nilai_tim(demo, predikat, *, final=False, jadwal=None):
    for nip, p in zip(TIM, predikat, strict=True):
        hasil, perilaku = RATING[p]
        penilaian_dengan(skp_disetujui(demo[nip]), hasil=hasil, perilaku=perilaku, final=final, jadwal=jadwal)


# --- every pattern through the page and the include -------------------------------------------------


@pytest.mark.parametrize(("capaian", "predikat", "sesuai"), POLA, ids=IDS)
def test_every_pattern_through_the_page(cast, demo, units, periode, client_as, capaian, predikat, sesuai):
    bidang = units["BKPSDM-IPKP"]
    CapaianKinerjaOrganisasi.objects.create(unit_kerja=bidang, periode=periode, capaian=capaian, dasar="PK")
    _nilai_tim(demo, predikat)
    response = client_as(cast["pejabat_penilai"]).get(HALAMAN, {"unit": bidang.pk, "tahun": 2027, "nomor": 0})
    assert response.status_code == 200
    d = response.context["d"]
    assert d.capaian.capaian == capaian and d.ringkasan.total == 4
    assert d.ringkasan.menyimpang is not sesuai
    [tim] = d.tim  # Bawono's team, read against his bidang's capaian
    assert tim.nama.startswith("Bawono") and tim.ringkasan.menyimpang is not sesuai
    html = response.content.decode()
    unit_box = html.split('id="distribusi-unit"')[1].split("</section>")[0]
    assert uraian_pola(capaian) in unit_box
    assert ("Sesuai pola" in unit_box) is sesuai
    assert ("Penyimpangan dari pola" in unit_box) is not sesuai
    for p in d.ringkasan.pelanggaran:
        assert p.aturan.capitalize()[:30] in unit_box


@pytest.mark.parametrize(("capaian", "predikat", "sesuai"), POLA, ids=IDS)
def test_include_renders_the_summary_without_queries(
    db, capaian, predikat, sesuai, django_assert_num_queries
):
    jumlah = {p: predikat.count(p) for p in set(predikat)}
    ringkasan = ringkasan_distribusi(jumlah, capaian)
    with django_assert_num_queries(0):
        html = render_to_string("penilaian/_distribusi.html", {"ringkasan": ringkasan})
    assert uraian_pola(capaian) in html
    for b in ringkasan.batang:
        assert f"{b.persen} %".replace(".", ",") in html  # shares in the Indonesian format
        if b.batas_maks:
            assert f"left: {b.batas_maks}%" in html  # the limit drawn on the bar
        if b.batas_min is not None:
            assert f"left: {b.batas_min}%" in html
    assert ("Penyimpangan dari pola" in html) is not sesuai
    for p in ringkasan.pelanggaran:
        assert f"{p.jumlah} dari 4 pegawai" in html
        assert f"sedikitnya {p.selisih_pegawai} pegawai perlu berubah predikat" in html


def test_include_without_capaian_shows_counts_only():
    html = render_to_string("penilaian/_distribusi.html", {"ringkasan": ringkasan_distribusi({B: 2}, None)})
    assert "belum ditetapkan" in html and "Penyimpangan" not in html and "100,0 %" in html


# --- counts ----------------------------------------------------------------------------------------


def test_draft_and_final_are_counted_and_the_unit_pimpinan_is_left_out(cast, demo, units, periode, client_as):
    triwulan_2 = periode.jadwal_set.get(nomor=2)
    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=units["BKPSDM"], periode=periode, jadwal=triwulan_2, capaian="baik"
    )
    for nip, final in ((TIM[0], True), (TIM[1], False), (TIM[2], True)):
        penilaian_dengan(skp_disetujui(demo[nip]), jadwal=triwulan_2, final=final)
    penilaian_dengan(skp_disetujui(demo[TIM[3]]), jadwal=triwulan_2, hasil=None)  # not rated yet
    penilaian_dengan(skp_disetujui(demo[BAWONO]), jadwal=triwulan_2, hasil=_A, perilaku=_A)  # by Amirudin
    penilaian_dengan(skp_disetujui(demo[AMIRUDIN]), jadwal=triwulan_2, hasil=_A, perilaku=_A)  # by the Sekda
    client = client_as(cast["atasan_pejabat_penilai"])
    d = client.get(HALAMAN, {"unit": units["BKPSDM"].pk, "tahun": 2027, "nomor": 2}).context["d"]
    baik = next(b for b in d.per_predikat if b.predikat is B)
    assert (baik.draf, baik.final) == (1, 2)
    assert d.ringkasan.total == 4 and d.belum == 1  # Amirudin himself is not counted
    assert {t.penilai_id for t in d.tim} == {demo[BAWONO].pk, demo[AMIRUDIN].pk}  # the two teams inside
    assert d.capaian_sendiri  # BKPSDM's own capaian
    # the bidang reads the capaian of the unit above
    d = client.get(HALAMAN, {"unit": units["BKPSDM-IPKP"].pk, "tahun": 2027, "nomor": 2}).context["d"]
    assert d.capaian.unit_kerja_id == units["BKPSDM"].pk and not d.capaian_sendiri
    assert d.ringkasan.total == 3  # Bawono (the bidang's pimpinan) left out


def test_justifications_are_shown_per_team(cast, demo, units, periode, client_as):
    CapaianKinerjaOrganisasi.objects.create(unit_kerja=units["BKPSDM-IPKP"], periode=periode, capaian="baik")
    _nilai_tim(demo, [B, B, B, B], final=True)
    r = ringkasan_distribusi({B: 4}, "baik")
    JustifikasiDistribusi.objects.create(
        pejabat_penilai=demo[BAWONO],
        periode=periode,
        capaian_organisasi="baik",
        pelanggaran=r.pelanggaran_json,
        alasan="Seluruh anggota tim menyelesaikan migrasi data kepegawaian lebih cepat dari target.",
    )
    html = (
        client_as(cast["analis_sdm"]).get(HALAMAN, {"unit": units["BKPSDM-IPKP"].pk, "tahun": 2027}).content
    )
    html = html.decode()
    assert "migrasi data kepegawaian" in html and "ada justifikasi" in html


# --- who sees which unit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "kode", "status"),
    [
        ("pejabat_penilai", "BKPSDM-IPKP", 200),  # leads it
        ("pejabat_penilai", "BKPSDM", 404),  # the unit above his
        ("pejabat_penilai", "BKPSDM-SEK", 404),  # a sibling unit
        ("atasan_pejabat_penilai", "BKPSDM", 200),
        ("atasan_pejabat_penilai", "BKPSDM-SEK-UMPEG", 200),  # below his unit
        ("atasan_pejabat_penilai", "SETDA", 404),
        ("pimpinan", "BKPSDM-SEK-UMPEG", 200),  # the Sekda: pimpinan role
        ("analis_sdm", "BKPSDM-IPKP", 200),  # admin instansi
        ("pegawai", "BKPSDM-IPKP", 404),  # a JF leads nothing
        ("outsider", "BKPSDM-IPKP", 404),  # another instansi
        ("superadmin", "DJK-SET-KEU", 200),
    ],
)
def test_who_sees_which_unit(cast, units, periode, client_as, role, kode, status):
    services.periode_tahun(units["DJK"].instansi, 2027)
    client = client_as(cast[role])
    assert client.get(HALAMAN, {"unit": units[kode].pk, "tahun": 2027}).status_code == status
    assert client.get(PDF, {"unit": units[kode].pk, "tahun": 2027}).status_code == status


def test_pegawai_without_a_unit_in_reach_gets_an_explanation(cast, periode, client_as):
    response = client_as(cast["pegawai"]).get(HALAMAN, {"tahun": 2027})
    assert response.status_code == 200 and response.context["d"] is None
    assert "Tidak ada unit kerja yang distribusi predikatnya dapat Anda lihat" in response.content.decode()


def test_unit_picker_holds_only_the_units_in_reach(cast, units, periode, client_as):
    response = client_as(cast["atasan_pejabat_penilai"]).get(HALAMAN, {"tahun": 2027})
    lingkup = response.context["lingkup"]
    assert lingkup.unit.id == units["BKPSDM"].pk
    assert {u.kode for u in lingkup.units} == {"BKPSDM", "BKPSDM-SEK", "BKPSDM-SEK-UMPEG", "BKPSDM-IPKP"}


def test_year_without_periode(cast, units, client_as):
    client = client_as(cast["analis_sdm"])
    assert "belum dibuat" in client.get(HALAMAN, {"tahun": 2031}).content.decode()
    assert client.get(PDF, {"tahun": 2031}).status_code == 404


# --- the Penetapan Predikat Kinerja -----------------------------------------------------------------


def test_penetapan_pdf_holds_unit_capaian_pegawai_and_signature(cast, demo, units, periode, client_as):
    bidang = units["BKPSDM-IPKP"]
    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=bidang, periode=periode, capaian="baik", dasar="Capaian Perjanjian Kinerja 2027: 96 %"
    )
    _nilai_tim(demo, [SB, B, BP, K], final=True)
    response = client_as(cast["atasan_pejabat_penilai"]).get(
        PDF, {"unit": bidang.pk, "tahun": 2027, "nomor": 0}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "penetapan_predikat_2027_0_BKPSDM-IPKP.pdf" in response["Content-Disposition"]
    teks = " ".join(pdftotext(response.content).split())
    assert "PENETAPAN PREDIKAT KINERJA" in teks
    assert "Bidang Informasi, Pengembangan Karier" in teks
    assert "BAIK" in teks and "Capaian Perjanjian Kinerja 2027: 96 %" in teks
    assert "Sekar Satiti" in teks and "19910611 201206 2 001" in teks
    baris_sekar = next(line for line in pdftotext(response.content).splitlines() if "Sekar Satiti" in line)
    assert "Butuh Perbaikan" in baris_sekar  # Sekar is the third of the team: Butuh Perbaikan
    assert "Kebumen" in teks and "Bawono Andi Widodo" in teks and "NIP. 19810302 199912 1 001" in teks
    assert teks.index("Dimas") < teks.index("Rina") < teks.index("Sekar") < teks.index("Yoga")  # by name


def test_penetapan_document_content_without_poppler(cast, demo, units, periode, client_as, monkeypatch):
    """The same document read as the HTML WeasyPrint receives (where poppler-utils is not installed)."""
    from kinerja.dokumen import pdf_penetapan

    html = []
    monkeypatch.setattr(
        pdf_penetapan, "render_pdf", lambda t, c: html.append(render_to_string(t, c)) or b"%PDF"
    )
    bidang = units["BKPSDM-IPKP"]
    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=bidang, periode=periode, capaian="kurang", dasar="Capaian rencana aksi triwulan I: 40 %"
    )
    jadwal = periode.jadwal_set.get(nomor=1)
    CapaianKinerjaOrganisasi.objects.filter(unit_kerja=bidang).update(jadwal=jadwal)
    _nilai_tim(demo, [SB, B, BP, K], final=True, jadwal=jadwal)
    response = client_as(cast["analis_sdm"]).get(PDF, {"unit": bidang.pk, "tahun": 2027, "nomor": 1})
    assert response.content == b"%PDF"
    [doc] = html
    assert "PENETAPAN PREDIKAT KINERJA" in doc and "Triwulan I 2027" in doc
    assert "Bidang Informasi, Pengembangan Karier" in doc and "KURANG" in doc and "40 %" in doc
    sekar = doc.split("Sekar Satiti")[1].split("</tr>")[0]
    assert "19910611 201206 2 001" in sekar and "Butuh Perbaikan" in sekar
    assert "paling sedikit 60 % pegawai berpredikat Kurang/Misconduct" in doc
    assert "NIP. 19810302 199912 1 001" in doc and "Kebumen" in doc


def test_penetapan_pdf_lists_deviations_and_drafts(cast, demo, units, periode, client_as):
    bidang = units["BKPSDM-IPKP"]
    CapaianKinerjaOrganisasi.objects.create(unit_kerja=bidang, periode=periode, capaian="istimewa")
    _nilai_tim(demo, [SB, SB, SB, SB])  # drafts, 100 % Sangat Baik
    response = client_as(cast["pejabat_penilai"]).get(PDF, {"unit": bidang.pk, "tahun": 2027, "nomor": 0})
    teks = " ".join(pdftotext(response.content).split())
    assert "paling banyak 70 % pegawai berpredikat Sangat Baik" in teks
    assert "sedikitnya 2 pegawai perlu berubah predikat" in teks
    assert "Termasuk 4 predikat yang belum final" in teks
