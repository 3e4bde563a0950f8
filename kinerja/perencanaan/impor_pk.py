"""Import of Perjanjian Kinerja / Renstra from one XLSX sheet, one row per IKU (sasaran repeated).

Columns (`KOLOM`): kode_unit, tahun, sumber (pk/renstra), no_sasaran, sasaran, no_indikator,
indikator, target. Rows are upserted by (unit, tahun, sumber, no_sasaran, no_indikator), so importing
the same file twice changes nothing. All or nothing: every row is checked first and any error (with
its row number) means nothing is written. The file checks (content, size) and the cell helpers are
those of the organisation import.
"""

import io
import re
from dataclasses import dataclass, field

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja.organisasi.impor import (
    BerkasDitolak,
    Kolom,
    _binary,
    _kunci,
    _nama_kolom,
    _teks,
    format_galat,
    periksa_berkas,
)
from kinerja.organisasi.models import Instansi, UnitKerja

from .forms_pk import TAHUN_MAX, TAHUN_MIN
from .models import PerjanjianKinerja
from .services_pk import BarisImpor, tulis_impor

KOLOM: tuple[Kolom, ...] = (
    Kolom("kode_unit", gettext_lazy("Kode unit kerja di instansi ini."), "BKPSDM", wajib=True),
    Kolom("tahun", gettext_lazy("Tahun perjanjian kinerja, misalnya 2027."), "2027", wajib=True),
    Kolom(
        "sumber", gettext_lazy("pk (Perjanjian Kinerja) atau renstra (Rencana Strategis)."), "pk", wajib=True
    ),
    Kolom("no_sasaran", gettext_lazy("Nomor sasaran strategis: 1, 2, ..."), "1", wajib=True),
    Kolom(
        "sasaran",
        gettext_lazy("Uraian sasaran strategis; sama di setiap baris sasaran yang sama."),
        "Meningkatnya profesionalitas ASN",
        wajib=True,
    ),
    Kolom("no_indikator", gettext_lazy("Nomor indikator di dalam sasarannya: 1, 2, ..."), "1", wajib=True),
    Kolom(
        "indikator", gettext_lazy("Uraian indikator kinerja utama."), "Indeks Profesionalitas ASN", wajib=True
    ),
    Kolom(
        "target", gettext_lazy("Target, misalnya 90 % atau 3 dokumen."), "75 poin", wajib=True, panjang=100
    ),
)
NAMA_KOLOM = tuple(k.nama for k in KOLOM)
BATAS_BARIS = 5000
SUMBER = {
    "pk": PerjanjianKinerja.Sumber.PERJANJIAN_KINERJA,
    "perjanjiankinerja": PerjanjianKinerja.Sumber.PERJANJIAN_KINERJA,
    "renstra": PerjanjianKinerja.Sumber.RENSTRA,
    "rencanastrategis": PerjanjianKinerja.Sumber.RENSTRA,
}
LEVEL = {"perjanjian": gettext_lazy("Perjanjian kinerja"), "sasaran": gettext_lazy("Sasaran strategis")}
LEVEL["indikator"] = gettext_lazy("Indikator kinerja utama")


@dataclass
class HasilImporPk:
    galat: list[dict] = field(default_factory=list)  # {baris, kolom, nilai, pesan}, as organisasi.impor
    jumlah: dict[str, dict[str, int]] = field(default_factory=dict)
    baris: int = 0

    @property
    def berhasil(self) -> bool:
        return not self.galat

    @property
    def pesan_galat(self) -> list[str]:
        return [format_galat(g) for g in self.galat]

    @property
    def ringkasan(self) -> list[tuple[str, dict[str, int]]]:
        return [(str(LEVEL[k]), v) for k, v in self.jumlah.items()]


