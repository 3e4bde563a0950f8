"""seed_demo, generate_synthetic and sync_penilai."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kinerja.aturan import parse_nip
from kinerja.organisasi.models import Instansi, Pegawai, UnitKerja


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_accounts():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = Pegawai.objects.count()
    call_command("seed_demo", stdout=out)
    assert Pegawai.objects.count() == first == 17
    assert "199106112012062001" in out.getvalue() and "kinerja-demo" in out.getvalue()


@pytest.mark.django_db
def test_generate_synthetic_builds_a_valid_organisation():
    out = StringIO()
    call_command("generate_synthetic", pegawai=300, seed=3, stdout=out)
    instansi = Instansi.objects.get(kode="sintetis-3")
    pegawai = list(Pegawai.objects.filter(instansi=instansi).select_related("user"))
    assert len(pegawai) == 300
    for p in pegawai:
        info = parse_nip(p.nip)  # every NIP is valid (regulasi.md §8.1)
        assert (info.tanggal_lahir, info.tmt_cpns) == (p.tanggal_lahir, p.tmt_pengangkatan)
        assert p.user.username == p.nip and not p.user.has_usable_password()
    without_penilai = [p for p in pegawai if p.pejabat_penilai_id is None]
    assert len(without_penilai) == 1 and without_penilai[0].penilai_pimpinan_instansi  # the Sekda
    assert "300 pegawai" in out.getvalue()


@pytest.mark.django_db
def test_generate_synthetic_same_seed_same_structure_and_refuses_an_existing_kode():
    call_command("generate_synthetic", pegawai=50, seed=5, kode="a", stdout=StringIO())
    call_command("generate_synthetic", pegawai=50, seed=5, kode="b", stdout=StringIO())
    # Same seed, same structure (names and NIPs differ here only because NIPs must stay unique).
    units = [
        list(UnitKerja.objects.filter(instansi__kode=k).order_by("kode").values_list("kode", flat=True))
        for k in ("a", "b")
    ]
    assert units[0] == units[1] and len(units[0]) > 1
    with pytest.raises(CommandError, match="sudah ada"):
        call_command("generate_synthetic", pegawai=10, seed=5, kode="a", stdout=StringIO())
    with pytest.raises(CommandError, match="minimal 1"):
        call_command("generate_synthetic", pegawai=0, stdout=StringIO())


@pytest.mark.django_db
def test_sync_penilai_command_repairs_cached_penilai(demo):
    sekar = demo["199106112012062001"]
    Pegawai.objects.filter(pk=sekar.pk).update(pejabat_penilai=None)
    out = StringIO()
    call_command("sync_penilai", instansi="kab-kebumen", stdout=out)
    sekar.refresh_from_db()
    assert sekar.pejabat_penilai.nip == "198103021999121001"
    assert "kab-kebumen: 1 pegawai diperbarui" in out.getvalue()
