"""The penilaian sections of the dashboard: my results, my team per period, keberatan to decide, and the
instansi's completion per top-level unit; a fixed number of queries each; nothing for other roles."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kinerja.aturan import RatingKerja
from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.pelaksanaan.dashboard import tautan
from kinerja.pelaksanaan.models import Realisasi
from kinerja.penilaian.dashboard import hasil_saya, keberatan_menunggu, penilaian_instansi, penilaian_tim_saya
from kinerja.penilaian.models import Keberatan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import StatusKeberatan
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode

WIB = ZoneInfo("Asia/Jakarta")
A, S = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI
NIP = {
    "amirudin": "196804241998031011",
    "sri": "197505102000032002",
    "bawono": "198103021999121001",
    "sekar": "199106112012062001",
    "dimas": "199503142019031004",
    "rina": "199708222020122003",
    "yoga": "200001052025011001",
}


@pytest.fixture
def data(demo):
    """Bawono's team: Sekar (period 1 filled in and final, annual final Sangat Baik, not yet received),
    Dimas (period 1 rated as a draft; annual final Baik, received), Rina (nothing). Sri's SKP is approved
    and her annual penilaian is final (Baik). Sekar objects to her period-1 result."""
    o = {k: demo[nip] for k, nip in NIP.items()}
    skp = {k: skp_disetujui(o[k], utama=1, tambahan=1) for k in ("sekar", "dimas", "rina", "sri")}
    satu = JadwalPeriode.objects.get(periode=skp["sekar"].periode, nomor=1)
    Realisasi.objects.bulk_create(
        Realisasi(indikator=i, jadwal=satu)
        for i in IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp["sekar"])
    )
    o["p1_sekar"] = penilaian_dengan(skp["sekar"], jadwal=satu, final=True, diterima=timezone.now())
    penilaian_dengan(skp["dimas"], jadwal=satu)
    o["tahunan_sekar"] = penilaian_dengan(skp["sekar"], hasil=A, perilaku=A, final=True)
    penilaian_dengan(skp["dimas"], final=True, diterima=timezone.now())
    penilaian_dengan(skp["sri"], final=True)
    Keberatan.objects.create(penilaian=o["p1_sekar"], atasan=o["amirudin"], alasan="Tidak sesuai")
    return o


def _pada(time_machine, *args):
    time_machine.move_to(datetime(*args, 9, tzinfo=WIB), tick=False)


@pytest.mark.django_db
def test_my_results_latest_first_with_receipt_to_confirm(data, django_assert_num_queries):
    akses = akses_of(data["sekar"].user)
    with django_assert_num_queries(1):
        bagian = hasil_saya(akses)
    tahunan, periode_1 = bagian.items
    assert tahunan.teks.startswith("Predikat tahunan 2027: Sangat Baik. Konfirmasi")
    assert tahunan.tingkat == "warning" and tahunan.url == tautan("penilaian:hasil", data["tahunan_sekar"].pk)
    assert periode_1.teks == "Predikat periode ke-1 tahun 2027: Baik" and periode_1.tingkat == "success"
    assert hasil_saya(akses_of(data["rina"].user)) is None


@pytest.mark.django_db
def test_penilai_sees_each_period_of_the_team(data, time_machine, django_assert_num_queries):
    _pada(time_machine, 2027, 4, 3)
    akses = akses_of(data["bawono"].user)
    with django_assert_num_queries(4):  # has a team (cached on akses), the periods, a count per period
        bagian = penilaian_tim_saya(akses)
    dua, satu = bagian.items
    assert dua.teks == (
        "Periode ke-2 tahun 2027: 0 dari 3 pegawai mengisi realisasi lengkap, 0 dinilai, 0 final."
    )
    assert dua.tingkat == "info" and dua.jumlah == 3
    assert (
        satu.teks
        == "Periode ke-1 tahun 2027: 1 dari 3 pegawai mengisi realisasi lengkap, 2 dinilai, 1 final."
    )
    assert satu.tingkat == "warning" and satu.jumlah == 2
    assert satu.url == tautan("penilaian:tim", query="tahun=2027&nomor=1")
    assert penilaian_tim_saya(akses_of(data["sekar"].user)) is None  # rates nobody


@pytest.mark.django_db
def test_after_the_last_period_the_annual_evaluation_shows(data, time_machine):
    _pada(time_machine, 2028, 1, 10)
    items = penilaian_tim_saya(akses_of(data["bawono"].user)).items
    assert [i.teks.split(":")[0] for i in items] == [
        "Periode ke-4 tahun 2027",
        "Periode ke-3 tahun 2027",
        "Penilaian tahunan 2027",
    ]
    assert items[2].teks == "Penilaian tahunan 2027: 2 dari 3 pegawai dinilai, 2 final."


@pytest.mark.django_db
def test_keberatan_for_the_atasan_to_decide_and_the_penilai_to_explain(data, django_assert_num_queries):
    akses = akses_of(data["amirudin"].user)
    with django_assert_num_queries(1):
        bagian = keberatan_menunggu(akses)
    assert [(i.teks, i.jumlah) for i in bagian.items] == [("Keberatan menunggu keputusan Anda", 1)]
    assert keberatan_menunggu(akses_of(data["bawono"].user)) is None
    Keberatan.objects.update(status=StatusKeberatan.KLARIFIKASI)
    assert [i.teks for i in keberatan_menunggu(akses_of(data["bawono"].user)).items] == [
        "Keberatan menunggu penjelasan Anda"
    ]
    Keberatan.objects.update(status=StatusKeberatan.DIKUATKAN)
    assert keberatan_menunggu(akses_of(data["amirudin"].user)) is None
    assert keberatan_menunggu(akses_of(data["sekar"].user)) is None


@pytest.mark.django_db
def test_instansi_completion_per_top_unit_and_distribution(
    cast, data, time_machine, django_assert_num_queries
):
    _pada(time_machine, 2028, 1, 10)  # the latest evaluation ended: the annual one of 2027
    for role in ("analis_sdm", "pimpinan"):
        akses = akses_of(cast[role])
        with django_assert_num_queries(4):  # the evaluation, the units, SKP per unit, penilaian per unit
            bagian = penilaian_instansi(akses)
        assert bagian.judul == "Penilaian kinerja instansi: Penilaian tahunan 2027"
        teks = [i.teks for i in bagian.items]
        assert teks == [
            "Penilaian final: 3 dari 4 pegawai (75,0%)",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia: 3 dari 4 final (75,0%)",
            "Sebaran predikat: Sangat Baik 1 · Baik 2 · Butuh Perbaikan 0 · Kurang/Misconduct 0 · "
            "Sangat Kurang 0",
        ]
        bkpsdm = UnitKerja.objects.get(kode="BKPSDM").pk
        assert bagian.items[1].url == f"{tautan('penilaian:rekap')}?tahun=2027&nomor=0&unit={bkpsdm}"
    assert penilaian_instansi(akses_of(cast["pegawai"])) is None
    assert penilaian_instansi(akses_of(cast["pejabat_penilai"])) is None


@pytest.mark.django_db
def test_instansi_section_in_a_period_and_before_any_period_ended(cast, data, time_machine):
    _pada(time_machine, 2027, 4, 20)
    bagian = penilaian_instansi(akses_of(cast["analis_sdm"]))
    assert bagian.judul.endswith("Periode ke-1 tahun 2027")
    assert bagian.items[0].teks == "Penilaian final: 1 dari 4 pegawai (25,0%)"
    _pada(time_machine, 2027, 1, 20)
    bagian = penilaian_instansi(akses_of(cast["analis_sdm"]))
    assert bagian.items == [] and bagian.kosong == "Belum ada periode penilaian yang berakhir."


@pytest.mark.django_db
def test_many_top_units_keep_the_same_queries(cast, data, time_machine, django_assert_num_queries):
    _pada(time_machine, 2028, 1, 10)
    sekar = data["sekar"]
    for i in range(10):
        unit = UnitKerja.objects.create(instansi=sekar.instansi, kode=f"OPD{i}", nama=f"Dinas {i:02d}")
        p = Pegawai.objects.create(
            instansi=sekar.instansi,
            unit_kerja=unit,
            jabatan=sekar.jabatan,
            nama=f"Tambahan {i}",
            nip=f"19900101201401{1 + i % 2}{i + 700:03d}",
            status="pns",
            pejabat_penilai=data["bawono"],
        )
        skp_disetujui(p, utama=1, tambahan=0)
    akses = akses_of(cast["analis_sdm"])
    with django_assert_num_queries(4):
        bagian = penilaian_instansi(akses)
    assert len(bagian.items) == 1 + 8 + 1 + 1  # total, 8 units (least complete first), "… dan 3 unit lainnya"
    assert bagian.items[1].teks == "Dinas 00: 0 dari 1 final (0,0%)"
    assert bagian.items[-2].teks == "… dan 3 unit lainnya"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["pegawai", "pejabat_penilai", "atasan_pejabat_penilai", "analis_sdm", "pimpinan"]
)
def test_dashboard_page_renders_for_each_role(cast, data, client_as, time_machine, role):
    _pada(time_machine, 2028, 1, 10)
    assert client_as(cast[role]).get("/").status_code == 200
