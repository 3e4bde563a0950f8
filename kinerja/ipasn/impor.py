"""Import of the IP ASN data (pendidikan, pengembangan kompetensi, hukuman disiplin) from one XLSX
workbook with three sheets, rows by NIP (docs/impor_ip_asn.md).

`LAYOUT` is the one description of the columns: the parser, the template and the documentation read
it. Rows are checked in plain Python against the instansi's NIPs and the existing records, loaded
once; every error is collected ("Baris 5 (Pengembangan Kompetensi): JP harus angka 1–1000"). Only when
no row is wrong and it is not a dry run ("hanya periksa") is everything written, in ONE transaction:
batched inserts and updates with their history records. Imported records are verified (the Analis SDM
imports them). A row that matches an existing record (pegawai + kind + dates + name) updates it, so
importing the same file twice does not duplicate.
"""

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import batched

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.organisasi.impor import BerkasDitolak, Kolom, Lembar, periksa_berkas
from kinerja.organisasi.impor_tulis import catat_riwayat
from kinerja.organisasi.models import Pegawai, Pendidikan
from kinerja.organisasi.validation import normalise_nip

from .data import periksa_nilai
from .models import (
    HukumanDisiplin,
    JenisKompetensi,
    PengembanganKompetensi,
    RiwayatPendidikan,
    StatusData,
    TingkatHukuman,
)

BATCH = 500

_NIP = Kolom(
    "nip",
    gettext_lazy("NIP pegawai (18 angka) dari instansi Anda. Di Excel format selnya harus Teks."),
    "199106112012062001",
    wajib=True,
    teks=True,
)
_TGL = gettext_lazy("Tanggal (sel tanggal Excel, atau teks 2026-03-31 / 31-03-2026).")

PENDIDIKAN = Lembar(
    "Pendidikan",
    gettext_lazy("Pendidikan"),
    (
        _NIP,
        Kolom(
            "jenjang",
            gettext_lazy("Jenjang: S3, S2, S1/D4, D3, D1/D2 atau SLTA (SLTA ke bawah). Kunci pencocokan."),
            "S1/D4",
            wajib=True,
        ),
        Kolom(
            "institusi",
            gettext_lazy("Nama institusi. Kunci pencocokan."),
            "Universitas Gadjah Mada",
            panjang=255,
        ),
        Kolom("jurusan", gettext_lazy("Jurusan / program studi."), "Psikologi", panjang=255),
        Kolom(
            "tanggal_lulus",
            gettext_lazy("Tanggal lulus, tidak di masa depan. Kunci pencocokan."),
            "2013-08-20",
            wajib=True,
        ),
        Kolom("nomor_ijazah", gettext_lazy("Nomor ijazah."), "UGM-2013-001234", panjang=100),
    ),
)

KOMPETENSI = Lembar(
    "Pengembangan Kompetensi",
    gettext_lazy("Pengembangan Kompetensi"),
    (
        _NIP,
        Kolom(
            "jenis",
            gettext_lazy("Jenis: Kepemimpinan, Fungsional, Teknis atau Seminar. Kunci pencocokan."),
            "Teknis",
            wajib=True,
        ),
        Kolom(
            "nama",
            gettext_lazy("Nama kegiatan. Kunci pencocokan."),
            "Pelatihan Manajemen Talenta ASN",
            wajib=True,
            panjang=255,
        ),
        Kolom("penyelenggara", gettext_lazy("Penyelenggara."), "BPSDM Provinsi Jawa Tengah", panjang=255),
        Kolom("tanggal_mulai", gettext_lazy("Tanggal mulai. Kunci pencocokan."), "2026-03-02", wajib=True),
        Kolom(
            "tanggal_selesai",
            gettext_lazy("Tanggal selesai, tidak sebelum tanggal mulai. Kunci pencocokan."),
            "2026-03-06",
            wajib=True,
        ),
        Kolom("jp", gettext_lazy("Jam pelajaran, bilangan bulat 1–1000."), "40", wajib=True),
        Kolom(
            "sesuai_jabatan",
            gettext_lazy(
                "Ya bila diklat kepemimpinan sesuai jabatan / diklat fungsional sesuai jenjang; "
                "kosong berarti Ya."
            ),
            "Ya",
        ),
        Kolom("nomor_sertifikat", gettext_lazy("Nomor sertifikat."), "SERT/2026/0042", panjang=100),
    ),
)

