"""Import of unit kerja, jabatan and pegawai from XLSX or CSV (docs/impor.md).

`LAYOUT` is the one description of the columns: the parser, the templates and the export
(`ekspor.py`) all read it. An import runs in two phases:

1. check: `periksa_berkas()` rejects what is not a real XLSX/CSV or is too large; rows are streamed
   (csv module, openpyxl read_only) and validated in plain Python against dicts of the instansi's
   existing kode and NIP, loaded once. Every error is collected as `{lembar, baris, kolom, nilai, pesan}`.
2. write (`impor_tulis.py`): only when there is no error and it is not a dry run, in ONE transaction:
   batched inserts and updates with their history records, login accounts for new pegawai, then the
   cached penilai once.

A column absent from the header keeps the stored value of an existing record (and the default for a
new one); a column present with an empty cell clears the value.
"""

import codecs
import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import batched, chain

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.aturan import GOLONGAN_PPPK, GOLONGAN_RUANG, JenisJabatan, JenjangFungsional

from .impor_tulis import (
    P_AKTIF,
    P_BARU,
    P_EMAIL,
    P_JABATAN,
    P_JK,
    P_LAHIR,
    P_PENDIDIKAN,
    P_PENILAI,
    P_PPPK,
    P_RUANG,
    P_STATUS,
    P_TEKS,
    P_TMT,
    P_UNIT,
    PenulisMixin,
)
from .models import ImportJob, Instansi, Jabatan, Pegawai, Pendidikan, StatusKepegawaian, UnitKerja
from .validation import decode_nomor_induk, normalise_nip

PROGRESS_EVERY = 1000


# --- Layout -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    nama: str
    keterangan: str  # Indonesian; shown in the template's "petunjuk" sheet
    contoh: str = ""
    wajib: bool = False  # the column must be in the header and the cell filled
    panjang: int | None = None  # maximum length
    teks: bool = False  # a NIP: must be text in XLSX (an Excel number loses the last digits)


@dataclass(frozen=True)
class Lembar:
    nama: str  # the sheet name in XLSX; the entity of a CSV file
    judul: str
    kolom: tuple[Kolom, ...]

    @property
    def nama_kolom(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)

    @property
    def wajib(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom if k.wajib)


_YA_TIDAK = gettext_lazy("Ya atau Tidak (juga 1/0); kosong berarti Ya.")

UNIT_KERJA = Lembar(
    "unit_kerja",
    gettext_lazy("Unit kerja"),
    (
        Kolom(
            "kode",
            gettext_lazy("Kode unit kerja, unik dalam instansi; kunci pembaruan."),
            "BKPSDM",
            wajib=True,
            panjang=40,
        ),
        Kolom(
            "nama",
            gettext_lazy("Nama unit kerja."),
            "Badan Kepegawaian dan Pengembangan SDM",
            wajib=True,
            panjang=255,
        ),
        Kolom(
            "kode_induk",
            gettext_lazy(
                "Kode unit induk (kosong untuk unit tertinggi); boleh unit yang "
                "sudah ada atau yang ada di lembar ini."
            ),
            "",
        ),
        Kolom("aktif", _YA_TIDAK, "Ya"),
    ),
)

JABATAN = Lembar(
    "jabatan",
    gettext_lazy("Jabatan"),
    (
        Kolom(
            "kode",
            gettext_lazy("Kode jabatan, unik dalam instansi; kunci pembaruan."),
            "BKPSDM-ANALIS",
            wajib=True,
            panjang=40,
        ),
        Kolom(
            "nama",
            gettext_lazy("Nama jabatan (tanpa jenjang)."),
            "Analis SDM Aparatur",
            wajib=True,
            panjang=255,
        ),
        Kolom(
            "jenis",
            gettext_lazy(
                "Jenis jabatan: JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, "
                "Pelaksana atau Fungsional."
            ),
            "Fungsional",
            wajib=True,
        ),
        Kolom(
            "jenjang",
            gettext_lazy(
                "Jenjang, hanya untuk jabatan fungsional: Pemula, Terampil, Mahir, "
                "Penyelia, Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama."
            ),
            "Ahli Muda",
        ),
        Kolom("kode_unit", gettext_lazy("Kode unit kerja tempat jabatan ini berada."), "BKPSDM", wajib=True),
        Kolom(
            "kode_atasan",
            gettext_lazy("Kode jabatan atasan langsung (kosong bila atasannya pimpinan instansi)."),
            "",
        ),
    ),
)

