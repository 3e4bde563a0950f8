"""Pembinaan services: the automatic proposal per predikat (seed 000 step 6; regulasi.md §3.11), its
idempotency, its cancellation after a keberatan, every (status, action) × role, sessions, closing into
the Analis SDM's queue."""

from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone

from kinerja.aturan import PREDIKAT_KINERJA, Predikat, RatingKerja
from kinerja.core.models import Notifikasi
from kinerja.penilaian import keberatan as layanan_keberatan
from kinerja.penilaian.models import Keberatan, Penilaian
from kinerja.penilaian.signals import hasil_ditetapkan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut import pembinaan as layanan
from kinerja.tindak_lanjut.models import (
    JenisKiriman,
    JenisPembinaan,
    Kiriman,
    Pembinaan,
    SesiPembinaan,
    StatusPembinaan,
)
from kinerja.tindak_lanjut.pembinaan import TRANSISI, AksiPembinaan

SEKAR, BAWONO, AMIRUDIN, DIMAS = (
    "199106112012062001",
    "198103021999121001",
    "196804241998031011",
    "199503142019031004",
)
RATING_UNTUK = {predikat: pair for pair, predikat in PREDIKAT_KINERJA.items()}


def _final(demo, predikat: Predikat, catatan="") -> Penilaian:
    hasil, perilaku = RATING_UNTUK[predikat]
    p = penilaian_dengan(skp_disetujui(demo[SEKAR]), hasil=hasil, perilaku=perilaku, final=True)
    if catatan:
        p.catatan = catatan
        p.save(update_fields=["catatan"])
    return p


def _tetapkan(p: Penilaian, by, perubahan=False):
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=by, perubahan=perubahan)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("predikat", "jenis"),
    [
        (Predikat.SANGAT_BAIK, None),
        (Predikat.BAIK, None),
        (Predikat.BUTUH_PERBAIKAN, JenisPembinaan.COACHING),
        (Predikat.KURANG, JenisPembinaan.KONSELING),
        (Predikat.SANGAT_KURANG, JenisPembinaan.MENTORING),
    ],
)
def test_final_low_predikat_proposes_pembinaan_to_the_penilai(demo, predikat, jenis):
    p = _final(demo, predikat, catatan="Laporan sering terlambat")
    _tetapkan(p, demo[BAWONO].user)
    rows = list(Pembinaan.objects.filter(penilaian=p))
    if jenis is None:
        assert rows == []
        return
    [b] = rows
    assert (b.otomatis, b.status, b.jenis) == (True, StatusPembinaan.USULAN, jenis)
    assert b.pegawai == demo[SEKAR] and b.pembina_id == p.pejabat_penilai_id == demo[BAWONO].pk
    assert predikat.label in b.permasalahan and "Laporan sering terlambat" in b.permasalahan
    diberi_tahu = set(
        Notifikasi.objects.filter(url__endswith=f"/pembinaan/{b.pk}/").values_list("user", flat=True)
    )
    assert diberi_tahu == {demo[SEKAR].user_id, demo[BAWONO].user_id}


@pytest.mark.django_db
def test_second_signal_for_the_same_penilaian_adds_nothing(demo):
    p = _final(demo, Predikat.KURANG)
    _tetapkan(p, None)
    _tetapkan(p, None)
    assert layanan.usulkan_otomatis(penilaian=p) is None
    assert Pembinaan.objects.filter(penilaian=p).count() == 1


@pytest.mark.django_db
def test_draft_penilaian_proposes_nothing(demo):
    hasil, perilaku = RATING_UNTUK[Predikat.SANGAT_KURANG]
    p = penilaian_dengan(skp_disetujui(demo[SEKAR]), hasil=hasil, perilaku=perilaku, final=False)
    assert layanan.usulkan_otomatis(penilaian=p) is None
    assert not Pembinaan.objects.exists()


def _keberatan_diubah(demo, p: Penilaian, hasil: RatingKerja, perilaku: RatingKerja):
    k = Keberatan.objects.create(
        penilaian=p, atasan=p.atasan_pejabat_penilai, alasan="Bukti dukung belum dipertimbangkan"
    )
    layanan_keberatan.ubah(k, hasil, perilaku, "Bukti dukung lengkap", demo[AMIRUDIN].user)


