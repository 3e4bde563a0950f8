"""SKP deadline reminders: who gets what on which day, nobody twice, and a cost that does not grow."""

from collections import Counter
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.models import Notifikasi
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.perencanaan import pengingat, services
from kinerja.perencanaan.models import PengingatSkp, Skp
from kinerja.perencanaan.pengingat import kirim_pengingat
from kinerja.perencanaan.tasks import kirim_pengingat_harian
from kinerja.perencanaan.workflow import StatusSkp

NIP = {
    "ahmad": "196411171992011002",  # Sekda, penilai of Amirudin
    "amirudin": "196804241998031011",  # penilai of Sri and Bawono
    "sri": "197505102000032002",  # penilai of Agus
    "bawono": "198103021999121001",  # penilai of Sekar, Dimas, Rina, Yoga
    "agus": "198209152006041005",  # penilai of Budi and Lestari
    "budi": "199001012014021003",
    "sekar": "199106112012062001",
    "lestari": "199204172023212001",
    "dimas": "199503142019031004",
    "rina": "199708222020122003",
    "yoga": "200001052025011001",
}
BATAS = date(2027, 1, 31)  # the default deadline (seed 000)
ZERO = {"periode": 0, "penyusunan": 0, "persetujuan": 0, "terlambat": 0, "terlambat_penilai": 0}
# Sekar and Yoga submitted (waiting for Bawono), Lestari submitted (waiting for Agus), Dimas approved,
# Rina returned; Budi is no longer active; the others have no SKP.
BELUM = {"ahmad", "amirudin", "sri", "bawono", "agus", "rina"}


def _skp(pegawai, periode, status):
    return Skp(
        pegawai=pegawai,
        periode=periode,
        jenis=Skp.Jenis.JA_JF,
        unit_kerja_id=pegawai.unit_kerja_id,
        tanggal_mulai=periode.tanggal_mulai,
        tanggal_selesai=periode.tanggal_selesai,
        status=status,
    )


@pytest.fixture
def tim(demo):
    orang = {nama: demo[nip] for nama, nip in NIP.items()}
    periode = services.periode_tahun(orang["sekar"].instansi, 2027)
    Skp.objects.bulk_create(
        _skp(orang[nama], periode, status)
        for nama, status in [
            ("sekar", StatusSkp.DIAJUKAN),
            ("yoga", StatusSkp.DIAJUKAN),
            ("lestari", StatusSkp.DIAJUKAN),
            ("dimas", StatusSkp.DISETUJUI),
            ("rina", StatusSkp.DIKEMBALIKAN),
        ]
    )
    Pegawai.objects.filter(pk=orang["budi"].pk).update(aktif=False)
    esdm = services.periode_tahun(Instansi.objects.get(kode="kemen-esdm"), 2027)
    esdm.batas_penyusunan = date(2027, 2, 28)  # another instansi, another deadline
    esdm.save()
    return orang