PEGAWAI = Lembar(
    "pegawai",
    gettext_lazy("Pegawai"),
    (
        Kolom(
            "nip",
            gettext_lazy(
                "NIP (PNS/CPNS) atau NI PPPK, 18 angka, boleh dengan spasi; kunci pembaruan. "
                "Di Excel format selnya harus Teks."
            ),
            "199106112012062001",
            wajib=True,
            teks=True,
        ),
        Kolom("nama", gettext_lazy("Nama tanpa gelar."), "Siti Rahmawati", wajib=True, panjang=200),
        Kolom("gelar_depan", gettext_lazy("Gelar di depan nama."), "", panjang=50),
        Kolom("gelar_belakang", gettext_lazy("Gelar di belakang nama."), "S.Psi.", panjang=100),
        Kolom("status", gettext_lazy("Status kepegawaian: CPNS, PNS atau PPPK."), "PNS", wajib=True),
        Kolom(
            "golongan",
            gettext_lazy(
                "Golongan ruang I/a sampai IV/e untuk PNS/CPNS; golongan I sampai XVII "
                "untuk PPPK. Boleh kosong."
            ),
            "III/c",
        ),
        Kolom("kode_jabatan", gettext_lazy("Kode jabatan yang diduduki (boleh kosong)."), "BKPSDM-ANALIS"),
        Kolom("kode_unit", gettext_lazy("Kode unit kerja pegawai."), "BKPSDM", wajib=True),
        Kolom(
            "pendidikan_terakhir",
            gettext_lazy("S3, S2, S1/D4, D3, D1/D2 atau SLTA (SLTA ke bawah)."),
            "S1/D4",
        ),
        Kolom(
            "email",
            gettext_lazy("Alamat email, juga untuk akun masuk."),
            "siti.rahmawati@example.go.id",
            panjang=254,
        ),
        Kolom("aktif", _YA_TIDAK, "Ya"),
        Kolom(
            "nip_penilai_khusus",
            gettext_lazy(
                "NIP pejabat penilai yang ditetapkan khusus (mengalahkan "
                "struktur); kosong bila mengikuti struktur."
            ),
            "",
            teks=True,
        ),
    ),
)

LAYOUT: tuple[Lembar, ...] = (UNIT_KERJA, JABATAN, PEGAWAI)

# The stored values behind the pegawai sheet, in the order the importer compares and the export writes them.
PEGAWAI_KOLOM_DB = (
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "status",
    "golongan_ruang",
    "golongan_pppk",
    "jabatan__kode",
    "unit_kerja__kode",
    "pendidikan_terakhir",
    "email",
    "aktif",
    "pejabat_penilai_khusus__nip",
)
LEMBAR: dict[str, Lembar] = {lembar.nama: lembar for lembar in LAYOUT}


# --- Values -----------------------------------------------------------------------------------------


def _kunci(teks: str) -> str:
    """Lowercase letters and digits only: "S-1 / D-IV" -> "s1div", "Ahli Muda" -> "ahlimuda"."""
    return re.sub(r"[^0-9a-z]", "", teks.lower())


YA = {"ya", "y", "1", "true", "benar", "aktif", "yes"}
TIDAK = {"tidak", "0", "false", "salah", "nonaktif", "tidakaktif", "no", "n"}
STATUS = {s.value: s.value for s in StatusKepegawaian}
JENIS = {_kunci(x): j.value for j in JenisJabatan for x in (j.value, j.label)}
JENIS["jf"] = JenisJabatan.FUNGSIONAL.value
JENJANG = {_kunci(x): j.value for j in JenjangFungsional for x in (j.value, j.label)}
PENDIDIKAN = {_kunci(x): p.value for p in Pendidikan for x in (p.value, p.label)} | {
    "s1": "S1_D4",
    "d4": "S1_D4",
    "div": "S1_D4",
    "s1d4": "S1_D4",
    "diii": "D3",
    "d1": "D1_D2",
    "d2": "D1_D2",
    "di": "D1_D2",
    "dii": "D1_D2",
    "d1d2": "D1_D2",
    "slta": "SLTA_KEBAWAH",
    "sma": "SLTA_KEBAWAH",
    "smk": "SLTA_KEBAWAH",
    "sltp": "SLTA_KEBAWAH",
    "smp": "SLTA_KEBAWAH",
    "sd": "SLTA_KEBAWAH",
}
GOLONGAN_PPPK_DARI = (
    {g.lower(): g for g in GOLONGAN_PPPK}
    | {str(i): g for i, g in enumerate(GOLONGAN_PPPK, start=1)}
    | {f"{i:02d}": g for i, g in enumerate(GOLONGAN_PPPK, start=1)}
)
_RUANG = re.compile(r"(IV|III|II|I)\s*[/\-]?\s*([A-E])", re.IGNORECASE)


