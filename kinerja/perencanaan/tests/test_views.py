"""SKP pages through the browser's eyes: draft, fill, submit, return, revise, approve; rights; queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisasi.models import Pegawai
from kinerja.perencanaan import services
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from kinerja.perencanaan.workflow import StatusSkp

SEKAR, BAWONO = "199106112012062001", "198103021999121001"


@pytest.fixture
def skp(demo):
    sekar = demo[SEKAR]
    return services.buka_skp(pegawai=sekar, periode=services.periode_tahun(sekar.instansi, 2027))


@pytest.mark.django_db
def test_full_cycle_through_the_pages(cast, demo, client_as):
    client = client_as(cast["pegawai"])
    response = client.post(reverse("perencanaan:skp-saya"), {"tahun": 2027, "pendekatan": "kuantitatif"})
    skp = Skp.objects.get(pegawai=demo[SEKAR])
    assert response["Location"] == skp.get_absolute_url()
    client.post(
        reverse("perencanaan:rhk-tambah", args=[skp.pk]),
        {"jenis": "utama", "uraian": "Terevaluasinya pelaksanaan promosi ASN"},
    )
    rhk = skp.rhk_set.get()
    client.post(
        reverse("perencanaan:indikator-tambah", args=[rhk.pk]),
        {
            "uraian": "Persentase evaluasi pelaksanaan promosi ASN",
            "aspek": "kualitas",
            "target_min": "100",
            "satuan": "%",
        },
    )
    client.post(reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "ajukan"})
    assert Skp.objects.get(pk=skp.pk).status == StatusSkp.DIAJUKAN

    penilai = client_as(cast["pejabat_penilai"])
    inbox = penilai.get(reverse("perencanaan:skp-inbox"))
    assert [s.pk for s in inbox.context["menunggu"]] == [skp.pk]
    penilai.post(
        reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "kembalikan", "catatan": "Tambah waktu"}
    )
    client = client_as(cast["pegawai"])
    html = client.get(skp.get_absolute_url()).content.decode()
    assert "Tambah waktu" in html
    client.post(
        reverse("perencanaan:indikator-tambah", args=[rhk.pk]),
        {"uraian": "Ketepatan waktu evaluasi", "aspek": "waktu", "target_min": "12", "satuan": "bulan"},
    )
    client.post(reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "ajukan"})
    client_as(cast["pejabat_penilai"]).post(
        reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "setujui"}
    )
    assert Skp.objects.get(pk=skp.pk).status == StatusSkp.DISETUJUI


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"jenis": "utama", "uraian": "   "}, "tidak boleh kosong"),
        ({"jenis": "utama", "uraian": "Terevaluasinya promosi ASN"}, "sudah ada"),
    ],
)
def test_bad_rhk_is_refused(cast, skp, client_as, data, pesan):
    RencanaHasilKerja.objects.create(skp=skp, uraian="Terevaluasinya promosi ASN")
    client = client_as(cast["pegawai"])
    response = client.post(reverse("perencanaan:rhk-tambah", args=[skp.pk]), data, follow=True)
    assert pesan in response.content.decode()
    assert skp.rhk_set.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"uraian": "Jumlah dokumen", "aspek": "kuantitas"}, "harus memiliki target"),
        (
            {"uraian": "Persentase", "aspek": "kualitas", "target_min": "90", "target_max": "80"},
            "tidak boleh lebih kecil",
        ),
        ({"uraian": "Persentase", "aspek": "kualitas", "target_min": "abc"}, "angka"),
    ],
)
def test_bad_indikator_is_refused(cast, skp, client_as, data, pesan):
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian="Terevaluasinya promosi ASN")
    response = client_as(cast["pegawai"]).post(
        reverse("perencanaan:indikator-tambah", args=[rhk.pk]), data, follow=True
    )
    assert pesan in response.content.decode().lower()
    assert not IndikatorKinerjaIndividu.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [("pejabat_penilai", 403), ("analis_sdm", 403), ("outsider", 404)]
)
def test_only_the_owner_edits_contents(cast, skp, client_as, role, status):
    response = client_as(cast[role]).post(
        reverse("perencanaan:rhk-tambah", args=[skp.pk]), {"jenis": "utama", "uraian": "Disusupkan"}
    )
    assert response.status_code == status
    assert not skp.rhk_set.exists()


@pytest.mark.django_db
def test_contents_locked_after_submission(cast, skp, client_as):
    rhk = RencanaHasilKerja.objects.create(skp=skp, uraian="Terevaluasinya promosi ASN")
    IndikatorKinerjaIndividu.objects.create(rhk=rhk, uraian="Persentase", target_teks="100%")
    client = client_as(cast["pegawai"])
    client.post(reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "ajukan"})
    assert client.post(reverse("perencanaan:rhk-hapus", args=[rhk.pk])).status_code == 403
    assert client.post(reverse("perencanaan:skp-aksi", args=[skp.pk]), {"aksi": "setujui"}).status_code == 403
    assert RencanaHasilKerja.objects.filter(pk=rhk.pk).exists()


@pytest.mark.django_db
def test_penilai_writes_ekspektasi_pegawai_cannot(cast, skp, client_as):
    url = reverse("perencanaan:ekspektasi-simpan", args=[skp.pk])
    assert client_as(cast["pegawai"]).post(url, {"ekspektasi-0": "x"}).status_code == 403
    client_as(cast["pejabat_penilai"]).post(url, {"ekspektasi-0": "Menjawab pengaduan dalam 1 hari"})
    assert skp.ekspektasi_set.get(nilai=0).ekspektasi_khusus == "Menjawab pengaduan dalam 1 hari"


@pytest.mark.django_db
def test_klasifikasi_advises(cast, client_as):
    client = client_as(cast["pegawai"])
    html = client.get(reverse("perencanaan:klasifikasi"), {"uraian": "Melaksanakan rapat koordinasi"}).content
    assert b"text-warning" in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _fill(skp, n_rhk):
    rhk = RencanaHasilKerja.objects.bulk_create(
        RencanaHasilKerja(skp=skp, uraian=f"Hasil kerja {i}", urutan=i) for i in range(n_rhk)
    )
    IndikatorKinerjaIndividu.objects.bulk_create(
        IndikatorKinerjaIndividu(rhk=r, uraian=f"Indikator {j}", aspek=a, target_teks="100%")
        for r in rhk
        for j, a in enumerate(["kuantitas", "kualitas", "waktu"])
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pegawai", "pejabat_penilai"])
def test_skp_page_constant_queries(cast, skp, client_as, role):
    client = client_as(cast[role])
    _fill(skp, 1)
    few = _queries(client, skp.get_absolute_url())
    _fill(skp, 19)  # 20 rencana hasil kerja × 3 indikator
    assert _queries(client, skp.get_absolute_url()) == few


@pytest.mark.django_db
def test_inbox_constant_queries(cast, demo, client_as):
    bawono = demo[BAWONO]
    periode = services.periode_tahun(bawono.instansi, 2027)
    client = client_as(cast["pejabat_penilai"])
    url = reverse("perencanaan:skp-inbox")

    def add(n, start):
        for i in range(start, start + n):
            p = Pegawai.objects.create(
                instansi=bawono.instansi,
                unit_kerja=bawono.unit_kerja,
                jabatan=demo[SEKAR].jabatan,
                nama=f"Staf {i:02d}",
                nip=f"19900101201401{1 + i % 2}{i + 100:03d}",
                status="pns",
                golongan_ruang="III/a",
                pejabat_penilai=bawono,
            )
            skp = Skp.objects.create(
                pegawai=p,
                periode=periode,
                jenis="ja_jf",
                unit_kerja=p.unit_kerja,
                pejabat_penilai=bawono,
                tanggal_mulai=date(2027, 1, 1),
                tanggal_selesai=date(2027, 12, 31),
                status=StatusSkp.DIAJUKAN if i % 2 else StatusSkp.DRAF,
            )
            del skp

    add(2, 0)
    few = _queries(client, url)
    add(48, 2)  # 50 subordinates
    assert _queries(client, url) == few


@pytest.mark.django_db
def test_skp_of_the_top_official_shows_the_pimpinan_instansi_as_penilai(cast, demo, client_as):
    sekda = demo["196411171992011002"]
    skp = services.buka_skp(pegawai=sekda, periode=services.periode_tahun(sekda.instansi, 2027))
    html = client_as(cast["pimpinan"]).get(skp.get_absolute_url()).content.decode()
    assert "Bupati Kebumen" in html and skp.jenis == Skp.Jenis.JPT


@pytest.mark.django_db
def test_jpt_rhk_links_a_perjanjian_kinerja_sasaran_of_its_unit(demo, client_as):
    from kinerja.organisasi.models import UnitKerja
    from kinerja.perencanaan.models import PerjanjianKinerja

    kepala = demo["196804241998031011"]
    skp = services.buka_skp(pegawai=kepala, periode=services.periode_tahun(kepala.instansi, 2027))
    pk = PerjanjianKinerja.objects.create(unit_kerja=skp.unit_kerja, tahun=2027)
    sasaran = pk.sasaran_set.create(uraian="Meningkatnya profesionalitas ASN")
    lain = PerjanjianKinerja.objects.create(unit_kerja=UnitKerja.objects.get(kode="DJK"), tahun=2027)
    asing = lain.sasaran_set.create(uraian="Sasaran instansi lain")
    client = client_as(kepala.user)
    html = client.get(skp.get_absolute_url()).content.decode()
    assert "Meningkatnya profesionalitas ASN" in html and "Sasaran instansi lain" not in html
    url = reverse("perencanaan:rhk-tambah", args=[skp.pk])
    client.post(url, {"jenis": "utama", "uraian": "Terwujudnya ASN profesional", "sasaran": asing.pk})
    assert not skp.rhk_set.exists()
    client.post(url, {"jenis": "utama", "uraian": "Terwujudnya ASN profesional", "sasaran": sasaran.pk})
    assert skp.rhk_set.get().sasaran == sasaran


@pytest.mark.django_db
def test_admin_dashboard_counts_the_instansis_skp(cast, demo, client_as, time_machine):
    time_machine.move_to(date(2027, 1, 15))
    sekar = demo[SEKAR]
    skp = services.buka_skp(pegawai=sekar, periode=services.periode_tahun(sekar.instansi, 2027))
    Skp.objects.filter(pk=skp.pk).update(status=StatusSkp.DIAJUKAN)
    services.buka_skp(pegawai=demo[BAWONO], periode=skp.periode)
    bagian = {
        b.judul: b for b in client_as(cast["analis_sdm"]).get(reverse("core:dashboard")).context["sections"]
    }
    items = {i.teks: i for i in bagian["SKP 2027 instansi"].items}
    assert items["SKP diajukan"].jumlah == 1 and items["SKP draf"].jumlah == 1
    assert items["SKP disetujui"].jumlah == 0
    assert items["SKP diajukan"].url == reverse("perencanaan:rekap") + "?tahun=2027&status=diajukan"
    pegawai_view = client_as(cast["pegawai"]).get(reverse("core:dashboard")).context["sections"]
    assert "SKP 2027 instansi" not in {b.judul for b in pegawai_view}


@pytest.mark.django_db
def test_change_of_position_from_the_skp_page(skp, cast, client_as):
    url = reverse("perencanaan:skp-pindah", args=[skp.pk])
    assert client_as(cast["pegawai"]).post(url, {"tanggal": "2027-07-01"}).status_code == 403
    admin = client_as(cast["analis_sdm"])
    assert "Pindah jabatan di tengah tahun" in admin.get(skp.get_absolute_url()).content.decode()
    for bad in ("", "kemarin", "2026-12-01", "2027-01-01"):  # missing, invalid, outside or at the start
        admin.post(url, {"tanggal": bad})
        assert Skp.objects.get(pk=skp.pk).status == StatusSkp.DRAF and Skp.objects.count() == 1, bad
    response = admin.post(url, {"tanggal": "2027-07-01"})
    baru = Skp.objects.exclude(pk=skp.pk).get()
    assert response["Location"] == baru.get_absolute_url()
    skp.refresh_from_db()
    assert (skp.status, skp.tanggal_selesai) == (StatusSkp.DITUTUP, date(2027, 6, 30))
    assert (baru.status, baru.tanggal_mulai) == (StatusSkp.DRAF, date(2027, 7, 1))
    assert (
        "Pindah jabatan di tengah tahun"
        not in client_as(cast["pegawai"]).get(baru.get_absolute_url()).content.decode()
    )
