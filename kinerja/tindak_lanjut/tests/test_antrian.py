"""The Analis SDM's queue: the receiver of `hasil_ditetapkan`, the actions "catat" (one, bulk) and
"teruskan" by role, the filters, the dashboard count and the page's query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.access import akses_of
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.signals import hasil_ditetapkan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut import antrian
from kinerja.tindak_lanjut.dashboard_antrian import antrian_analis_sdm
from kinerja.tindak_lanjut.models import JenisKiriman, Kiriman, StatusKiriman

SEKAR, BAWONO, RINA, DIMAS = (
    "199106112012062001",
    "198103021999121001",
    "199708222020122003",
    "199503142019031004",
)
NURUL = "198805202011012004"  # admin instansi of ESDM
ANTRIAN = reverse("tindak_lanjut:antrian")
CATAT = reverse("tindak_lanjut:antrian-catat")


def _final(pegawai, by, **kw):
    p = penilaian_dengan(skp_disetujui(pegawai, **kw), final=True)
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=by, perubahan=False)
    return p


@pytest.fixture
def orang(demo):
    return {
        k: demo[v]
        for k, v in {"sekar": SEKAR, "bawono": BAWONO, "rina": RINA, "dimas": DIMAS, "nurul": NURUL}.items()
    }


@pytest.mark.django_db
def test_finalised_penilaian_enter_the_queue_once(orang):
    p = _final(orang["sekar"], orang["bawono"].user)
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=orang["bawono"].user, perubahan=False)
    k = Kiriman.objects.get()
    assert (k.jenis, k.penilaian, k.pegawai, k.unit_kerja_id, k.instansi_id, k.dikirim_oleh) == (
        JenisKiriman.DOKUMEN_EVALUASI,
        p,
        orang["sekar"],
        p.unit_kerja_id,
        orang["sekar"].instansi_id,
        orang["bawono"].user,
    )


@pytest.mark.django_db
def test_keberatan_change_notes_the_waiting_entry_or_adds_a_new_one(orang):
    p = _final(orang["sekar"], orang["bawono"].user)
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=orang["bawono"].user, perubahan=True)
    k = Kiriman.objects.get()
    assert "keberatan" in k.catatan and k.status == StatusKiriman.MASUK
    antrian.catat_kiriman_dokumen(kiriman=[k], by=orang["dimas"].user)
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=orang["bawono"].user, perubahan=True)
    baru = Kiriman.objects.get(status=StatusKiriman.MASUK)
    assert baru.pk != k.pk and "keberatan" in baru.catatan
    assert Kiriman.objects.count() == 2


@pytest.mark.django_db
def test_finalisation_through_the_service_fills_the_queue(orang, monkeypatch):
    """finalisasi_tim sends the signal with the penilaian it finalised (its preconditions are the
    penilaian tests' business; here the capaian and distribution checks are satisfied by stubbing
    `ringkasan_tim`)."""
    from types import SimpleNamespace

    from kinerja.penilaian import services

    skp = skp_disetujui(orang["sekar"])
    p = penilaian_dengan(skp)
    monkeypatch.setattr(
        services,
        "ringkasan_tim",
        lambda *a: (SimpleNamespace(capaian="baik"), SimpleNamespace(menyimpang=False)),
    )
    services.finalisasi_tim(orang["bawono"], skp.periode, None, by=orang["bawono"].user)
    assert Kiriman.objects.get().penilaian == p


@pytest.mark.django_db
def test_catat_one_and_bulk_by_the_analis_sdm(orang, client_as):
    a = _final(orang["sekar"], orang["bawono"].user)
    b = _final(orang["rina"], orang["bawono"].user)
    c = _final(orang["sekar"], orang["bawono"].user, tahun=2026)
    ka, kb, kc = (Kiriman.objects.get(penilaian=p) for p in (a, b, c))
    client = client_as(orang["dimas"].user)
    assert client.post(CATAT, {"satu": ka.pk, "kiriman": [kb.pk]}).status_code == 302
    assert dict(Kiriman.objects.values_list("pk", "status")) == {
        ka.pk: StatusKiriman.DICATAT,
        kb.pk: StatusKiriman.MASUK,
        kc.pk: StatusKiriman.MASUK,
    }
    client.post(CATAT, {"kiriman": [kb.pk, kc.pk]})
    assert set(Kiriman.objects.values_list("status", flat=True)) == {StatusKiriman.DICATAT}
    assert Kiriman.objects.get(pk=kb.pk).diproses_oleh == orang["dimas"].user


@pytest.mark.django_db
def test_bulk_catat_with_a_processed_row_changes_nothing(orang, client_as):
    a = _final(orang["sekar"], orang["bawono"].user)
    b = _final(orang["rina"], orang["bawono"].user)
    ka, kb = Kiriman.objects.get(penilaian=a), Kiriman.objects.get(penilaian=b)
    antrian.catat_kiriman_dokumen(kiriman=[ka], by=orang["dimas"].user)
    response = client_as(orang["dimas"].user).post(CATAT, {"kiriman": [ka.pk, kb.pk]}, follow=True)
    assert "sudah diproses" in response.content.decode()
    assert Kiriman.objects.get(pk=kb.pk).status == StatusKiriman.MASUK
    with pytest.raises(WorkflowError):
        antrian.catat_kiriman_dokumen(kiriman=[], by=orang["dimas"].user)


@pytest.mark.django_db
def test_actions_by_role(orang, client_as):
    _final(orang["sekar"], orang["bawono"].user)
    k = Kiriman.objects.get()
    teruskan = reverse("tindak_lanjut:antrian-teruskan", args=[k.pk])
    for role in ("sekar", "bawono"):
        client = client_as(orang[role].user)
        assert client.post(CATAT, {"kiriman": [k.pk]}).status_code == 403
        assert client.post(teruskan, {"diteruskan_ke": "X"}).status_code == 403
    # the admin of another instansi does not see it
    assert client_as(orang["nurul"].user).post(CATAT, {"kiriman": [k.pk]}).status_code == 404
    assert client_as(orang["nurul"].user).post(teruskan, {"diteruskan_ke": "X"}).status_code == 404
    # only a nota dinas is forwarded: a message, nothing changed
    response = client_as(orang["dimas"].user).post(teruskan, {"diteruskan_ke": "Bidang PK"}, follow=True)
    assert "Hanya nota dinas" in response.content.decode()
    k.refresh_from_db()
    assert (k.status, k.diteruskan_ke) == (StatusKiriman.MASUK, "")


@pytest.mark.django_db
def test_filters_and_dashboard_count(orang, client_as):
    from kinerja.organisasi.models import UnitKerja

    _final(orang["sekar"], orang["bawono"].user)
    _final(orang["rina"], orang["bawono"].user)
    _final(orang["nurul"], orang["nurul"].user)  # another instansi: never in Dimas's queue
    client = client_as(orang["dimas"].user)
    assert len(client.get(ANTRIAN).context["rows"]) == 2
    assert len(client.get(ANTRIAN, {"jenis": JenisKiriman.NOTA_DINAS_USULAN}).context["rows"]) == 0
    bkpsdm = UnitKerja.objects.get(kode="BKPSDM")  # the unit above the pegawai's: its subtree counts
    assert len(client.get(ANTRIAN, {"unit": bkpsdm.pk}).context["rows"]) == 2
    setda = UnitKerja.objects.get(kode="SETDA")
    assert len(client.get(ANTRIAN, {"unit": setda.pk}).context["rows"]) == 0
    assert len(client.get(ANTRIAN, {"status": "bukan-status"}).context["rows"]) == 2  # invalid filter ignored
    bagian = antrian_analis_sdm(akses_of(orang["dimas"].user))
    assert bagian.items[0].jumlah == 2
    assert antrian_analis_sdm(akses_of(orang["sekar"].user)) is None


@pytest.mark.django_db
def test_queue_query_count_does_not_grow_with_rows(orang, client_as):
    from kinerja.tindak_lanjut import nota_dinas
    from kinerja.tindak_lanjut import usulan as layanan

    client = client_as(orang["dimas"].user)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(ANTRIAN).status_code == 200
        return len(ctx.captured_queries)

    _final(orang["sekar"], orang["bawono"].user)
    sedikit = count()
    _final(orang["rina"], orang["bawono"].user)
    _final(orang["sekar"], orang["bawono"].user, tahun=2026)
    layanan.buat_usulan(
        data=layanan.DataUsulan(
            pegawai=orang["sekar"], tahun=2027, jenis="kursus", nama_kegiatan="Kursus", jp=8, alasan="Perlu"
        ),
        by=orang["bawono"].user,
    )
    nota = nota_dinas.buat_nota(by=orang["bawono"].user, tahun=2027, kepada="Kepala Bidang PK", nomor="1")
    nota_dinas.kirim_nota(nota=nota, by=orang["bawono"].user)
    antrian.catat_kiriman_dokumen(
        kiriman=list(Kiriman.objects.filter(jenis="dokumen_evaluasi")[:1]), by=orang["dimas"].user
    )
    assert Kiriman.objects.count() == 4
    assert count() == sedikit