def _teks(v) -> str:
    """A cell as text: strings stripped, whole numbers without ".0", booleans as Ya/Tidak."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime | date):
        return v.isoformat()
    return str(v).strip()


def _nama_kolom(v) -> str:
    return re.sub(r"[\s\-]+", "_", _teks(v).lower())


def _pesan_nip_angka() -> str:
    return _(
        "NIP tersimpan sebagai angka sehingga angka terakhirnya hilang; ubah format sel kolom ini "
        "menjadi Teks."
    )


class NilaiSalah(ValueError):
    """A cell whose value is not allowed; the message is Indonesian."""


def parse_aktif(teks: str) -> bool:
    k = _kunci(teks)
    if not k or k in YA:
        return True
    if k in TIDAK:
        return False
    raise NilaiSalah(_("Isi Ya atau Tidak (juga 1 atau 0)."))


def parse_golongan(teks: str, status: str) -> tuple[str, str]:
    """(golongan_ruang, golongan_pppk) from one cell, checked against the status."""
    if not teks:
        return "", ""
    m = _RUANG.fullmatch(teks)
    ruang = f"{m[1].upper()}/{m[2].lower()}" if m else ""
    pppk = GOLONGAN_PPPK_DARI.get(teks.lower())
    if status == StatusKepegawaian.PPPK:
        if pppk:
            return "", pppk
        if ruang:
            raise NilaiSalah(
                _("Golongan ruang %(g)s hanya untuk PNS/CPNS; pegawai PPPK memakai golongan I sampai XVII.")
                % {"g": ruang}
            )
        raise NilaiSalah(_("Golongan PPPK %(g)s tidak dikenal (I sampai XVII).") % {"g": teks})
    if ruang in GOLONGAN_RUANG:
        return ruang, ""
    if pppk:
        raise NilaiSalah(
            _("Golongan %(g)s adalah golongan PPPK; untuk PNS/CPNS isi golongan ruang seperti III/c.")
            % {"g": teks}
        )
    raise NilaiSalah(_("Golongan ruang %(g)s tidak dikenal (I/a sampai IV/e).") % {"g": teks})


def _pilihan(teks: str, pilihan: dict[str, str], pesan: str) -> str:
    if not teks:
        return ""
    try:
        return pilihan[_kunci(teks)]
    except KeyError:
        raise NilaiSalah(pesan) from None


def label_golongan(golongan_ruang: str, golongan_pppk: str) -> str:
    return golongan_ruang or golongan_pppk


def label_aktif(aktif: bool) -> str:
    return "Ya" if aktif else "Tidak"


# --- Files ------------------------------------------------------------------------------------------


class BerkasDitolak(ValueError):
    """The whole file is refused (not a real XLSX/CSV, too large, unreadable); message in Indonesian."""


def _ukuran(f) -> int:
    f.seek(0, os.SEEK_END)
    size = f.tell()
    f.seek(0)
    return size


def periksa_berkas(f) -> str:
    """Checks the content (not the name) of a binary file; returns "xlsx" or "csv" or raises BerkasDitolak."""
    size = _ukuran(f)
    batas = settings.KINERJA_IMPORT_MAX_BYTES
    if size > batas:
        raise BerkasDitolak(
            _("Berkas terlalu besar (%(ukuran).1f MB); batasnya %(batas).1f MB.")
            % {"ukuran": size / 1024 / 1024, "batas": batas / 1024 / 1024}
        )
    if size == 0:
        raise BerkasDitolak(_("Berkas kosong."))
    head = f.read(8192)
    f.seek(0)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(f) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, EOFError):
            names = set()
        f.seek(0)
        if "xl/workbook.xml" not in names:
            raise BerkasDitolak(
                _("Berkas ini bukan buku kerja XLSX yang sah (isinya rusak atau format lain).")
            )
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise BerkasDitolak(_("Format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx."))
    try:
        if b"\x00" in head:
            raise UnicodeDecodeError("utf-8", head, 0, 1, "NUL")
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        raise BerkasDitolak(
            _(
                "Berkas ini bukan XLSX dan bukan CSV teks UTF-8. Unggah berkas .xlsx, atau CSV "
                'yang disimpan sebagai "CSV UTF-8".'
            )
        ) from None
    return "csv"


def _binary(f):
    """The io object under Django's File wrappers (TextIOWrapper needs a real io buffer)."""
    while not isinstance(f, io.IOBase) and hasattr(f, "file"):
        f = f.file
    return f


@dataclass
class Sumber:
    """One sheet (or CSV file) to read: its header and a stream of (baris, values)."""

    lembar: Lembar
    header: list
    rows: Iterator[tuple[int, tuple]]
    perkiraan: int  # estimated data rows, for the progress bar


