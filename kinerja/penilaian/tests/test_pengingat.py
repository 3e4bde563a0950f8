"""Notices of the evaluation periods: who gets which on which day, each once a day, and a number of
queries that does not grow with the recipients."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.models import Notifikasi
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.services import sync_account
from kinerja.pelaksanaan.models import Realisasi
from kinerja.penilaian.pengingat import kirim_pengingat
from kinerja.penilaian.tasks import kirim_pengingat_penilaian_harian
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode
from kinerja.perencanaan.tests.factories import skp_dengan_status

WIB = ZoneInfo("Asia/Jakarta")
NIP = {
    "sri": "197505102000032002",  # penilai of Agus
    "bawono": "198103021999121001",  # penilai of Sekar, Dimas, Rina, Yoga
    "agus": "198209152006041005",  # penilai of Budi
    "budi": "199001012014021003",
    "sekar": "199106112012062001",
    "dimas": "199503142019031004",
    "rina": "199708222020122003",
    "yoga": "200001052025011001",
    "maya": "199402282018012001",  # another instansi, same calendar
    "hendra": "197811232003121002",  # Maya's penilai
}
# Triwulanan 2027: period 1 is 1 January–31 March, batas pengisian 5 April; period 2 starts 1 April.
NOL = {"jadwal": 0, "dibuka": 0, "batas": 0, "menunggu_penilaian": 0}


def _jadwal(pegawai, nomor) -> JadwalPeriode:
    return JadwalPeriode.objects.get(periode__instansi=pegawai.instansi, periode__tahun=2027, nomor=nomor)


def _isi_realisasi(skp, jadwal, berapa=None):
    iki = list(IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).order_by("pk"))
    Realisasi.objects.bulk_create(Realisasi(indikator=i, jadwal=jadwal, nilai=10) for i in iki[:berapa])


@pytest.fixture
def tim(demo):
    """Approved SKP: Sekar (period 1 filled in and final), Dimas (1 of 3 filled in, rated as a draft),
    Rina (nothing), Agus (filled in), Budi (no longer active), Maya; Yoga's SKP is still a draft."""
    o = {k: demo[nip] for k, nip in NIP.items()}
    skp = {k: skp_disetujui(o[k]) for k in ("sekar", "dimas", "rina", "agus", "budi", "maya")}
    skp_dengan_status(o["yoga"])
    satu = _jadwal(o["sekar"], 1)
    _isi_realisasi(skp["sekar"], satu)
    _isi_realisasi(skp["agus"], satu)
    _isi_realisasi(skp["dimas"], satu, 1)
    penilaian_dengan(skp["sekar"], jadwal=satu, final=True)
    penilaian_dengan(skp["dimas"], jadwal=satu)
    Pegawai.objects.filter(pk=o["budi"].pk).update(aktif=False)
    return o


def _pada(time_machine, tanggal: date):
    time_machine.move_to(datetime(tanggal.year, tanggal.month, tanggal.day, 6, 30, tzinfo=WIB), tick=False)


def _penerima(tim, judul_awal: str) -> set[str]:
    nama = {p.user_id: k for k, p in tim.items()}
    return {nama[n.user_id] for n in Notifikasi.objects.filter(judul__startswith=judul_awal)}


@pytest.mark.django_db
def test_period_opens_for_every_active_pegawai_with_an_approved_skp(tim, time_machine):
    _pada(time_machine, date(2027, 4, 1))
    hasil = kirim_pengingat(date(2027, 4, 1))
    assert hasil == NOL | {"jadwal": 2, "dibuka": 5}  # Kebumen's and ESDM's period 2
    assert _penerima(tim, "Periode penilaian ke-2 tahun 2027 dibuka") == {
        "sekar",
        "dimas",
        "rina",
        "agus",
        "maya",
    }
    n = Notifikasi.objects.get(user=tim["sekar"].user)
    assert "5 Juli 2027" in n.pesan


@pytest.mark.django_db
def test_batas_reminds_those_with_missing_realisasi_once_a_day(tim, time_machine):
    for tanggal, sisa in [(date(2027, 4, 2), "3 hari lagi"), (date(2027, 4, 5), "hari ini")]:
        _pada(time_machine, tanggal)
        judul = f"Batas pengisian realisasi periode ke-1 tahun 2027: {sisa}"
        assert kirim_pengingat(tanggal)["batas"] == 3
        assert _penerima(tim, judul) == {"dimas", "rina", "maya"}
        assert kirim_pengingat(tanggal) == NOL | {"jadwal": 2}  # a second run sends nothing new
        assert Notifikasi.objects.filter(judul=judul).count() == 3
    assert kirim_pengingat(date(2027, 4, 3)) == NOL  # 2 days before: not a reminder day


