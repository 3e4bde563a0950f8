"""Finalising a pejabat penilai's team: the distribution against the capaian's pattern (decision a),
the justification, the strict mode, drafts left behind, notifications, and no double finalisation."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kinerja.aturan import CapaianOrganisasi, Predikat, RatingKerja
from kinerja.core.models import Notifikasi
from kinerja.penilaian import services
from kinerja.penilaian.models import JustifikasiDistribusi, PengaturanPenilaian, Penilaian, RiwayatPenilaian
from kinerja.penilaian.workflow import StatusPenilaian, WorkflowError

from .factories import penilaian_dengan, skp_disetujui
from .test_nilai_services import BAWONO, capaian, pada

A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI


@pytest.fixture
def akhir_tahun(time_machine):
    """Mid-December 2027: every period of the test year has started."""
    pada(time_machine, date(2027, 12, 15))


TIM = ["199503142019031004", "199708222020122003", "199106112012062001", "200001052025011001"]  # Bawono's
ALASAN = "Seluruh anggota tim melampaui target rencana aksi triwulan ini."


@pytest.fixture
def tim(demo, akhir_tahun):
    """Bawono's four team members, each with an approved 2027 SKP."""
    return [skp_disetujui(demo[nip]) for nip in TIM]


def nilai_tim(tim, ratings, *, jadwal=None, final=()):
    """One annual penilaian per SKP with (hasil, perilaku); `final` = indexes already final."""
    return [
        penilaian_dengan(skp, jadwal=jadwal, hasil=h, perilaku=p, final=i in final)
        for i, (skp, (h, p)) in enumerate(zip(tim, ratings, strict=True))
    ]


def finalisasi(demo, cast, tim, *, jadwal=None, alasan=""):
    return services.finalisasi_tim(
        demo[BAWONO], tim[0].periode, jadwal, alasan=alasan, by=cast["pejabat_penilai"]
    )


def keadaan():
    return (
        sorted(Penilaian.objects.values_list("pk", "status", "difinalisasi_pada")),
        JustifikasiDistribusi.objects.count(),
        Notifikasi.objects.count(),
        RiwayatPenilaian.objects.count(),
    )


SEMUA_BAIK = [(S, S)] * 4


def test_fitting_distribution_is_finalised_and_each_pegawai_notified(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)  # at most 70 % Sangat Baik: 4 × Baik fits
    dinilai = nilai_tim(tim, SEMUA_BAIK)
    hasil = finalisasi(demo, cast, tim)
    assert {p.pk for p in hasil} == {p.pk for p in dinilai}
    for p in Penilaian.objects.all():
        assert p.status == StatusPenilaian.FINAL and p.difinalisasi_pada is not None
        assert p.riwayat_set.get().aksi == "finalisasi"
    assert not JustifikasiDistribusi.objects.exists()
    pesan = {n.user.pegawai.nip: n for n in Notifikasi.objects.select_related("user__pegawai")}
    assert set(pesan) == set(TIM)
    sekar = Penilaian.objects.get(pegawai__nip=TIM[2])
    assert pesan[TIM[2]].url == reverse("penilaian:hasil", args=[sekar.pk])
    assert "telah ditetapkan" in pesan[TIM[2]].judul and "Baik" in pesan[TIM[2]].pesan


def test_deviating_distribution_is_finalised_with_a_justification(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)  # needs someone Butuh Perbaikan or Kurang
    nilai_tim(tim, SEMUA_BAIK)
    finalisasi(demo, cast, tim, alasan=f"  {ALASAN}  ")
    assert not Penilaian.objects.filter(status=StatusPenilaian.DRAF).exists()
    j = JustifikasiDistribusi.objects.get()
    assert (j.pejabat_penilai, j.periode, j.jadwal, j.capaian_organisasi) == (
        demo[BAWONO],
        tim[0].periode,
        None,
        "baik",
    )
    assert j.alasan == ALASAN and j.dibuat_oleh == cast["pejabat_penilai"]
    assert {tuple(p["predikat"]) for p in j.pelanggaran} == {("baik",), ("butuh_perbaikan", "kurang")}


@pytest.mark.parametrize("alasan", ["", "Terlalu singkat", " " * 30])
def test_deviating_distribution_without_justification_is_refused(demo, cast, tim, alasan):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    nilai_tim(tim, SEMUA_BAIK)
    sebelum = keadaan()
    with pytest.raises(WorkflowError, match="paling sedikit 20 karakter"):
        finalisasi(demo, cast, tim, alasan=alasan)
    assert keadaan() == sebelum


def test_strict_mode_refuses_a_deviation_even_with_a_justification(demo, cast, tim):
    PengaturanPenilaian.objects.create(instansi=demo[BAWONO].instansi, distribusi_ketat=True)
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    nilai_tim(tim, SEMUA_BAIK)
    sebelum = keadaan()
    with pytest.raises(WorkflowError, match="tidak mengizinkan penyimpangan") as e:
        finalisasi(demo, cast, tim, alasan=ALASAN)
    assert "harus ada pegawai berpredikat Butuh Perbaikan" in str(e.value)
    assert keadaan() == sebelum