class _Pemeriksa:
    """Checks rows one by one; keeps what is needed to check them against each other."""

    def __init__(self, instansi: Instansi, hasil: HasilImporPk):
        self.hasil = hasil
        self.unit = dict(UnitKerja.objects.filter(instansi=instansi).values_list("kode", "id"))
        self.instansi = instansi
        self.unit_asing: dict[str, list[int]] = {}  # kode not in this instansi -> rows
        self.sasaran: dict[tuple, tuple[str, int]] = {}  # (kode, tahun, sumber, no) -> (uraian, baris)
        self.indikator: dict[tuple, int] = {}  # full key -> baris
        self.baris: list[tuple[int, str, tuple]] = []  # (baris, kode_unit, values) of rows without error

    def salah(self, baris: int, kolom: str, nilai, pesan: str) -> None:
        self.hasil.galat.append({"baris": baris, "kolom": kolom, "nilai": _teks(nilai), "pesan": pesan})

    def _nomor(self, baris: int, kolom: str, v) -> int | None:
        teks = _teks(v)
        if isinstance(v, bool) or not re.fullmatch(r"\d{1,4}", teks) or int(teks) < 1:
            pesan = _("Isi nomor berupa bilangan bulat 1 atau lebih, misalnya 1 atau 2.")
            self.salah(baris, kolom, v, pesan if teks else _("Nomor harus diisi."))
            return None
        return int(teks)

    def _uraian(self, baris: int, kolom: str, v, pesan_kosong: str, panjang: int | None = None) -> str | None:
        teks = " ".join(_teks(v).split())
        if not teks:
            self.salah(baris, kolom, v, pesan_kosong)
            return None
        if panjang and len(teks) > panjang:
            self.salah(baris, kolom, v, _("Paling panjang %(n)s karakter.") % {"n": panjang})
            return None
        return teks

    def periksa(self, baris: int, r: dict) -> None:
        n = len(self.hasil.galat)
        kode = _teks(r["kode_unit"])
        if not kode:
            self.salah(baris, "kode_unit", "", _("Kode unit kerja harus diisi."))
        elif kode not in self.unit:
            self.unit_asing.setdefault(kode, []).append(baris)
        teks_tahun = _teks(r["tahun"])
        tahun = (
            int(teks_tahun) if re.fullmatch(r"\d{4}", teks_tahun) and not isinstance(r["tahun"], bool) else 0
        )
        if not TAHUN_MIN <= tahun <= TAHUN_MAX:
            self.salah(baris, "tahun", r["tahun"], _("Tahun harus berupa tahun empat angka, misalnya 2027."))
        sumber = SUMBER.get(_kunci(_teks(r["sumber"])))
        if sumber is None:
            self.salah(baris, "sumber", r["sumber"], _("Sumber harus pk atau renstra."))
        no_s = self._nomor(baris, "no_sasaran", r["no_sasaran"])
        sasaran = self._uraian(baris, "sasaran", r["sasaran"], _("Uraian sasaran strategis harus diisi."))
        no_i = self._nomor(baris, "no_indikator", r["no_indikator"])
        indikator = self._uraian(baris, "indikator", r["indikator"], _("Uraian indikator harus diisi."))
        target = self._uraian(
            baris, "target", r["target"], _("Target harus diisi, misalnya 90 % atau 3 dokumen."), 100
        )
        if len(self.hasil.galat) != n:
            return
        k_sasaran = (kode, tahun, sumber, no_s)
        lama = self.sasaran.setdefault(k_sasaran, (sasaran, baris))
        if lama[0] != sasaran:
            self.salah(
                baris,
                "sasaran",
                sasaran,
                _("Sasaran nomor %(no)s sudah ditulis berbeda di baris %(b)s: “%(s)s”.")
                % {"no": no_s, "b": lama[1], "s": lama[0]},
            )
            return
        k_indikator = (*k_sasaran, no_i)
        if k_indikator in self.indikator:
            self.salah(
                baris,
                "no_indikator",
                no_i,
                _("Indikator %(s)s.%(i)s sudah ada di baris %(b)s.")
                % {"s": no_s, "i": no_i, "b": self.indikator[k_indikator]},
            )
            return
        self.indikator[k_indikator] = baris
        self.baris.append((baris, kode, (tahun, sumber, no_s, sasaran, no_i, indikator, target)))

    def selesai(self) -> None:
        """Unknown unit codes, told apart from units of another instansi (one query)."""
        if not self.unit_asing:
            return
        lain = dict(
            UnitKerja.objects.filter(kode__in=self.unit_asing)
            .exclude(instansi=self.instansi)
            .values_list("kode", "instansi__nama")
        )
        for kode, daftar in self.unit_asing.items():
            for baris in daftar:
                if kode in lain:
                    pesan = _("Unit kerja %(k)s milik instansi lain (%(i)s), bukan %(ini)s.") % {
                        "k": kode,
                        "i": lain[kode],
                        "ini": self.instansi.nama,
                    }
                else:
                    pesan = _("Unit kerja dengan kode %(k)s tidak ditemukan di %(ini)s.") % {
                        "k": kode,
                        "ini": self.instansi.nama,
                    }
                self.salah(baris, "kode_unit", kode, pesan)
        self.hasil.galat.sort(key=lambda g: g["baris"])


