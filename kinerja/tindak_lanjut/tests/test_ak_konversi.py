"""Angka kredit: whole months, the conversion service and its refusals, the receiver of
hasil_ditetapkan, the accumulation and the projection, against regulasi.md §4.5 and §12.1."""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.aturan import JenjangFungsional, Predikat
from kinerja.penilaian.signals import hasil_ditetapkan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut import angka_kredit as ak
from kinerja.tindak_lanjut.models import AngkaKreditAwal, KoefisienAngkaKredit, KonversiAngkaKredit
from kinerja.tindak_lanjut.proyeksi import proyeksi_pegawai

from .ak_factories import (
    BAIK,
    BUTUH_PERBAIKAN,
    DIMAS,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SEKAR,
    YOGA,
    final_dan_kirim,
    pejabat_fungsional,
)


@pytest.mark.parametrize(
    ("mulai", "selesai", "bulan"),
    [
        (date(2027, 1, 1), date(2027, 12, 31), 12),
        (date(2027, 11, 1), date(2027, 12, 31), 2),
        (date(2027, 1, 1), date(2027, 3, 31), 3),
        (date(2027, 1, 15), date(2027, 3, 31), 2),  # January is not whole
        (date(2027, 1, 1), date(2027, 3, 30), 2),  # March is not whole
        (date(2028, 2, 1), date(2028, 2, 29), 1),  # leap February
        (date(2027, 1, 15), date(2027, 2, 10), 0),
        (date(2026, 12, 1), date(2027, 1, 31), 2),  # across a year
    ],
)
def test_bulan_penuh_counts_whole_months(mulai, selesai, bulan):
    assert ak.bulan_penuh(mulai, selesai) == bulan  # decision h


# --- the worked examples (regulasi.md §4.5) through the app path -------------------------------------


@pytest.mark.django_db
def test_dimas_worked_example_through_signal_and_accumulation(demo):
    dimas = demo[DIMAS]  # Analis SDM Ahli Pertama III/b
    final_dan_kirim(dimas, tahun=2026, rating=SANGAT_BAIK)
    final_dan_kirim(dimas, tahun=2027, rating=BAIK, mulai=date(2027, 11, 1))
    rows = {k.tahun: k for k in KonversiAngkaKredit.objects.filter(pegawai=dimas)}
    assert rows[2026].angka_kredit == Decimal("18.75") and rows[2026].bulan == 12
    assert rows[2027].angka_kredit == Decimal("2.08") and rows[2027].bulan == 2
    assert rows[2026].jenjang == "ahli_pertama" and rows[2026].golongan_ruang == "III/b"
    assert ak.akumulasi(dimas).kumulatif == Decimal("20.83")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("jenjang", "golongan", "rating", "mulai", "expected"),
    [
        ("ahli_madya", "IV/a", BUTUH_PERBAIKAN, None, Decimal("28.13")),
        ("pemula", "II/a", SANGAT_KURANG, None, Decimal("0.94")),
        ("penyelia", "III/c", BUTUH_PERBAIKAN, date(2027, 10, 1), Decimal("4.69")),
    ],
)
def test_worked_examples_of_other_jenjang(demo, jenjang, golongan, rating, mulai, expected):
    pegawai = pejabat_fungsional(demo, jenjang=jenjang, golongan=golongan, nip="198609262015051001")
    final_dan_kirim(pegawai, tahun=2027, rating=rating, mulai=mulai)
    assert KonversiAngkaKredit.objects.get(pegawai=pegawai).angka_kredit == expected
    assert ak.akumulasi(pegawai).kumulatif == expected


@pytest.mark.django_db
def test_ahli_pertama_reaches_50_in_4_years_at_baik_and_in_the_3rd_at_sangat_baik(demo):
    yoga = demo[YOGA]  # Ahli Pertama III/a: the next step is a kenaikan pangkat (AKK 50)
    koef = ak.koefisien_berlaku(date(2027, 6, 1))
    final_dan_kirim(yoga, tahun=2026, rating=BAIK)
    proy = proyeksi_pegawai(
        jenjang="ahli_pertama",
        golongan="III/a",
        akumulasi=ak.akumulasi(yoga),
        koefisien=koef,
        today=date(2027, 6, 1),
    )
    assert proy.tujuan == "pangkat" and proy.akk == 50 and proy.kumulatif == Decimal("12.50")
    baik = {s.predikat: s for s in proy.skenario}[Predikat.BAIK]
    assert baik.tahun == 3 and baik.tahun_tercapai == 2029  # 4 years in all: 2026 … 2029
    final_dan_kirim(yoga, tahun=2027, rating=SANGAT_BAIK)
    proy = proyeksi_pegawai(
        jenjang="ahli_pertama",
        golongan="III/a",
        akumulasi=ak.akumulasi(yoga),
        koefisien=koef,
        today=date(2028, 6, 1),
    )
    sb = {s.predikat: s for s in proy.skenario}[Predikat.SANGAT_BAIK]
    assert proy.kumulatif == Decimal("31.25") and sb.tahun == 1 and sb.tahun_tercapai == 2028
    # from zero, straight from the rule: 4 years at Baik, 3 at Sangat Baik (§4.5)
    kosong = ak.hitung_akumulasi(None, [])
    proy0 = proyeksi_pegawai(
        jenjang="ahli_pertama", golongan="III/a", akumulasi=kosong, koefisien=koef, today=date(2027, 1, 5)
    )
    assert [s.tahun for s in proy0.skenario] == [4]
    # nothing converted yet: the years are 2027 … 2030; the next KP period after 31 December 2030
    assert proy0.skenario[0].tahun_tercapai == 2030 and proy0.skenario[0].tanggal_kp == date(2031, 1, 1)


