"""A tiny two-step SOP defined in the tests (the engine must run any SOP, not only seed 001), and the
demo actors of the ESDM instansi."""

from kinerja.sop.models import LangkahSop, Sop

IDA, RUDI, NURUL, FAJAR = (
    "196801081992012001",
    "197607152002121003",
    "198805202011012004",
    "199309092015031002",
)
SEKAR, DIMAS, SEKDA = "199106112012062001", "199503142019031004", "196411171992011002"


def sop_mini(aksi: str = "") -> Sop:
    """Step 1 (1 HK): the pemohon writes a letter, takes an outside form, assigns the pemeriksa;
    step 2 (1 HK): the pemeriksa approves (with a decision) or returns to step 1."""
    sop = Sop.objects.create(
        kode="sop-uji-mini",
        nama="SOP Uji Dua Langkah",
        peran=[["pemohon", "Pemohon"], ["pemeriksa", "Pemeriksa"]],
    )
    LangkahSop.objects.create(
        sop=sop,
        urutan=1,
        nomor="1",
        pelaksana="pemohon",
        aktivitas="Menyusun surat permohonan.",
        kelengkapan=["Formulir permohonan"],
        keluaran=["Surat permohonan"] + (["Rekap otomatis"] if aksi else []),
        waktu_hari_kerja=1,
        menugaskan=["pemeriksa"],
        aksi=aksi,
    )
    LangkahSop.objects.create(
        sop=sop,
        urutan=2,
        nomor="2",
        pelaksana="pemeriksa",
        jenis="persetujuan",
        aktivitas="Memeriksa surat permohonan.",
        kelengkapan=["Surat permohonan"],
        keluaran=["Keputusan"],
        waktu_hari_kerja=1,
        kembali_ke=1,
    )
    return sop
