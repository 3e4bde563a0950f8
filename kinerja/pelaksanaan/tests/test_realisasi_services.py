"""Rules of rencana aksi, realisasi and bukti dukung: only the SKP's pegawai, only on an approved SKP,
only while the period is open (started, not past its batas pengisian, penilaian not final); a refused
write changes nothing, files included."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from kinerja.pelaksanaan import services
from kinerja.pelaksanaan.models import BuktiDukung, Realisasi, RencanaAksi
from kinerja.pelaksanaan.services import PelaksanaanDitolak
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode
from kinerja.perencanaan.tests.factories import skp_dengan_status
from kinerja.perencanaan.workflow import StatusSkp

from . import realisasi_contoh as contoh
from .realisasi_contoh import BAWONO, DALAM_TRIWULAN_I, SEKAR

HARI = DALAM_TRIWULAN_I


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def sekar(demo):
    return demo[SEKAR]


@pytest.fixture
def skp(sekar):
    return skp_disetujui(sekar)


@pytest.fixture
def jadwal(skp):
    return JadwalPeriode.objects.get(periode=skp.periode, nomor=1)


@pytest.fixture
def iki(skp):
    """An indikator of a rencana hasil kerja utama, its `rhk.skp` being the `skp` fixture itself."""
    iki = (
        IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp, rhk__jenis="utama")
        .select_related("rhk")
        .first()
    )
    iki.rhk.skp = skp
    return iki


def _berkas_tersimpan(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.rglob("*") if p.is_file())


def _realisasi(iki, jadwal, sekar, **kw):
    kw = {"nilai": Decimal("4"), "uraian": "", "today": HARI} | kw
    return services.simpan_realisasi(skp=iki.rhk.skp, jadwal=jadwal, indikator=iki, by=sekar.user, **kw)


# --- rencana aksi -------------------------------------------------------------------------------


def test_owner_adds_edits_and_deletes_rencana_aksi(skp, jadwal, sekar):
    rhk = skp.rhk_set.first()
    ra = services.simpan_rencana_aksi(
        skp=skp, jadwal=jadwal, rhk=rhk, uraian=" Menyusun draf ", target="1 draf", by=sekar.user, today=HARI
    )
    kedua = services.simpan_rencana_aksi(
        skp=skp, jadwal=jadwal, rhk=rhk, uraian="Rapat", target="2 kali", by=sekar.user, today=HARI
    )
    assert (ra.uraian, ra.target, ra.urutan, kedua.urutan) == ("Menyusun draf", "1 draf", 1, 2)
    services.simpan_rencana_aksi(
        skp=skp,
        jadwal=jadwal,
        rhk=rhk,
        uraian="Menyusun draf kebijakan",
        target="1 dokumen",
        rencana_aksi=ra,
        by=sekar.user,
        today=HARI,
    )
    ra.refresh_from_db()
    assert (ra.uraian, ra.target) == ("Menyusun draf kebijakan", "1 dokumen")
    ra.rhk.skp = skp
    services.hapus_rencana_aksi(rencana_aksi=ra, by=sekar.user, today=HARI)
    assert list(RencanaAksi.objects.values_list("uraian", flat=True)) == ["Rapat"]


@pytest.mark.parametrize(
    ("uraian", "target", "pesan"),
    [
        ("", "1 draf", "Tuliskan rencana aksinya"),
        ("Menyusun", "  ", "Tuliskan target periodik"),
        ("x" * 2001, "1", "paling panjang 2000"),
        ("Menyusun", "x" * 201, "paling panjang 200"),
    ],
)
def test_rencana_aksi_needs_words_and_a_periodic_target(skp, jadwal, sekar, uraian, target, pesan):
    with pytest.raises(PelaksanaanDitolak, match=pesan):
        services.simpan_rencana_aksi(
            skp=skp,
            jadwal=jadwal,
            rhk=skp.rhk_set.first(),
            uraian=uraian,
            target=target,
            by=sekar.user,
            today=HARI,
        )
    assert not RencanaAksi.objects.exists()


def test_rencana_aksi_of_another_skp_rhk_is_refused(skp, jadwal, sekar, demo):
    lain = skp_disetujui(demo[BAWONO])
    with pytest.raises(PelaksanaanDitolak, match="bukan bagian dari SKP ini"):
        services.simpan_rencana_aksi(
            skp=skp,
            jadwal=jadwal,
            rhk=lain.rhk_set.first(),
            uraian="x",
            target="1",
            by=sekar.user,
            today=HARI,
        )


def test_penilai_cannot_write_the_pegawai_rencana_aksi(skp, jadwal, demo):
    with pytest.raises(PermissionDenied, match="Hanya pegawai pemilik SKP"):
        services.simpan_rencana_aksi(
            skp=skp,
            jadwal=jadwal,
            rhk=skp.rhk_set.first(),
            uraian="x",
            target="1",
            by=demo[BAWONO].user,
            today=HARI,
        )
    assert not RencanaAksi.objects.exists()


# --- which SKP and which period -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "pesan"),
    [
        (StatusSkp.DRAF, "belum disetujui"),
        (StatusSkp.DIAJUKAN, "belum disetujui"),
        (StatusSkp.DIKEMBALIKAN, "belum disetujui"),
        (StatusSkp.DIGANTI, "sudah diganti oleh revisinya"),
    ],
)
def test_only_an_approved_skp_takes_realisasi(sekar, status, pesan):
    skp = skp_dengan_status(sekar, status)
    rhk = skp.rhk_set.create(uraian="Hasil")
    iki = IndikatorKinerjaIndividu.objects.create(rhk=rhk, uraian="Indikator", target_teks="Selesai")
    jadwal = JadwalPeriode.objects.get(periode=skp.periode, nomor=1)
    with pytest.raises(PelaksanaanDitolak, match=pesan):
        _realisasi(iki, jadwal, sekar)
    assert not Realisasi.objects.exists()


def test_skp_closed_at_a_change_of_position_after_approval_still_takes_realisasi(skp, jadwal, iki, sekar):
    skp.status = StatusSkp.DITUTUP
    skp.save(update_fields=["status"])
    assert _realisasi(iki, jadwal, sekar).nilai == Decimal("4")


def test_skp_closed_before_approval_takes_none(skp, jadwal, iki, sekar):
    skp.status, skp.disetujui_pada = StatusSkp.DITUTUP, None
    skp.save(update_fields=["status", "disetujui_pada"])
    with pytest.raises(PelaksanaanDitolak, match="belum disetujui"):
        _realisasi(iki, jadwal, sekar)


def test_period_that_has_not_started_is_closed(iki, sekar, skp):
    triwulan_2 = JadwalPeriode.objects.get(periode=skp.periode, nomor=2)
    with pytest.raises(PelaksanaanDitolak, match="belum dimulai; pengisian dibuka mulai 1 April 2027"):
        _realisasi(iki, triwulan_2, sekar)


def test_period_outside_the_skp_dates_is_refused(sekar):
    skp = skp_disetujui(sekar)
    skp.tanggal_mulai = date(2027, 4, 1)  # e.g. an SKP opened after a change of position
    skp.save(update_fields=["tanggal_mulai"])
    iki = IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).first()
    triwulan_1 = JadwalPeriode.objects.get(periode=skp.periode, nomor=1)
    with pytest.raises(PelaksanaanDitolak, match="tidak termasuk masa berlaku SKP"):
        _realisasi(iki, triwulan_1, sekar)


def test_batas_pengisian_is_the_last_day(iki, jadwal, sekar):
    assert _realisasi(iki, jadwal, sekar, today=contoh.BATAS_TRIWULAN_I).nilai == Decimal("4")


def test_after_batas_pengisian_nothing_is_written(iki, jadwal, sekar, time_machine):
    asli = _realisasi(iki, jadwal, sekar)
    time_machine.move_to(datetime(2027, 4, 6, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False)
    with pytest.raises(PelaksanaanDitolak, match="Periode Triwulan I 2027 sudah ditutup pada 5 April 2027"):
        services.simpan_realisasi(
            skp=iki.rhk.skp, jadwal=jadwal, indikator=iki, nilai=Decimal(9), uraian="", by=sekar.user
        )
    with pytest.raises(PelaksanaanDitolak, match="sudah ditutup"):
        services.simpan_rencana_aksi(
            skp=iki.rhk.skp, jadwal=jadwal, rhk=iki.rhk, uraian="x", target="1", by=sekar.user
        )
    asli.refresh_from_db()
    assert asli.nilai == Decimal("4")


def test_final_penilaian_of_the_period_closes_it(skp, iki, jadwal, sekar):
    penilaian = penilaian_dengan(skp, jadwal=jadwal)
    assert _realisasi(iki, jadwal, sekar).nilai == Decimal(4)  # a draft penilaian does not
    penilaian.status = "final"
    penilaian.save(update_fields=["status"])
    with pytest.raises(PelaksanaanDitolak, match="sudah difinalisasi"):
        _realisasi(iki, jadwal, sekar, nilai=Decimal(5))


def test_final_penilaian_of_another_period_does_not_close_this_one(skp, iki, jadwal, sekar):
    penilaian_dengan(skp, jadwal=JadwalPeriode.objects.get(periode=skp.periode, nomor=2), final=True)
    penilaian_dengan(skp, jadwal=None, final=True)  # the annual one is not this period's
    assert _realisasi(iki, jadwal, sekar).nilai == Decimal(4)


# --- realisasi ----------------------------------------------------------------------------------


def test_owner_writes_then_rewrites_the_realisasi_of_a_period(iki, jadwal, sekar):
    r = _realisasi(iki, jadwal, sekar, nilai=Decimal("4.5"), uraian="Empat dokumen dan satu draf")
    _realisasi(iki, jadwal, sekar, nilai=None, uraian="Lima dokumen")
    r.refresh_from_db()
    assert (r.nilai, r.uraian, r.diisi_oleh) == (None, "Lima dokumen", sekar.user)
    assert Realisasi.objects.count() == 1
    assert r.history.count() == 2  # simple_history keeps every version


@pytest.mark.parametrize(
    ("nilai", "uraian", "pesan"),
    [
        (None, "  ", "Isi realisasi berupa angka dan/atau uraian"),
        (Decimal("-1"), "", "tidak boleh negatif"),
        (Decimal("1.234"), "", "dua angka di belakang koma"),
        (Decimal("NaN"), "", "harus berupa bilangan"),
        (Decimal("Infinity"), "", "harus berupa bilangan"),
        (Decimal("1001"), "", "lebih dari 100 kali target"),  # target 10 dokumen
        (Decimal("1E+15"), "", "tidak masuk akal"),
        (Decimal("3"), "x" * 2001, "paling panjang 2000"),
    ],
)
def test_bad_realisasi_is_refused_and_nothing_changes(iki, jadwal, sekar, nilai, uraian, pesan):
    with pytest.raises(PelaksanaanDitolak, match=pesan):
        _realisasi(iki, jadwal, sekar, nilai=nilai, uraian=uraian)
    assert not Realisasi.objects.exists()


def test_a_percentage_above_one_thousand_is_absurd(iki, jadwal, sekar):
    iki.satuan, iki.target_min, iki.target_max = "%", None, None
    iki.save()
    assert _realisasi(iki, jadwal, sekar, nilai=Decimal("120")).nilai == Decimal(120)
    with pytest.raises(PelaksanaanDitolak, match="tidak masuk akal untuk satuan persen"):
        _realisasi(iki, jadwal, sekar, nilai=Decimal("5000"))


def test_indikator_of_another_skp_is_refused(skp, jadwal, sekar, demo):
    lain = IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp_disetujui(demo[BAWONO])).first()
    with pytest.raises(PelaksanaanDitolak, match="bukan bagian dari SKP ini"):
        services.simpan_realisasi(
            skp=skp, jadwal=jadwal, indikator=lain, nilai=Decimal(1), uraian="", by=sekar.user, today=HARI
        )


def test_penilai_cannot_write_realisasi(iki, jadwal, demo):
    with pytest.raises(PermissionDenied):
        _realisasi(iki, jadwal, demo[BAWONO])
    assert not Realisasi.objects.exists()


def test_realisasi_with_file_and_link_in_one_go(iki, jadwal, sekar, tmp_path):
    r = _realisasi(
        iki,
        jadwal,
        sekar,
        berkas=contoh.unggahan("Laporan Triwulan I.pdf", contoh.PDF),
        tautan="https://drive.example.go.id/laporan",
    )
    berkas, tautan = r.bukti_set.order_by("id")
    assert (berkas.nama, berkas.jenis, berkas.ukuran) == (
        "Laporan Triwulan I.pdf",
        "application/pdf",
        len(contoh.PDF),
    )
    assert berkas.berkas.name.startswith(f"bukti/{r.pk}/Laporan_Triwulan_I")
    assert default_storage.open(berkas.berkas.name).read() == contoh.PDF
    assert (tautan.tautan, tautan.berkas.name) == ("https://drive.example.go.id/laporan", "")
    assert _berkas_tersimpan(tmp_path) == [berkas.berkas.name.rsplit("/", 1)[-1]]


@pytest.mark.parametrize(
    ("kw", "pesan"),
    [
        ({"berkas": contoh.unggahan("teks.pdf", contoh.TEKS)}, "bukan PDF"),
        ({"berkas": contoh.unggahan("program.png", contoh.EXE)}, "bukan PNG"),
        ({"tautan": "ftp://files.example.go.id/a"}, "bukan alamat http"),
        ({"tautan": "javascript:alert(1)"}, "bukan alamat http"),
        ({"tautan": "laporan saya"}, "bukan alamat http"),
    ],
)
def test_realisasi_with_a_bad_bukti_is_not_saved_at_all(iki, jadwal, sekar, tmp_path, kw, pesan):
    with pytest.raises(PelaksanaanDitolak, match=pesan):
        _realisasi(iki, jadwal, sekar, **kw)
    assert not Realisasi.objects.exists() and not BuktiDukung.objects.exists()
    assert _berkas_tersimpan(tmp_path) == []


def test_a_failure_after_the_file_was_stored_removes_it(iki, jadwal, sekar, tmp_path, monkeypatch):
    def gagal(self, *args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(BuktiDukung, "save", gagal)
    with pytest.raises(RuntimeError):
        _realisasi(iki, jadwal, sekar, berkas=contoh.unggahan("laporan.pdf", contoh.PDF))
    assert not Realisasi.objects.exists()
    assert _berkas_tersimpan(tmp_path) == []


# --- bukti dukung -------------------------------------------------------------------------------


@pytest.fixture
def realisasi(iki, jadwal, sekar):
    r = _realisasi(iki, jadwal, sekar)
    return Realisasi.objects.select_related("jadwal", "indikator__rhk__skp__periode").get(pk=r.pk)


def test_owner_adds_a_file_and_a_link(realisasi, sekar):
    baru = services.tambah_bukti(
        realisasi=realisasi,
        berkas=contoh.unggahan("nota.docx", contoh.docx()),
        tautan="http://intra.example.go.id/x",
        nama="Notulen rapat",
        by=sekar.user,
        today=HARI,
    )
    assert [(b.nama, b.jenis) for b in baru] == [
        ("nota.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("Notulen rapat", ""),
    ]


def test_an_empty_bukti_is_refused(realisasi, sekar):
    with pytest.raises(PelaksanaanDitolak, match="Pilih berkas untuk diunggah atau isi tautan"):
        services.tambah_bukti(realisasi=realisasi, tautan="   ", by=sekar.user, today=HARI)
    assert not BuktiDukung.objects.exists()


def test_an_oversized_file_is_refused(realisasi, sekar, settings, tmp_path):
    settings.KINERJA_BUKTI_MAKS_MB = 1
    besar = contoh.PDF + b"0" * (1024 * 1024)
    with pytest.raises(PelaksanaanDitolak, match="melebihi batas ukuran bukti dukung 1 MB"):
        services.tambah_bukti(
            realisasi=realisasi, berkas=contoh.unggahan("besar.pdf", besar), by=sekar.user, today=HARI
        )
    assert not BuktiDukung.objects.exists() and _berkas_tersimpan(tmp_path) == []


def test_a_wrong_file_refuses_the_link_posted_with_it(realisasi, sekar):
    with pytest.raises(PelaksanaanDitolak, match="bukan XLSX"):
        services.tambah_bukti(
            realisasi=realisasi,
            berkas=contoh.unggahan("rekap.xlsx", contoh.docx()),
            tautan="https://example.go.id",
            by=sekar.user,
            today=HARI,
        )
    assert not BuktiDukung.objects.exists()


def test_bukti_cannot_be_added_by_someone_else(realisasi, demo):
    with pytest.raises(PermissionDenied):
        services.tambah_bukti(
            realisasi=realisasi, tautan="https://example.go.id", by=demo[BAWONO].user, today=HARI
        )


def test_deleting_a_bukti_removes_its_file_after_commit(
    realisasi, sekar, tmp_path, django_capture_on_commit_callbacks
):
    (bukti,) = services.tambah_bukti(
        realisasi=realisasi, berkas=contoh.unggahan("foto.png", contoh.png()), by=sekar.user, today=HARI
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.hapus_bukti(bukti=bukti, by=sekar.user, today=HARI)
    assert not BuktiDukung.objects.exists()
    assert _berkas_tersimpan(tmp_path) == ["foto.png"]  # still there until the transaction commits
    for callback in callbacks:
        callback()
    assert _berkas_tersimpan(tmp_path) == []


def test_deleting_is_for_the_owner_while_the_period_is_open(realisasi, sekar, demo, tmp_path):
    (bukti,) = services.tambah_bukti(
        realisasi=realisasi, berkas=contoh.unggahan("foto.png", contoh.png()), by=sekar.user, today=HARI
    )
    with pytest.raises(PermissionDenied):
        services.hapus_bukti(bukti=bukti, by=demo[BAWONO].user, today=HARI)
    with pytest.raises(PelaksanaanDitolak, match="sudah ditutup pada 5 April 2027"):
        services.hapus_bukti(bukti=bukti, by=sekar.user, today=date(2027, 4, 6))
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()
    assert _berkas_tersimpan(tmp_path) == ["foto.png"]