@pytest.mark.django_db
def test_penilai_hear_how_many_wait_the_day_after_the_batas(tim, time_machine):
    _pada(time_machine, date(2027, 4, 6))
    hasil = kirim_pengingat(date(2027, 4, 6))
    assert hasil == NOL | {"jadwal": 2, "menunggu_penilaian": 3}
    judul = "Penilaian periode ke-1 tahun 2027 menunggu Anda"
    assert _penerima(tim, judul) == {"bawono", "sri", "hendra"}
    pesan = {n.user_id: n.pesan for n in Notifikasi.objects.filter(judul=judul)}
    assert pesan[tim["bawono"].user_id].startswith("2 pegawai menunggu penilaian")  # Sekar's is final
    assert pesan[tim["sri"].user_id].startswith("1 pegawai")  # Agus (Budi left: Agus hears nothing)
    assert pesan[tim["hendra"].user_id].startswith("1 pegawai")  # Maya
    assert kirim_pengingat(date(2027, 4, 6))["menunggu_penilaian"] == 0


@pytest.mark.django_db
def test_emails_follow_the_notifications(tim, time_machine, django_capture_on_commit_callbacks):
    Pegawai.objects.filter(pk=tim["rina"].pk).update(email="")
    tim["rina"].user.email = ""
    tim["rina"].user.save()
    _pada(time_machine, date(2027, 4, 2))
    with django_capture_on_commit_callbacks(execute=True):
        kirim_pengingat(date(2027, 4, 2))
    penerima = {a for m in mail.outbox for a in m.to}
    assert tim["dimas"].user.email in penerima and len(mail.outbox) == 2  # Dimas and Maya, not Rina
    assert mail.outbox[0].subject.startswith("[Kinerja] Batas pengisian realisasi")


@pytest.mark.django_db
def test_dry_run_counts_without_writing(tim, time_machine):
    _pada(time_machine, date(2027, 4, 1))
    assert kirim_pengingat(date(2027, 4, 1), dry_run=True)["dibuka"] == 5
    assert not Notifikasi.objects.exists()


@pytest.mark.django_db
def test_command_and_task(tim, time_machine):
    _pada(time_machine, date(2027, 4, 1))
    out = StringIO()
    call_command("kirim_pengingat_penilaian", "--tanggal", "2027-04-01", "--dry-run", stdout=out)
    assert "Akan dikirim untuk 01-04-2027" in out.getvalue() and "(pegawai): 5" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("kirim_pengingat_penilaian", "--tanggal", "1-4-2027")
    with pytest.raises(CommandError):
        call_command("kirim_pengingat_penilaian", "--dry-run", "--antrekan")
    out = StringIO()
    call_command("kirim_pengingat_penilaian", "--antrekan", stdout=out)  # the immediate backend runs it
    assert "masuk antrean" in out.getvalue() and Notifikasi.objects.count() == 5
    assert kirim_pengingat_penilaian_harian.call("2027-04-01")["dibuka"] == 0


def _queries(tanggal) -> int:
    with CaptureQueriesContext(connection) as ctx:
        kirim_pengingat(tanggal)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_recipients(tim, time_machine):
    _pada(time_machine, date(2027, 4, 1))
    sedikit = {t: _queries(t) for t in (date(2027, 4, 1), date(2027, 4, 2), date(2027, 4, 6))}
    Notifikasi.objects.all().delete()
    sekar = tim["sekar"]
    for i in range(8):
        p = Pegawai.objects.create(
            instansi=sekar.instansi,
            unit_kerja=sekar.unit_kerja,
            jabatan=sekar.jabatan,
            nama=f"Tambahan {i}",
            nip=f"19900101201401{1 + i % 2}{i + 700:03d}",
            status="pns",
            pejabat_penilai=tim["sri"] if i % 2 else tim["bawono"],
        )
        sync_account(p)
        skp_disetujui(p)
    banyak = {t: _queries(t) for t in sedikit}
    assert banyak == sedikit
    assert Notifikasi.objects.filter(judul__startswith="Periode penilaian ke-2").count() == 13
