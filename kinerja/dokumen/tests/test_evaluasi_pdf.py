"""The Dokumen Evaluasi Kinerja Pegawai (regulasi.md §3.9) read back with pdftotext: identities, period,
capaian organisasi, predikat, and the decided result after a keberatan."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.aturan import RatingKerja
from kinerja.dokumen.pdf_evaluasi import bagi_pejabat, teks_periode
from kinerja.organisasi.models import UnitKerja
from kinerja.penilaian import keberatan as svc
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, Keberatan
from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui

from .test_skp_pdf import pdftotext

SEKAR, BAWONO, AMIRUDIN = "199106112012062001", "198103021999121001", "196804241998031011"


def _teks(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return " ".join(pdftotext(response.content).split())


@pytest.fixture
def skp(demo):
    return skp_disetujui(demo[SEKAR])


def test_annual_document_holds_identities_period_and_predikat(demo, cast, client_as, skp):
    p = penilaian_dengan(skp, final=True, hasil=RatingKerja.DI_ATAS_EKSPEKTASI)
    p.catatan = "Pertahankan kualitas analisis jabatan."
    p.save()
    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=UnitKerja.objects.get(kode="BKPSDM"), periode=skp.periode, capaian="istimewa"
    )
    response = client_as(cast["pegawai"]).get(reverse("penilaian:pdf", args=[p.pk]))
    text = _teks(response)
    assert "EVALUASI KINERJA PEGAWAI" in text
    assert "PENDEKATAN HASIL KERJA KUANTITATIF" in text and "BAGI PEJABAT FUNGSIONAL" in text
    assert "PERIODE: JANUARI – DESEMBER 2027" in text
    for nip in (SEKAR, BAWONO, AMIRUDIN):
        assert demo[nip].nama in text and demo[nip].nip_tertulis in text
    assert "PEGAWAI YANG DINILAI" in text and "ATASAN PEJABAT PENILAI KINERJA" in text
    assert "CAPAIAN KINERJA ORGANISASI ISTIMEWA" in text
    assert "PREDIKAT KINERJA PEGAWAI BAIK" in text
    assert "Pertahankan kualitas analisis jabatan." in text
    assert "Kebumen" in text and "Pegawai yang Dinilai" in text and "Pejabat Penilai Kinerja" in text
    assert "Ditetapkan setelah keberatan" not in text
    assert response["Content-Disposition"].endswith('EvaluasiKinerja_2027_199106112012062001_tahunan.pdf"')


def test_periodic_document_shows_its_own_period(cast, client_as, skp):
    jadwal = skp.periode.jadwal_set.get(nomor=2)
    p = penilaian_dengan(skp, jadwal=jadwal, final=True, perilaku=RatingKerja.DI_BAWAH_EKSPEKTASI)
    text = _teks(client_as(cast["pejabat_penilai"]).get(reverse("penilaian:pdf", args=[p.pk])))
    assert "PERIODE: APRIL – JUNI 2027" in text
    assert "PREDIKAT KINERJA PEGAWAI KURANG/MISCONDUCT" in text


def test_document_after_a_change_shows_the_decided_result(cast, client_as, skp):
    p = penilaian_dengan(skp, final=True, diterima=timezone.now())
    k = svc.ajukan_keberatan(p, "Capaian saya melampaui target.", cast["pegawai"])
    k = Keberatan.objects.select_related("penilaian__pegawai", "atasan").get(pk=k.pk)
    di_atas = RatingKerja.DI_ATAS_EKSPEKTASI
    svc.ubah(k, di_atas, di_atas, "Bukti dukung lengkap.", cast["atasan_pejabat_penilai"])
    text = _teks(client_as(cast["pegawai"]).get(reverse("penilaian:pdf", args=[p.pk])))
    hari_ini = timezone.localdate()
    assert "PREDIKAT KINERJA PEGAWAI SANGAT BAIK" in text
    assert f"Ditetapkan setelah keberatan, {hari_ini.day} " in text and str(hari_ini.year) in text
    assert "Semula: rating hasil kerja Sesuai Ekspektasi" in text and "predikat Baik" in text


def test_upheld_keberatan_shows_the_line_with_the_same_result(cast, client_as, skp):
    p = penilaian_dengan(skp, final=True, diterima=timezone.now())
    k = svc.ajukan_keberatan(p, "Alasan", cast["pegawai"])
    svc.kuatkan(Keberatan.objects.get(pk=k.pk), "Sudah sesuai.", cast["atasan_pejabat_penilai"])
    text = _teks(client_as(cast["pegawai"]).get(reverse("penilaian:pdf", args=[p.pk])))
    assert "PREDIKAT KINERJA PEGAWAI BAIK" in text and "Ditetapkan setelah keberatan" in text
    assert "Semula" not in text


def test_a_draft_has_no_document(cast, client_as, skp):
    p = penilaian_dengan(skp)
    for role in ("pegawai", "pejabat_penilai", "analis_sdm"):
        assert client_as(cast[role]).get(reverse("penilaian:pdf", args=[p.pk])).status_code == 404


@pytest.mark.parametrize(
    ("mulai", "selesai", "teks"),
    [
        (date(2027, 1, 1), date(2027, 12, 31), "JANUARI – DESEMBER 2027"),
        (date(2027, 1, 1), date(2027, 3, 31), "JANUARI – MARET 2027"),
        (date(2027, 2, 1), date(2027, 2, 28), "FEBRUARI 2027"),
        (date(2027, 1, 1), date(2027, 6, 14), "1 JANUARI – 14 JUNI 2027"),
        (date(2026, 12, 1), date(2027, 1, 31), "DESEMBER 2026 – JANUARI 2027"),
    ],
)
def test_teks_periode(mulai, selesai, teks):
    assert teks_periode(mulai, selesai) == teks


@pytest.mark.parametrize(
    ("nip", "expected"),
    [(SEKAR, "FUNGSIONAL"), (BAWONO, "ADMINISTRASI"), ("196411171992011002", "PIMPINAN TINGGI")],
)
def test_bagi_pejabat_follows_the_jabatan(demo, nip, expected):
    class Skp:
        jabatan = demo[nip].jabatan
        jabatan_id = jabatan.pk
        jenis = "ja_jf"

    assert bagi_pejabat(Skp) == expected
