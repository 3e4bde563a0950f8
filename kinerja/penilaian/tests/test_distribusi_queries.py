"""The unit distribution page runs the same queries for a unit of 500 pegawai as for 5: counts are
aggregated in SQL (GROUP BY pejabat penilai, predikat, status), never loaded row by row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.aturan import Predikat
from kinerja.organisasi.models import Jabatan, Pegawai, UnitKerja
from kinerja.penilaian.models import CapaianKinerjaOrganisasi, JustifikasiDistribusi, Penilaian
from kinerja.penilaian.workflow import StatusPenilaian
from kinerja.perencanaan import services
from kinerja.perencanaan.models import Skp
from kinerja.perencanaan.workflow import StatusSkp

BAWONO, DIMAS, RINA = "198103021999121001", "199503142019031004", "199708222020122003"
PREDIKAT = list(Predikat)


def _isi_unit(demo, jumlah: int, periode):
    """`jumlah` pegawai in the bidang with an approved SKP and an annual penilaian each, spread over three
    pejabat penilai and every predikat, written in bulk (three INSERTs whatever the number)."""
    bidang = UnitKerja.objects.get(kode="BKPSDM-IPKP")
    jabatan = Jabatan.objects.get(kode="ANALIS-SDM-PERTAMA")
    penilai = [demo[BAWONO], demo[DIMAS], demo[RINA]]
    pegawai = Pegawai.objects.bulk_create(
        Pegawai(
            instansi=bidang.instansi,
            nip=f"19900101202001{i:04d}",
            nama=f"Pegawai Uji {i:04d}",
            status="pns",
            golongan_ruang="III/a",
            jabatan=jabatan,
            unit_kerja=bidang,
            pejabat_penilai=penilai[i % 3],
        )
        for i in range(jumlah)
    )
    skp = Skp.objects.bulk_create(
        Skp(
            pegawai=p,
            periode=periode,
            jenis="ja_jf",
            jabatan=jabatan,
            unit_kerja=bidang,
            pejabat_penilai=p.pejabat_penilai,
            tanggal_mulai=periode.tanggal_mulai,
            tanggal_selesai=periode.tanggal_selesai,
            status=StatusSkp.DISETUJUI,
            disetujui_pada=timezone.now(),
        )
        for p in pegawai
    )
    Penilaian.objects.bulk_create(
        Penilaian(
            skp=s,
            periode=periode,
            pegawai=s.pegawai,
            unit_kerja=bidang,
            pejabat_penilai=s.pejabat_penilai,
            predikat=PREDIKAT[i % 5] if i % 7 else "",
            status=StatusPenilaian.FINAL if i % 2 else StatusPenilaian.DRAF,
        )
        for i, s in enumerate(skp)
    )
    for p in penilai:
        JustifikasiDistribusi.objects.create(
            pejabat_penilai=p, periode=periode, capaian_organisasi="baik", alasan=f"Justifikasi {p.nama}"
        )
    return bidang


@pytest.mark.parametrize("role", ["analis_sdm", "pejabat_penilai"])
def test_distribution_page_runs_constant_queries(cast, demo, client_as, role):
    periode = services.periode_tahun(demo[BAWONO].instansi, 2027)
    CapaianKinerjaOrganisasi.objects.create(
        unit_kerja=UnitKerja.objects.get(kode="BKPSDM"), periode=periode, capaian="baik"
    )
    client = client_as(cast[role])

    # 15 queries at the time of writing: session, user, roles; visible instansi, the unit asked for, the
    # unit tree; the units' pimpinan; periode, jadwal; the unit's counts (GROUP BY penilai, predikat,
    # status), the teams' counts (GROUP BY penilai, predikat); the capaian of the period; the
    # justifications; the penilai; the menu's "is pejabat penilai".
    def halaman(bidang):
        with CaptureQueriesContext(connection) as q:
            response = client.get(
                reverse("penilaian:distribusi"), {"unit": bidang.pk, "tahun": 2027, "nomor": 0}
            )
        assert response.status_code == 200
        return response.context["d"], q

    bidang = _isi_unit(demo, 5, periode)
    kecil, q_kecil = halaman(bidang)
    assert kecil.ringkasan.total == 4 and kecil.belum == 1  # the first of every seven has no predikat yet
    Penilaian.objects.all().delete()
    Skp.objects.filter(pegawai__nama__startswith="Pegawai Uji").delete()
    Pegawai.objects.filter(nama__startswith="Pegawai Uji").delete()
    JustifikasiDistribusi.objects.all().delete()

    _isi_unit(demo, 500, periode)
    besar, q_besar = halaman(bidang)
    assert besar.ringkasan.total == 500 - 72 and besar.belum == 72
    assert sum(b.final for b in besar.per_predikat) + sum(b.draf for b in besar.per_predikat) == 428
    assert len(besar.tim) == 3 and all(t.justifikasi for t in besar.tim)
    assert len(q_besar) == len(q_kecil), "\n".join(q["sql"] for q in q_besar.captured_queries)
