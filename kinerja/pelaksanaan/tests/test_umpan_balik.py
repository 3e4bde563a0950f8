"""Services and selectors of umpan balik berkelanjutan (seed 002 "3.a", "3.c"; regulasi.md §2.16):
who may give and ask, what a request may be about, answering once, and every refusal changing nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.core.models import Notifikasi
from kinerja.organisasi.models import Pegawai
from kinerja.pelaksanaan import selectors_umpan_balik as selectors
from kinerja.pelaksanaan import umpan_balik as services
from kinerja.pelaksanaan.models import PeranPemberi, PermintaanUmpanBalik, Realisasi, UmpanBalik
from kinerja.pelaksanaan.umpan_balik import UmpanBalikDitolak
from kinerja.penilaian.tests.factories import skp_disetujui
from kinerja.perencanaan import services as perencanaan
from kinerja.perencanaan.workflow import StatusSkp

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"
DIMAS, RINA, MAYA = "199503142019031004", "199708222020122003", "199402282018012001"


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


@pytest.fixture
def rhk(skp):
    return skp.rhk_set.get(urutan=1)


@pytest.fixture
def realisasi(skp, rhk):
    jadwal = perencanaan.periode_tahun(skp.pegawai.instansi, 2027).jadwal_set.get(nomor=2)
    return Realisasi.objects.create(
        indikator=rhk.indikator_set.get(), jadwal=jadwal, nilai=8, uraian="8 dokumen"
    )


def _jumlah():
    return (
        UmpanBalik.objects.count(),
        PermintaanUmpanBalik.objects.count(),
        list(PermintaanUmpanBalik.objects.values_list("status", "dijawab_pada")),
        Notifikasi.objects.count(),
    )


# --- the penilai gives feedback ---


@pytest.mark.django_db
def test_penilai_gives_feedback_on_a_rhk_as_pimpinan_and_the_pegawai_is_told(demo, skp, rhk):
    ub = services.beri_umpan_balik(
        skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="  Modul sudah sesuai NSPK.  ", bukti="Dokumen arsitektur"
    )
    assert (ub.peran, ub.pemberi, ub.rhk, ub.isi, ub.bukti) == (
        PeranPemberi.PIMPINAN,
        demo[BAWONO],
        rhk,
        "Modul sudah sesuai NSPK.",
        "Dokumen arsitektur",
    )
    notif = Notifikasi.objects.get(user=demo[SEKAR].user)
    assert notif.url == reverse("pelaksanaan:umpan-balik", args=[skp.pk])
    assert "Bawono" in notif.judul


@pytest.mark.django_db
def test_atasan_pejabat_penilai_may_give_feedback_on_a_berakhlak_value(demo, skp):
    ub = services.beri_umpan_balik(skp=skp, by=demo[AMIRUDIN].user, nilai_berakhlak=6, isi="Kolaboratif")
    assert (ub.nilai_berakhlak, ub.peran, ub.rhk) == (6, PeranPemberi.PIMPINAN, None)


@pytest.mark.django_db
def test_feedback_on_a_realisasi_belongs_to_its_rhk_and_its_period(demo, skp, rhk, realisasi):
    ub = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, realisasi=realisasi, isi="Melampaui target")
    assert (ub.rhk, ub.realisasi, ub.jadwal) == (rhk, realisasi, realisasi.jadwal)


@pytest.mark.django_db
def test_feedback_with_an_optional_period(demo, skp, rhk):
    jadwal = skp.periode.jadwal_set.get(nomor=3)
    ub = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, jadwal=jadwal, isi="Baik")
    assert ub.jadwal == jadwal


@pytest.mark.django_db
@pytest.mark.parametrize("nip", [SEKAR, RINA, DIMAS, "196411171992011002"])
def test_only_the_penilai_and_the_atasan_may_give_feedback(demo, skp, rhk, nip):
    before = _jumlah()
    with pytest.raises(PermissionDenied):
        services.beri_umpan_balik(skp=skp, by=demo[nip].user, rhk=rhk, isi="Saya menilai sendiri")
    assert _jumlah() == before


@pytest.mark.django_db
def test_the_pegawai_current_penilai_may_give_feedback_when_the_snapshot_is_another(demo, skp, rhk):
    skp.pejabat_penilai = demo[AMIRUDIN]
    skp.save(update_fields=["pejabat_penilai"])
    ub = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Tetap saya pantau")
    assert ub.pemberi == demo[BAWONO]


def _salah_beri(demo, skp, rhk, realisasi):
    """(keyword arguments, what the message says) of feedback the rules refuse."""
    lain = skp_disetujui(demo[RINA])
    tahun_lain = perencanaan.periode_tahun(skp.pegawai.instansi, 2028).jadwal_set.get(nomor=1)
    realisasi_lain = Realisasi.objects.create(
        indikator=lain.rhk_set.first().indikator_set.get(), jadwal=realisasi.jadwal, uraian="x"
    )
    return [
        ({"isi": "Tanpa sasaran"}, "Pilih satu hal"),
        ({"rhk": rhk, "nilai_berakhlak": 1, "isi": "Dua sasaran"}, "Pilih satu hal"),
        ({"rhk": lain.rhk_set.first(), "isi": "RHK orang lain"}, "bukan bagian"),
        ({"realisasi": realisasi_lain, "isi": "Realisasi orang lain"}, "bukan bagian"),
        ({"nilai_berakhlak": 7, "isi": "Nilai kedelapan"}, "tidak dikenal"),
        ({"nilai_berakhlak": -1, "isi": "Nilai negatif"}, "tidak dikenal"),
        ({"rhk": rhk, "jadwal": tahun_lain, "isi": "Tahun lain"}, "bukan milik tahun"),
        (
            {"realisasi": realisasi, "jadwal": skp.periode.jadwal_set.get(nomor=1), "isi": "Periode lain"},
            "mengikuti periode",
        ),
        ({"rhk": rhk, "isi": "   "}, "Tuliskan umpan balik"),
        ({"rhk": rhk, "isi": "x" * (services.PANJANG_ISI + 1)}, "terlalu panjang"),
        ({"rhk": rhk, "isi": "Baik", "bukti": "x" * (services.PANJANG_BUKTI + 1)}, "terlalu panjang"),
    ]


@pytest.mark.django_db
def test_every_refused_feedback_says_why_and_changes_nothing(demo, skp, rhk, realisasi):
    for kwargs, pesan in _salah_beri(demo, skp, rhk, realisasi):
        before = _jumlah()
        with pytest.raises(UmpanBalikDitolak, match=pesan):
            services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, **kwargs)
        assert _jumlah() == before, kwargs


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DIGANTI]
)
def test_no_feedback_on_an_skp_not_in_force(demo, skp, rhk, status):
    skp.status = status
    skp.save(update_fields=["status"])
    with pytest.raises(UmpanBalikDitolak, match="sudah disetujui"):
        services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Baik")
    with pytest.raises(UmpanBalikDitolak, match="sudah disetujui"):
        services.minta_umpan_balik(
            skp=skp, by=demo[SEKAR].user, diminta=demo[RINA], peran="rekan", pesan="Mohon", rhk=rhk
        )
    assert UmpanBalik.objects.count() == PermintaanUmpanBalik.objects.count() == 0


@pytest.mark.django_db
def test_a_closed_skp_still_receives_feedback_on_the_months_it_covered(demo, skp, rhk):
    skp.status = StatusSkp.DITUTUP
    skp.save(update_fields=["status"])
    assert services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Baik").pk


# --- deleting one's own feedback within 15 minutes ---


@pytest.mark.django_db
def test_the_giver_may_delete_within_fifteen_minutes_only(demo, skp, rhk):
    ub = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Salah ketik")
    later = services.beri_umpan_balik(skp=skp, by=demo[BAWONO].user, rhk=rhk, isi="Tetap")
    services.hapus_umpan_balik(
        umpan_balik=ub, by=demo[BAWONO].user, now=ub.created_at + timedelta(minutes=15)
    )
    assert not UmpanBalik.objects.filter(pk=ub.pk).exists()
    with pytest.raises(UmpanBalikDitolak, match="15 menit"):
        services.hapus_umpan_balik(
            umpan_balik=later, by=demo[BAWONO].user, now=later.created_at + timedelta(minutes=16)
        )
    with pytest.raises(PermissionDenied):
        services.hapus_umpan_balik(umpan_balik=later, by=demo[AMIRUDIN].user)
    with pytest.raises(PermissionDenied):
        services.hapus_umpan_balik(umpan_balik=later, by=demo[SEKAR].user)
    assert UmpanBalik.objects.filter(pk=later.pk).exists()


# --- requests ---


def _minta(demo, skp, **kwargs):
    data = {
        "diminta": demo[RINA],
        "peran": PeranPemberi.REKAN,
        "pesan": "Mohon umpan balik",
        "nilai_berakhlak": 3,
    }
    return services.minta_umpan_balik(skp=skp, by=demo[SEKAR].user, **(data | kwargs))


@pytest.mark.django_db
def test_the_pegawai_asks_a_colleague_who_is_told_with_a_link_to_the_answer_page(demo, skp, rhk):
    p = _minta(demo, skp, rhk=rhk, nilai_berakhlak=None, peran=PeranPemberi.STAKEHOLDER)
    assert (p.status, p.diminta, p.rhk, p.peran) == ("menunggu", demo[RINA], rhk, "stakeholder")
    notif = Notifikasi.objects.get(user=demo[RINA].user)
    assert notif.url == reverse("pelaksanaan:permintaan-jawab", args=[p.pk])
    assert "Sekar" in notif.judul


@pytest.mark.django_db
def test_every_refused_request_says_why_and_changes_nothing(demo, skp, rhk):
    _minta(demo, skp)  # a waiting request on Harmonis to Rina
    Pegawai.objects.filter(nip=DIMAS).update(aktif=False)
    yoga = Pegawai.objects.get(nip="200001052025011001")
    yoga.user.is_active = False
    yoga.user.save(update_fields=["is_active"])
    lain = skp_disetujui(demo[RINA])
    cases = [
        ({"diminta": demo[SEKAR]}, "diri sendiri"),
        ({"diminta": demo[MAYA]}, "instansi yang sama"),
        ({"diminta": Pegawai.objects.get(nip=DIMAS)}, "tidak aktif"),
        ({"diminta": yoga}, "akun Kinerja"),
        ({"peran": PeranPemberi.PIMPINAN}, "Pilih peran"),
        ({"peran": "atasan"}, "Pilih peran"),
        ({"rhk": rhk}, "Pilih satu"),
        ({"nilai_berakhlak": None}, "Pilih satu"),
        ({"nilai_berakhlak": 9}, "tidak dikenal"),
        ({"nilai_berakhlak": None, "rhk": lain.rhk_set.first()}, "bukan bagian"),
        ({"pesan": "  "}, "Tuliskan pesan"),
        ({"pesan": "x" * (services.PANJANG_PESAN + 1)}, "terlalu panjang"),
        ({}, "masih menunggu jawaban"),  # the same request again while the first waits
    ]
    for kwargs, pesan in cases:
        before = _jumlah()
        with pytest.raises(UmpanBalikDitolak, match=pesan):
            _minta(demo, skp, **kwargs)
        assert _jumlah() == before, kwargs


@pytest.mark.django_db
@pytest.mark.parametrize("nip", [BAWONO, RINA, DIMAS])
def test_only_the_skp_owner_may_ask(demo, skp, nip):
    with pytest.raises(PermissionDenied):
        services.minta_umpan_balik(
            skp=skp, by=demo[nip].user, diminta=demo[RINA], peran="rekan", pesan="Mohon", nilai_berakhlak=0
        )
    assert PermintaanUmpanBalik.objects.count() == 0


@pytest.mark.django_db
def test_the_same_colleague_may_be_asked_again_once_the_first_is_answered(demo, skp):
    first = _minta(demo, skp)
    services.jawab_permintaan(permintaan=first, by=demo[RINA].user, isi="Suka menolong")
    assert _minta(demo, skp).pk != first.pk


@pytest.mark.django_db
def test_the_answer_is_feedback_linked_to_the_request_and_the_pegawai_is_told(demo, skp, rhk):
    p = _minta(demo, skp, rhk=rhk, nilai_berakhlak=None, peran=PeranPemberi.LAINNYA)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        ub = services.jawab_permintaan(
            permintaan=p, by=demo[RINA].user, isi="Cepat dan teliti", bukti="Rapat 3 Mei"
        )
    p.refresh_from_db()
    assert (p.status, p.jawaban) == ("dijawab", ub)
    assert p.dijawab_pada > p.created_at + timedelta(hours=1)
    assert (ub.skp, ub.pemberi, ub.peran, ub.rhk, ub.nilai_berakhlak, ub.bukti) == (
        skp,
        demo[RINA],
        "lainnya",
        rhk,
        None,
        "Rapat 3 Mei",
    )
    notif = Notifikasi.objects.filter(user=demo[SEKAR].user).get()
    assert notif.url == reverse("pelaksanaan:umpan-balik", args=[skp.pk])
    assert "Cepat dan teliti" in notif.pesan


@pytest.mark.django_db
def test_a_request_is_answered_once_and_only_by_the_person_asked(demo, skp):
    p = _minta(demo, skp)
    for nip in (SEKAR, BAWONO, DIMAS):
        with pytest.raises(PermissionDenied):
            services.jawab_permintaan(permintaan=p, by=demo[nip].user, isi="Bukan saya yang diminta")
        with pytest.raises(PermissionDenied):
            services.tolak_permintaan(permintaan=p, by=demo[nip].user)
    before = _jumlah()
    with pytest.raises(UmpanBalikDitolak, match="Tuliskan umpan balik"):
        services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi="")
    assert _jumlah() == before
    services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi="Pertama")
    before = _jumlah()
    for again in (
        lambda: services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi="Kedua"),
        lambda: services.tolak_permintaan(permintaan=p, by=demo[RINA].user),
        # a stale copy (a second tab) loses the compare-and-swap
        lambda: services.jawab_permintaan(
            permintaan=PermintaanUmpanBalik(pk=p.pk, diminta=p.diminta, status="menunggu"),
            by=demo[RINA].user,
            isi="Dari tab lain",
        ),
    ):
        with pytest.raises(UmpanBalikDitolak, match="sudah dijawab atau ditolak"):
            again()
        assert _jumlah() == before
    assert list(UmpanBalik.objects.values_list("isi", flat=True)) == ["Pertama"]


@pytest.mark.django_db
def test_a_declined_request_cannot_be_answered(demo, skp):
    p = _minta(demo, skp)
    services.tolak_permintaan(permintaan=p, by=demo[RINA].user)
    p.refresh_from_db()
    assert p.status == "ditolak" and p.dijawab_pada is not None
    assert Notifikasi.objects.filter(user=demo[SEKAR].user, judul__contains="menolak").exists()
    before = _jumlah()
    with pytest.raises(UmpanBalikDitolak, match="sudah dijawab atau ditolak"):
        services.jawab_permintaan(permintaan=p, by=demo[RINA].user, isi="Terlambat")
    assert _jumlah() == before


@pytest.mark.django_db
def test_an_answer_to_a_request_cannot_be_deleted(demo, skp):
    ub = services.jawab_permintaan(permintaan=_minta(demo, skp), by=demo[RINA].user, isi="Baik")
    with pytest.raises(UmpanBalikDitolak, match="tidak dapat dihapus"):
        services.hapus_umpan_balik(umpan_balik=ub, by=demo[RINA].user)
    assert UmpanBalik.objects.filter(pk=ub.pk).exists()


# --- the history for the rating page ---


@pytest.mark.django_db
def test_history_groups_feedback_per_rhk_with_its_realisasi_and_per_value(demo, skp, rhk, realisasi):
    bawono = demo[BAWONO].user
    services.beri_umpan_balik(skp=skp, by=bawono, rhk=rhk, isi="Atas RHK")
    services.beri_umpan_balik(skp=skp, by=bawono, realisasi=realisasi, isi="Atas realisasi", bukti="Laporan")
    services.beri_umpan_balik(skp=skp, by=bawono, nilai_berakhlak=3, isi="Harmonis")
    services.jawab_permintaan(permintaan=_minta(demo, skp), by=demo[RINA].user, isi="Suka menolong")

    riwayat = selectors.umpan_balik_skp(skp.pk)

    assert riwayat.jumlah == 4
    assert set(riwayat.per_rhk) == {rhk.pk} and set(riwayat.per_nilai) == {3}
    atas_rhk, atas_realisasi = riwayat.per_rhk[rhk.pk]
    assert (atas_rhk.sumber, atas_rhk.jadwal, atas_rhk.pemberi, str(atas_rhk.peran)) == (
        "rhk",
        None,
        demo[BAWONO].nama_lengkap,
        "Pimpinan",
    )
    assert (atas_realisasi.sumber, atas_realisasi.jadwal, atas_realisasi.bukti, atas_realisasi.indikator) == (
        "realisasi",
        2,
        "Laporan",
        "Indikator 1",
    )
    pimpinan, rekan = riwayat.per_nilai[3]
    assert (pimpinan.isi, rekan.isi, str(rekan.peran), rekan.sumber) == (
        "Harmonis",
        "Suka menolong",
        "Rekan kerja setingkat",
        "nilai",
    )
    assert rekan.dari_permintaan and not pimpinan.dari_permintaan
    with pytest.raises(AttributeError):  # frozen: the rating page cannot change what it was given
        rekan.isi = "x"


@pytest.mark.django_db
def test_history_is_one_query_whatever_its_size(demo, skp, rhk, realisasi):
    bawono = demo[BAWONO].user
    for i in range(10):
        services.beri_umpan_balik(skp=skp, by=bawono, rhk=rhk, isi=f"RHK {i}")
        services.beri_umpan_balik(skp=skp, by=bawono, realisasi=realisasi, isi=f"Realisasi {i}")
        services.beri_umpan_balik(skp=skp, by=bawono, nilai_berakhlak=i % 7, isi=f"Nilai {i}")
    with CaptureQueriesContext(connection) as ctx:
        riwayat = selectors.umpan_balik_skp(skp.pk)
    assert len(ctx.captured_queries) == 1
    assert riwayat.jumlah == 30


@pytest.mark.django_db
def test_requests_addressed_to_me_waiting_first(demo, skp, rhk):
    dijawab = _minta(demo, skp, nilai_berakhlak=0)
    services.jawab_permintaan(permintaan=dijawab, by=demo[RINA].user, isi="Baik")
    menunggu = _minta(demo, skp, nilai_berakhlak=1)
    ditolak = _minta(demo, skp, rhk=rhk, nilai_berakhlak=None)
    services.tolak_permintaan(permintaan=ditolak, by=demo[RINA].user)
    baru = _minta(demo, skp, nilai_berakhlak=2)
    rows = selectors.permintaan_untuk(demo[RINA].user)
    assert [r.pk for r in rows] == [baru.pk, menunggu.pk, ditolak.pk, dijawab.pk]
    assert rows[0].hal == "Kompeten" and rows[2].hal == rhk.uraian
    assert rows[0].nama == demo[SEKAR].nama_lengkap
    assert selectors.permintaan_untuk(demo[SEKAR].user) == []


@pytest.mark.django_db
def test_colleagues_found_by_name_or_nip_in_my_instansi_only(demo):
    sekar = demo[SEKAR].user
    assert [c.nip for c in selectors.calon_pemberi(sekar, "rina")] == [RINA]
    assert [c.nip for c in selectors.calon_pemberi(sekar, "1997 0822")] == [RINA]
    assert selectors.calon_pemberi(sekar, "ri") == []  # too short
    assert selectors.calon_pemberi(sekar, "Maya") == []  # another instansi
    assert selectors.calon_pemberi(sekar, "Sekar") == []  # not oneself
    Pegawai.objects.filter(nip=RINA).update(aktif=False)
    assert selectors.calon_pemberi(sekar, "rina") == []