def _csv_sumber(f) -> tuple[list[Sumber], Callable[[], None]]:
    raw = _binary(f)
    perkiraan = 0
    while block := raw.read(1 << 20):
        perkiraan += block.count(b"\n")
    raw.seek(0)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")

    def tutup():
        text.detach()

    try:
        first = text.readline()
    except UnicodeDecodeError:
        tutup()
        raise BerkasDitolak(_('Berkas CSV bukan teks UTF-8; simpan ulang sebagai "CSV UTF-8".')) from None
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(chain([first], text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        header = []
    names = {_nama_kolom(h) for h in header}
    if "nip" in names:
        lembar = PEGAWAI
    elif {"jenis", "kode"} <= names:
        lembar = JABATAN
    elif {"kode", "nama"} <= names:
        lembar = UNIT_KERJA
    else:
        tutup()
        raise BerkasDitolak(
            _(
                "Jenis data CSV tidak dikenali dari baris judul: harus memuat kolom nip "
                "(pegawai), kode dan jenis (jabatan), atau kode dan nama (unit kerja)."
            )
        )

    def rows():
        baris = 1
        try:
            for values in reader:
                baris += 1
                yield baris, values
        except UnicodeDecodeError:
            raise BerkasDitolak(
                _('Berkas CSV bukan teks UTF-8 (sekitar baris %(baris)s); simpan ulang sebagai "CSV UTF-8".')
                % {"baris": baris + 1}
            ) from None
        except csv.Error as e:
            raise BerkasDitolak(
                _("Berkas CSV tidak dapat dibaca di baris %(baris)s: %(e)s") % {"baris": baris + 1, "e": e}
            ) from None

    return [Sumber(lembar, header, rows(), max(perkiraan - 1, 0))], tutup


def _xlsx_sumber(f) -> tuple[list[Sumber], Callable[[], None]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(_binary(f), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged workbook
        raise BerkasDitolak(_("Buku kerja XLSX tidak dapat dibaca; mungkin rusak.")) from None
    sheets = {_nama_kolom(ws.title): ws for ws in wb.worksheets}
    out = []
    for lembar in LAYOUT:
        ws = sheets.get(lembar.nama)
        if ws is None:
            continue
        it = ws.iter_rows(values_only=True)
        header = next(it, None)
        if header is None:
            continue

        rows = enumerate(it, start=2)
        out.append(Sumber(lembar, list(header), rows, max((ws.max_row or 1) - 1, 0)))
    if not out:
        wb.close()
        raise BerkasDitolak(_("Buku kerja tidak memuat lembar unit_kerja, jabatan atau pegawai."))
    return out, wb.close


# --- Result -----------------------------------------------------------------------------------------


def format_galat(g: dict) -> str:
    """ "[pegawai] Baris 12, kolom nip: NIP harus terdiri atas 18 angka ..."."""
    lokasi = []
    if g.get("baris"):
        lokasi.append(_("Baris %(baris)s") % {"baris": g["baris"]})
    if g.get("kolom"):
        lokasi.append(_("kolom %(kolom)s") % {"kolom": g["kolom"]})
    prefix = f"[{g['lembar']}] " if g.get("lembar") else ""
    if not lokasi:
        return prefix + g["pesan"]
    return f"{prefix}{', '.join(lokasi)}: {g['pesan']}"


@dataclass
class HasilImpor:
    uji_saja: bool
    jumlah: dict[str, dict[str, int]] = field(default_factory=dict)  # lembar -> dibuat/diubah/tetap
    galat: list[dict] = field(default_factory=list)
    total_baris: int = 0
    akun_dibuat: int = 0

    @property
    def berhasil(self) -> bool:
        return not self.galat

    @property
    def disimpan(self) -> bool:
        return self.berhasil and not self.uji_saja

    def ringkasan(self) -> dict:
        return {
            "jumlah": self.jumlah,
            "total_baris": self.total_baris,
            "akun_dibuat": self.akun_dibuat,
            "jumlah_galat": len(self.galat),
            "uji_saja": self.uji_saja,
            "disimpan": self.disimpan,
        }


# --- Checking ---------------------------------------------------------------------------------------


class _Impor(PenulisMixin):
    """Holds what is known about the instansi and the validated rows between the two phases."""

    def __init__(self, instansi: Instansi, progress: Callable[[int, int], None] | None, uji_saja: bool):
        self.instansi = instansi
        self.progress = progress
        self.hasil = HasilImpor(uji_saja=uji_saja)
        self.galat = self.hasil.galat
        self.total = 0
        self.diproses = 0
        # kode -> (id, (nama, kode_induk, aktif))
        units = list(
            UnitKerja.objects.filter(instansi=instansi).values_list("id", "kode", "nama", "induk_id", "aktif")
        )
        unit_kode = {u[0]: u[1] for u in units}
        self.unit_lama = {u[1]: (u[0], (u[2], unit_kode.get(u[3], ""), u[4])) for u in units}
        self.unit_file: dict[str, tuple] = {}  # kode -> (nama, kode_induk, aktif), in file order
        self.unit_baris: dict[str, int] = {}
        # kode -> (id, (nama, jenis, jenjang, kode_unit, kode_atasan))
        jabatan = list(
            Jabatan.objects.filter(instansi=instansi).values_list(
                "id", "kode", "nama", "jenis", "jenjang", "unit_kerja_id", "atasan_id"
            )
        )
        jabatan_kode = {j[0]: j[1] for j in jabatan}
        self.jabatan_lama = {
            j[1]: (j[0], (j[2], j[3], j[4], unit_kode.get(j[5], ""), jabatan_kode.get(j[6], "")))
            for j in jabatan
        }
        self.jabatan_file: dict[str, tuple] = {}
        self.jabatan_baris: dict[str, int] = {}
        self.pegawai_lama: dict[str, tuple] | None = None  # loaded only when a pegawai sheet is read
        self.pegawai_file: list[tuple[int, str, tuple]] = []  # (baris, nip, values)
        self.pegawai_baris: dict[str, int] = {}
        self.penilai_ref: list[tuple[int, str]] = []  # (baris, nip_penilai_khusus) to check at the end
        self.akun_ada: dict[str, int] = {}  # NIP -> id of an unlinked account named by that NIP
        self.dibaca: set[str] = set()  # the sheets present in the file
        self._sama: dict[str, str] = {}

    # Errors and progress

    def salah(self, lembar: str, baris: int | None, kolom: str, nilai, pesan: str) -> None:
        self.galat.append(
            {
                "lembar": lembar,
                "baris": baris,
                "kolom": kolom,
                "nilai": _teks(nilai)[:200],
                "pesan": str(pesan),
            }
        )

    def langkah(self, n: int = 1) -> None:
        """One row checked or written; a check counts half when the rows will be written afterwards."""
        self.diproses += n
        if self.progress and self.diproses % PROGRESS_EVERY < n:
            self._lapor()

    def _lapor(self) -> None:
        total_langkah = self.total if self.hasil.uji_saja else 2 * self.total
        if self.progress and total_langkah:
            self.progress(min(self.total, self.diproses * self.total // total_langkah), self.total)

    # Headers

    def periksa_header(self, sumber: Sumber) -> list[str | None]:
        lembar = sumber.lembar
        names: list[str | None] = []
        seen = set()
        for value in sumber.header:
            name = _nama_kolom(value)
            if not name:
                names.append(None)
                continue
            if name not in lembar.nama_kolom:
                self.salah(
                    lembar.nama,
                    1,
                    name,
                    value,
                    _("Kolom %(k)s tidak dikenal. Kolom yang dipakai: %(daftar)s.")
                    % {"k": name, "daftar": ", ".join(lembar.nama_kolom)},
                )
            elif name in seen:
                self.salah(lembar.nama, 1, name, value, _("Kolom %(k)s muncul dua kali.") % {"k": name})
            seen.add(name)
            names.append(name)
        for name in lembar.wajib:
            if name not in seen:
                self.salah(
                    lembar.nama, 1, name, "", _("Kolom wajib %(k)s tidak ada di baris judul.") % {"k": name}
                )
        return names

    def baca(self, sumber: Sumber, names: list[str | None]) -> None:
        lembar = sumber.lembar.nama
        self.dibaca.add(lembar)
        if lembar == "pegawai" and self.pegawai_lama is None:
            self.muat_pegawai()
        periksa = {"unit_kerja": self.unit, "jabatan": self.jabatan, "pegawai": self.pegawai}[lembar]
        wajib = [k for k in sumber.lembar.kolom if k.wajib]
        panjang = [k for k in sumber.lembar.kolom if k.panjang and k.nama in names]
        n_names = len(names)
        for baris, values in sumber.rows:
            self.hasil.total_baris += 1
            if not any(v not in (None, "") and (not isinstance(v, str) or v.strip()) for v in values):
                self.langkah()
                continue  # an empty row
            if len(values) > n_names and any(_teks(v) for v in values[n_names:]):
                self.salah(lembar, baris, "", "", _("Baris ini berisi sel di luar kolom yang berjudul."))
            raw = {name: v for name, v in zip(names, values, strict=False) if name}
            r = {name: _teks(v) for name, v in raw.items()}
            for name in names:
                if name and name not in r:
                    r[name] = ""  # a short CSV row
            n = len(self.galat)
            for k in wajib:
                if not r[k.nama]:
                    self.salah(lembar, baris, k.nama, "", _("Wajib diisi."))
            for k in panjang:
                if len(r[k.nama]) > k.panjang:
                    self.salah(
                        lembar,
                        baris,
                        k.nama,
                        r[k.nama],
                        _("Terlalu panjang (paling banyak %(n)s karakter).") % {"n": k.panjang},
                    )
            periksa(baris, r, raw, ok=len(self.galat) == n)
            self.langkah()

    # Unit kerja

    def unit(self, baris: int, r: dict, raw: dict, ok: bool) -> None:
        kode = r["kode"]
        if kode in self.unit_baris:
            self.salah(
                "unit_kerja",
                baris,
                "kode",
                kode,
                _("Kode %(kode)s sudah dipakai di baris %(b)s.") % {"kode": kode, "b": self.unit_baris[kode]},
            )
            return
        if kode:
            self.unit_baris[kode] = baris
        lama = self.unit_lama.get(kode, (None, ("", "", True)))[1]
        try:
            aktif = parse_aktif(r["aktif"]) if "aktif" in r else lama[2]
        except NilaiSalah as e:
            self.salah("unit_kerja", baris, "aktif", r["aktif"], str(e))
            return
        if ok:
            self.unit_file[kode] = (r["nama"], r["kode_induk"] if "kode_induk" in r else lama[1], aktif)

    def selesai_unit(self) -> None:
        induk = {k: v[1][1] for k, v in self.unit_lama.items()}
        induk.update((k, v[1]) for k, v in self.unit_file.items())
        for kode, (_nama, kode_induk, _aktif) in self.unit_file.items():
            if not kode_induk:
                continue
            if kode_induk not in induk:
                self.salah(
                    "unit_kerja",
                    self.unit_baris[kode],
                    "kode_induk",
                    kode_induk,
                    _("Unit induk dengan kode %(k)s tidak ditemukan.") % {"k": kode_induk},
                )
            elif _dalam_siklus(induk, kode):
                self.salah(
                    "unit_kerja",
                    self.unit_baris[kode],
                    "kode_induk",
                    kode_induk,
                    _("Unit induk ini membentuk siklus: unit %(k)s akan berada di bawah dirinya sendiri.")
                    % {"k": kode},
                )

    def ada_unit(self, kode: str) -> bool:
        return kode in self.unit_file or kode in self.unit_lama

    # Jabatan

    def jabatan(self, baris: int, r: dict, raw: dict, ok: bool) -> None:
        kode = r["kode"]
        if kode in self.jabatan_baris:
            self.salah(
                "jabatan",
                baris,
                "kode",
                kode,
                _("Kode %(kode)s sudah dipakai di baris %(b)s.")
                % {"kode": kode, "b": self.jabatan_baris[kode]},
            )
            return
        if kode:
            self.jabatan_baris[kode] = baris
        lama = self.jabatan_lama.get(kode, (None, ("", "", "", "", "")))[1]
        n = len(self.galat)
        jenis = jenjang = ""
        try:
            jenis = _pilihan(
                r["jenis"],
                JENIS,
                _("Jenis jabatan tidak dikenal. Pilihan: %(p)s.")
                % {"p": ", ".join(j.label for j in JenisJabatan)},
            )
        except NilaiSalah as e:
            self.salah("jabatan", baris, "jenis", r["jenis"], str(e))
        if "jenjang" in r:
            try:
                jenjang = _pilihan(
                    r["jenjang"],
                    JENJANG,
                    _("Jenjang tidak dikenal. Pilihan: %(p)s.")
                    % {"p": ", ".join(j.label for j in JenjangFungsional)},
                )
            except NilaiSalah as e:
                self.salah("jabatan", baris, "jenjang", r["jenjang"], str(e))
                jenjang = None
        else:
            jenjang = lama[2]
        if jenis and jenjang is not None:
            if jenis == JenisJabatan.FUNGSIONAL and not jenjang:
                self.salah("jabatan", baris, "jenjang", "", _("Jabatan fungsional harus memiliki jenjang."))
            elif jenis != JenisJabatan.FUNGSIONAL and jenjang:
                self.salah(
                    "jabatan",
                    baris,
                    "jenjang",
                    r.get("jenjang", jenjang),
                    _("Jenjang hanya diisi untuk jabatan fungsional."),
                )
        kode_unit = r["kode_unit"]
        if kode_unit and not self.ada_unit(kode_unit):
            self.salah(
                "jabatan",
                baris,
                "kode_unit",
                kode_unit,
                _("Unit kerja dengan kode %(k)s tidak ditemukan.") % {"k": kode_unit},
            )
        if ok and len(self.galat) == n:
            atasan = r["kode_atasan"] if "kode_atasan" in r else lama[4]
            self.jabatan_file[kode] = (r["nama"], jenis, jenjang, kode_unit, atasan)

    def selesai_jabatan(self) -> None:
        atasan = {k: v[1][4] for k, v in self.jabatan_lama.items()}
        atasan.update((k, v[4]) for k, v in self.jabatan_file.items())
        for kode, values in self.jabatan_file.items():
            kode_atasan = values[4]
            if not kode_atasan:
                continue
            if kode_atasan not in atasan:
                self.salah(
                    "jabatan",
                    self.jabatan_baris[kode],
                    "kode_atasan",
                    kode_atasan,
                    _("Jabatan atasan dengan kode %(k)s tidak ditemukan.") % {"k": kode_atasan},
                )
            elif _dalam_siklus(atasan, kode):
                self.salah(
                    "jabatan",
                    self.jabatan_baris[kode],
                    "kode_atasan",
                    kode_atasan,
                    _(
                        "Jabatan atasan ini membentuk siklus: jabatan %(k)s akan menjadi atasan dirinya "
                        "sendiri."
                    )
                    % {"k": kode},
                )

    def ada_jabatan(self, kode: str) -> bool:
        return kode in self.jabatan_file or kode in self.jabatan_lama

    # Pegawai

    def muat_pegawai(self) -> None:
        """NIP -> (id, values as in P_FIELDS, user_id, account in step with the record)."""
        rows = Pegawai.objects.filter(instansi=self.instansi).values_list(
            "id",
            *PEGAWAI_KOLOM_DB,
            "tanggal_lahir",
            "tmt_pengangkatan",
            "jenis_kelamin",
            "user_id",
            "user__username",
            "user__email",
            "user__first_name",
            "user__is_active",
        )
        c = self.sama
        self.pegawai_lama = {}
        for (
            pk,
            nip,
            nama,
            gelar_depan,
            gelar_belakang,
            status,
            ruang,
            pppk,
            jabatan,
            unit,
            pendidikan,
            email,
            aktif,
            penilai,
            lahir,
            tmt,
            jk,
            user_id,
            username,
            user_email,
            first_name,
            is_active,
        ) in rows.iterator(chunk_size=5000):
            values = (
                nama,
                gelar_depan,
                gelar_belakang,
                c(status),
                c(ruang),
                c(pppk),
                c(jabatan or ""),
                c(unit),
                c(pendidikan),
                email,
                aktif,
                penilai or "",
                lahir,
                tmt,
                c(jk),
            )
            akun_sesuai = (username, user_email, first_name, is_active) == (nip, email, nama[:150], aktif)
            self.pegawai_lama[nip] = (pk, values, user_id, akun_sesuai)

    def sama(self, teks: str) -> str:
        """One string object per distinct kode/status/golongan: 100,000 rows repeat a few thousand."""
        return self._sama.setdefault(teks, teks)

    def pegawai(self, baris: int, r: dict, raw: dict, ok: bool) -> None:
        n = len(self.galat)
        if isinstance(raw.get("nip"), float):
            self.salah("pegawai", baris, "nip", r["nip"], _pesan_nip_angka())
            return
        nip = normalise_nip(r["nip"])
        if nip in self.pegawai_baris:
            self.salah(
                "pegawai",
                baris,
                "nip",
                nip,
                _("NIP %(nip)s sudah dipakai di baris %(b)s.") % {"nip": nip, "b": self.pegawai_baris[nip]},
            )
            return
        if nip:
            self.pegawai_baris[nip] = baris
        lama = self.pegawai_lama.get(nip)
        old = lama[1] if lama else P_BARU
        v = list(old)
        for i, kolom in P_TEKS:
            if kolom in r:
                v[i] = r[kolom]
        v[P_UNIT], v[P_JABATAN] = self.sama(v[P_UNIT]), self.sama(v[P_JABATAN])
        status = r["status"].lower()
        if status in STATUS:
            v[P_STATUS] = STATUS[status]
        elif status:
            self.salah("pegawai", baris, "status", r["status"], _("Status harus CPNS, PNS atau PPPK."))
        if nip and v[P_STATUS]:
            try:
                _nip, v[P_LAHIR], v[P_TMT], v[P_JK] = decode_nomor_induk(nip, v[P_STATUS])
            except ValidationError as e:
                self.salah("pegawai", baris, "nip", r["nip"], e.messages[0])
        if v[P_STATUS]:
            golongan = r["golongan"] if "golongan" in r else label_golongan(v[P_RUANG], v[P_PPPK])
            try:
                ruang, pppk = parse_golongan(golongan, v[P_STATUS])
                v[P_RUANG], v[P_PPPK] = self.sama(ruang), pppk
            except NilaiSalah as e:
                self.salah("pegawai", baris, "golongan", golongan, str(e))
        if v[P_UNIT] and not self.ada_unit(v[P_UNIT]):
            self.salah(
                "pegawai",
                baris,
                "kode_unit",
                v[P_UNIT],
                _("Unit kerja dengan kode %(k)s tidak ditemukan.") % {"k": v[P_UNIT]},
            )
        if v[P_JABATAN] and not self.ada_jabatan(v[P_JABATAN]):
            self.salah(
                "pegawai",
                baris,
                "kode_jabatan",
                v[P_JABATAN],
                _("Jabatan dengan kode %(k)s tidak ditemukan.") % {"k": v[P_JABATAN]},
            )
        if "pendidikan_terakhir" in r:
            try:
                v[P_PENDIDIKAN] = _pilihan(
                    r["pendidikan_terakhir"],
                    PENDIDIKAN,
                    _("Pendidikan tidak dikenal. Pilihan: S3, S2, S1/D4, D3, D1/D2, SLTA."),
                )
            except NilaiSalah as e:
                self.salah("pegawai", baris, "pendidikan_terakhir", r["pendidikan_terakhir"], str(e))
        if v[P_EMAIL]:
            try:
                validate_email(v[P_EMAIL])
            except ValidationError:
                self.salah("pegawai", baris, "email", v[P_EMAIL], _("Alamat email tidak sah."))
        if "aktif" in r:
            try:
                v[P_AKTIF] = parse_aktif(r["aktif"])
            except NilaiSalah as e:
                self.salah("pegawai", baris, "aktif", r["aktif"], str(e))
        if "nip_penilai_khusus" in r:
            if isinstance(raw.get("nip_penilai_khusus"), float):
                self.salah(
                    "pegawai", baris, "nip_penilai_khusus", r["nip_penilai_khusus"], _pesan_nip_angka()
                )
            v[P_PENILAI] = normalise_nip(r["nip_penilai_khusus"])
            if v[P_PENILAI]:
                self.penilai_ref.append((baris, v[P_PENILAI]))
            if v[P_PENILAI] and v[P_PENILAI] == nip:
                self.salah(
                    "pegawai",
                    baris,
                    "nip_penilai_khusus",
                    v[P_PENILAI],
                    _("Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri."),
                )
        if ok and len(self.galat) == n:
            self.pegawai_file.append((baris, nip, tuple(v)))

    def selesai_pegawai(self) -> None:
        if self.pegawai_lama is None:
            return
        User = get_user_model()
        for baris, penilai in self.penilai_ref:
            if penilai not in self.pegawai_baris and penilai not in self.pegawai_lama:
                self.salah(
                    "pegawai",
                    baris,
                    "nip_penilai_khusus",
                    penilai,
                    _("Pegawai dengan NIP %(nip)s tidak ada di instansi ini maupun di berkas.")
                    % {"nip": penilai},
                )
        baru = [nip for nip in self.pegawai_baris if nip not in self.pegawai_lama]
        di_instansi_lain = set()
        for chunk in batched(baru, 500):
            lain = Pegawai.objects.filter(nip__in=chunk).exclude(instansi=self.instansi)
            for nip, nama_instansi in lain.values_list("nip", "instansi__nama"):
                di_instansi_lain.add(nip)
                self.salah(
                    "pegawai",
                    self.pegawai_baris[nip],
                    "nip",
                    nip,
                    _("NIP ini sudah terdaftar di instansi lain (%(i)s).") % {"i": nama_instansi},
                )
        tanpa_akun = [
            nip
            for nip in self.pegawai_baris
            if nip not in di_instansi_lain and (nip not in self.pegawai_lama or not self.pegawai_lama[nip][2])
        ]
        for chunk in batched(tanpa_akun, 500):
            akun = dict(User.objects.filter(username__in=chunk).values_list("username", "id"))
            terpakai = dict(Pegawai.objects.filter(user_id__in=akun.values()).values_list("user_id", "nip"))
            for username, user_id in akun.items():
                if user_id in terpakai:
                    self.salah(
                        "pegawai",
                        self.pegawai_baris[username],
                        "nip",
                        username,
                        _("Akun dengan nama pengguna %(nip)s sudah dipakai pegawai lain (NIP %(lain)s).")
                        % {"nip": username, "lain": terpakai[user_id]},
                    )
                else:
                    self.akun_ada[username] = user_id

    def hitung(self) -> None:
        """Counts per sheet of what would be created, changed or left as it is."""

        def _n(file: Iterable, lama: dict) -> dict[str, int]:
            n = {"dibuat": 0, "diubah": 0, "tetap": 0}
            for kode, values in file:
                old = lama.get(kode)
                n["dibuat" if old is None else "diubah" if old[1] != values else "tetap"] += 1
            return n

        if "unit_kerja" in self.dibaca:
            self.hasil.jumlah["unit_kerja"] = _n(self.unit_file.items(), self.unit_lama)
        if "jabatan" in self.dibaca:
            self.hasil.jumlah["jabatan"] = _n(self.jabatan_file.items(), self.jabatan_lama)
        if "pegawai" in self.dibaca:
            rows = ((nip, v) for _b, nip, v in self.pegawai_file)
            self.hasil.jumlah["pegawai"] = _n(rows, self.pegawai_lama)


def _dalam_siklus(parent_of: dict[str, str], kode: str) -> bool:
    """True when walking up from `kode` comes back to `kode`."""
    seen = set()
    current = parent_of.get(kode)
    while current:
        if current == kode:
            return True
        if current in seen:
            return False  # a loop above, reported on its own rows
        seen.add(current)
        current = parent_of.get(current)
    return False


# --- Entry point ------------------------------------------------------------------------------------


def _buka(file):
    """A binary, seekable file object for a path, a Django File/UploadedFile or an open file."""
    if isinstance(file, str | os.PathLike):
        return open(file, "rb"), True  # noqa: SIM115 - closed by apply_import
    return file, False


def apply_import(
    instansi: Instansi,
    file,
    *,
    dry_run: bool = False,
    by=None,
    progress: Callable[[int, int], None] | None = None,
) -> HasilImpor:
    """Checks every row of `file` and, when there is no error and not `dry_run`, writes all of it.

    Raises BerkasDitolak when the file itself is refused; a failing database write rolls back and
    propagates. `progress(diproses, total)` is called every ~1000 rows (rows checked count half when
    the rows are written afterwards).
    """
    f, opened = _buka(file)
    try:
        jenis = periksa_berkas(f)
        sumber, tutup = _xlsx_sumber(f) if jenis == "xlsx" else _csv_sumber(f)
        try:
            impor = _Impor(instansi, progress, dry_run)
            return _jalankan(impor, sumber, by)
        finally:
            tutup()
    finally:
        if opened:
            f.close()


def _jalankan(impor: _Impor, sumber: Iterable[Sumber], by) -> HasilImpor:
    sumber = list(sumber)
    impor.total = sum(s.perkiraan for s in sumber)
    impor._lapor()
    names = [impor.periksa_header(s) for s in sumber]
    hasil = impor.hasil
    if hasil.galat:
        return hasil
    for s, n in zip(sumber, names, strict=True):
        impor.baca(s, n)
        {
            "unit_kerja": impor.selesai_unit,
            "jabatan": impor.selesai_jabatan,
            "pegawai": impor.selesai_pegawai,
        }[s.lembar.nama]()
    impor.total = hasil.total_baris
    urutan = {lembar.nama: i for i, lembar in enumerate(LAYOUT)}
    hasil.galat.sort(key=lambda g: (urutan.get(g["lembar"], 0), g["baris"] or 0))
    impor.hitung()
    if hasil.galat or hasil.uji_saja:
        return hasil
    impor.diproses = hasil.total_baris
    impor._lapor()
    with transaction.atomic():
        impor.tulis(by)
    impor.diproses = 2 * impor.total
    impor._lapor()
    return hasil


def mulai_impor(*, instansi: Instansi, berkas, uji_saja: bool, by) -> ImportJob:
    """Stores the upload as an ImportJob and runs it in the background once the request commits."""
    from .tasks import jalankan_impor

    job = ImportJob.objects.create(
        instansi=instansi,
        dibuat_oleh=by,
        berkas=berkas,
        nama_berkas=berkas.name[-255:],
        uji_saja=uji_saja,
    )
    transaction.on_commit(lambda: jalankan_impor.enqueue(job.pk))
    return job
