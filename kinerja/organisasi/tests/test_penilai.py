"""Pejabat penilai and atasan pejabat penilai derived from the structure (regulasi.md §1.5, decision i)."""

from datetime import date, timedelta

import pytest

from kinerja.organisasi.models import Jabatan, Pegawai, PenugasanPlt
from kinerja.organisasi.penilai import PenilaiResolver, sync_penilai
from kinerja.organisasi.services import refresh_penilai

BUPATI = "BUPATI"

# regulasi.md §12.9 VEKTOR_PENILAI (seed 004_f146461b20278b90.txt, Kabupaten Kebumen worked example)
VEKTOR_PENILAI = [
    ("199106112012062001", "198103021999121001", "196804241998031011"),  # JF Ahli Muda -> Kabid -> Kepala
    ("198103021999121001", "196804241998031011", "196411171992011002"),  # Kabid -> Kepala -> Sekda
    ("196804241998031011", "196411171992011002", BUPATI),  # Kepala -> Sekda -> Bupati
    ("196411171992011002", BUPATI, BUPATI),  # Sekda -> Bupati -> Bupati (top)
]


def _nip_or_pimpinan(pegawai: Pegawai, field: str, pimpinan_flag: str) -> str:
    other = getattr(pegawai, field)
    if other is not None:
        return other.nip
    assert getattr(pegawai, pimpinan_flag), f"{pegawai} has no {field}"
    return BUPATI


@pytest.mark.django_db
@pytest.mark.parametrize(("nip", "penilai", "atasan"), VEKTOR_PENILAI, ids=[v[0] for v in VEKTOR_PENILAI])
def test_vektor_penilai_seed_004(demo, nip, penilai, atasan):
    p = Pegawai.objects.select_related("pejabat_penilai", "atasan_pejabat_penilai").get(nip=nip)
    assert _nip_or_pimpinan(p, "pejabat_penilai", "penilai_pimpinan_instansi") == penilai
    assert _nip_or_pimpinan(p, "atasan_pejabat_penilai", "atasan_penilai_pimpinan_instansi") == atasan


# seed 004's table of penilai per jabatan (regulasi.md §1.5): jabatan dinilai -> jenis of the penilai
# and of the atasan pejabat penilai, following the actual superior in the demo structure.
TABEL_SEED_004 = [
    ("row 1 JPT Pratama", "KA-BKPSDM", "jpt_pratama", BUPATI),
    ("row 2 Administrator", "KABID-IPKP", "jpt_pratama", "jpt_pratama"),
    ("row 3 Pengawas", "KASUBAG-UMPEG", "administrator", "jpt_pratama"),
    ("row 4 Pelaksana", "PENGADM-PERKANTORAN", "pengawas", "administrator"),
    ("row 8 JF Ahli Muda", "ANALIS-SDM-MUDA", "administrator", "jpt_pratama"),
    ("row 9 JF Ahli Pertama", "ANALIS-SDM-PERTAMA", "administrator", "jpt_pratama"),
    ("row 10 JF Keterampilan", "PRAKOM-TERAMPIL", "administrator", "jpt_pratama"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "kode", "penilai_jenis", "atasan_jenis"), TABEL_SEED_004, ids=[r[0] for r in TABEL_SEED_004]
)
def test_tabel_penilai_per_jabatan_seed_004(demo, row, kode, penilai_jenis, atasan_jenis):
    p = (
        Pegawai.objects.select_related("pejabat_penilai__jabatan", "atasan_pejabat_penilai__jabatan")
        .filter(jabatan__kode=kode)
        .first()
    )
    penilai = p.pejabat_penilai.jabatan.jenis if p.pejabat_penilai else BUPATI
    atasan = p.atasan_pejabat_penilai.jabatan.jenis if p.atasan_pejabat_penilai else BUPATI
    assert (penilai, atasan) == (penilai_jenis, atasan_jenis), row


@pytest.mark.django_db
def test_vacant_post_passes_role_up_and_plt_takes_it(demo):
    sekar = demo["199106112012062001"]
    kabid = demo["198103021999121001"]
    kepala = demo["196804241998031011"]
    kabid.aktif = False
    kabid.save()
    refresh_penilai(sekar.instansi)
    sekar.refresh_from_db()
    assert sekar.pejabat_penilai_id == kepala.pk  # vacant Kabid: the Kepala rates

    sekretaris = demo["197505102000032002"]
    today = date.today()
    PenugasanPlt.objects.create(
        pegawai=sekretaris,
        jabatan=Jabatan.objects.get(kode="KABID-IPKP"),
        jenis="plt",
        tanggal_mulai=today - timedelta(days=1),
        tanggal_selesai=today + timedelta(days=30),
    )
    refresh_penilai(sekar.instansi)
    sekar.refresh_from_db()
    assert sekar.pejabat_penilai_id == sekretaris.pk
    assert sekar.atasan_pejabat_penilai_id == kepala.pk  # the Plt's own superior (Sekretaris -> Kepala)

    # After the assignment ends the post is vacant again.
    assert sync_penilai(instansi=sekar.instansi, on=today + timedelta(days=31)) > 0
    sekar.refresh_from_db()
    assert sekar.pejabat_penilai_id == kepala.pk


@pytest.mark.django_db
def test_pejabat_penilai_khusus_overrides_structure(demo):
    sekar = demo["199106112012062001"]
    sekretaris = demo["197505102000032002"]
    sekar.pejabat_penilai_khusus = sekretaris
    sekar.save()
    refresh_penilai(sekar.instansi)
    sekar.refresh_from_db()
    assert sekar.pejabat_penilai_id == sekretaris.pk


@pytest.mark.django_db
def test_resolver_loads_structure_in_constant_queries(demo, django_assert_num_queries):
    instansi = demo["199106112012062001"].instansi
    with django_assert_num_queries(3):
        resolver = PenilaiResolver(instansi.pk, date.today())
    with django_assert_num_queries(0):
        for pid in resolver.pegawai:
            resolver.atasan_pejabat_penilai(pid)


@pytest.mark.django_db
def test_vacant_top_post_is_rated_by_pimpinan_instansi(demo):
    # Ditjen: the Dirjen post is vacant, so the Sekretaris Ditjen is rated by the Menteri.
    ida = Pegawai.objects.get(nip="196801081992012001")
    assert ida.pejabat_penilai_id is None and ida.penilai_pimpinan_instansi
    maya = Pegawai.objects.select_related("atasan_pejabat_penilai").get(nip="199402282018012001")
    assert maya.atasan_pejabat_penilai.nip == ida.nip