def _diberi_tahu(orang) -> dict[str, list[Notifikasi]]:
    users = {p.user_id: nama for nama, p in orang.items()}
    out: dict[str, list[Notifikasi]] = {}
    for n in Notifikasi.objects.order_by("id"):
        out.setdefault(users.get(n.user_id, "?"), []).append(n)
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("hari", [14, 7, 3, 1, 0])
def test_reminder_days(tim, hari):
    hasil = kirim_pengingat(BATAS - timedelta(days=hari))
    assert hasil == ZERO | {"periode": 1, "penyusunan": 6, "persetujuan": 2}
    diberi = _diberi_tahu(tim)
    assert set(diberi) == BELUM | {"bawono", "agus"}  # Bawono and Agus are late themselves too
    sisa = "hari ini" if hari == 0 else f"{hari} hari lagi"
    rina = diberi["rina"]
    assert [n.judul for n in rina] == ["SKP tahun 2027 belum diajukan"]
    assert f"batas penyusunan 31 Januari 2027 ({sisa})" in rina[0].pesan
    assert rina[0].url == "/skp/"
    bawono = {n.judul: n for n in diberi["bawono"]}
    assert set(bawono) == {"SKP tahun 2027 belum diajukan", "2 SKP menunggu persetujuan Anda"}
    assert f"2 SKP tahun 2027 menunggu persetujuan Anda; batas penyusunan 31 Januari 2027 ({sisa})" in (
        bawono["2 SKP menunggu persetujuan Anda"].pesan
    )
    assert bawono["2 SKP menunggu persetujuan Anda"].url == "/skp/bawahan/"
    assert "1 SKP menunggu persetujuan Anda" in [n.judul for n in diberi["agus"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tanggal", [date(2027, 1, 16), date(2027, 1, 18), date(2027, 1, 29), date(2027, 2, 2)]
)
def test_other_days_send_nothing(tim, tanggal):
    assert kirim_pengingat(tanggal) == ZERO
    assert not Notifikasi.objects.exists() and not PengingatSkp.objects.exists()


@pytest.mark.django_db
def test_day_after_the_deadline_flags_late_skp(tim):
    hasil = kirim_pengingat(BATAS + timedelta(days=1))
    assert hasil == ZERO | {"periode": 1, "terlambat": 6, "terlambat_penilai": 5}
    diberi = _diberi_tahu(tim)
    assert [n.judul for n in diberi["rina"]] == ["SKP tahun 2027 terlambat"]
    assert "(31 Januari 2027) telah lewat dan SKP Anda belum diajukan" in diberi["rina"][0].pesan
    ringkasan = {
        nama: next(
            n.pesan for n in diberi[nama] if n.judul == "Penyusunan SKP tahun 2027 terlambat di tim Anda"
        )
        for nama in ("ahmad", "amirudin", "sri", "bawono", "agus")
    }
    assert "1 pegawai yang Anda nilai belum mengajukan SKP dan 2 SKP menunggu" in ringkasan["bawono"]
    assert "2 pegawai yang Anda nilai belum mengajukan SKP dan 0 SKP menunggu" in ringkasan["amirudin"]
    assert "1 pegawai yang Anda nilai belum mengajukan SKP dan 0 SKP menunggu" in ringkasan["sri"]
    assert (
        "0 pegawai yang Anda nilai belum mengajukan SKP dan 1 SKP menunggu" in ringkasan["agus"]
    )  # not Budi
    assert {"sekar", "yoga", "lestari", "dimas", "budi"}.isdisjoint(diberi)


@pytest.mark.django_db
def test_nobody_twice(tim):
    hari_kirim = {BATAS - timedelta(days=n) for n in (14, 7, 3, 1, 0)} | {BATAS + timedelta(days=1)}
    tanggal = date(2027, 1, 10)
    while tanggal <= date(2027, 2, 5):
        pertama = kirim_pengingat(tanggal)
        assert (pertama["periode"] == 1) is (tanggal in hari_kirim), tanggal
        assert kirim_pengingat(tanggal) == ZERO | {"periode": pertama["periode"]}  # same day again: nothing
        tanggal += timedelta(days=1)
    diberi = _diberi_tahu(tim)
    assert len(diberi["rina"]) == 6  # five reminders and one late notice
    assert len(diberi["bawono"]) == 12  # the same for his own SKP, and six about his team
    assert PengingatSkp.objects.filter(pegawai=tim["rina"]).count() == 6
    assert Notifikasi.objects.count() == PengingatSkp.objects.count()


@pytest.mark.django_db
def test_submitting_stops_the_reminders(tim):
    kirim_pengingat(BATAS - timedelta(days=7))
    Skp.objects.filter(pegawai=tim["rina"]).update(status=StatusSkp.DIAJUKAN)
    Skp.objects.filter(pegawai__in=[tim["sekar"], tim["yoga"]]).update(status=StatusSkp.DISETUJUI)
    hasil = kirim_pengingat(BATAS - timedelta(days=3))
    assert hasil["penyusunan"] == 5 and hasil["persetujuan"] == 2  # Bawono now waits on Rina only
    bawono = [n.judul for n in _diberi_tahu(tim)["bawono"]]
    assert bawono.count("1 SKP menunggu persetujuan Anda") == 1


@pytest.mark.django_db
def test_dry_run_counts_and_writes_nothing(tim):
    assert kirim_pengingat(BATAS, dry_run=True) == ZERO | {"periode": 1, "penyusunan": 6, "persetujuan": 2}
    assert not Notifikasi.objects.exists() and not PengingatSkp.objects.exists()


@pytest.mark.django_db
def test_reminders_are_mailed_after_commit(tim, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kirim_pengingat(BATAS - timedelta(days=14))
    subjects = sorted((m.to[0], m.subject) for m in mailoutbox)
    assert len(subjects) == 8
    assert (tim["bawono"].email, "[Kinerja] 2 SKP menunggu persetujuan Anda") in subjects
    assert (tim["rina"].email, "[Kinerja] SKP tahun 2027 belum diajukan") in subjects


def _tambah_pegawai(tim, n: int, awal: int) -> None:
    """`n` more pegawai of Kebumen with accounts: half submitted, each to a new penilai of their own."""
    contoh = tim["rina"]
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"uji{awal + i}", email=f"uji{awal + i}@contoh.go.id") for i in range(2 * n)
    )
    penilai = Pegawai.objects.bulk_create(
        Pegawai(
            instansi_id=contoh.instansi_id,
            unit_kerja_id=contoh.unit_kerja_id,
            status=contoh.status,
            nip=f"{awal + i:018d}",
            nama=f"Penilai {i}",
            user=users[i],
        )
        for i in range(n)
    )
    staf = Pegawai.objects.bulk_create(
        Pegawai(
            instansi_id=contoh.instansi_id,
            unit_kerja_id=contoh.unit_kerja_id,
            status=contoh.status,
            nip=f"{awal + n + i:018d}",
            nama=f"Staf {i}",
            user=users[n + i],
            pejabat_penilai=penilai[i],
        )
        for i in range(n)
    )
    periode = Skp.objects.get(pegawai=tim["sekar"]).periode
    Skp.objects.bulk_create(_skp(p, periode, StatusSkp.DIAJUKAN) for p in staf[: n // 2])


@pytest.mark.django_db
@pytest.mark.parametrize("hari", [7, -1])
def test_query_count_does_not_grow_with_pegawai(tim, hari):
    tanggal = BATAS - timedelta(days=hari)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            hasil = kirim_pengingat(tanggal)
        return len(ctx), sum(hasil.values()) - hasil["periode"]

    sedikit, n_sedikit = queries()
    assert n_sedikit == (6 + 2 if hari > 0 else 6 + 5)
    PengingatSkp.objects.all().delete()  # the same day again, with more people
    _tambah_pegawai(tim, 40, awal=900_000)
    banyak, n_banyak = queries()
    # 40 penilai and 20 staff without SKP; 20 penilai waited on, after the deadline all 40 with a summary
    assert n_banyak == n_sedikit + 40 + 20 + (20 if hari > 0 else 40)
    assert banyak == sedikit


@pytest.mark.django_db
def test_batches_reach_everyone_once(tim, monkeypatch):
    monkeypatch.setattr(pengingat, "BATCH", 4)
    _tambah_pegawai(tim, 5, awal=800_000)
    hasil = kirim_pengingat(BATAS)
    assert hasil == ZERO | {"periode": 1, "penyusunan": 6 + 5 + 3, "persetujuan": 2 + 2}
    assert Notifikasi.objects.count() == PengingatSkp.objects.count() == 6 + 5 + 3 + 2 + 2
    per_user = Counter(Notifikasi.objects.values_list("user_id", flat=True))
    assert len(per_user) == 6 + 5 + 3  # the 4 penilai reminded have no SKP either: two each
    assert sorted(per_user.values()) == [1] * 10 + [2] * 4


@pytest.mark.django_db
def test_a_racing_run_sends_nothing_twice(tim, monkeypatch):
    """Two runs reading before either writes: the unique reminder row refuses the second's batch."""
    assert kirim_pengingat(BATAS)["penyusunan"] == 6
    monkeypatch.setattr(
        pengingat, "_belum_dikirim", lambda qs, *a: qs.filter(user__isnull=False).order_by("pk")
    )
    assert kirim_pengingat(BATAS) == ZERO | {"periode": 1}
    assert Notifikasi.objects.count() == PengingatSkp.objects.count() == 8


@pytest.mark.django_db
def test_pegawai_without_email_get_the_in_app_notice_only(
    tim, mailoutbox, django_capture_on_commit_callbacks
):
    get_user_model().objects.filter(pk__in=[tim["bawono"].user_id, tim["rina"].user_id]).update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        kirim_pengingat(BATAS)
    assert Notifikasi.objects.count() == 8
    assert len(mailoutbox) == 8 - 3  # Bawono twice, Rina once


@pytest.mark.django_db
def test_command_prints_counts(tim):
    out = StringIO()
    call_command("kirim_pengingat_skp", "--tanggal", "2027-01-24", stdout=out)
    teks = out.getvalue()
    assert "Terkirim untuk 24-01-2027:" in teks
    assert "pengingat SKP belum diajukan (pegawai): 6" in teks
    assert "pengingat SKP menunggu persetujuan (pejabat penilai): 2" in teks
    assert PengingatSkp.objects.count() == 8


@pytest.mark.django_db
def test_command_dry_run_and_bad_date(tim):
    out = StringIO()
    call_command("kirim_pengingat_skp", "--tanggal", "2027-02-01", "--dry-run", stdout=out)
    assert "Akan dikirim untuk 01-02-2027:" in out.getvalue()
    assert "pemberitahuan SKP terlambat (pegawai): 6" in out.getvalue()
    assert not PengingatSkp.objects.exists()
    with pytest.raises(CommandError, match="Tanggal tidak valid: '31-01-2027'"):
        call_command("kirim_pengingat_skp", "--tanggal", "31-01-2027")
    with pytest.raises(CommandError, match="--dry-run tidak dapat dipakai bersama --antrekan"):
        call_command("kirim_pengingat_skp", "--dry-run", "--antrekan")
    assert not Notifikasi.objects.exists()


@pytest.mark.django_db
def test_task_runs_for_today_in_jakarta(tim):
    # 17 January 2027, 06:30 in Jakarta is still the 16th in UTC: the reminder is for the 17th.
    with time_machine.travel(datetime(2027, 1, 17, 6, 30, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        hasil = kirim_pengingat_harian.enqueue()
    assert hasil.return_value == ZERO | {"periode": 1, "penyusunan": 6, "persetujuan": 2}
    assert set(PengingatSkp.objects.values_list("tanggal", flat=True)) == {date(2027, 1, 17)}


@pytest.mark.django_db
def test_command_can_queue_the_task(tim):
    out = StringIO()
    call_command("kirim_pengingat_skp", "--tanggal", "2027-01-30", "--antrekan", stdout=out)
    assert "masuk antrean" in out.getvalue()
    assert PengingatSkp.objects.filter(tanggal=date(2027, 1, 30)).count() == 8  # immediate backend in tests