DISIPLIN = Lembar(
    "Hukuman Disiplin",
    gettext_lazy("Hukuman Disiplin"),
    (
        _NIP,
        Kolom(
            "tingkat",
            gettext_lazy("Tingkat: Ringan, Sedang atau Berat (PP 94/2021). Kunci pencocokan."),
            "Ringan",
            wajib=True,
        ),
        Kolom(
            "jenis",
            gettext_lazy("Jenis hukuman. Kunci pencocokan."),
            "Teguran tertulis",
            wajib=True,
            panjang=255,
        ),
        Kolom("nomor_sk", gettext_lazy("Nomor SK hukuman."), "800/123/2026", panjang=100),
        Kolom("tanggal_sk", gettext_lazy("Tanggal SK, tidak di masa depan."), "2026-02-02", wajib=True),
        Kolom("tmt_mulai", gettext_lazy("Berlaku mulai. Kunci pencocokan."), "2026-02-02", wajib=True),
        Kolom("tmt_selesai", gettext_lazy("Berlaku sampai (boleh kosong)."), "2026-07-31"),
    ),
)

LAYOUT: tuple[Lembar, ...] = (PENDIDIKAN, KOMPETENSI, DISIPLIN)
# sheet -> (kind code of data.JENIS_DATA, model, fields of the match key after pegawai)
TUJUAN = {
    PENDIDIKAN.nama: ("pendidikan", RiwayatPendidikan, ("jenjang", "tanggal_lulus", "institusi")),
    KOMPETENSI.nama: (
        "kompetensi",
        PengembanganKompetensi,
        ("jenis", "tanggal_mulai", "tanggal_selesai", "nama"),
    ),
    DISIPLIN.nama: ("disiplin", HukumanDisiplin, ("tingkat", "tmt_mulai", "jenis")),
}


def _kunci(teks: str) -> str:
    return re.sub(r"[^0-9a-z]", "", str(teks).lower())


PILIHAN_JENJANG = {_kunci(x): p.value for p in Pendidikan for x in (p.value, p.label)} | {
    "s1": "S1_D4",
    "d4": "S1_D4",
    "div": "S1_D4",
    "diii": "D3",
    "d1": "D1_D2",
    "d2": "D1_D2",
    "slta": "SLTA_KEBAWAH",
    "sma": "SLTA_KEBAWAH",
    "smk": "SLTA_KEBAWAH",
}
PILIHAN_KOMPETENSI = {_kunci(x): j.value for j in JenisKompetensi for x in (j.value, j.label)} | {
    "diklatkepemimpinan": "kepemimpinan",
    "diklatfungsional": "fungsional",
    "diklatteknis": "teknis",
    "workshop": "seminar",
}
PILIHAN_TINGKAT = {_kunci(x): t.value for t in TingkatHukuman for x in (t.value, t.label)}
YA, TIDAK = {"", "ya", "y", "1", "true", "benar"}, {"tidak", "t", "0", "false", "salah"}


class NilaiSalah(ValueError):
    pass


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime | date):
        return v.date().isoformat() if isinstance(v, datetime) else v.isoformat()
    return str(v).strip()


_FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def parse_tanggal(v) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v).strip())
    except ValueError:
        pass
    for fmt in _FORMAT_TANGGAL[1:]:
        try:
            return datetime.strptime(str(v).strip(), fmt).date()
        except ValueError:
            continue
    raise NilaiSalah(_("Tanggal tidak dikenal; tulis 2026-03-31 atau 31-03-2026."))


def _parse_jp(v) -> int:
    teks = _teks(v)
    if not re.fullmatch(r"\d{1,4}", teks) or not 1 <= int(teks) <= 1000:
        raise NilaiSalah(_("JP harus angka 1–1000."))
    return int(teks)


@dataclass
class HasilImpor:
    uji_saja: bool
    galat: list[str] = field(default_factory=list)
    jumlah: dict[str, dict[str, int]] = field(default_factory=dict)  # sheet -> dibuat/diubah
    total_baris: int = 0

    @property
    def berhasil(self) -> bool:
        return not self.galat

    @property
    def disimpan(self) -> bool:
        return self.berhasil and not self.uji_saja


