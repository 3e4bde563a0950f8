"""Laporan Capaian Indeks Profesionalitas ASN as a Nota Dinas (seed 001 steps 9–10): the Analis SDM
drafts it, the Kepala Bagian Umum signs it and sends it to the Sekretaris (the pimpinan).

selector (`ipasn.selectors_hasil.ringkasan_perhitungan`) → `LaporanIpAsn` → PDF (WeasyPrint, with the
charts as inline SVG bars).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.formats import date_format

from kinerja.aturan.ip_asn import kategori_ip_asn
from kinerja.core.models import Peran, PeranPengguna
from kinerja.ipasn.selectors_hasil import Ringkasan, ringkasan_perhitungan
from kinerja.organisasi.models import Pegawai

from .pdf import render_pdf

UNIT_MAKS = 40  # rows of the per-unit table in the PDF; the XLSX has every unit
BATANG_MAKS = 15  # bars of the per-unit chart


def angka(nilai: Decimal | None) -> str:
    """78.5 -> "78,50" (Indonesian decimal comma)."""
    if nilai is None:
        return "-"
    return f"{Decimal(nilai):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def bilangan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class Penandatangan:
    nama: str
    nip: str
    jabatan: str


@dataclass(frozen=True)
class Batang:
    """One bar of an SVG chart: label, value text, bar length in percent of the chart width."""

    label: str
    teks: str
    persen: Decimal
    y: int


@dataclass(frozen=True)
class LaporanIpAsn:
    instansi: str
    tahun: int
    nomor: str
    tanggal: date
    kota: str
    kepada: str
    dari: str
    hal: str
    penandatangan: Penandatangan
    nilai: str
    kategori: str
    jumlah_pegawai: str
    tahap: str
    dimensi: list[tuple[str, str, str, str]]  # label, average, weight, percent of weight
    batang_dimensi: list[Batang]
    unit: list[tuple[str, str, str, str, str, str, str, str]]  # nama, n, nilai, 4 dimensions, kategori
    unit_lainnya: int
    batang_unit: list[Batang]
    distribusi: list[tuple[str, str, str]]
    tren: list[tuple[int, str, str]]
    batang_tren: list[Batang]
    sebelumnya: tuple[int, str, str] | None  # year, value, kategori of the previous year's result
    arah: str  # naik | turun | tetap | "" (no previous year)
    selisih: str
    poin_hilang: list[tuple[str, str, str, str]]  # label, average lost, pegawai, hint
    tabel: str

    @property
    def tinggi_dimensi(self) -> int:
        return 22 * len(self.batang_dimensi) + 6

    @property
    def tinggi_unit(self) -> int:
        return 22 * len(self.batang_unit) + 6

    @property
    def tinggi_tren(self) -> int:
        return 22 * len(self.batang_tren) + 6


def _batang(rows: list[tuple[str, Decimal | None, Decimal]]) -> list[Batang]:
    """(label, value, maximum) -> bars, 22 pt apart."""
    out = []
    for i, (label, nilai, maks) in enumerate(rows):
        persen = (Decimal(nilai or 0) * 100 / maks).quantize(Decimal("0.1")) if maks else Decimal(0)
        out.append(Batang(label[:48], angka(nilai), min(persen, Decimal(100)), 22 * i + 4))
    return out


def _penandatangan(instansi_id: int, data) -> Penandatangan:
    if isinstance(data, Pegawai):
        return Penandatangan(data.nama_lengkap, data.nip_tertulis, str(data.jabatan or ""))
    if isinstance(data, dict):
        return Penandatangan(data.get("nama", ""), data.get("nip", ""), data.get("jabatan", ""))
    # Default: the Kepala Bagian Umum of the instansi (seed 001 step 10), when there is one.
    kabag = (
        Pegawai.objects.filter(
            instansi_id=instansi_id, aktif=True, jabatan__nama__istartswith="Kepala Bagian Umum"
        )
        .select_related("jabatan")
        .first()
    )
    if kabag is None:
        return Penandatangan("", "", "Kepala Bagian Umum")
    return Penandatangan(kabag.nama_lengkap, kabag.nip_tertulis, kabag.jabatan.nama)


def _kepada(instansi) -> str:
    """The Sekretaris of seed 001: the jabatan of the instansi's pimpinan account, else the instansi's
    head as written on the Instansi."""
    jabatan = (
        PeranPengguna.objects.filter(
            instansi_id=instansi.pk, peran=Peran.PIMPINAN, user__pegawai__isnull=False
        )
        .values_list("user__pegawai__jabatan__nama", flat=True)
        .first()
    )
    return jabatan or instansi.jabatan_pimpinan or "Pimpinan Instansi"


def laporan_dari(ringkasan: Ringkasan, nota: dict | None = None) -> LaporanIpAsn:
    nota = nota or {}
    p = ringkasan.perhitungan
    instansi = p.instansi
    penandatangan = _penandatangan(instansi.pk, nota.get("penandatangan"))
    aturan = p.tabel.sebagai_aturan()
    dimensi = [
        (label, angka(rata), str(bobot), angka(rata * 100 / bobot if bobot else Decimal(0)))
        for _k, label, rata, bobot in ringkasan.dimensi
    ]
    unit = [
        (
            "\u00a0\u00a0" * b.unit.kedalaman + b.unit.nama,
            bilangan(b.jumlah),
            angka(b.nilai),
            *(angka(v) for v in b.rata_dimensi.values()),
            kategori_ip_asn(b.nilai, tabel=aturan) if b.nilai is not None else "-",
        )
        for b in ringkasan.unit[:UNIT_MAKS]
    ]
    grafik = [b for b in ringkasan.unit if b.unit.induk_id is None]
    while len(grafik) == 1:  # a single top unit: chart the level below it
        anak = [b for b in ringkasan.unit if b.unit.induk_id == grafik[0].unit.id]
        if not anak:
            break
        grafik = anak
    akar = grafik
    grafik = (grafik or akar)[:BATANG_MAKS]
    sebelumnya, selisih = ringkasan.sebelumnya, ringkasan.selisih
    arah = "" if selisih is None else "naik" if selisih > 0 else "turun" if selisih < 0 else "tetap"
    return LaporanIpAsn(
        instansi=instansi.nama,
        tahun=p.tahun,
        nomor=nota.get("nomor", ""),
        tanggal=nota.get("tanggal") or timezone.localdate(),
        kota=instansi.kota,
        kepada=nota.get("kepada") or _kepada(instansi),
        dari=nota.get("dari") or penandatangan.jabatan or "Kepala Bagian Umum",
        hal=f"Laporan Capaian Indeks Profesionalitas ASN Tahun {p.tahun}",
        penandatangan=penandatangan,
        nilai=angka(p.nilai),
        kategori=p.kategori,
        jumlah_pegawai=bilangan(p.jumlah_pegawai),
        tahap=p.get_tahap_display(),
        dimensi=dimensi,
        batang_dimensi=_batang(
            [(label, rata, Decimal(bobot)) for _k, label, rata, bobot in ringkasan.dimensi]
        ),
        unit=unit,
        unit_lainnya=max(len(ringkasan.unit) - UNIT_MAKS, 0),
        batang_unit=_batang([(b.unit.nama, b.nilai, Decimal(100)) for b in grafik]),
        distribusi=[(label, bilangan(n), angka(persen)) for label, n, persen in ringkasan.distribusi],
        tren=[(t.tahun, angka(t.nilai), t.kategori) for t in ringkasan.tren],
        batang_tren=_batang([(str(t.tahun), t.nilai, Decimal(100)) for t in ringkasan.tren]),
        sebelumnya=(sebelumnya.tahun, angka(sebelumnya.nilai), sebelumnya.kategori) if sebelumnya else None,
        arah=arah,
        selisih=angka(abs(selisih)) if selisih is not None else "",
        poin_hilang=[
            (h.label, angka(h.rata), bilangan(h.jumlah_pegawai), h.saran) for h in ringkasan.poin_hilang
        ],
        tabel=p.tabel.versi,
    )


def laporan_ip_asn_pdf(perhitungan, *, nota: dict | None = None) -> bytes:
    """The Nota Dinas Laporan Capaian IP ASN of one computation. ``nota`` may set ``nomor``,
    ``tanggal`` (date), ``kepada``, ``dari`` and ``penandatangan`` (a Pegawai or a dict with nama, nip,
    jabatan)."""
    data = laporan_dari(ringkasan_perhitungan(perhitungan), nota)
    with translation.override("id"):
        tanggal = date_format(data.tanggal, "j F Y")
        return render_pdf("dokumen/laporan_ip_asn.html", {"d": data, "tanggal": tanggal})
