"""Receipt and keberatan services: every (state, action, role) of TRANSISI_KEBERATAN, the deadline,
and the refusals that must leave everything as it was (PP 30/2019 Pasal 59; decision d)."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kinerja.aturan import Predikat, RatingKerja
from kinerja.core.models import Notifikasi
from kinerja.penilaian import keberatan as svc
from kinerja.penilaian.models import Keberatan, PengaturanPenilaian, Penilaian, RiwayatPenilaian
from kinerja.penilaian.workflow import (
    TRANSISI_KEBERATAN,
    AksiKeberatan,
    PeranKeberatan,
    StatusKeberatan,
    WorkflowError,
)

from .factories import penilaian_dengan, skp_disetujui

SEKAR = "199106112012062001"
WIB = ZoneInfo("Asia/Jakarta")
DI_ATAS, SESUAI = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI

# who plays each part for Sekar's penilaian; "lain" is a user with no part (the admin instansi)
PELAKU = {
    PeranKeberatan.PEGAWAI: "pegawai",
    PeranKeberatan.PENILAI: "pejabat_penilai",
    PeranKeberatan.ATASAN: "atasan_pejabat_penilai",
    "lain": "analis_sdm",
}


def _wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def penilaian(demo):
    """Sekar's final annual penilaian (Sesuai/Sesuai = Baik), received just now."""
    return penilaian_dengan(skp_disetujui(demo[SEKAR]), final=True, diterima=timezone.now())


def _keberatan(penilaian, status=StatusKeberatan.DIAJUKAN, **fields) -> Keberatan:
    selesai = StatusKeberatan(status).selesai
    return Keberatan.objects.create(
        penilaian=penilaian,
        atasan=penilaian.atasan_pejabat_penilai,
        alasan="Bukti dukung saya belum dipertimbangkan.",
        status=status,
        rating_hasil_kerja_semula=penilaian.rating_hasil_kerja,
        rating_perilaku_semula=penilaian.rating_perilaku,
        predikat_semula=penilaian.predikat,
        diputuskan_pada=timezone.now() if selesai else None,
        **fields,
    )


def _keadaan(penilaian) -> tuple:
    """Everything a refused action must leave untouched."""
    return (
        list(Keberatan.objects.filter(penilaian=penilaian).values()),
        list(Penilaian.objects.filter(pk=penilaian.pk).values()),
        RiwayatPenilaian.objects.filter(penilaian=penilaian).count(),
        Notifikasi.objects.count(),
    )


def _fresh(k: Keberatan) -> Keberatan:
    return Keberatan.objects.select_related("penilaian__pegawai", "atasan").get(pk=k.pk)


def test_cast_plays_the_expected_parts(demo, cast, penilaian):
    assert penilaian.pejabat_penilai.user == cast["pejabat_penilai"]
    assert penilaian.atasan_pejabat_penilai.user == cast["atasan_pejabat_penilai"]
    assert svc.peran_keberatan(penilaian, cast["analis_sdm"]) == set()


CASES = list(itertools.product(StatusKeberatan, AksiKeberatan, PELAKU))


@pytest.mark.parametrize(("status", "aksi", "peran"), CASES, ids=[f"{s}-{a}-{p}" for s, a, p in CASES])
def test_every_state_action_and_role(cast, penilaian, status, aksi, peran):
    k = _keberatan(penilaian, status)
    user = cast[PELAKU[peran]]
    langkah = TRANSISI_KEBERATAN.get((status, aksi))
    boleh = langkah is not None and langkah[0] == peran
    sebelum = _keadaan(penilaian)
    kwargs = {"teks": "Uraian yang cukup jelas.", "rating_hasil_kerja": DI_ATAS, "rating_perilaku": DI_ATAS}
    if boleh:
        svc.jalankan(_fresh(k), aksi, by=user, **kwargs)
        k.refresh_from_db()
        assert k.status == langkah[1]
        assert RiwayatPenilaian.objects.filter(penilaian=penilaian, aksi=svc.RIWAYAT_AKSI[aksi]).exists()
        assert Notifikasi.objects.count() > sebelum[3]
    else:
        with pytest.raises(WorkflowError):
            svc.jalankan(_fresh(k), aksi, by=user, **kwargs)
        assert _keadaan(penilaian) == sebelum


