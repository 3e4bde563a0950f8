"""A synthetic instansi of any size for load tests and benchmarks (`generate_synthetic`).

The structure is a regular tree: Sekretariat Daerah → OPD (JPT Pratama) → bidang (administrator) →
seksi (pengawas) whose staff are pelaksana and fungsional. Every pegawai has a valid NIP (§8.1) and a
login without a usable password. Writes are bulk inserts in one transaction; the penilai are then
derived by the same `sync_penilai` as everywhere else.
"""

import math
import random
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from kinerja.aturan import GOLONGAN_RUANG

from .models import Instansi, Jabatan, Pegawai, UnitKerja
from .penilai import sync_penilai

BATCH = 5000
NAMA_DEPAN = [
    "Agus",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lina",
    "Made",
    "Nur",
    "Oki",
    "Putri",
    "Rizki",
    "Sari",
    "Tono",
    "Utami",
    "Wahyu",
    "Yuni",
]
NAMA_BELAKANG = [
    "Santoso",
    "Wibowo",
    "Lestari",
    "Hidayat",
    "Saputra",
    "Rahayu",
    "Kurniawan",
    "Pratama",
    "Wulandari",
    "Nugroho",
    "Setiawan",
    "Handayani",
    "Purnomo",
    "Maharani",
]
STAF = [
    ("pelaksana", "", "Pengolah Data"),
    ("pelaksana", "", "Pengadministrasi Umum"),
    ("fungsional", "ahli_pertama", "Analis Kebijakan"),
    ("fungsional", "ahli_muda", "Analis Kebijakan"),
    ("fungsional", "terampil", "Pranata Komputer"),
]


@dataclass
class Ringkasan:
    instansi: Instansi
    unit: int
    jabatan: int
    pegawai: int


class _NipFactory:
    def __init__(self, rng: random.Random, taken: set[str]):
        self.rng, self.taken = rng, taken

    def __call__(self) -> tuple[str, str]:
        rng = self.rng
        while True:
            lahir = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
            tahun_tmt = min(lahir.year + rng.randint(20, 30), 2025)
            gender = rng.choice("12")
            nip = f"{lahir:%Y%m%d}{tahun_tmt}{rng.randint(1, 12):02d}{gender}{rng.randint(1, 999):03d}"
            if nip not in self.taken:
                self.taken.add(nip)
                return nip, gender


def _shape(pegawai: int) -> tuple[int, int, int]:
    """OPD count, bidang per OPD, seksi per bidang, so that a seksi holds about 20 pegawai."""
    seksi = max(1, pegawai // 20)
    opd = max(1, round(math.sqrt(seksi / 6)))
    per_opd = max(1, math.ceil(seksi / opd))
    bidang = max(1, min(5, per_opd // 3 or 1))
    return opd, bidang, max(1, math.ceil(per_opd / bidang))


@transaction.atomic
def generate(*, pegawai: int, seed: int = 1, kode: str | None = None) -> Ringkasan:
    rng = random.Random(seed)
    kode = kode or f"sintetis-{seed}"
    if Instansi.objects.filter(kode=kode).exists():
        raise ValueError(f"Instansi dengan kode {kode} sudah ada.")
    instansi = Instansi.objects.create(
        kode=kode, nama=f"Pemerintah Kabupaten Sintetis {seed}", jabatan_pimpinan="Bupati Sintetis"
    )
    opd_n, bidang_n, seksi_n = _shape(pegawai)

    # Units and head jabatan are few (≈ pegawai/20); they are created level by level so parents have ids.
    root, sekda = _bulk_level(
        instansi, [("SETDA", "Sekretariat Daerah", None, "jpt_pratama", "Sekretaris Daerah", None)]
    )[0]
    opd = _bulk_level(
        instansi,
        [
            (f"OPD{o:03d}", f"Dinas {o + 1}", root, "jpt_pratama", f"Kepala Dinas {o + 1}", sekda)
            for o in range(opd_n)
        ],
    )
    bidang = _bulk_level(
        instansi,
        [
            (f"{u.kode}-B{b}", f"Bidang {b + 1} {u.nama}", u, "administrator", f"Kepala Bidang {b + 1}", j)
            for u, j in opd
            for b in range(bidang_n)
        ],
    )
    seksi = _bulk_level(
        instansi,
        [
            (f"{u.kode}-S{s}", f"Seksi {s + 1} {u.nama}", u, "pengawas", f"Kepala Seksi {s + 1}", j)
            for u, j in bidang
            for s in range(seksi_n)
        ],
    )
    staf_jabatan = Jabatan.objects.bulk_create(
        [
            Jabatan(
                instansi=instansi,
                kode=f"{u.kode}-J{i}",
                nama=nama,
                jenis=jenis,
                jenjang=jenjang,
                unit_kerja=u,
                atasan=j,
            )
            for u, j in seksi
            for i, (jenis, jenjang, nama) in enumerate(STAF)
        ],
        batch_size=BATCH,
    )
    heads = [(root, sekda)] + opd + bidang + seksi
    taken = set(Pegawai.objects.values_list("nip", flat=True))
    new_nip = _NipFactory(rng, taken)
    golongan = GOLONGAN_RUANG[8:14]  # III/a .. IV/b
    unusable = make_password(None)
    chunk: list[Pegawai] = []
    for i in range(pegawai):
        if i < len(heads):
            unit, jab = heads[i]
        else:
            jab = staf_jabatan[rng.randrange(len(staf_jabatan))]
            unit = jab.unit_kerja
        nip, gender = new_nip()
        chunk.append(
            Pegawai(
                instansi=instansi,
                nip=nip,
                nama=f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}",
                status="pns",
                golongan_ruang=rng.choice(golongan),
                jabatan=jab,
                unit_kerja=unit,
                pendidikan_terakhir="S1_D4",
                email=f"{nip}@sintetis.kinerja.local",
                aktif=True,
                tanggal_lahir=date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
                tmt_pengangkatan=date(int(nip[8:12]), int(nip[12:14]), 1),
                jenis_kelamin="L" if gender == "1" else "P",
            )
        )
        if len(chunk) == BATCH:
            _create_with_accounts(chunk, unusable)
            chunk = []
    _create_with_accounts(chunk, unusable)
    sync_penilai(instansi=instansi, on=timezone.localdate())
    return Ringkasan(instansi, len(heads), len(heads) + len(staf_jabatan), pegawai)


def _bulk_level(instansi, specs) -> list[tuple[UnitKerja, Jabatan]]:
    units = UnitKerja.objects.bulk_create(
        [UnitKerja(instansi=instansi, kode=k, nama=n, induk=induk) for k, n, induk, *_ in specs],
        batch_size=BATCH,
    )
    jabatan = Jabatan.objects.bulk_create(
        [
            Jabatan(
                instansi=instansi,
                kode=f"KA-{u.kode}",
                nama=nama_jabatan,
                jenis=jenis,
                unit_kerja=u,
                atasan=atasan,
            )
            for u, (_k, _n, _i, jenis, nama_jabatan, atasan) in zip(units, specs, strict=False)
        ],
        batch_size=BATCH,
    )
    return list(zip(units, jabatan, strict=False))


def _create_with_accounts(chunk: list[Pegawai], password: str) -> None:
    """Inserts a chunk of pegawai, each with its login (username = NIP, no usable password)."""
    if not chunk:
        return
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=p.nip, email=p.email, first_name=p.nama, password=password) for p in chunk]
    )
    for p, u in zip(chunk, users, strict=False):
        p.user = u
    Pegawai.objects.bulk_create(chunk)