class _Impor:
    def __init__(self, instansi_id: int, uji_saja: bool, today: date):
        self.instansi_id = instansi_id
        self.today = today
        self.hasil = HasilImpor(uji_saja=uji_saja)
        self.pegawai = dict(Pegawai.objects.filter(instansi_id=instansi_id).values_list("nip", "pk"))
        self.baris: dict[str, list[tuple[int, dict]]] = {}  # sheet -> (baris, values) valid rows

    def salah(self, lembar: Lembar, baris: int, pesan: str) -> None:
        self.hasil.galat.append(
            _("Baris %(baris)s (%(lembar)s): %(pesan)s")
            % {"baris": baris, "lembar": lembar.judul, "pesan": pesan}
        )

    def baca(self, lembar: Lembar, header: tuple, rows) -> None:
        nama = [_kunci(h).replace(" ", "") for h in header]
        indeks = {}
        for k in lembar.kolom:
            if _kunci(k.nama) in nama:
                indeks[k.nama] = nama.index(_kunci(k.nama))
        kurang = [k for k in lembar.wajib if k not in indeks]
        if kurang:
            self.hasil.galat.append(
                _("Lembar %(lembar)s: kolom wajib tidak ada di baris judul: %(kolom)s.")
                % {"lembar": lembar.judul, "kolom": ", ".join(kurang)}
            )
            return
        out = self.baris.setdefault(lembar.nama, [])
        kunci_file: dict[tuple, int] = {}
        for baris, row in rows:
            if row is None or all(c is None or _teks(c) == "" for c in row):
                continue
            self.hasil.total_baris += 1
            raw = {k: (row[i] if i < len(row) else None) for k, i in indeks.items()}
            v = self.nilai(lembar, baris, raw)
            if v is None:
                continue
            kode, _model, kunci = TUJUAN[lembar.nama]
            k = (v["pegawai_id"], *(v[f] for f in kunci))
            if k in kunci_file:
                self.salah(
                    lembar, baris, _("Data yang sama sudah ada di baris %(b)s.") % {"b": kunci_file[k]}
                )
                continue
            kunci_file[k] = baris
            out.append((baris, v))

    def nilai(self, lembar: Lembar, baris: int, raw: dict) -> dict | None:
        n = len(self.hasil.galat)
        v: dict = {}
        for k in lembar.kolom:
            if k.nama not in raw:
                continue
            teks = _teks(raw[k.nama])
            if k.wajib and not teks:
                self.salah(lembar, baris, _("Kolom %(k)s wajib diisi.") % {"k": k.nama})
            elif k.panjang and len(teks) > k.panjang:
                self.salah(
                    lembar,
                    baris,
                    _("Kolom %(k)s paling banyak %(n)s karakter.") % {"k": k.nama, "n": k.panjang},
                )
        if len(self.hasil.galat) > n:
            return None
        if isinstance(raw["nip"], float | int):
            self.salah(
                lembar,
                baris,
                _(
                    "NIP tersimpan sebagai angka sehingga angka terakhirnya hilang; "
                    "ubah format sel menjadi Teks."
                ),
            )
            return None
        nip = normalise_nip(_teks(raw["nip"]))
        if nip not in self.pegawai:
            self.salah(lembar, baris, _("NIP %(nip)s bukan pegawai instansi Anda.") % {"nip": nip})
            return None
        v["pegawai_id"] = self.pegawai[nip]
        kode, _model, _kunci_f = TUJUAN[lembar.nama]
        for k in lembar.kolom[1:]:
            cell = raw.get(k.nama)
            try:
                v[k.nama] = self.ubah(k.nama, kode, cell)
            except NilaiSalah as e:
                v[k.nama] = None
                self.salah(lembar, baris, f"{k.nama}: {e}" if k.nama != "jp" else str(e))
        for pesan in periksa_nilai(kode, v, self.today).values():
            self.salah(lembar, baris, pesan)
        return v if len(self.hasil.galat) == n else None

    def ubah(self, nama: str, kode: str, cell):
        if nama in (
            "tanggal_lulus",
            "tanggal_mulai",
            "tanggal_selesai",
            "tanggal_sk",
            "tmt_mulai",
            "tmt_selesai",
        ):
            return parse_tanggal(cell)
        if nama == "jp":
            return _parse_jp(cell)
        teks = _teks(cell)
        if nama == "jenjang":
            return self._pilih(teks, PILIHAN_JENJANG, _("pilihan: S3, S2, S1/D4, D3, D1/D2, SLTA."))
        if nama == "jenis" and kode == "kompetensi":
            return self._pilih(
                teks, PILIHAN_KOMPETENSI, _("pilihan: Kepemimpinan, Fungsional, Teknis, Seminar.")
            )
        if nama == "tingkat":
            return self._pilih(teks, PILIHAN_TINGKAT, _("pilihan: Ringan, Sedang, Berat."))
        if nama == "sesuai_jabatan":
            if _kunci(teks) in YA:
                return True
            if _kunci(teks) in TIDAK:
                return False
            raise NilaiSalah(_("isi Ya atau Tidak."))
        return teks

    @staticmethod
    def _pilih(teks: str, pilihan: dict, pesan: str) -> str:
        try:
            return pilihan[_kunci(teks)]
        except KeyError:
            raise NilaiSalah(_("nilai %(v)s tidak dikenal; %(p)s") % {"v": teks, "p": pesan}) from None

    def tulis(self, by) -> None:
        now = timezone.now()
        for lembar in LAYOUT:
            rows = self.baris.get(lembar.nama)
            if rows is None:
                continue
            kode, model, kunci = TUJUAN[lembar.nama]
            fields = [k.nama for k in lembar.kolom[1:]]
            pegawai_ids = {v["pegawai_id"] for _b, v in rows}
            ada: dict[tuple, object] = {}
            for chunk in batched(sorted(pegawai_ids), BATCH):
                for obj in model.objects.filter(pegawai_id__in=chunk):
                    ada[(obj.pegawai_id, *(getattr(obj, f) for f in kunci))] = obj
            baru, ubah = [], []
            for _b, v in rows:
                obj = ada.get((v["pegawai_id"], *(v[f] for f in kunci)))
                if obj is None:
                    obj = model(pegawai_id=v["pegawai_id"], diajukan_oleh=by)
                    baru.append(obj)
                else:
                    ubah.append(obj)
                for f in fields:
                    setattr(obj, f, v[f])
                obj.status = StatusData.TERVERIFIKASI
                obj.diverifikasi_oleh, obj.diverifikasi_pada, obj.updated_at = by, now, now
                if obj.pk is None:
                    obj.created_at = now
            if not self.hasil.uji_saja:
                dibuat = model.objects.bulk_create(baru, batch_size=BATCH)
                model.objects.bulk_update(
                    ubah,
                    [*fields, "status", "diverifikasi_oleh", "diverifikasi_pada", "updated_at"],
                    batch_size=BATCH,
                )
                catat_riwayat(model, [o.pk for o in dibuat], "+", by=by, now=now)
                catat_riwayat(model, [o.pk for o in ubah], "~", by=by, now=now)
            self.hasil.jumlah[lembar.nama] = {"dibuat": len(baru), "diubah": len(ubah)}