def test_filing_keeps_the_ratings_and_notifies_atasan_and_penilai(cast, penilaian):
    k = svc.ajukan_keberatan(penilaian, "  Capaian saya melampaui target.  ", cast["pegawai"])
    assert (k.status, k.alasan, k.atasan_id) == (
        StatusKeberatan.DIAJUKAN,
        "Capaian saya melampaui target.",
        penilaian.atasan_pejabat_penilai_id,
    )
    assert (k.rating_hasil_kerja_semula, k.rating_perilaku_semula, k.predikat_semula) == (
        SESUAI,
        SESUAI,
        Predikat.BAIK,
    )
    penerima = set(Notifikasi.objects.values_list("user", flat=True))
    assert penerima == {cast["atasan_pejabat_penilai"].pk, cast["pejabat_penilai"].pk}
    assert (
        RiwayatPenilaian.objects.get(penilaian=penilaian, aksi="keberatan_diajukan").oleh == cast["pegawai"]
    )


@pytest.mark.parametrize(
    ("alasan", "pelaku", "pesan"),
    [
        ("   ", "pegawai", "Alasan keberatan wajib diisi"),
        ("Alasan", "pejabat_penilai", "Hanya pegawai yang dinilai"),
        ("Alasan", "atasan_pejabat_penilai", "Hanya pegawai yang dinilai"),
        ("Alasan", "analis_sdm", "Hanya pegawai yang dinilai"),
    ],
)
def test_filing_refused_changes_nothing(cast, penilaian, alasan, pelaku, pesan):
    sebelum = _keadaan(penilaian)
    with pytest.raises(WorkflowError, match=pesan):
        svc.ajukan_keberatan(penilaian, alasan, cast[pelaku])
    assert _keadaan(penilaian) == sebelum


def test_second_keberatan_refused(cast, penilaian):
    svc.ajukan_keberatan(penilaian, "Pertama", cast["pegawai"])
    sebelum = _keadaan(penilaian)
    with pytest.raises(WorkflowError, match="sudah pernah diajukan"):
        svc.ajukan_keberatan(penilaian, "Kedua", cast["pegawai"])
    assert _keadaan(penilaian) == sebelum


def test_keberatan_before_receipt_or_on_a_draft_refused(cast, demo):
    skp = skp_disetujui(demo[SEKAR])
    belum_diterima = penilaian_dengan(skp, final=True)
    with pytest.raises(WorkflowError, match="Konfirmasi penerimaan"):
        svc.ajukan_keberatan(belum_diterima, "Alasan", cast["pegawai"])
    draf = penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.first(), diterima=timezone.now())
    with pytest.raises(WorkflowError, match="sudah final"):
        svc.ajukan_keberatan(draf, "Alasan", cast["pegawai"])
    assert not Keberatan.objects.exists()


@pytest.mark.parametrize(
    ("hari_setting", "hari_ke", "boleh"),
    [(None, 14, True), (None, 15, False), (7, 7, True), (7, 8, False), (None, 0, True)],
)
def test_deadline_counts_calendar_days_from_receipt(cast, demo, time_machine, hari_setting, hari_ke, boleh):
    sekar = demo[SEKAR]
    if hari_setting is not None:
        PengaturanPenilaian.objects.create(instansi=sekar.instansi, batas_keberatan_hari=hari_setting)
    diterima = _wib(2027, 3, 1, 16, 45)
    p = penilaian_dengan(skp_disetujui(sekar), final=True, diterima=diterima)
    time_machine.move_to(_wib(2027, 3, 1, 23, 59) + timedelta(days=hari_ke), tick=False)
    if boleh:
        assert svc.ajukan_keberatan(p, "Alasan", cast["pegawai"]).pk
    else:
        batas = (diterima + timedelta(days=hari_setting or 14)).strftime("%-d")
        with pytest.raises(WorkflowError, match=f"telah lewat pada {batas} Maret 2027"):
            svc.ajukan_keberatan(p, "Alasan", cast["pegawai"])
        assert not Keberatan.objects.exists()


def test_receipt_once_by_the_pegawai_only_on_a_final_penilaian(cast, demo):
    skp = skp_disetujui(demo[SEKAR])
    p = penilaian_dengan(skp, final=True)
    for pelaku in ("pejabat_penilai", "atasan_pejabat_penilai", "analis_sdm"):
        with pytest.raises(WorkflowError, match="Hanya pegawai"):
            svc.konfirmasi_penerimaan(p, cast[pelaku])
    p.refresh_from_db()
    assert p.diterima_pada is None
    svc.konfirmasi_penerimaan(p, cast["pegawai"])
    p.refresh_from_db()
    pertama = p.diterima_pada
    assert pertama is not None
    riwayat = RiwayatPenilaian.objects.get(penilaian=p, aksi="diterima")
    assert riwayat.oleh == cast["pegawai"] and "keberatan dapat diajukan sampai" in riwayat.catatan
    with pytest.raises(WorkflowError, match="sudah dikonfirmasi"):
        svc.konfirmasi_penerimaan(p, cast["pegawai"])
    p.refresh_from_db()
    assert p.diterima_pada == pertama
    draf = penilaian_dengan(skp, jadwal=skp.periode.jadwal_set.first())
    with pytest.raises(WorkflowError, match="belum final"):
        svc.konfirmasi_penerimaan(draf, cast["pegawai"])


