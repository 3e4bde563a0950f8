"""SOP pages: the SOP table, starting a run, the step form only for its actor, step actions through the
view (with errors as messages and nothing changed), downloads, the dashboard, and query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.core.access import akses_of
from kinerja.core.dashboard import sections_for
from kinerja.ipasn.sop_001 import KODE
from kinerja.pelaksanaan.tests.realisasi_contoh import PDF
from kinerja.sop import services
from kinerja.sop.models import DokumenProses, JejakLangkah, ProsesSop, Sop

from .factories import FAJAR, IDA, NURUL, RUDI, sop_mini

pytestmark = pytest.mark.django_db


def _mulai(demo, sop=None, tahun=2027):
    return services.mulai(
        sop or sop_mini(),
        demo[NURUL].instansi,
        tahun,
        penugasan={"pemohon": demo[FAJAR]},
        by=demo[NURUL].user,
    )


def _post_langkah1(client, proses, **extra):
    data = {
        "langkah": proses.langkah_aktif_id,
        "teks_0": "Formulir no. 7",
        "teks_1": "",
        "berkas_1": SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf"),
        "peran_pemeriksa": "",
        "keputusan": "jalankan",
    } | extra
    return client.post(reverse("sop:langkah", args=[proses.pk]), data)


def test_sop_page_shows_the_table_of_seed_001(client_as, demo):
    sop = Sop.objects.get(kode=KODE)
    html = client_as(demo[FAJAR].user).get(reverse("sop:detail", args=[sop.pk])).content.decode()
    assert "68.SOP/OT.03/SDL.4/2023" in html
    assert "Kepala Bagian Umum" in html and "Konsep Undangan Rapat" in html
    assert "18 hari kerja" in html
    assert "Mulai proses" not in html  # Fajar may not start runs
    html = client_as(demo[IDA].user).get(reverse("sop:detail", args=[sop.pk])).content.decode()
    assert "Mulai proses" in html


def test_start_form_starts_a_run_and_refuses_a_second(client_as, demo):
    sop = sop_mini()
    client = client_as(demo[NURUL].user)
    data = {"instansi": demo[NURUL].instansi_id, "tahun": 2027, "nip_pelaksana": FAJAR}
    response = client.post(reverse("sop:mulai", args=[sop.pk]), data)
    proses = ProsesSop.objects.get()
    assert response.url == reverse("sop:proses", args=[proses.pk])
    response = client.post(reverse("sop:mulai", args=[sop.pk]), data, follow=True)
    assert "sudah ada" in response.content.decode()
    assert ProsesSop.objects.count() == 1
    assert client_as(demo[FAJAR].user).post(reverse("sop:mulai", args=[sop.pk]), data).status_code == 403


def test_only_the_actor_gets_the_form_and_others_are_refused(client_as, demo):
    proses = _mulai(demo)
    url = reverse("sop:proses", args=[proses.pk])
    assert "form-langkah" in client_as(demo[FAJAR].user).get(url).content.decode()
    assert "form-langkah" not in client_as(demo[NURUL].user).get(url).content.decode()
    client = client_as(demo[NURUL].user)
    assert _post_langkah1(client, proses, peran_pemeriksa=demo[RUDI].pk).status_code == 403
    assert JejakLangkah.objects.filter(proses=proses, selesai__isnull=False).count() == 0


def test_step_through_the_view_with_error_then_success(client_as, demo):
    proses = _mulai(demo)
    client = client_as(demo[FAJAR].user)
    response = _post_langkah1(client, proses)  # no pemeriksa chosen
    assert response.status_code == 302
    follow = client.get(response.url).content.decode()
    assert "Tunjuk pegawai untuk peran Pemeriksa" in follow
    assert not DokumenProses.objects.exists()
    _post_langkah1(client, proses, peran_pemeriksa=demo[RUDI].pk)
    proses.refresh_from_db()
    assert proses.langkah_aktif.urutan == 2
    doc = DokumenProses.objects.get(nama="Surat permohonan")
    download = client.get(reverse("sop:dokumen", args=[doc.pk]))
    assert download.status_code == 200 and download.content == PDF
    assert download["Content-Type"] == "application/pdf"
    # A stale form (the step already taken) is refused with a message.
    response = _post_langkah1(client, proses, langkah=proses.sop.langkah_set.get(urutan=1).pk)
    assert "bukan langkah yang sedang berjalan" in client.get(response.url).content.decode()
    # Return without a note: a message, nothing changed; with one: back to step 1.
    rudi = client_as(demo[RUDI].user)
    url = reverse("sop:langkah", args=[proses.pk])
    response = rudi.post(url, {"langkah": proses.langkah_aktif_id, "keputusan": "kembalikan", "catatan": ""})
    assert "Tuliskan catatan perbaikan" in rudi.get(response.url).content.decode()
    proses.refresh_from_db()
    assert proses.langkah_aktif.urutan == 2
    rudi.post(url, {"langkah": proses.langkah_aktif_id, "keputusan": "kembalikan", "catatan": "Perbaiki."})
    proses.refresh_from_db()
    assert proses.langkah_aktif.urutan == 1
    page = client.get(reverse("sop:proses", args=[proses.pk])).content.decode()
    assert "putaran 2" in page and "Perbaiki." in page


def test_dashboard_lists_the_step_waiting_for_the_user(demo):
    proses = _mulai(demo)
    judul = [b.judul for b in sections_for(akses_of(demo[FAJAR].user))]
    assert "Langkah SOP menunggu Anda" in judul
    assert "Langkah SOP menunggu Anda" not in [b.judul for b in sections_for(akses_of(demo[RUDI].user))]
    assert proses.judul


def _jalan_satu_putaran(demo, proses):
    services.jalankan(
        proses,
        demo[FAJAR].user,
        dokumen={"Surat permohonan": ("Surat", None), "Formulir permohonan": ("Formulir", None)},
        penugasan={"pemeriksa": demo[RUDI]},
    )
    services.kembalikan(proses, demo[RUDI].user, catatan="Revisi")


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_pages_do_not_grow_queries_with_rows(client_as, demo):
    """The list with 1 then 4 runs, and a run page with 1 then 4 returns: the same query count."""
    sop = sop_mini()
    client = client_as(demo[NURUL].user)
    proses = _mulai(demo, sop, tahun=2020)
    _jalan_satu_putaran(demo, proses)
    kecil = _queries(client, reverse("sop:daftar")), _queries(client, reverse("sop:proses", args=[proses.pk]))
    for tahun in (2021, 2022, 2023):
        _jalan_satu_putaran(demo, _mulai(demo, sop, tahun=tahun))
    for _ in range(3):
        _jalan_satu_putaran(demo, proses)
    besar = _queries(client, reverse("sop:daftar")), _queries(client, reverse("sop:proses", args=[proses.pk]))
    assert besar == kecil