@pytest.mark.django_db
def test_projection_waits_for_two_years_in_pangkat_and_a_kp_period(demo):
    yoga = demo[YOGA]
    AngkaKreditAwal.objects.create(
        pegawai=yoga, angka_kredit=Decimal("60"), per_tanggal=date(2027, 1, 1), tmt_pangkat=date(2026, 4, 1)
    )
    proy = proyeksi_pegawai(
        jenjang="ahli_pertama",
        golongan="III/a",
        akumulasi=ak.akumulasi(yoga),
        koefisien=ak.koefisien_berlaku(date(2027, 6, 1)),
        today=date(2027, 6, 1),
    )
    assert proy.kekurangan == 0 and proy.skenario[0].tahun == 0
    assert proy.skenario[0].tanggal_kp == date(
        2028, 5, 1
    )  # TMT + 2 years = 1 April 2028, next period after it
    syarat = {s.uraian: s.terpenuhi for s in proy.syarat}
    assert list(syarat.values())[:2] == [True, False]


@pytest.mark.django_db
def test_top_golongan_projects_kenaikan_jenjang(demo):
    dimas = demo[DIMAS]  # III/b is the top of Ahli Pertama: next is Ahli Muda, AKK 100
    final_dan_kirim(dimas, tahun=2026, rating=BAIK)
    proy = proyeksi_pegawai(
        jenjang="ahli_pertama",
        golongan="III/b",
        akumulasi=ak.akumulasi(dimas),
        koefisien=ak.koefisien_berlaku(date(2027, 1, 1)),
        today=date(2027, 1, 1),
    )
    assert proy.tujuan == "jenjang" and proy.jenjang_tujuan == JenjangFungsional.AHLI_MUDA
    assert proy.akk == 100 and proy.kekurangan == Decimal("87.50") and proy.golongan_tujuan == "III/c"
    assert any("uji kompetensi" in s.uraian for s in proy.syarat)


# --- refusals: a clear message, nothing written ------------------------------------------------------


@pytest.mark.django_db
def test_draft_predikat_is_refused(demo):
    p = penilaian_dengan(skp_disetujui(demo[DIMAS]), final=False)
    with pytest.raises(WorkflowError, match="Predikat belum final"):
        ak.konversi(penilaian=p, by=None)
    assert not KonversiAngkaKredit.objects.exists()


@pytest.mark.django_db
def test_pegawai_not_in_jabatan_fungsional_is_refused(demo):
    bawono = demo["198103021999121001"]  # Kabid (administrator)
    p = penilaian_dengan(skp_disetujui(bawono), final=True)
    with pytest.raises(WorkflowError, match="bukan pejabat fungsional"):
        ak.konversi(penilaian=p, by=None)
    hasil_ditetapkan.send(type(p), penilaian=[p], by=None, perubahan=False)  # the receiver skips silently
    assert not KonversiAngkaKredit.objects.exists()


@pytest.mark.django_db
def test_pppk_is_refused_unless_the_setting_is_on(demo, settings):
    pppk = pejabat_fungsional(
        demo, jenjang="ahli_pertama", golongan="", nip="199001012021211001", status="pppk"
    )
    p = penilaian_dengan(skp_disetujui(pppk), final=True)
    with pytest.raises(WorkflowError, match="PPPK"):
        ak.konversi(penilaian=p, by=None)
    assert not KonversiAngkaKredit.objects.exists()
    settings.KINERJA_AK_PPPK = True
    assert ak.konversi(penilaian=p, by=None).angka_kredit == Decimal("12.50")


@pytest.mark.django_db
def test_period_shorter_than_a_whole_month_is_refused(demo):
    skp = skp_disetujui(demo[DIMAS])
    skp.tanggal_mulai, skp.tanggal_selesai = date(2027, 3, 10), date(2027, 4, 5)
    skp.save()
    with pytest.raises(WorkflowError, match="bulan penuh"):
        ak.konversi(penilaian=penilaian_dengan(skp, final=True), by=None)
    assert not KonversiAngkaKredit.objects.exists()


# --- koefisien versions, periodic conversions, re-conversion -----------------------------------------


