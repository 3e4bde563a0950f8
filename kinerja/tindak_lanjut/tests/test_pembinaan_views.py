"""Pembinaan pages (actions by role, the Laporan hasil pembinaan PDF, list queries), penghargaan and
sanksi records (who may record, the penilaian link, PP 30/2019 Pasal 57's one-year limit) and the
dashboard section."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.aturan import PREDIKAT_KINERJA, Predikat
from kinerja.core.access import akses_of
from kinerja.core.dashboard import sections_for
from kinerja.dokumen.tests.test_skp_pdf import pdftotext
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.tindak_lanjut.models import (
    JenisPembinaan,
    Pembinaan,
    Penghargaan,
    Sanksi,
    SesiPembinaan,
    StatusPembinaan,
)

SEKAR, BAWONO, DIMAS, RINA = (
    "199106112012062001",
    "198103021999121001",
    "199503142019031004",
    "199708222020122003",
)
RATING_UNTUK = {predikat: pair for pair, predikat in PREDIKAT_KINERJA.items()}


def _pembinaan(demo, status=StatusPembinaan.USULAN, pegawai=SEKAR, **fields) -> Pembinaan:
    pegawai = demo[pegawai]
    return Pembinaan.objects.create(
        pegawai=pegawai,
        pembina=pegawai.pejabat_penilai,
        jenis=JenisPembinaan.COACHING,
        status=status,
        permasalahan="Capaian di bawah ekspektasi",
        tanggal_mulai=date(2027, 7, 1) if status != StatusPembinaan.USULAN else None,
        **fields,
    )


def _aksi(client, b, aksi, **data):
    post = {"aksi": aksi} | {f"{aksi}-{k}": v for k, v in data.items()}
    return client.post(reverse("tindak_lanjut:pembinaan-aksi", args=[b.pk]), post)


MULAI = {"tujuan": "Meningkatkan ketepatan waktu laporan", "tanggal_mulai": "2027-07-01"}


@pytest.mark.django_db
def test_pembina_starts_records_a_session_and_closes(demo, cast, client_as):
    b = _pembinaan(demo)
    client = client_as(cast["pejabat_penilai"])
    assert _aksi(client, b, "mulai", **MULAI).status_code == 302
    _aksi(
        client,
        b,
        "sesi",
        tanggal="2027-07-08",
        topik="Menyusun jadwal laporan",
        kesepakatan="Draf setiap tanggal 25",
        target_tanggal="2027-07-25",
    )
    [s] = SesiPembinaan.objects.filter(pembinaan=b)
    assert (s.topik, s.kesepakatan) == ("Menyusun jadwal laporan", "Draf setiap tanggal 25")
    _aksi(
        client,
        b,
        "tutup",
        hasil="Laporan tepat waktu",
        evaluasi_ulang="membaik",
        rekomendasi="Pembinaan selesai",
        tanggal_selesai="2027-08-01",
    )
    b.refresh_from_db()
    assert (b.status, b.tujuan, b.evaluasi_ulang) == (StatusPembinaan.SELESAI, MULAI["tujuan"], "membaik")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "atasan_pejabat_penilai", "pimpinan", "analis_sdm"])
def test_others_cannot_start_the_pembinaan(demo, cast, client_as, role):
    b = _pembinaan(demo)
    assert _aksi(client_as(cast[role]), b, "mulai", **MULAI).status_code == 403
    b.refresh_from_db()
    assert (b.status, b.tujuan) == (StatusPembinaan.USULAN, "")


@pytest.mark.django_db
def test_admin_may_cancel_and_outsider_gets_404(demo, cast, client_as):
    b = _pembinaan(demo)
    assert _aksi(client_as(cast["outsider"]), b, "batalkan", alasan="x").status_code == 404
    assert _aksi(client_as(cast["pegawai"]), b, "batalkan", alasan="x").status_code == 403
    _aksi(client_as(cast["analis_sdm"]), b, "batalkan", alasan="Pegawai dimutasi")
    b.refresh_from_db()
    assert (b.status, b.hasil) == (StatusPembinaan.DIBATALKAN, "Pegawai dimutasi")


@pytest.mark.django_db
def test_wrong_state_or_missing_field_shows_a_message_and_changes_nothing(demo, cast, client_as):
    b = _pembinaan(demo, StatusPembinaan.BERJALAN, tujuan="Semula")
    client = client_as(cast["pejabat_penilai"])
    response = _aksi(client, b, "mulai", **MULAI)
    assert response.status_code == 302
    pesan = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert pesan == ["Pembinaan ini sudah dimulai."]
    response = _aksi(client, b, "sesi", tanggal="2027-07-08", topik="")
    pesan = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert pesan == ["Topik sesi wajib diisi."]
    b.refresh_from_db()
    assert (b.status, b.tujuan, b.sesi_set.count()) == (StatusPembinaan.BERJALAN, "Semula", 0)


@pytest.mark.django_db
def test_detail_shows_forms_only_to_whoever_may_act(demo, cast, client_as):
    b = _pembinaan(demo)
    url = reverse("tindak_lanjut:pembinaan-detail", args=[b.pk])
    assert set(client_as(cast["pejabat_penilai"]).get(url).context["forms"]) == {"mulai", "batalkan"}
    assert set(client_as(cast["analis_sdm"]).get(url).context["forms"]) == {"batalkan"}
    assert client_as(cast["pegawai"]).get(url).context["forms"] == {}


@pytest.mark.django_db
def test_manual_proposal_form_lists_only_the_team(demo, cast, client_as):
    client = client_as(cast["pejabat_penilai"])
    url = reverse("tindak_lanjut:pembinaan-tambah")
    pilihan = {p.nip for p in client.get(url).context["form"].fields["pegawai"].queryset}
    assert SEKAR in pilihan and BAWONO not in pilihan
    response = client.post(
        url, {"pegawai": demo[SEKAR].pk, "jenis": "mentoring", "permasalahan": "Kompetensi"}
    )
    b = Pembinaan.objects.get()
    assert response["Location"] == reverse("tindak_lanjut:pembinaan-detail", args=[b.pk])
    assert (b.otomatis, b.jenis) == (False, "mentoring")


@pytest.mark.django_db
def test_laporan_pdf_holds_identities_sessions_and_result(demo, cast, client_as):
    sekar = demo[SEKAR]
    hasil, perilaku = RATING_UNTUK[Predikat.BUTUH_PERBAIKAN]
    p = penilaian_dengan(skp_disetujui(sekar), hasil=hasil, perilaku=perilaku, final=True)
    b = _pembinaan(
        demo,
        StatusPembinaan.SELESAI,
        penilaian=p,
        tujuan="Meningkatkan ketepatan waktu",
        tanggal_selesai=date(2027, 8, 1),
        hasil="Laporan bulanan kini tepat waktu",
        evaluasi_ulang="membaik",
        rekomendasi="Tidak perlu pembinaan lanjutan",
    )
    SesiPembinaan.objects.create(
        pembinaan=b, tanggal=date(2027, 7, 8), topik="Jadwal laporan", kesepakatan="Draf setiap tanggal 25"
    )
    response = client_as(cast["pegawai"]).get(reverse("tindak_lanjut:pembinaan-pdf", args=[b.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdftotext(response.content).split())
    for expected in (
        "LAPORAN HASIL PEMBINAAN KINERJA PEGAWAI",
        sekar.nama_lengkap,
        sekar.nip_tertulis,
        demo[BAWONO].nama_lengkap,
        "Tahunan 2027" if "Tahunan 2027" in text else "tahunan 2027",
        "BUTUH PERBAIKAN",
        "Capaian di bawah ekspektasi",
        "Meningkatkan ketepatan waktu",
        "Jadwal laporan",
        "Draf setiap tanggal 25",
        "Laporan bulanan kini tepat waktu",
        "KINERJA MEMBAIK",
        "Tidak perlu pembinaan lanjutan",
        "Kebumen, 1 Agustus 2027",
        "Pegawai yang Dibina",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_laporan_of_a_proposal_is_refused_with_a_message(demo, cast, client_as):
    b = _pembinaan(demo)
    client = client_as(cast["pejabat_penilai"])
    response = client.get(reverse("tindak_lanjut:pembinaan-pdf", args=[b.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Laporan hasil pembinaan tersedia setelah pembinaan dimulai."
    ]


@pytest.mark.django_db
def test_list_is_scoped_and_filtered(demo, cast, client_as):
    sekar_b = _pembinaan(demo, StatusPembinaan.BERJALAN)
    rina_b = _pembinaan(demo, pegawai=RINA)
    url = reverse("tindak_lanjut:pembinaan-list")
    rows = set(client_as(cast["pegawai"]).get(url).context["page"])
    assert rows == {sekar_b}
    assert set(client_as(cast["analis_sdm"]).get(url).context["page"]) == {sekar_b, rina_b}
    assert list(client_as(cast["analis_sdm"]).get(url, {"status": "usulan"}).context["page"]) == [rina_b]
    assert list(client_as(cast["outsider"]).get(url).context["page"]) == []


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(demo, cast, client_as):
    client = client_as(cast["analis_sdm"])
    url = reverse("tindak_lanjut:pembinaan-list")
    hasil, perilaku = RATING_UNTUK[Predikat.KURANG]
    _pembinaan(
        demo,
        penilaian=penilaian_dengan(skp_disetujui(demo[SEKAR]), hasil=hasil, perilaku=perilaku, final=True),
    )
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for nip in (SEKAR, RINA, DIMAS, RINA, SEKAR):
        _pembinaan(demo, pegawai=nip, status=StatusPembinaan.BERJALAN)
    with CaptureQueriesContext(connection) as banyak:
        response = client.get(url)
    assert len(response.context["page"]) == 6
    assert len(banyak) == len(satu), [q["sql"] for q in banyak.captured_queries]


# --- penghargaan and sanksi ----------------------------------------------------------------------


@pytest.mark.django_db
def test_penilai_records_penghargaan_for_own_team_only(demo, cast, client_as):
    client = client_as(cast["pejabat_penilai"])
    url = reverse("tindak_lanjut:penghargaan-tambah")
    p = penilaian_dengan(skp_disetujui(demo[SEKAR]), final=True)
    data = {"jenis": "talent_pool", "uraian": "Predikat Sangat Baik dua periode", "tanggal": "2028-01-10"}
    response = client.post(url, data | {"pegawai": demo[SEKAR].pk, "penilaian": p.pk})
    assert response.status_code == 302
    assert Penghargaan.objects.get().penilaian == p
    response = client.post(url, data | {"pegawai": demo["196804241998031011"].pk})  # his atasan
    assert response.status_code == 200 and "tidak dapat Anda catat" in response.content.decode()
    assert Penghargaan.objects.count() == 1
    assert client_as(cast["pegawai"]).post(url, data | {"pegawai": demo[SEKAR].pk}).status_code == 403


@pytest.mark.django_db
def test_penghargaan_linked_to_someone_elses_penilaian_is_refused(demo, cast, client_as):
    client = client_as(cast["analis_sdm"])
    lain = penilaian_dengan(skp_disetujui(demo[RINA]), final=True)
    response = client.post(
        reverse("tindak_lanjut:penghargaan-tambah"),
        {
            "pegawai": demo[SEKAR].pk,
            "penilaian": lain.pk,
            "jenis": "rekomendasi",
            "uraian": "X",
            "tanggal": "2028-01-10",
        },
    )
    assert "bukan penilaian pegawai tersebut" in response.content.decode()
    assert not Penghargaan.objects.exists()


SANKSI = {"jenis": "sementara", "uraian": "Tidak ada lowongan jabatan", "tanggal_mulai": "2028-02-01"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("tanggal_selesai", "dicatat"),
    [("2029-02-01", True), ("2029-02-02", False), ("", False)],
)
def test_penempatan_sementara_at_most_one_year(demo, cast, client_as, tanggal_selesai, dicatat):
    """PP 30/2019 Pasal 57 (regulasi.md §3.11)."""
    response = client_as(cast["analis_sdm"]).post(
        reverse("tindak_lanjut:sanksi-tambah"),
        SANKSI | {"pegawai": demo[SEKAR].pk, "tanggal_selesai": tanggal_selesai},
    )
    assert Sanksi.objects.exists() is dicatat
    if not dicatat:
        assert "paling lama 1 tahun" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pejabat_penilai", "pegawai", "pimpinan"])
def test_only_the_admin_records_sanksi(demo, cast, client_as, role):
    response = client_as(cast[role]).post(
        reverse("tindak_lanjut:sanksi-tambah"),
        SANKSI | {"pegawai": demo[SEKAR].pk, "tanggal_selesai": "2028-12-31"},
    )
    assert response.status_code == 403
    assert not Sanksi.objects.exists()


@pytest.mark.django_db
def test_pegawai_sees_own_records_only(demo, cast, client_as):
    mine = Penghargaan.objects.create(
        pegawai=demo[SEKAR], jenis="talent_pool", uraian="A", tanggal=date(2028, 1, 1)
    )
    Penghargaan.objects.create(pegawai=demo[RINA], jenis="talent_pool", uraian="B", tanggal=date(2028, 1, 1))
    s = Sanksi.objects.create(pegawai=demo[SEKAR], jenis="pindah", uraian="C", tanggal_mulai=date(2028, 1, 1))
    client = client_as(cast["pegawai"])
    assert list(client.get(reverse("tindak_lanjut:penghargaan-list")).context["page"]) == [mine]
    assert list(client.get(reverse("tindak_lanjut:sanksi-list")).context["page"]) == [s]


# --- dashboard -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_shows_pembina_waiting_and_running_and_pegawai_own(demo):
    _pembinaan(demo)
    _pembinaan(demo, StatusPembinaan.BERJALAN)
    _pembinaan(demo, StatusPembinaan.SELESAI)

    def bagian(nip):
        return {b.judul: b for b in sections_for(akses_of(demo[nip].user))}.get("Pembinaan kinerja")

    assert [i.jumlah for i in bagian(BAWONO).items] == [1, 1]
    assert [i.jumlah for i in bagian(SEKAR).items] == [2]
    assert bagian(DIMAS) is None