def _sheets(f):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(f, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged workbook
        raise BerkasDitolak(_("Buku kerja XLSX tidak dapat dibaca; mungkin rusak.")) from None
    return wb


def impor_data_ipasn(
    *, instansi_id: int, berkas, uji_saja: bool, by, today: date | None = None
) -> HasilImpor:
    """Checks every row and, when no row is wrong and not `uji_saja`, writes all of them in one
    transaction. Raises BerkasDitolak when the file itself is refused."""
    if periksa_berkas(berkas) != "xlsx":
        raise BerkasDitolak(
            _(
                "Unggah buku kerja .xlsx dengan lembar Pendidikan, Pengembangan Kompetensi dan "
                "Hukuman Disiplin."
            )
        )
    berkas.seek(0)
    wb = _sheets(berkas)
    try:
        impor = _Impor(instansi_id, uji_saja, today or timezone.localdate())
        sheets = {_kunci(ws.title): ws for ws in wb.worksheets}
        dibaca = 0
        for lembar in LAYOUT:
            ws = sheets.get(_kunci(lembar.nama))
            if ws is None:
                continue
            it = ws.iter_rows(values_only=True)
            header = next(it, None)
            if header is None:
                continue
            dibaca += 1
            impor.baca(lembar, header, enumerate(it, start=2))
        if not dibaca:
            raise BerkasDitolak(
                _("Buku kerja tidak memuat lembar Pendidikan, Pengembangan Kompetensi atau Hukuman Disiplin.")
            )
    finally:
        wb.close()
    if impor.hasil.galat:
        return impor.hasil
    with transaction.atomic():
        impor.tulis(by)
    return impor.hasil


def templat_xlsx() -> bytes:
    """The template: one sheet per LAYOUT sheet with its header and one example row, and a Petunjuk
    sheet describing each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for lembar in LAYOUT:
        ws = wb.create_sheet(lembar.nama)
        ws.append(list(lembar.nama_kolom))
        for c in ws[1]:
            c.font = Font(bold=True)
        ws.append([k.contoh for k in lembar.kolom])
        for i, k in enumerate(lembar.kolom, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(14, len(k.nama) + 4)
            if k.teks:
                ws.cell(2, i).number_format = "@"
    ws = wb.create_sheet("Petunjuk")
    ws.append([str(_("Lembar")), str(_("Kolom")), str(_("Wajib")), str(_("Keterangan")), str(_("Contoh"))])
    for c in ws[1]:
        c.font = Font(bold=True)
    for lembar in LAYOUT:
        for k in lembar.kolom:
            ws.append([lembar.nama, k.nama, str(_("Ya")) if k.wajib else "", str(k.keterangan), k.contoh])
    ws.column_dimensions["D"].width = 80
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