@pytest.mark.django_db
def test_koefisien_in_force_at_the_end_of_the_period(demo):
    nilai = {
        r.jenjang: (r.koefisien * 2, r.akk_pangkat, r.akk_jenjang)
        for r in KoefisienAngkaKredit.objects.filter(berlaku_mulai=date(2023, 1, 1))
    }
    ak.tambah_versi_koefisien(berlaku_mulai=date(2027, 12, 31), nilai=nilai, dasar="Uji")
    k = ak.konversi(penilaian=final_dan_kirim(demo[DIMAS], tahun=2027, rating=BAIK), by=None)
    assert k.koefisien == Decimal("25") and k.angka_kredit == Decimal("25.00")
    k26 = ak.konversi(penilaian=final_dan_kirim(demo[DIMAS], tahun=2026, rating=BAIK), by=None)
    assert k26.koefisien == Decimal("12.5")


@pytest.mark.django_db
def test_new_koefisien_version_needs_every_jenjang_and_positive_values(demo):
    nilai = {
        r.jenjang: (r.koefisien, r.akk_pangkat, r.akk_jenjang) for r in KoefisienAngkaKredit.objects.all()
    }
    before = KoefisienAngkaKredit.objects.count()
    with pytest.raises(WorkflowError, match="kedelapan"):
        ak.tambah_versi_koefisien(
            berlaku_mulai=date(2028, 1, 1), nilai=dict(list(nilai.items())[:7]), dasar="x"
        )
    with pytest.raises(WorkflowError, match="positif"):
        ak.tambah_versi_koefisien(
            berlaku_mulai=date(2028, 1, 1), nilai=nilai | {"pemula": (Decimal("0"), 15, 15)}, dasar="x"
        )
    assert KoefisienAngkaKredit.objects.count() == before


@pytest.mark.django_db
def test_periodic_conversions_count_until_the_annual_one_exists(demo):
    from kinerja.perencanaan.models import JadwalPeriode

    dimas = demo[DIMAS]
    skp = skp_disetujui(dimas)
    jadwal = [
        JadwalPeriode.objects.update_or_create(
            periode=skp.periode,
            nomor=n,
            defaults={
                "tanggal_mulai": date(2027, 3 * n - 2, 1),
                "tanggal_selesai": date(2027, 3 * n, 28 if n == 1 else 30),
                "batas_pengisian": date(2027, 12, 31),
            },
        )[0]
        for n in (1, 2)
    ]
    for j in jadwal:
        p = penilaian_dengan(skp, jadwal=j, hasil=SANGAT_BAIK[0], perilaku=SANGAT_BAIK[1], final=True)
        hasil_ditetapkan.send(type(p), penilaian=[p], by=None)
    rows = list(KonversiAngkaKredit.objects.filter(pegawai=dimas).order_by("tanggal_mulai"))
    assert [r.bulan for r in rows] == [2, 3]  # 1 Jan–28 Mar: March not whole; 1 Apr–30 Jun
    assert ak.akumulasi(dimas).kumulatif == Decimal("3.13") + Decimal("4.69")
    annual = penilaian_dengan(skp, hasil=BAIK[0], perilaku=BAIK[1], final=True)
    hasil_ditetapkan.send(type(annual), penilaian=[annual], by=None)
    akum = ak.akumulasi(dimas)
    assert akum.kumulatif == Decimal("12.50") and len(akum.tahun[0].konversi) == 3


@pytest.mark.django_db
def test_keberatan_change_reconverts_the_same_row_with_history(demo):
    p = final_dan_kirim(demo[SEKAR], tahun=2027, rating=BAIK)  # Ahli Muda: 25
    assert KonversiAngkaKredit.objects.get(penilaian=p).angka_kredit == Decimal("25.00")
    p.predikat = Predikat.SANGAT_BAIK.value
    p.save(update_fields=["predikat"])
    hasil_ditetapkan.send(type(p), penilaian=[p], by=None, perubahan=True)
    k = KonversiAngkaKredit.objects.get(penilaian=p)
    assert k.angka_kredit == Decimal("37.50") and k.history.count() == 2


@pytest.mark.django_db
def test_ak_awal_starts_the_accumulation_and_earlier_periods_are_left_out(demo):
    dimas = demo[DIMAS]
    final_dan_kirim(dimas, tahun=2026, rating=BAIK)
    final_dan_kirim(dimas, tahun=2027, rating=BAIK)
    ak.simpan_ak_awal(
        pegawai=dimas,
        angka_kredit=Decimal("40"),
        per_tanggal=date(2026, 12, 31),
        tmt_pangkat=None,
        tmt_jenjang=None,
        keterangan="SIASN",
        today=date(2027, 1, 5),
    )
    akum = ak.akumulasi(dimas)
    assert akum.kumulatif == Decimal("52.50") and [k.tahun for k in akum.sebelum_awal] == [2026]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nilai", "tanggal", "pesan"),
    [(Decimal("-1"), date(2027, 1, 1), "negatif"), (Decimal("1"), date(2027, 2, 1), "hari ini")],
)
def test_ak_awal_refuses_negative_values_and_future_dates(demo, nilai, tanggal, pesan):
    with pytest.raises(WorkflowError, match=pesan):
        ak.simpan_ak_awal(
            pegawai=demo[DIMAS],
            angka_kredit=nilai,
            per_tanggal=tanggal,
            tmt_pangkat=None,
            tmt_jenjang=None,
            keterangan="",
            today=date(2027, 1, 5),
        )
    assert not AngkaKreditAwal.objects.exists()