def test_strict_mode_finalises_a_fitting_distribution(demo, cast, tim):
    PengaturanPenilaian.objects.create(instansi=demo[BAWONO].instansi, distribusi_ketat=True)
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.BAIK)
    nilai_tim(tim, [(S, S), (S, S), (B, S), (A, A)])  # 2 Baik (50 %), 1 Butuh Perbaikan, 1 Sangat Baik
    assert len(finalisasi(demo, cast, tim)) == 4


def test_without_capaian_finalisation_is_refused(demo, cast, tim):
    nilai_tim(tim, SEMUA_BAIK)
    sebelum = keadaan()
    with pytest.raises(WorkflowError, match="Tetapkan capaian"):
        finalisasi(demo, cast, tim, alasan=ALASAN)
    assert keadaan() == sebelum


def test_the_capaian_of_the_unit_above_applies_when_the_unit_has_none(demo, cast, tim):
    capaian("BKPSDM", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, SEMUA_BAIK)
    assert len(finalisasi(demo, cast, tim)) == 4


def test_drafts_without_predikat_stay_draft(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    dinilai = nilai_tim(tim, [(S, S), (A, A), (S, None), (None, None)])
    hasil = finalisasi(demo, cast, tim)
    assert {p.pk for p in hasil} == {dinilai[0].pk, dinilai[1].pk}
    assert set(Penilaian.objects.filter(status=StatusPenilaian.DRAF).values_list("pk", flat=True)) == {
        dinilai[2].pk,
        dinilai[3].pk,
    }
    assert Notifikasi.objects.count() == 2


def test_nothing_to_finalise_is_refused(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, [(S, None)] * 4)
    with pytest.raises(WorkflowError, match="Belum ada penilaian"):
        finalisasi(demo, cast, tim)


def test_the_distribution_counts_penilaian_already_final(demo, cast, tim):
    """Three already final Sangat Baik + one draft Sangat Baik: 100 % > 70 % under Istimewa."""
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, [(A, A)] * 4, final=(0, 1, 2))
    with pytest.raises(WorkflowError, match="menyimpang"):
        finalisasi(demo, cast, tim)
    hasil = finalisasi(demo, cast, tim, alasan=ALASAN)
    assert [p.pegawai.nip for p in hasil] == [TIM[3]]
    assert JustifikasiDistribusi.objects.get().pelanggaran[0]["jumlah"] == 4


def test_periodic_finalisation_reads_the_periodic_capaian(demo, cast, tim):
    triwulan = tim[0].periode.jadwal_set.get(nomor=2)
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)  # annual: does not apply
    nilai_tim(tim, SEMUA_BAIK, jadwal=triwulan)
    with pytest.raises(WorkflowError, match="belum ditetapkan"):
        finalisasi(demo, cast, tim, jadwal=triwulan)
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA, jadwal=triwulan)
    assert len(finalisasi(demo, cast, tim, jadwal=triwulan)) == 4
    notif = Notifikasi.objects.first()
    assert "Triwulan II 2027" in notif.judul


def test_a_second_finalisation_finds_nothing_left(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, SEMUA_BAIK)
    finalisasi(demo, cast, tim)
    sebelum = keadaan()
    with pytest.raises(WorkflowError):
        finalisasi(demo, cast, tim)
    assert keadaan() == sebelum


def test_a_concurrent_finalisation_cannot_double_finalise(demo, cast, tim, monkeypatch):
    """Another request finalises one penilaian between the read and the update: the compare-and-swap
    sees fewer rows than it read and the whole finalisation is rolled back."""
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    dinilai = nilai_tim(tim, SEMUA_BAIK)
    asli = services.ringkasan_tim

    def balapan(*args, **kwargs):
        Penilaian.objects.filter(pk=dinilai[0].pk).update(status=StatusPenilaian.FINAL)
        return asli(*args, **kwargs)

    monkeypatch.setattr(services, "ringkasan_tim", balapan)
    with pytest.raises(WorkflowError, match="Muat ulang"):
        finalisasi(demo, cast, tim)
    assert Penilaian.objects.filter(status=StatusPenilaian.FINAL).count() == 0  # rolled back, race included
    assert not Notifikasi.objects.exists() and not RiwayatPenilaian.objects.exists()


@pytest.mark.parametrize("role", ["pegawai", "atasan_pejabat_penilai", "analis_sdm", "superadmin"])
def test_only_the_penilai_finalises_their_team(demo, cast, tim, role):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, SEMUA_BAIK)
    sebelum = keadaan()
    with pytest.raises(PermissionDenied):
        services.finalisasi_tim(demo[BAWONO], tim[0].periode, None, by=cast[role])
    assert keadaan() == sebelum


def test_finalised_predikat_are_what_the_team_page_counts(demo, cast, tim):
    capaian("BKPSDM-IPKP", tim[0], CapaianOrganisasi.ISTIMEWA)
    nilai_tim(tim, [(A, A), (S, S), (S, S), (B, B)])
    _capaian, ringkasan = services.ringkasan_tim(demo[BAWONO], tim[0].periode, None)
    assert {b.predikat: b.jumlah for b in ringkasan.batang if b.jumlah} == {
        Predikat.SANGAT_BAIK: 1,
        Predikat.BAIK: 2,
        Predikat.SANGAT_KURANG: 1,
    }