def _baca(f, pemeriksa: _Pemeriksa) -> None:
    from openpyxl import load_workbook

    if periksa_berkas(f) != "xlsx":
        raise BerkasDitolak(_("Unggah berkas Excel .xlsx (bukan CSV atau format lain)."))
    try:
        wb = load_workbook(_binary(f), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged workbook
        raise BerkasDitolak(_("Buku kerja XLSX tidak dapat dibaca; mungkin rusak.")) from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = [_nama_kolom(h) for h in next(rows, None) or ()]
        hilang = [k for k in NAMA_KOLOM if k not in header]
        if hilang:
            raise BerkasDitolak(
                _("Baris judul lembar pertama tidak memuat kolom %(k)s. Gunakan templat.")
                % {"k": ", ".join(hilang)}
            )
        indeks = {k: header.index(k) for k in NAMA_KOLOM}
        for baris, values in enumerate(rows, start=2):
            if not any(_teks(v) for v in values):
                continue
            pemeriksa.hasil.baris += 1
            if pemeriksa.hasil.baris > BATAS_BARIS:
                raise BerkasDitolak(_("Berkas memuat lebih dari %(n)s baris.") % {"n": BATAS_BARIS})
            r = {k: values[i] if i < len(values) else None for k, i in indeks.items()}
            pemeriksa.periksa(baris, r)
    finally:
        wb.close()
    if not pemeriksa.hasil.baris:
        raise BerkasDitolak(_("Lembar pertama tidak memuat satu baris data pun di bawah baris judul."))


def impor_pk(*, instansi: Instansi, berkas, by) -> HasilImporPk:
    """Checks every row and, when there is no error, writes them all in one transaction.

    Raises BerkasDitolak when the file itself is refused (not an XLSX, too large, no header)."""
    hasil = HasilImporPk()
    pemeriksa = _Pemeriksa(instansi, hasil)
    _baca(berkas, pemeriksa)
    pemeriksa.selesai()
    if hasil.galat:
        return hasil
    rows = [BarisImpor(baris, pemeriksa.unit[kode], *values) for baris, kode, values in pemeriksa.baris]
    try:
        hasil.jumlah = tulis_impor(baris=rows, instansi_id=instansi.pk, by=by)
    except IntegrityError:  # the same PK created at this very moment by someone else: rolled back
        hasil.galat.append(
            {
                "baris": None,
                "kolom": "",
                "nilai": "",
                "pesan": _("Data baru saja diubah orang lain; impor ulang."),
            }
        )
    return hasil


def templat_xlsx() -> bytes:
    """The header and one example row; numbers are written as numbers, the rest as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "perjanjian_kinerja"
    ws.append(list(NAMA_KOLOM))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    contoh = {k.nama: k.contoh for k in KOLOM}
    contoh["tahun"] = timezone.localdate().year
    contoh["no_sasaran"] = contoh["no_indikator"] = 1
    ws.append([contoh[k] for k in NAMA_KOLOM])
    for kolom, lebar in zip("ABCDEFGH", (14, 8, 10, 11, 50, 13, 50, 16), strict=True):
        ws.column_dimensions[kolom].width = lebar
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
