"""hitung_ip_asn: per-pegawai cases over the seeded default table (regulasi.md §6.3, §12.6 vector),
the aggregates, the trend and the refusals."""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.aturan import RatingKerja
from kinerja.ipasn.models import (
    HasilIpAsn,
    HukumanDisiplin,
    JenisKompetensi,
    PengembanganKompetensi,
    PerhitunganIpAsn,
    RiwayatPendidikan,
    StatusData,
    TabelIpAsn,
)
from kinerja.ipasn.perhitungan import CATATAN_TANPA_PREDIKAT, hitung_ip_asn
from kinerja.ipasn.selectors_hasil import agregat_unit, tren_ip_asn
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import WorkflowError

TAHUN = 2027
SA, SE, DB = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI
BAWONO = "198103021999121001"  # Kabid: administrator (struktural)
SEKAR = "199106112012062001"  # JF Analis SDM Ahli Muda
RINA = "199708222020122003"  # JF Pranata Komputer Terampil


def diklat(pegawai, jenis, *, jp=20, selesai=date(TAHUN, 6, 1), sesuai=True, status=StatusData.TERVERIFIKASI):
    return PengembanganKompetensi.objects.create(
        pegawai=pegawai,
        jenis=jenis,
        nama=f"Diklat {jenis}",
        tanggal_mulai=selesai,
        tanggal_selesai=selesai,
        jp=jp,
        sesuai_jabatan=sesuai,
        status=status,
    )


def pendidikan(pegawai, jenjang, lulus=date(2010, 8, 1), status=StatusData.TERVERIFIKASI):
    return RiwayatPendidikan.objects.create(
        pegawai=pegawai, jenjang=jenjang, tanggal_lulus=lulus, status=status
    )


def hukuman(pegawai, tingkat, mulai, selesai=None, status=StatusData.TERVERIFIKASI):
    return HukumanDisiplin.objects.create(
        pegawai=pegawai,
        tingkat=tingkat,
        jenis="hukuman",
        tanggal_sk=mulai,
        tmt_mulai=mulai,
        tmt_selesai=selesai,
        status=status,
    )


def predikat(pegawai, hasil=SE, perilaku=SE):
    penilaian_dengan(skp_disetujui(pegawai, tahun=TAHUN), hasil=hasil, perilaku=perilaku, final=True)


def hasil_of(pegawai) -> HasilIpAsn:
    perhitungan = hitung_ip_asn(pegawai.instansi, TAHUN)
    return HasilIpAsn.objects.get(perhitungan=perhitungan, pegawai=pegawai)


def _vektor(p):  # S-1, kepemimpinan, teknis 20 JP, no seminar, Baik, no hukuman
    pendidikan(p, "S1_D4")
    diklat(p, JenisKompetensi.KEPEMIMPINAN)
    diklat(p, JenisKompetensi.TEKNIS, jp=20)
    predikat(p)


