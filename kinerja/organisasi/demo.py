"""The demo organisation: Kabupaten Kebumen's BKPSDM team of seed 004 and a directorate general.

People named in the seeds keep their names, NIPs and pangkat (domain reference §1.5, §8.1); the
others are invented with valid NIPs. `load_demo()` is idempotent: it updates what exists.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from kinerja.core.models import Peran, PeranPengguna

from .models import Instansi, Jabatan, Pegawai, UnitKerja
from .services import refresh_penilai, sync_account

DEMO_PASSWORD = "kinerja-demo"

INSTANSI = [
    {
        "kode": "kab-kebumen",
        "nama": "Pemerintah Kabupaten Kebumen",
        "jenis": "kabupaten",
        "kota": "Kebumen",
        "jabatan_pimpinan": "Bupati Kebumen",
        "nama_pimpinan": "",
    },
    {
        "kode": "kemen-esdm",
        "nama": "Kementerian Energi dan Sumber Daya Mineral",
        "jenis": "pusat",
        "kota": "Jakarta",
        "jabatan_pimpinan": "Menteri Energi dan Sumber Daya Mineral",
        "nama_pimpinan": "",
    },
]

# (instansi, kode, nama, kode induk)
UNIT = [
    ("kab-kebumen", "SETDA", "Sekretariat Daerah", None),
    ("kab-kebumen", "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", None),
    ("kab-kebumen", "BKPSDM-SEK", "Sekretariat BKPSDM", "BKPSDM"),
    ("kab-kebumen", "BKPSDM-SEK-UMPEG", "Subbagian Umum dan Kepegawaian", "BKPSDM-SEK"),
    (
        "kab-kebumen",
        "BKPSDM-IPKP",
        "Bidang Informasi, Pengembangan Karier dan Pembinaan Kepegawaian",
        "BKPSDM",
    ),
    ("kemen-esdm", "DJK", "Direktorat Jenderal Ketenagalistrikan", None),
    ("kemen-esdm", "DJK-SET", "Sekretariat Direktorat Jenderal Ketenagalistrikan", "DJK"),
    ("kemen-esdm", "DJK-SET-KEU", "Bagian Keuangan", "DJK-SET"),
    ("kemen-esdm", "DJK-SET-UM", "Bagian Umum", "DJK-SET"),
]

# (instansi, kode, nama, jenis, jenjang, unit, kode atasan)
JABATAN = [
    ("kab-kebumen", "SEKDA", "Sekretaris Daerah", "jpt_pratama", "", "SETDA", None),
    ("kab-kebumen", "KA-BKPSDM", "Kepala BKPSDM", "jpt_pratama", "", "BKPSDM", "SEKDA"),
    ("kab-kebumen", "SEK-BKPSDM", "Sekretaris BKPSDM", "administrator", "", "BKPSDM-SEK", "KA-BKPSDM"),
    (
        "kab-kebumen",
        "KASUBAG-UMPEG",
        "Kepala Subbagian Umum dan Kepegawaian",
        "pengawas",
        "",
        "BKPSDM-SEK-UMPEG",
        "SEK-BKPSDM",
    ),
    (
        "kab-kebumen",
        "PENGADM-PERKANTORAN",
        "Pengadministrasi Perkantoran",
        "pelaksana",
        "",
        "BKPSDM-SEK-UMPEG",
        "KASUBAG-UMPEG",
    ),
    (
        "kab-kebumen",
        "KABID-IPKP",
        "Kepala Bidang Informasi, Pengembangan Karier dan Pembinaan Kepegawaian",
        "administrator",
        "",
        "BKPSDM-IPKP",
        "KA-BKPSDM",
    ),
    (
        "kab-kebumen",
        "ANALIS-SDM-MUDA",
        "Analis SDM Aparatur",
        "fungsional",
        "ahli_muda",
        "BKPSDM-IPKP",
        "KABID-IPKP",
    ),
    (
        "kab-kebumen",
        "ANALIS-SDM-PERTAMA",
        "Analis SDM Aparatur",
        "fungsional",
        "ahli_pertama",
        "BKPSDM-IPKP",
        "KABID-IPKP",
    ),
    (
        "kab-kebumen",
        "PRAKOM-TERAMPIL",
        "Pranata Komputer",
        "fungsional",
        "terampil",
        "BKPSDM-IPKP",
        "KABID-IPKP",
    ),
    (
        "kab-kebumen",
        "PRAKOM-PERTAMA",
        "Pranata Komputer",
        "fungsional",
        "ahli_pertama",
        "BKPSDM-IPKP",
        "KABID-IPKP",
    ),
    ("kemen-esdm", "DIRJEN-GATRIK", "Direktur Jenderal Ketenagalistrikan", "jpt_madya", "", "DJK", None),
    (
        "kemen-esdm",
        "SESDITJEN-GATRIK",
        "Sekretaris Direktorat Jenderal Ketenagalistrikan",
        "jpt_pratama",
        "",
        "DJK-SET",
        "DIRJEN-GATRIK",
    ),
    (
        "kemen-esdm",
        "KABAG-KEU-DJK",
        "Kepala Bagian Keuangan",
        "administrator",
        "",
        "DJK-SET-KEU",
        "SESDITJEN-GATRIK",
    ),
    (
        "kemen-esdm",
        "PENATA-LAPKEU",
        "Penata Laporan Keuangan",
        "pelaksana",
        "",
        "DJK-SET-KEU",
        "KABAG-KEU-DJK",
    ),
    # Seed 001's actors: the Kepala Bagian Umum, the Analis SDM Aparatur and Tata Usaha.
    (
        "kemen-esdm",
        "KABAG-UMUM-DJK",
        "Kepala Bagian Umum",
        "administrator",
        "",
        "DJK-SET-UM",
        "SESDITJEN-GATRIK",
    ),
    (
        "kemen-esdm",
        "ANALIS-SDM-DJK",
        "Analis SDM Aparatur",
        "fungsional",
        "ahli_muda",
        "DJK-SET-UM",
        "KABAG-UMUM-DJK",
    ),
    ("kemen-esdm", "ARSIPARIS-DJK", "Arsiparis", "fungsional", "terampil", "DJK-SET-UM", "KABAG-UMUM-DJK"),
]


@dataclass(frozen=True)
class DemoPegawai:
    instansi: str
    nip: str
    gelar_depan: str
    nama: str
    gelar_belakang: str
    status: str
    golongan: str
    jabatan: str
    unit: str
    pendidikan: str
    peran: str = ""  # the demo account's role, printed by seed_demo
    peran_instansi: str = ""  # an assigned role (Peran value)


PEGAWAI = [
    DemoPegawai(
        "kab-kebumen",
        "196411171992011002",
        "H.",
        "Ahmad Ujang Sugiono",
        "S.H.",
        "pns",
        "IV/d",
        "SEKDA",
        "SETDA",
        "S1_D4",
        "pimpinan",
        Peran.PIMPINAN,
    ),
    DemoPegawai(
        "kab-kebumen",
        "196804241998031011",
        "H.",
        "Moh Amirudin",
        "S.IP., M.M.",
        "pns",
        "IV/c",
        "KA-BKPSDM",
        "BKPSDM",
        "S2",
        "atasan pejabat penilai",
    ),
    DemoPegawai(
        "kab-kebumen",
        "197505102000032002",
        "",
        "Sri Hartati",
        "S.E., M.Si.",
        "pns",
        "IV/b",
        "SEK-BKPSDM",
        "BKPSDM-SEK",
        "S2",
    ),
    DemoPegawai(
        "kab-kebumen",
        "198209152006041005",
        "",
        "Agus Santoso",
        "S.Sos.",
        "pns",
        "III/d",
        "KASUBAG-UMPEG",
        "BKPSDM-SEK-UMPEG",
        "S1_D4",
    ),
    DemoPegawai(
        "kab-kebumen",
        "199001012014021003",
        "",
        "Budi Haryanto",
        "",
        "pns",
        "II/b",
        "PENGADM-PERKANTORAN",
        "BKPSDM-SEK-UMPEG",
        "SLTA_KEBAWAH",
    ),
    DemoPegawai(
        "kab-kebumen",
        "199204172023212001",
        "",
        "Lestari Handayani",
        "",
        "pppk",
        "V",
        "PENGADM-PERKANTORAN",
        "BKPSDM-SEK-UMPEG",
        "D3",
    ),
    DemoPegawai(
        "kab-kebumen",
        "198103021999121001",
        "",
        "Bawono Andi Widodo",
        "S.STP.",
        "pns",
        "IV/a",
        "KABID-IPKP",
        "BKPSDM-IPKP",
        "S1_D4",
        "pejabat penilai",
    ),
    DemoPegawai(
        "kab-kebumen",
        "199106112012062001",
        "",
        "Sekar Satiti",
        "S.STP.",
        "pns",
        "III/c",
        "ANALIS-SDM-MUDA",
        "BKPSDM-IPKP",
        "S1_D4",
        "pegawai",
    ),
    DemoPegawai(
        "kab-kebumen",
        "199503142019031004",
        "",
        "Dimas Prasetyo",
        "S.Psi.",
        "pns",
        "III/b",
        "ANALIS-SDM-PERTAMA",
        "BKPSDM-IPKP",
        "S1_D4",
        "admin instansi / Analis SDM",
        Peran.ADMIN_INSTANSI,
    ),
    DemoPegawai(
        "kab-kebumen",
        "199708222020122003",
        "",
        "Rina Wulandari",
        "A.Md.",
        "pns",
        "II/c",
        "PRAKOM-TERAMPIL",
        "BKPSDM-IPKP",
        "D3",
    ),
    DemoPegawai(
        "kab-kebumen",
        "200001052025011001",
        "",
        "Yoga Pratama",
        "S.Kom.",
        "cpns",
        "III/a",
        "PRAKOM-PERTAMA",
        "BKPSDM-IPKP",
        "S1_D4",
    ),
    DemoPegawai(
        "kemen-esdm",
        "196801081992012001",
        "Ir.",
        "Ida Nuryatin Finahari",
        "",
        "pns",
        "IV/c",
        "SESDITJEN-GATRIK",
        "DJK-SET",
        "S1_D4",
        "pimpinan (Sesditjen, SOP IP ASN)",
        Peran.PIMPINAN,
    ),
    DemoPegawai(
        "kemen-esdm",
        "197811232003121002",
        "",
        "Hendra Gunawan",
        "S.E., M.Ak.",
        "pns",
        "IV/a",
        "KABAG-KEU-DJK",
        "DJK-SET-KEU",
        "S2",
    ),
    DemoPegawai(
        "kemen-esdm",
        "199402282018012001",
        "",
        "Maya Sari",
        "S.Ak.",
        "pns",
        "III/b",
        "PENATA-LAPKEU",
        "DJK-SET-KEU",
        "S1_D4",
    ),
    DemoPegawai(
        "kemen-esdm",
        "197607152002121003",
        "",
        "Rudi Hartono",
        "S.H., M.H.",
        "pns",
        "IV/a",
        "KABAG-UMUM-DJK",
        "DJK-SET-UM",
        "S2",
        "kepala bagian umum (SOP IP ASN)",
    ),
    DemoPegawai(
        "kemen-esdm",
        "198805202011012004",
        "",
        "Nurul Aini",
        "S.Psi.",
        "pns",
        "III/d",
        "ANALIS-SDM-DJK",
        "DJK-SET-UM",
        "S1_D4",
        "Analis SDM (SOP IP ASN)",
        Peran.ADMIN_INSTANSI,
    ),
    DemoPegawai(
        "kemen-esdm",
        "199309092015031002",
        "",
        "Fajar Nugroho",
        "A.Md.",
        "pns",
        "II/d",
        "ARSIPARIS-DJK",
        "DJK-SET-UM",
        "D3",
        "tata usaha (SOP IP ASN)",
    ),
]

SUPERADMIN = "admin"


@transaction.atomic
def load_demo(password: str = DEMO_PASSWORD) -> list[tuple[str, str, str]]:
    """Loads (or refreshes) the demo organisation; returns (peran, username, nama) of the demo accounts."""
    instansi = {}
    for data in INSTANSI:
        instansi[data["kode"]], _ = Instansi.objects.update_or_create(kode=data["kode"], defaults=data)
    units: dict[tuple[str, str], UnitKerja] = {}
    for ins, kode, nama, induk in UNIT:
        units[ins, kode], _ = UnitKerja.objects.update_or_create(
            instansi=instansi[ins],
            kode=kode,
            defaults={"nama": nama, "induk": units[ins, induk] if induk else None, "aktif": True},
        )
    jabatan: dict[tuple[str, str], Jabatan] = {}
    for ins, kode, nama, jenis, jenjang, unit, atasan in JABATAN:
        jabatan[ins, kode], _ = Jabatan.objects.update_or_create(
            instansi=instansi[ins],
            kode=kode,
            defaults={
                "nama": nama,
                "jenis": jenis,
                "jenjang": jenjang,
                "unit_kerja": units[ins, unit],
                "atasan": jabatan[ins, atasan] if atasan else None,
            },
        )
    accounts = []
    for d in PEGAWAI:
        pegawai = Pegawai.objects.filter(nip=d.nip).first() or Pegawai(nip=d.nip)
        pegawai.instansi = instansi[d.instansi]
        pegawai.gelar_depan, pegawai.nama, pegawai.gelar_belakang = d.gelar_depan, d.nama, d.gelar_belakang
        pegawai.status = d.status
        pegawai.golongan_ruang = "" if d.status == "pppk" else d.golongan
        pegawai.golongan_pppk = d.golongan if d.status == "pppk" else ""
        pegawai.jabatan = jabatan[d.instansi, d.jabatan]
        pegawai.unit_kerja = units[d.instansi, d.unit]
        pegawai.pendidikan_terakhir = d.pendidikan
        pegawai.email = f"{d.nip}@demo.kinerja.local"
        pegawai.aktif = True
        pegawai.full_clean()
        pegawai.save()
        sync_account(pegawai)
        pegawai.user.set_password(password)
        pegawai.user.save(update_fields=["password"])
        if d.peran_instansi:
            PeranPengguna.objects.get_or_create(
                user=pegawai.user, instansi=pegawai.instansi, peran=d.peran_instansi
            )
        if d.peran:
            accounts.append((d.peran, d.nip, pegawai.nama_lengkap))
    for ins in instansi.values():
        refresh_penilai(ins)
    User = get_user_model()
    admin = User.objects.filter(username=SUPERADMIN).first() or User(username=SUPERADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.first_name = "Superadmin"
    admin.set_password(password)
    admin.save()
    accounts.append(("superadmin", SUPERADMIN, "Superadmin"))
    return accounts
