"""Opening and rating a penilaian: every predikat of the matrix, the pimpinan of a unit (decision f), the
suggested rating hasil kerja, and refusals that change nothing."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.aturan import CapaianOrganisasi, Predikat, RatingKerja
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian import services
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, Penilaian, PenilaianRhk, RiwayatPenilaian
from kinerja.penilaian.workflow import StatusPenilaian, WorkflowError
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

from .factories import skp_disetujui

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
WIB = ZoneInfo("Asia/Jakarta")
A, S, B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI


def pada(time_machine, hari: date) -> None:
    time_machine.move_to(datetime(hari.year, hari.month, hari.day, 9, 0, tzinfo=WIB), tick=False)


@pytest.fixture
def akhir_tahun(time_machine):
    """Mid-December 2027: every period of the test year has started, the annual penilaian may open."""
    pada(time_machine, date(2027, 12, 15))


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


def jadwal(skp, nomor):
    return skp.periode.jadwal_set.get(nomor=nomor)


def capaian(kode: str, skp, nilai: CapaianOrganisasi, jadwal=None) -> CapaianKinerjaOrganisasi:
    return CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=UnitKerja.objects.get(kode=kode), periode=skp.periode, jadwal=jadwal, capaian=nilai
    )


def simpan(penilaian, user, *, hasil="", perilaku="", rhk=None, catatan=""):
    return services.simpan_penilaian(
        penilaian,
        rhk_ratings=rhk or {},
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
        catatan=catatan,
        by=user,
    )


def keadaan(penilaian) -> tuple:
    """Everything a refused write must leave as it was."""
    p = Penilaian.objects.get(pk=penilaian.pk)
    return (
        p.status,
        p.rating_hasil_kerja,
        p.rating_perilaku,
        p.predikat,
        p.catatan,
        sorted(PenilaianRhk.objects.filter(penilaian=p).values_list("rhk_id", "rating", "catatan")),
        RiwayatPenilaian.objects.filter(penilaian=p).count(),
    )


# --- buka_penilaian -------------------------------------------------------------------------------


def test_buka_snapshots_the_penilai_and_the_atasan(demo, cast, skp, akhir_tahun):
    p = services.buka_penilaian(skp, jadwal(skp, 1), cast["pejabat_penilai"])
    assert (p.pegawai, p.periode, p.unit_kerja, p.pejabat_penilai) == (
        demo[SEKAR],
        skp.periode,
        skp.unit_kerja,
        demo[BAWONO],
    )
    assert p.atasan_pejabat_penilai == demo[AMIRUDIN]  # the penilai's own pejabat penilai
    assert p.status == StatusPenilaian.DRAF
    assert list(p.riwayat_set.values_list("aksi", flat=True)) == ["buka"]
    assert services.buka_penilaian(skp, jadwal(skp, 1), cast["pejabat_penilai"]) == p  # get, not create
    assert Penilaian.objects.count() == 1


def test_buka_without_snapshot_takes_the_current_penilai(demo, cast, skp, akhir_tahun):
    skp.pejabat_penilai = None
    skp.save()
    assert services.buka_penilaian(skp, None, cast["pejabat_penilai"]).pejabat_penilai == demo[BAWONO]


@pytest.mark.parametrize(
    ("hari", "nomor", "boleh"),
    [
        (date(2027, 3, 31), 2, False),  # triwulan II starts on 1 April
        (date(2027, 4, 1), 2, True),
        (date(2027, 9, 30), 0, False),  # the annual one: from the start of the last period
        (date(2027, 10, 1), 0, True),
    ],
)
def test_buka_once_the_period_has_started(cast, skp, time_machine, hari, nomor, boleh):
    pada(time_machine, hari)
    j = jadwal(skp, nomor) if nomor else None
    if boleh:
        assert services.buka_penilaian(skp, j, cast["pejabat_penilai"]).jadwal == j
    else:
        with pytest.raises(WorkflowError, match="baru dapat dibuka mulai"):
            services.buka_penilaian(skp, j, cast["pejabat_penilai"])
        assert not Penilaian.objects.exists()


@pytest.mark.parametrize("status", [StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIGANTI])
def test_buka_refuses_an_skp_that_is_not_approved(demo, cast, akhir_tahun, status):
    skp = skp_dengan_status(demo[SEKAR], status)
    with pytest.raises(WorkflowError, match="sudah disetujui"):
        services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    assert not Penilaian.objects.exists()


def test_buka_accepts_an_skp_closed_after_approval(demo, cast, akhir_tahun):
    skp = skp_dengan_status(demo[SEKAR], StatusSkp.DITUTUP, disetujui=datetime(2027, 1, 20, tzinfo=WIB))
    assert services.buka_penilaian(skp, None, cast["pejabat_penilai"]).skp == skp


def test_buka_by_someone_else_is_refused(cast, skp, akhir_tahun):
    for role in ("pegawai", "atasan_pejabat_penilai", "outsider"):
        with pytest.raises(PermissionDenied):
            services.buka_penilaian(skp, None, cast[role])
    assert not Penilaian.objects.exists()


# --- simpan_penilaian: every cell of the matrix ---------------------------------------------------


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        (A, A, Predikat.SANGAT_BAIK),
        (A, S, Predikat.BAIK),
        (A, B, Predikat.KURANG),
        (S, A, Predikat.BAIK),
        (S, S, Predikat.BAIK),
        (S, B, Predikat.KURANG),
        (B, A, Predikat.BUTUH_PERBAIKAN),
        (B, S, Predikat.BUTUH_PERBAIKAN),
        (B, B, Predikat.SANGAT_KURANG),
    ],
)
def test_predikat_follows_the_matrix(cast, skp, akhir_tahun, hasil, perilaku, predikat):
    p = services.buka_penilaian(skp, jadwal(skp, 4), cast["pejabat_penilai"])
    simpan(p, cast["pejabat_penilai"], hasil=hasil, perilaku=perilaku, catatan="  Pertahankan.  ")
    p.refresh_from_db()
    assert (p.rating_hasil_kerja, p.rating_perilaku, p.predikat) == (hasil, perilaku, predikat)
    assert p.catatan == "Pertahankan."
    assert not p.rating_dari_capaian
    assert p.riwayat_set.last().data["predikat"] == predikat


def test_predikat_stays_blank_until_both_ratings_are_set(cast, skp, akhir_tahun):
    p = services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    simpan(p, cast["pejabat_penilai"], hasil=A)
    assert Penilaian.objects.get(pk=p.pk).predikat == ""
    simpan(p, cast["pejabat_penilai"], perilaku=A)
    assert Penilaian.objects.get(pk=p.pk).predikat == ""  # hasil cleared again by the second save
    simpan(p, cast["pejabat_penilai"], hasil=A, perilaku=A)
    assert Penilaian.objects.get(pk=p.pk).predikat == Predikat.SANGAT_BAIK


def test_rhk_judgements_are_stored_updated_and_cleared(cast, skp, akhir_tahun):
    p = services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    rhk = list(skp.rhk_set.order_by("urutan").values_list("pk", flat=True))
    simpan(p, cast["pejabat_penilai"], rhk={rhk[0]: (A, "Melebihi target"), rhk[1]: (S, "")})
    simpan(p, cast["pejabat_penilai"], rhk={rhk[1]: (B, "Terlambat"), rhk[2]: (S, "")})
    assert sorted(p.rhk_set.values_list("rhk_id", "rating", "catatan")) == [
        (rhk[0], A, "Melebihi target"),  # left out of the second save: kept
        (rhk[1], B, "Terlambat"),
        (rhk[2], S, ""),
    ]
    simpan(p, cast["pejabat_penilai"], rhk={rhk[0]: ("", "")})  # "" = not judged any more
    assert not p.rhk_set.filter(rhk_id=rhk[0]).exists()


def test_team_member_keeps_the_capaian_of_the_team(cast, skp, akhir_tahun):
    capaian("BKPSDM-IPKP", skp, CapaianOrganisasi.BAIK)
    p = services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    simpan(p, cast["pejabat_penilai"], hasil=A, perilaku=S)
    p.refresh_from_db()
    assert (p.capaian_organisasi, p.rating_hasil_kerja, p.rating_dari_capaian) == ("baik", A, False)


# --- the pimpinan of a unit (decision f) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "rating", "predikat"),
    [
        (CapaianOrganisasi.ISTIMEWA, A, Predikat.BAIK),
        (CapaianOrganisasi.BAIK, S, Predikat.BAIK),
        (CapaianOrganisasi.BUTUH_PERBAIKAN, B, Predikat.BUTUH_PERBAIKAN),
        (CapaianOrganisasi.KURANG, B, Predikat.BUTUH_PERBAIKAN),
        (CapaianOrganisasi.SANGAT_KURANG, B, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_pimpinan_of_a_unit_is_rated_by_its_capaian(demo, cast, akhir_tahun, nilai, rating, predikat):
    skp = skp_disetujui(demo[BAWONO])  # Kabid: leads BKPSDM-IPKP, rated by the Kepala BKPSDM
    capaian("BKPSDM-IPKP", skp, nilai)
    p = services.buka_penilaian(skp, None, cast["atasan_pejabat_penilai"])
    simpan(p, cast["atasan_pejabat_penilai"], hasil=RatingKerja.DI_BAWAH_EKSPEKTASI, perilaku=S)
    p.refresh_from_db()
    assert p.rating_hasil_kerja == rating  # the form's choice is not used
    assert (p.rating_dari_capaian, p.capaian_organisasi, p.predikat) == (True, nilai, predikat)


def test_pimpinan_without_capaian_is_refused_and_nothing_changes(demo, cast, akhir_tahun):
    skp = skp_disetujui(demo[BAWONO])
    p = services.buka_penilaian(skp, None, cast["atasan_pejabat_penilai"])
    sebelum = keadaan(p)
    rhk = skp.rhk_set.first().pk
    with pytest.raises(ValidationError, match="belum ditetapkan"):
        simpan(p, cast["atasan_pejabat_penilai"], hasil=A, perilaku=A, rhk={rhk: (A, "")})
    assert keadaan(p) == sebelum


def test_periodic_capaian_is_separate_from_the_annual_one(demo, cast, akhir_tahun):
    skp = skp_disetujui(demo[BAWONO])
    capaian("BKPSDM-IPKP", skp, CapaianOrganisasi.ISTIMEWA)  # annual only
    p = services.buka_penilaian(skp, jadwal(skp, 2), cast["atasan_pejabat_penilai"])
    with pytest.raises(ValidationError):
        simpan(p, cast["atasan_pejabat_penilai"], perilaku=S)
    capaian("BKPSDM-IPKP", skp, CapaianOrganisasi.KURANG, jadwal=jadwal(skp, 2))
    simpan(p, cast["atasan_pejabat_penilai"], perilaku=S)
    assert Penilaian.objects.get(pk=p.pk).rating_hasil_kerja == B


# --- refusals change nothing ----------------------------------------------------------------------


@pytest.fixture
def dinilai(cast, skp, akhir_tahun):
    p = services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    rhk = skp.rhk_set.first().pk
    return simpan(p, cast["pejabat_penilai"], hasil=S, perilaku=S, rhk={rhk: (S, "Cukup")}, catatan="Awal")


@pytest.mark.parametrize(
    "role", ["pegawai", "atasan_pejabat_penilai", "analis_sdm", "pimpinan", "superadmin"]
)
def test_only_the_pejabat_penilai_rates(cast, dinilai, role):
    sebelum = keadaan(dinilai)
    with pytest.raises(PermissionDenied):
        simpan(dinilai, cast[role], hasil=A, perilaku=A, catatan="Diubah")
    assert keadaan(dinilai) == sebelum


def test_a_final_penilaian_cannot_change(cast, dinilai):
    Penilaian.objects.filter(pk=dinilai.pk).update(status=StatusPenilaian.FINAL)
    sebelum = keadaan(dinilai)
    dinilai.status = StatusPenilaian.FINAL
    with pytest.raises(WorkflowError, match="sudah difinalisasi tidak dapat diubah"):
        simpan(dinilai, cast["pejabat_penilai"], hasil=A, perilaku=A)
    assert keadaan(dinilai) == sebelum


def test_finalised_meanwhile_is_refused_by_the_status_check(cast, dinilai):
    """The in-memory object is stale (draft) while the row is final: the compare-and-swap refuses."""
    Penilaian.objects.filter(pk=dinilai.pk).update(status=StatusPenilaian.FINAL)
    sebelum = keadaan(dinilai)
    rhk = dinilai.skp.rhk_set.last().pk
    with pytest.raises(WorkflowError):
        simpan(dinilai, cast["pejabat_penilai"], hasil=A, perilaku=A, rhk={rhk: (A, "")})
    assert keadaan(dinilai) == sebelum


@pytest.mark.parametrize(
    "salah",
    [
        {"hasil": "luar_biasa"},
        {"perilaku": "baik"},
        {"rhk": "lain"},  # an RHK of another SKP
        {"rhk": "nilai"},  # an unknown rating for an RHK
        {"rhk": "catatan"},  # a note without a rating
    ],
)
def test_bad_input_is_refused_and_nothing_changes(demo, cast, dinilai, salah):
    sebelum = keadaan(dinilai)
    rhk = dinilai.skp.rhk_set.last().pk
    lain = skp_disetujui(demo["199708222020122003"]).rhk_set.first().pk
    kwargs = {"hasil": A, "perilaku": A, "rhk": {rhk: (A, "")}}
    if "rhk" in salah:
        kwargs["rhk"] = {
            "lain": {lain: (A, "")},
            "nilai": {rhk: ("hebat", "")},
            "catatan": {rhk: ("", "Catatan tanpa rating")},
        }[salah["rhk"]]
    else:
        kwargs |= salah
    with pytest.raises(ValidationError):
        simpan(dinilai, cast["pejabat_penilai"], **kwargs)
    assert keadaan(dinilai) == sebelum


# --- the suggested rating -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ratings", "saran"),
    [  # (utama 1, utama 2, tambahan)
        ((A, A, S), A),  # most above, no utama below
        ((A, B, A), B),  # an utama below: not "di atas"; 1 of 2 utama is not "sebagian kecil"
        ((S, S, B), S),  # only the tambahan below
        ((A, S, B), S),
        ((B, B, S), B),  # most below
        ((A, A, None), None),  # an RHK not judged yet
    ],
)
def test_saran_from_the_rhk_judgements(cast, skp, akhir_tahun, ratings, saran):
    p = services.buka_penilaian(skp, None, cast["pejabat_penilai"])
    rhk = skp.rhk_set.order_by("urutan").values_list("pk", flat=True)
    simpan(p, cast["pejabat_penilai"], rhk={pk: (r or "", "") for pk, r in zip(rhk, ratings, strict=True)})
    hasil = services.saran(p)
    assert (hasil.rating if hasil else None) == saran
    assert hasil is None or "hasil kerja utama" in hasil.alasan


def test_saran_dari_needs_every_rhk_and_an_utama():
    assert services.saran_dari({1: "utama", 2: "tambahan"}, {1: A, 2: A}).rating == A
    assert services.saran_dari({1: "utama", 2: "tambahan"}, {1: A}) is None
    assert services.saran_dari({1: "utama"}, {1: "hebat"}) is None
    assert services.saran_dari({2: "tambahan"}, {2: A}) is None  # no hasil kerja utama
    assert services.saran_dari({}, {}) is None