@pytest.mark.django_db
def test_keberatan_lifting_predikat_to_baik_cancels_waiting_proposal(demo):
    p = _final(demo, Predikat.BUTUH_PERBAIKAN)
    p.diterima_pada = timezone.now()
    p.save(update_fields=["diterima_pada"])
    _tetapkan(p, None)
    _keberatan_diubah(demo, p, *RATING_UNTUK[Predikat.BAIK])
    b = Pembinaan.objects.get(penilaian=p)
    assert b.status == StatusPembinaan.DIBATALKAN
    assert "Baik" in b.hasil and "keberatan" in b.hasil


@pytest.mark.django_db
def test_keberatan_keeps_started_pembinaan_and_low_change_keeps_proposal(demo):
    p = _final(demo, Predikat.SANGAT_KURANG)
    _tetapkan(p, None)
    _keberatan_diubah(demo, p, *RATING_UNTUK[Predikat.KURANG])  # still low: the proposal stays
    b = Pembinaan.objects.get(penilaian=p)
    assert b.status == StatusPembinaan.USULAN


# --- transitions × roles --------------------------------------------------------------------------

ROLE_NIP = {"pembina": BAWONO, "pegawai": SEKAR, "admin": DIMAS, "atasan": AMIRUDIN}
ALLOWED_ROLES = {"pembina": {"pembina"}, "pegawai": {"pegawai"}, "admin": {"admin"}, "atasan": set()}


def _pembinaan(demo, status=StatusPembinaan.USULAN, **fields) -> Pembinaan:
    sekar = demo[SEKAR]
    return Pembinaan.objects.create(
        pegawai=sekar,
        pembina=demo[BAWONO],
        jenis=JenisPembinaan.COACHING,
        status=status,
        permasalahan="Capaian di bawah ekspektasi",
        tanggal_mulai=date(2027, 7, 1) if status != StatusPembinaan.USULAN else None,
        **fields,
    )


def _jalankan(aksi: AksiPembinaan, b: Pembinaan, by):
    if aksi == AksiPembinaan.MULAI:
        return layanan.mulai_pembinaan(
            pembinaan=b, tujuan="Meningkatkan ketepatan waktu", tanggal_mulai=date(2027, 7, 1), by=by
        )
    if aksi == AksiPembinaan.SESI:
        return layanan.catat_sesi(pembinaan=b, tanggal=date(2027, 7, 8), topik="Rencana kerja", by=by)
    if aksi == AksiPembinaan.TUTUP:
        SesiPembinaan.objects.create(pembinaan=b, tanggal=date(2027, 7, 8), topik="Sesi awal")
        return layanan.tutup_pembinaan(
            pembinaan=b,
            hasil="Laporan tepat waktu",
            evaluasi_ulang="membaik",
            rekomendasi="Pertahankan",
            tanggal_selesai=date(2027, 8, 1),
            by=by,
        )
    return layanan.batalkan_pembinaan(pembinaan=b, alasan="Pegawai dimutasi", by=by)


class _Rollback(Exception):
    pass


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(StatusPembinaan))
def test_every_action_by_every_role_in_every_status(demo, status):
    """Allowed pairs move to TRANSISI's next status; every other pair raises WorkflowError and changes
    nothing (each case runs in a savepoint that is rolled back)."""
    b = _pembinaan(demo, status)
    for aksi in AksiPembinaan:
        for role, nip in ROLE_NIP.items():
            langkah = TRANSISI.get((status, aksi))
            boleh = langkah is not None and role in {r.value for r in langkah[0]}
            try:
                with transaction.atomic():
                    fresh = Pembinaan.objects.get(pk=b.pk)
                    if boleh:
                        _jalankan(aksi, fresh, demo[nip].user)
                        assert Pembinaan.objects.get(pk=b.pk).status == langkah[1], (aksi, role)
                    else:
                        with pytest.raises(WorkflowError):
                            _jalankan(aksi, fresh, demo[nip].user)
                        assert Pembinaan.objects.get(pk=b.pk).status == status, (aksi, role)
                        assert SesiPembinaan.objects.filter(pembinaan=b, topik="Rencana kerja").count() == 0
                    raise _Rollback
            except _Rollback:
                pass


@pytest.mark.django_db
def test_start_requires_tujuan_and_changes_nothing(demo):
    b = _pembinaan(demo)
    with pytest.raises(WorkflowError, match="Tujuan pembinaan wajib diisi"):
        layanan.mulai_pembinaan(
            pembinaan=b, tujuan="  ", tanggal_mulai=date(2027, 7, 1), by=demo[BAWONO].user
        )
    b.refresh_from_db()
    assert (b.status, b.tujuan, b.tanggal_mulai) == (StatusPembinaan.USULAN, "", None)


