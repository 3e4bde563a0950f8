"""The SOP engine's services on a tiny SOP defined here and on seed 001: order, roles, documents,
assignments, returns, time standard against actual time; on every error nothing changes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.core.models import Notifikasi
from kinerja.ipasn.sop_001 import KODE
from kinerja.pelaksanaan.tests.realisasi_contoh import PDF, TEKS
from kinerja.penilaian.workflow import WorkflowError
from kinerja.sop import aksi as registry
from kinerja.sop import services
from kinerja.sop.aksi import DokumenAksi
from kinerja.sop.models import DokumenProses, HariLibur, JejakLangkah, ProsesSop, Sop
from kinerja.sop.selectors import linimasa

from .factories import DIMAS, FAJAR, IDA, NURUL, RUDI, SEKAR, sop_mini

WIB = ZoneInfo("Asia/Jakarta")
SENIN = datetime(2027, 11, 1, 9, 0, tzinfo=WIB)
KAMIS = datetime(2027, 11, 4, 9, 0, tzinfo=WIB)

pytestmark = pytest.mark.django_db


def _mulai(demo, sop=None, sekarang=SENIN):
    sop = sop or sop_mini()
    return services.mulai(
        sop,
        demo[NURUL].instansi,
        2027,
        penugasan={"pemohon": demo[FAJAR]},
        by=demo[NURUL].user,
        sekarang=sekarang,
    )


def _langkah1(proses, demo, sekarang=SENIN, **kw):
    return services.jalankan(
        proses,
        demo[FAJAR].user,
        dokumen={
            "Surat permohonan": ("Mohon diperiksa.", None),
            "Formulir permohonan": ("Formulir no. 7", None),
        },
        penugasan={"pemeriksa": demo[RUDI]},
        sekarang=sekarang,
        **kw,
    )


def _snapshot(proses):
    proses = ProsesSop.objects.get(pk=proses.pk)
    return (
        proses.status,
        proses.langkah_aktif_id,
        list(JejakLangkah.objects.filter(proses=proses).values_list("id", "selesai", "hasil")),
        DokumenProses.objects.filter(proses=proses).count(),
        list(proses.pelaksana_set.values_list("peran", "pegawai_id")),
    )


def test_a_tiny_sop_runs_through_a_return_to_the_end(demo):
    proses = _mulai(demo)
    assert proses.langkah_aktif.urutan == 1
    _langkah1(proses, demo)
    proses.refresh_from_db()
    assert proses.langkah_aktif.urutan == 2
    assert Notifikasi.objects.filter(user=demo[RUDI].user).exists()
    services.kembalikan(proses, demo[RUDI].user, catatan="Lengkapi dasar permohonan.")
    proses.refresh_from_db()
    assert proses.langkah_aktif.urutan == 1
    # On the second pass the outside form already exists: only the letter is asked for.
    services.jalankan(
        proses,
        demo[FAJAR].user,
        dokumen={"Surat permohonan": ("", SimpleUploadedFile("surat.pdf", PDF))},
        penugasan={"pemeriksa": demo[RUDI]},
    )
    services.setujui(proses, demo[RUDI].user, dokumen={"Keputusan": ("Disetujui.", None)}, catatan="Baik.")
    proses.refresh_from_db()
    assert proses.status == "selesai" and proses.langkah_aktif is None and proses.selesai_pada
    hasil = list(
        JejakLangkah.objects.filter(proses=proses)
        .order_by("id")
        .values_list("langkah__urutan", "hasil", "pegawai__nip")
    )
    assert hasil == [
        (1, "selesai", FAJAR),
        (2, "dikembalikan", RUDI),
        (1, "selesai", FAJAR),
        (2, "disetujui", RUDI),
    ]
    surat = DokumenProses.objects.get(proses=proses, nama="Surat permohonan", berkas__gt="")
    assert surat.jenis_berkas == "application/pdf" and surat.nama_berkas == "surat.pdf"
    assert (
        JejakLangkah.objects.get(proses=proses, hasil="dikembalikan").catatan == "Lengkapi dasar permohonan."
    )


def test_wrong_role_is_refused_naming_the_role(demo):
    proses = _mulai(demo)
    before = _snapshot(proses)
    with pytest.raises(WorkflowError, match="Pemohon"):
        services.jalankan(
            proses,
            demo[RUDI].user,
            dokumen={"Surat permohonan": ("x", None), "Formulir permohonan": ("y", None)},
            penugasan={"pemeriksa": demo[RUDI]},
        )
    assert _snapshot(proses) == before


def test_out_of_order_step_is_refused(demo):
    sop = sop_mini()
    proses = _mulai(demo, sop)
    before = _snapshot(proses)
    kedua = sop.langkah_set.get(urutan=2)
    with pytest.raises(WorkflowError, match="bukan langkah yang sedang berjalan"):
        services.setujui(proses, demo[FAJAR].user, langkah=kedua, dokumen={"Keputusan": ("x", None)})
    with pytest.raises(WorkflowError, match="persetujuan"):
        services.kembalikan(proses, demo[FAJAR].user, catatan="x")
    assert _snapshot(proses) == before


def test_missing_output_is_refused(demo):
    proses = _mulai(demo)
    before = _snapshot(proses)
    with pytest.raises(WorkflowError, match="Surat permohonan"):
        services.jalankan(
            proses,
            demo[FAJAR].user,
            dokumen={"Formulir permohonan": ("ada", None), "Surat permohonan": (" ", None)},
            penugasan={"pemeriksa": demo[RUDI]},
        )
    with pytest.raises(WorkflowError, match="Formulir permohonan"):
        services.jalankan(
            proses,
            demo[FAJAR].user,
            dokumen={"Surat permohonan": ("ada", None)},
            penugasan={"pemeriksa": demo[RUDI]},
        )
    assert _snapshot(proses) == before


def test_a_file_that_is_not_what_its_name_says_is_refused(demo):
    proses = _mulai(demo)
    before = _snapshot(proses)
    with pytest.raises(WorkflowError, match="bukan PDF"):
        services.jalankan(
            proses,
            demo[FAJAR].user,
            dokumen={
                "Surat permohonan": ("", SimpleUploadedFile("surat.pdf", TEKS)),
                "Formulir permohonan": ("y", None),
            },
            penugasan={"pemeriksa": demo[RUDI]},
        )
    assert _snapshot(proses) == before


def test_return_without_note_is_refused(demo):
    proses = _mulai(demo)
    _langkah1(proses, demo)
    proses.refresh_from_db()
    before = _snapshot(proses)
    with pytest.raises(WorkflowError, match="catatan"):
        services.kembalikan(proses, demo[RUDI].user, catatan="  ")
    with pytest.raises(WorkflowError, match="Lengkapi dokumen"):
        services.setujui(proses, demo[RUDI].user, dokumen={})
    assert _snapshot(proses) == before


def test_assignment_outside_the_instansi_or_missing_is_refused(demo):
    proses = _mulai(demo)
    before = _snapshot(proses)
    dokumen = {"Surat permohonan": ("x", None), "Formulir permohonan": ("y", None)}
    with pytest.raises(WorkflowError, match="bukan pegawai aktif instansi ini"):
        services.jalankan(proses, demo[FAJAR].user, dokumen=dokumen, penugasan={"pemeriksa": demo[SEKAR]})
    with pytest.raises(WorkflowError, match="Tunjuk pegawai untuk peran Pemeriksa"):
        services.jalankan(proses, demo[FAJAR].user, dokumen=dokumen, penugasan={"pemeriksa": None})
    assert _snapshot(proses) == before


def test_starting_needs_the_admin_or_pimpinan_and_happens_once_a_year(demo):
    sop = sop_mini()
    instansi = demo[NURUL].instansi
    with pytest.raises(PermissionDenied):
        services.mulai(sop, instansi, 2027, penugasan={"pemohon": demo[FAJAR]}, by=demo[FAJAR].user)
    with pytest.raises(PermissionDenied):  # the admin of Kebumen is not admin of ESDM
        services.mulai(sop, instansi, 2027, penugasan={"pemohon": demo[FAJAR]}, by=demo[DIMAS].user)
    with pytest.raises(WorkflowError, match="Pemohon"):  # the admin is not pimpinan: no default actor
        services.mulai(sop, instansi, 2027, by=demo[NURUL].user)
    with pytest.raises(WorkflowError, match="bukan pegawai aktif"):
        services.mulai(sop, instansi, 2027, penugasan={"pemohon": demo[SEKAR]}, by=demo[NURUL].user)
    assert not ProsesSop.objects.exists()
    # The pimpinan starting a run holds its first role by default.
    with pytest.raises(WorkflowError, match="bendahara"):
        services.mulai(sop, instansi, 2027, penugasan={"bendahara": demo[FAJAR]}, by=demo[IDA].user)
    proses = services.mulai(sop, instansi, 2027, by=demo[IDA].user)
    assert proses.pelaksana_set.get(peran="pemohon").pegawai == demo[IDA]
    with pytest.raises(WorkflowError, match="sudah ada"):
        services.mulai(sop, instansi, 2027, by=demo[IDA].user)
    assert ProsesSop.objects.count() == 1
    # Several roles may be given at the start.
    lain = services.mulai(
        sop, instansi, 2028, penugasan={"pemohon": demo[FAJAR], "pemeriksa": demo[RUDI]}, by=demo[NURUL].user
    )
    assert dict(lain.pelaksana_set.values_list("peran", "pegawai__nip")) == {
        "pemohon": FAJAR,
        "pemeriksa": RUDI,
    }


def test_lateness_with_a_controlled_clock(demo):
    proses = _mulai(demo, sekarang=SENIN)
    HariLibur.objects.create(tanggal=datetime(2027, 11, 3).date(), keterangan="Libur uji")
    # Step 1 (1 HK) done on Thursday: Tuesday and Thursday count (Wednesday is a holiday): 2 HK, late.
    _langkah1(proses, demo, sekarang=KAMIS)
    proses.refresh_from_db()
    # Step 2 (1 HK) approved the same day: 0 HK, on time.
    services.setujui(proses, demo[RUDI].user, dokumen={"Keputusan": ("ok", None)}, sekarang=KAMIS)
    proses.refresh_from_db()
    waktu = linimasa(proses, list(proses.sop.langkah_set.order_by("urutan")))
    assert [(p.nomor, p.standar, p.aktual, p.terlambat) for p in waktu.putaran] == [
        ("1", 1, 2, True),
        ("2", 1, 0, False),
    ]
    assert (waktu.standar, waktu.aktual, waktu.terlambat) == (2, 2, False)


def test_returns_are_passes_of_their_own_and_an_open_pass_runs_to_now(demo):
    proses = _mulai(demo, sekarang=SENIN)
    _langkah1(proses, demo, sekarang=SENIN)
    proses.refresh_from_db()
    services.kembalikan(proses, demo[RUDI].user, catatan="Revisi", sekarang=SENIN)
    proses.refresh_from_db()
    waktu = linimasa(proses, list(proses.sop.langkah_set.order_by("urutan")), sekarang=KAMIS)
    assert [(p.nomor, p.ke, p.aktual, p.terlambat) for p in waktu.putaran] == [
        ("1", 1, 0, False),
        ("2", 1, 0, False),
        ("1", 2, 3, True),  # still open on Thursday
    ]
    assert waktu.aktual == 3 and waktu.terlambat  # 3 HK against the SOP's 2


def test_a_registered_action_produces_its_output(demo):
    def rekap(proses, jejak, by):
        return [DokumenAksi("Rekap otomatis", f"Rekap {proses.tahun}", b"%PDF-1.4 rekap", "rekap.pdf")]

    registry.register("uji_rekap", menghasilkan=["Rekap otomatis"])(rekap)
    try:
        proses = _mulai(demo, sop_mini(aksi="uji_rekap"))
        _langkah1(proses, demo)
        d = DokumenProses.objects.get(proses=proses, nama="Rekap otomatis")
        assert (
            d.teks == "Rekap 2027"
            and d.jenis_berkas == "application/pdf"
            and d.berkas.read() == b"%PDF-1.4 rekap"
        )
    finally:
        registry.unregister("uji_rekap")


def test_an_unknown_action_stops_the_step(demo):
    proses = _mulai(demo, sop_mini(aksi="tidak_ada"))
    before = _snapshot(proses)
    with pytest.raises(WorkflowError, match="tidak dikenal"):
        _langkah1(proses, demo)
    assert _snapshot(proses) == before


def test_seed_001_standard_is_18_working_days_in_12_numbers():
    sop = Sop.objects.get(kode=KODE)
    rows = list(sop.langkah_set.all())
    assert sum(r.waktu_hari_kerja for r in rows) == 18  # regulasi.md §1.4
    assert len({r.nomor for r in rows}) == 12


def test_the_engine_imports_no_particular_sop():
    """kinerja/sop is generic: its modules (tests aside) import nothing from the apps whose SOPs it runs."""
    import ast
    from pathlib import Path

    import kinerja.sop

    for path in Path(kinerja.sop.__file__).parent.glob("*.py"):
        nodes = list(ast.walk(ast.parse(path.read_text())))
        modules = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
        modules += [n.module or "" for n in nodes if isinstance(n, ast.ImportFrom)]
        assert not any(m.startswith(("kinerja.ipasn", "kinerja.tindak_lanjut")) for m in modules), path
