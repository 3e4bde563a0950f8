"""IP ASN pages: "Hitung ulang" rights and refusals, the penilai's team, constant query counts."""

from django.urls import reverse

from kinerja.ipasn.models import HasilIpAsn, PerhitunganIpAsn, TabelIpAsn
from kinerja.ipasn.perhitungan import hitung_ip_asn
from kinerja.organisasi.models import Pegawai, UnitKerja

SEKAR, BAWONO = "199106112012062001", "198103021999121001"


def _hitung(client, instansi, tahun=2027):
    return client.post(reverse("ipasn:hasil-hitung"), {"instansi": instansi.pk, "tahun": tahun})


def test_admin_hitung_ulang(cast, demo, client_as):
    instansi = demo[SEKAR].instansi
    response = _hitung(client_as(cast["analis_sdm"]), instansi)
    assert response.status_code == 302
    p = PerhitunganIpAsn.objects.get()
    assert (p.instansi, p.tahun, p.tahap, p.dihitung_oleh) == (instansi, 2027, "draf", cast["analis_sdm"])
    page = client_as(cast["pimpinan"]).get(reverse("ipasn:hasil"), {"tahun": 2027})
    assert page.status_code == 200 and page.context["r"].perhitungan == p


def test_hitung_ulang_hanya_admin(cast, demo, client_as):
    instansi = demo[SEKAR].instansi
    for role, code in (("pimpinan", 403), ("pejabat_penilai", 403), ("pegawai", 403), ("outsider", 404)):
        assert _hitung(client_as(cast[role]), instansi).status_code == code, role
    assert not PerhitunganIpAsn.objects.exists()


def test_tabel_tidak_valid_pesan_dan_tidak_ada_perubahan(cast, demo, client_as):
    TabelIpAsn.objects.update(bobot={"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 10})
    response = _hitung(client_as(cast["analis_sdm"]), demo[SEKAR].instansi)
    pesan = [str(m) for m in response.wsgi_request._messages]
    assert any("Jumlah bobot dimensi harus 100" in m for m in pesan)
    assert not PerhitunganIpAsn.objects.exists()


def test_tahun_tidak_valid(cast, demo, client_as):
    response = _hitung(client_as(cast["analis_sdm"]), demo[SEKAR].instansi, tahun="abc")
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Instansi dan tahun perhitungan IP ASN tidak valid."
    ]
    assert not PerhitunganIpAsn.objects.exists()


def test_saya_dan_tim_penilai(cast, demo, client_as):
    p = hitung_ip_asn(demo[SEKAR].instansi, 2027)
    response = client_as(cast["pejabat_penilai"]).get(reverse("ipasn:hasil-saya"))
    assert response.context["h"].pegawai == demo[BAWONO]
    tim = {r.nip for r in response.context["tim"]}
    expected = set(
        Pegawai.objects.filter(pejabat_penilai=demo[BAWONO], aktif=True).values_list("nip", flat=True)
    )
    assert SEKAR in tim and tim <= expected
    sekar = client_as(cast["pegawai"]).get(reverse("ipasn:hasil-saya"))
    assert sekar.context["h"].pegawai == demo[SEKAR] and not sekar.context["tim"]
    lain = HasilIpAsn.objects.filter(perhitungan=p).exclude(pegawai__in=[demo[SEKAR]]).first()
    assert client_as(cast["pegawai"]).get(reverse("ipasn:hasil-pegawai", args=[lain.pk])).status_code == 404


def _tambah_pegawai(demo, n):
    sekar = demo[SEKAR]
    Pegawai.objects.bulk_create(
        Pegawai(
            instansi=sekar.instansi,
            nip=f"19900101201501{i:04d}",
            nama=f"Pegawai {i}",
            status="pns",
            golongan_ruang="III/a",
            jabatan=sekar.jabatan,
            unit_kerja=sekar.unit_kerja,
            pendidikan_terakhir="S1_D4",
        )
        for i in range(n)
    )


def test_jumlah_query_konstan(cast, demo, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(cast["analis_sdm"])
    unit = UnitKerja.objects.get(kode="BKPSDM")
    counts = []
    for tambah in (0, 12):
        if tambah:
            _tambah_pegawai(demo, tambah)
        p = hitung_ip_asn(demo[SEKAR].instansi, 2027 + len(counts))
        urls = [
            reverse("ipasn:hasil") + f"?tahun={p.tahun}",
            reverse("ipasn:hasil-unit", args=[p.pk, unit.pk]),
        ]
        run = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            run.append(len(ctx.captured_queries))
        counts.append(run)
    assert counts[0] == counts[1], counts