@pytest.mark.django_db
def test_session_is_recorded_and_dates_are_checked(demo):
    b = _pembinaan(demo, StatusPembinaan.BERJALAN)
    by = demo[BAWONO].user
    s = layanan.catat_sesi(
        pembinaan=b,
        tanggal=date(2027, 7, 8),
        topik="Menyusun jadwal laporan",
        catatan="Laporan bulanan sering terlambat",
        kesepakatan="Draf laporan setiap tanggal 25",
        target_tanggal=date(2027, 7, 25),
        by=by,
    )
    assert (s.pembinaan, s.kesepakatan, s.dicatat_oleh) == (b, "Draf laporan setiap tanggal 25", by)
    with pytest.raises(WorkflowError, match="sebelum tanggal mulai"):
        layanan.catat_sesi(pembinaan=b, tanggal=date(2027, 6, 30), topik="X", by=by)
    with pytest.raises(WorkflowError, match="Target penyelesaian"):
        layanan.catat_sesi(
            pembinaan=b, tanggal=date(2027, 7, 9), topik="X", target_tanggal=date(2027, 7, 1), by=by
        )
    assert b.sesi_set.count() == 1


@pytest.mark.django_db
def test_close_needs_a_session_then_sends_the_report_to_the_analis_sdm(demo):
    b = _pembinaan(demo, StatusPembinaan.BERJALAN)
    by = demo[BAWONO].user
    kwargs = dict(
        hasil="Membaik", evaluasi_ulang="membaik", rekomendasi="Selesai", tanggal_selesai=date(2027, 8, 1)
    )
    with pytest.raises(WorkflowError, match="paling sedikit satu sesi"):
        layanan.tutup_pembinaan(pembinaan=b, by=by, **kwargs)
    assert not Kiriman.objects.exists()
    SesiPembinaan.objects.create(pembinaan=b, tanggal=date(2027, 7, 8), topik="Sesi awal")
    layanan.tutup_pembinaan(pembinaan=b, by=by, **kwargs)
    b.refresh_from_db()
    assert (b.status, b.evaluasi_ulang, b.tanggal_selesai) == (
        StatusPembinaan.SELESAI,
        "membaik",
        date(2027, 8, 1),
    )
    [k] = Kiriman.objects.all()
    assert (k.jenis, k.pembinaan, k.pegawai, k.instansi_id, k.dikirim_oleh) == (
        JenisKiriman.LAPORAN_PEMBINAAN,
        b,
        demo[SEKAR],
        demo[SEKAR].instansi_id,
        by,
    )


@pytest.mark.django_db
def test_history_records_who_moved_the_pembinaan(demo):
    b = _pembinaan(demo)
    layanan.batalkan_pembinaan(pembinaan=b, alasan="Pegawai dimutasi", by=demo[DIMAS].user)
    last = b.history.order_by("-history_date", "-history_id").first()
    assert (last.status, last.history_user, last.history_change_reason) == (
        StatusPembinaan.DIBATALKAN,
        demo[DIMAS].user,
        "batalkan",
    )
    assert Pembinaan.objects.get(pk=b.pk).hasil == "Pegawai dimutasi"


@pytest.mark.django_db
def test_manual_proposal_only_for_own_team_and_final_own_penilaian(demo):
    sekar, bawono = demo[SEKAR], demo[BAWONO]
    b = layanan.buat_pembinaan(
        pegawai=sekar, jenis="mentoring", permasalahan="Kompetensi teknis", by=bawono.user
    )
    assert (b.otomatis, b.pembina, b.status) == (False, bawono, StatusPembinaan.USULAN)
    with pytest.raises(WorkflowError, match="pegawai yang Anda nilai"):
        layanan.buat_pembinaan(pegawai=sekar, jenis="coaching", permasalahan="X", by=demo[AMIRUDIN].user)
    draf = penilaian_dengan(skp_disetujui(sekar), final=False)
    with pytest.raises(WorkflowError, match="belum difinalisasi"):
        layanan.buat_pembinaan(
            pegawai=sekar, jenis="coaching", permasalahan="X", penilaian=draf, by=bawono.user
        )
    lain = penilaian_dengan(skp_disetujui(demo[DIMAS]), final=True)
    with pytest.raises(WorkflowError, match="bukan penilaian pegawai"):
        layanan.buat_pembinaan(
            pegawai=sekar, jenis="coaching", permasalahan="X", penilaian=lain, by=bawono.user
        )
    assert Pembinaan.objects.count() == 1