# (case, nip, setup, expected (kualifikasi, kompetensi, kinerja, disiplin, total, kategori))
CASES = [
    ("vektor_12_6", BAWONO, _vektor, (15, 35, 25, 5, 80, "Sedang")),
    (
        "pendidikan_setelah_31_des_diabaikan",
        BAWONO,
        lambda p: (_vektor(p), pendidikan(p, "S2", lulus=date(TAHUN + 1, 1, 2))),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "pendidikan_tertinggi_dipakai",
        BAWONO,
        lambda p: (_vektor(p), pendidikan(p, "S2", lulus=date(TAHUN, 12, 31)), pendidikan(p, "D3")),
        (20, 35, 25, 5, 85, "Tinggi"),
    ),
    (
        "pendidikan_belum_diverifikasi_diabaikan",
        BAWONO,
        lambda p: (_vektor(p), pendidikan(p, "S3", status=StatusData.DIAJUKAN)),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "diklat_belum_diverifikasi_diabaikan",
        BAWONO,
        lambda p: (_vektor(p), diklat(p, JenisKompetensi.SEMINAR, status=StatusData.DIAJUKAN)),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "seminar_dua_tahun_terakhir",
        BAWONO,
        lambda p: (_vektor(p), diklat(p, JenisKompetensi.SEMINAR, jp=4, selesai=date(TAHUN - 1, 1, 1))),
        (15, 40, 25, 5, 85, "Tinggi"),
    ),
    (
        "seminar_tiga_tahun_lalu_diabaikan",
        BAWONO,
        lambda p: (_vektor(p), diklat(p, JenisKompetensi.SEMINAR, selesai=date(TAHUN - 2, 12, 31))),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "teknis_19_jp_tidak_cukup",
        BAWONO,
        lambda p: (
            pendidikan(p, "S1_D4"),
            diklat(p, JenisKompetensi.KEPEMIMPINAN),
            diklat(p, JenisKompetensi.TEKNIS, jp=19),
            predikat(p),
        ),
        (15, 30, 25, 5, 75, "Sedang"),
    ),
    (
        "teknis_dijumlah_dalam_dua_tahun",
        BAWONO,
        lambda p: (
            pendidikan(p, "S1_D4"),
            diklat(p, JenisKompetensi.KEPEMIMPINAN),
            diklat(p, JenisKompetensi.TEKNIS, jp=12, selesai=date(TAHUN - 1, 3, 1)),
            diklat(p, JenisKompetensi.TEKNIS, jp=8),
            diklat(p, JenisKompetensi.TEKNIS, jp=30, selesai=date(TAHUN - 2, 3, 1)),
            predikat(p),
        ),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "kepemimpinan_tidak_sesuai_jabatan",
        BAWONO,
        lambda p: (
            pendidikan(p, "S1_D4"),
            diklat(p, JenisKompetensi.KEPEMIMPINAN, sesuai=False),
            diklat(p, JenisKompetensi.TEKNIS),
            predikat(p),
        ),
        (15, 20, 25, 5, 65, "Rendah"),
    ),
    (
        "jf_tanpa_diklat_fungsional",
        SEKAR,
        lambda p: (pendidikan(p, "S1_D4"), diklat(p, JenisKompetensi.TEKNIS), predikat(p, SA, SA)),
        (15, 20, 30, 5, 70, "Rendah"),
    ),
    (
        "jf_dengan_diklat_fungsional",
        SEKAR,
        lambda p: (pendidikan(p, "S1_D4"), diklat(p, JenisKompetensi.FUNGSIONAL), predikat(p, SA, SA)),
        (15, 30, 30, 5, 80, "Sedang"),
    ),
    (
        "hukuman_di_luar_tahun_diabaikan",
        BAWONO,
        lambda p: (
            _vektor(p),
            hukuman(p, "berat", date(TAHUN - 2, 1, 1), date(TAHUN - 1, 12, 31)),
            hukuman(p, "sedang", date(TAHUN + 1, 1, 1)),
        ),
        (15, 35, 25, 5, 80, "Sedang"),
    ),
    (
        "hukuman_terberat_dipakai",
        BAWONO,
        lambda p: (
            _vektor(p),
            hukuman(p, "ringan", date(TAHUN, 3, 1)),
            hukuman(p, "sedang", date(TAHUN - 1, 3, 1), date(TAHUN, 1, 1)),
            hukuman(p, "berat", date(TAHUN, 3, 1), status=StatusData.DITOLAK),
        ),
        (15, 35, 25, 2, 77, "Sedang"),
    ),
    (
        "tanpa_predikat_final",
        BAWONO,
        lambda p: (
            pendidikan(p, "S1_D4"),
            diklat(p, JenisKompetensi.KEPEMIMPINAN),
            diklat(p, JenisKompetensi.TEKNIS),
            penilaian_dengan(skp_disetujui(p, tahun=TAHUN), final=False),
        ),
        (15, 35, 0, 5, 55, "Sangat Rendah"),
    ),
    (
        "predikat_butuh_perbaikan",
        BAWONO,
        lambda p: (
            pendidikan(p, "S1_D4"),
            diklat(p, JenisKompetensi.KEPEMIMPINAN),
            diklat(p, JenisKompetensi.TEKNIS),
            predikat(p, DB, SE),
        ),
        (15, 35, 15, 5, 70, "Rendah"),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "nip", "setup", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hasil_per_pegawai(demo, case, nip, setup, expected):
    pegawai = demo[nip]
    setup(pegawai)
    h = hasil_of(pegawai)
    assert (h.kualifikasi, h.kompetensi, h.kinerja, h.disiplin, h.total, h.kategori) == expected


def test_tanpa_predikat_dicatat_sebagai_poin_hilang(demo):
    pegawai = demo[BAWONO]
    h = hasil_of(pegawai)
    assert h.catatan.startswith(CATATAN_TANPA_PREDIKAT)
    assert h.kinerja == 0 and h.poin_hilang["kinerja"] == 30


def test_poin_hilang_per_indikator(demo):
    pegawai = demo[BAWONO]
    _vektor(pegawai)
    h = hasil_of(pegawai)
    assert h.poin_hilang == {
        "kualifikasi": 10,
        "diklat_kepemimpinan_sesuai_jabatan": 0,
        "diklat_fungsional_sesuai_jenjang": 0,
        "diklat_teknis_20_jp_2_tahun_terakhir": 0,
        "seminar_workshop": 5,
        "kinerja": 5,
        "disiplin": 0,
    }


def test_hanya_pns_cpns_aktif_yang_diukur(demo):
    instansi = demo[BAWONO].instansi
    perhitungan = hitung_ip_asn(instansi, TAHUN)
    diukur = set(HasilIpAsn.objects.filter(perhitungan=perhitungan).values_list("pegawai_id", flat=True))
    expected = set(
        Pegawai.objects.filter(instansi=instansi, aktif=True, status__in=["pns", "cpns"]).values_list(
            "id", flat=True
        )
    )
    pppk = set(Pegawai.objects.filter(instansi=instansi, status="pppk").values_list("id", flat=True))
    assert diukur == expected and perhitungan.jumlah_pegawai == len(expected)
    assert pppk and not (diukur & pppk)


def test_nilai_instansi_rata_rata_total(demo):
    bawono, sekar = demo[BAWONO], demo[SEKAR]
    _vektor(bawono)
    predikat(sekar, SA, SA)
    perhitungan = hitung_ip_asn(bawono.instansi, TAHUN, tahap="awal")
    totals = list(HasilIpAsn.objects.filter(perhitungan=perhitungan).values_list("total", flat=True))
    mean = (sum(totals) / len(totals)).quantize(Decimal("0.01"))
    assert perhitungan.nilai == mean and perhitungan.tahap == "awal"
    kinerja = sum(HasilIpAsn.objects.filter(perhitungan=perhitungan).values_list("kinerja", flat=True))
    assert Decimal(perhitungan.rata_dimensi["kinerja"]) == (kinerja / len(totals)).quantize(Decimal("0.01"))
    assert perhitungan.durasi_detik > 0


def test_agregat_unit_dan_subtree(demo):
    bawono = demo[BAWONO]
    _vektor(bawono)
    perhitungan = hitung_ip_asn(bawono.instansi, TAHUN)
    rows = {r.unit.id: r for r in agregat_unit(perhitungan)}
    hasil = list(HasilIpAsn.objects.filter(perhitungan=perhitungan).values_list("unit_kerja_id", "total"))
    own = [t for u, t in hasil if u == bawono.unit_kerja_id]
    assert rows[bawono.unit_kerja_id].jumlah_sendiri == len(own)
    assert rows[bawono.unit_kerja_id].nilai_sendiri == (sum(own) / len(own)).quantize(Decimal("0.01"))
    assert sum(r.jumlah for r in rows.values() if r.unit.induk_id is None) == len(hasil)
    top = bawono.unit_kerja
    while top.induk_id:
        top = top.induk
    subtree = [t for u, t in hasil if u == top.id or u in _semua_bawah(top.id)]
    assert rows[top.id].jumlah == len(subtree) > rows[top.id].jumlah_sendiri
    assert rows[top.id].nilai == (sum(subtree) / len(subtree)).quantize(Decimal("0.01"))


def _semua_bawah(unit_id):
    out, todo = set(), [unit_id]
    while todo:
        ids = list(UnitKerja.objects.filter(induk_id__in=todo).values_list("id", flat=True))
        out.update(ids)
        todo = ids
    return out


def test_tren_memilih_tahap_tertinggi_per_tahun(demo):
    instansi = demo[BAWONO].instansi
    tervalidasi = hitung_ip_asn(instansi, TAHUN - 1, tahap="tervalidasi")
    hitung_ip_asn(instansi, TAHUN - 1, tahap="draf")  # later, but a lower stage
    hitung_ip_asn(instansi, TAHUN, tahap="draf")
    awal = hitung_ip_asn(instansi, TAHUN, tahap="awal")
    assert [(p.tahun, p.pk) for p in tren_ip_asn(instansi.pk)] == [
        (TAHUN - 1, tervalidasi.pk),
        (TAHUN, awal.pk),
    ]


def test_tabel_tidak_valid_ditolak_tanpa_perubahan(demo):
    instansi = demo[BAWONO].instansi
    tabel = TabelIpAsn.berlaku(date(TAHUN, 12, 31))
    tabel.bobot = {**tabel.bobot, "disiplin": 10}
    tabel.save()
    with pytest.raises(WorkflowError, match="Jumlah bobot dimensi harus 100"):
        hitung_ip_asn(instansi, TAHUN)
    assert not PerhitunganIpAsn.objects.exists() and not HasilIpAsn.objects.exists()


def test_tanpa_tabel_berlaku_ditolak(demo):
    with pytest.raises(WorkflowError, match="Belum ada tabel IP ASN"):
        hitung_ip_asn(demo[BAWONO].instansi, 2000)
    assert not PerhitunganIpAsn.objects.exists()


def test_tahap_tidak_dikenal_ditolak(demo):
    with pytest.raises(WorkflowError, match="Tahap"):
        hitung_ip_asn(demo[BAWONO].instansi, TAHUN, tahap="final")
    assert not PerhitunganIpAsn.objects.exists()


def test_jumlah_query_tidak_bergantung_pada_jumlah_pegawai(demo, django_assert_max_num_queries):
    bawono = demo[BAWONO]
    _vektor(bawono)
    with django_assert_max_num_queries(14):
        hitung_ip_asn(bawono.instansi, TAHUN)