def test_change_of_ratings_recomputes_the_predikat_and_records_old_and_new(cast, penilaian):
    k = svc.ajukan_keberatan(penilaian, "Alasan", cast["pegawai"])
    Notifikasi.objects.all().delete()
    svc.ubah(
        _fresh(k),
        DI_ATAS,
        DI_ATAS,
        "Bukti dukung membuktikan capaian di atas target.",
        cast["atasan_pejabat_penilai"],
    )
    penilaian.refresh_from_db()
    k.refresh_from_db()
    assert (penilaian.rating_hasil_kerja, penilaian.rating_perilaku, penilaian.predikat) == (
        DI_ATAS,
        DI_ATAS,
        Predikat.SANGAT_BAIK,
    )
    assert penilaian.final
    assert k.status == StatusKeberatan.DIUBAH and k.diputuskan_oleh == cast["atasan_pejabat_penilai"]
    assert k.predikat_semula == Predikat.BAIK
    r = RiwayatPenilaian.objects.get(penilaian=penilaian, aksi="keberatan_diubah")
    assert r.data["semula"]["predikat"] == "baik" and r.data["menjadi"]["predikat"] == "sangat_baik"
    penerima = set(Notifikasi.objects.values_list("user", flat=True))
    assert penerima == {cast["pegawai"].pk, cast["pejabat_penilai"].pk}
    assert penilaian.history.count() >= 2  # the change is in the model history as well


@pytest.mark.parametrize(
    ("hasil", "perilaku", "teks", "pesan"),
    [
        (SESUAI, SESUAI, "Pertimbangan", "sama dengan hasil evaluasi semula"),
        ("", SESUAI, "Pertimbangan", "rating hasil kerja"),
        (DI_ATAS, "luar_biasa", "Pertimbangan", "rating perilaku kerja"),
        (DI_ATAS, DI_ATAS, "  ", "Pertimbangan keputusan wajib diisi"),
    ],
)
def test_bad_change_refused_changes_nothing(cast, penilaian, hasil, perilaku, teks, pesan):
    k = _keberatan(penilaian)
    sebelum = _keadaan(penilaian)
    with pytest.raises(WorkflowError, match=pesan):
        svc.ubah(_fresh(k), hasil, perilaku, teks, cast["atasan_pejabat_penilai"])
    assert _keadaan(penilaian) == sebelum


def test_explanations_once_each_then_decision_is_final(cast, penilaian):
    k = svc.ajukan_keberatan(penilaian, "Alasan", cast["pegawai"])
    svc.minta_penjelasan(_fresh(k), "Mohon jelaskan dasar rating.", cast["atasan_pejabat_penilai"])
    svc.jelaskan(_fresh(k), "Rating berdasar bukti dukung.", cast["pejabat_penilai"])
    with pytest.raises(WorkflowError, match="sudah disampaikan"):
        svc.jelaskan(_fresh(k), "Tambahan", cast["pejabat_penilai"])
    svc.jelaskan(_fresh(k), "Bukti saya lengkap.", cast["pegawai"])
    svc.kuatkan(_fresh(k), "Penilaian sudah sesuai bukti.", cast["atasan_pejabat_penilai"])
    k.refresh_from_db()
    assert (k.penjelasan_penilai, k.penjelasan_pegawai, k.status) == (
        "Rating berdasar bukti dukung.",
        "Bukti saya lengkap.",
        StatusKeberatan.DIKUATKAN,
    )
    sebelum = _keadaan(penilaian)
    with pytest.raises(WorkflowError, match="bersifat final"):
        svc.ubah(_fresh(k), DI_ATAS, DI_ATAS, "Berubah pikiran", cast["atasan_pejabat_penilai"])
    assert _keadaan(penilaian) == sebelum
    aksi = list(RiwayatPenilaian.objects.filter(penilaian=penilaian).values_list("aksi", flat=True))
    assert aksi == [
        "keberatan_diajukan",
        "keberatan_klarifikasi",
        "penjelasan_penilai",
        "penjelasan_pegawai",
        "keberatan_dikuatkan",
    ]


def test_stale_keberatan_cannot_be_decided_twice(cast, penilaian):
    k = _keberatan(penilaian)
    a, b = _fresh(k), _fresh(k)
    svc.kuatkan(a, "Pertama", cast["atasan_pejabat_penilai"])
    with pytest.raises(WorkflowError):
        svc.ubah(b, DI_ATAS, DI_ATAS, "Kedua", cast["atasan_pejabat_penilai"])
    penilaian.refresh_from_db()
    assert penilaian.predikat == Predikat.BAIK
