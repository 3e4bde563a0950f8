"""Nota Dinas usulan: gathering the team's usulan, refusing an empty one, sending it to the queue,
forwarding by the Analis SDM, and the text of its PDF."""

import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kinerja.core.models import Notifikasi
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut import antrian, nota_dinas
from kinerja.tindak_lanjut import usulan as layanan
from kinerja.tindak_lanjut.models import (
    JenisKiriman,
    JenisPengembangan,
    Kiriman,
    NotaDinasUsulan,
    StatusKiriman,
    StatusUsulan,
    UsulanPengembangan,
)

SEKAR, BAWONO, RINA, DIMAS = (
    "199106112012062001",
    "198103021999121001",
    "199708222020122003",
    "199503142019031004",
)
Status = NotaDinasUsulan.Status


def _usulan(pegawai, by, *, tahun=2027, jp=40, nama="Pelatihan analisis jabatan"):
    return layanan.buat_usulan(
        data=layanan.DataUsulan(
            pegawai=pegawai,
            tahun=tahun,
            jenis=JenisPengembangan.PELATIHAN_FUNGSIONAL,
            nama_kegiatan=nama,
            jp=jp,
            alasan="Hasil evaluasi menunjukkan kesenjangan kompetensi",
        ),
        by=by,
    )


@pytest.fixture
def tim(demo):
    bawono = demo[BAWONO]
    return {
        "bawono": bawono,
        "sekar": demo[SEKAR],
        "rina": demo[RINA],
        "dimas": demo[DIMAS],
        "u_sekar": _usulan(demo[SEKAR], bawono.user),
        "u_rina": _usulan(demo[RINA], bawono.user, jp=24, nama="Kursus keamanan jaringan"),
        "u_lain_tahun": _usulan(demo[RINA], bawono.user, tahun=2026),
    }


def _nota(tim, **kw):
    return nota_dinas.buat_nota(
        by=tim["bawono"].user, tahun=2027, kepada="Kepala Bidang PK", nomor="800/12", **kw
    )


@pytest.mark.django_db
def test_gathers_the_teams_usulan_of_the_year(tim):
    nota = _nota(tim)
    assert set(nota.usulan_set.all()) == {tim["u_sekar"], tim["u_rina"]}
    assert (nota.status, nota.unit_kerja, nota.pengirim) == (
        Status.DRAF,
        tim["bawono"].unit_kerja,
        tim["bawono"],
    )
    # already gathered: a second nota of the same year has nothing to hold
    with pytest.raises(WorkflowError, match="Tidak ada usulan"):
        _nota(tim)
    assert NotaDinasUsulan.objects.count() == 1


@pytest.mark.django_db
def test_empty_nota_is_refused_and_nothing_saved(demo, client_as):
    response = client_as(demo[BAWONO].user).post(
        reverse("tindak_lanjut:nota-create"), {"tahun": 2027, "kepada": "Kepala Bidang PK"}
    )
    assert "Tidak ada usulan" in str(response.context["form"].non_field_errors())
    assert not NotaDinasUsulan.objects.exists()


@pytest.mark.django_db
def test_default_addressee_depends_on_the_instansi(demo):
    assert nota_dinas.kepada_bawaan(demo[BAWONO].instansi) == nota_dinas.KEPADA_DAERAH
    assert nota_dinas.kepada_bawaan(demo["198805202011012004"].instansi) == nota_dinas.KEPADA_PUSAT


@pytest.mark.django_db
def test_send_puts_the_nota_in_the_queue(tim):
    nota = _nota(tim)
    nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)
    nota.refresh_from_db()
    assert nota.status == Status.DIKIRIM and nota.tanggal is not None
    assert set(UsulanPengembangan.objects.filter(nota_dinas=nota).values_list("status", flat=True)) == {
        StatusUsulan.DALAM_NOTA
    }
    k = Kiriman.objects.get(jenis=JenisKiriman.NOTA_DINAS_USULAN)
    assert (k.nota_dinas, k.instansi_id, k.status) == (nota, nota.instansi_id, StatusKiriman.MASUK)
    assert Notifikasi.objects.filter(user=tim["dimas"].user).exists()  # the Analis SDM is told
    with pytest.raises(WorkflowError, match="tidak dapat diubah"):
        nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)


@pytest.mark.django_db
def test_send_refuses_an_emptied_nota_or_one_without_number(tim):
    nota = _nota(tim, tanggal=None)
    NotaDinasUsulan.objects.filter(pk=nota.pk).update(nomor="")
    nota.refresh_from_db()
    with pytest.raises(WorkflowError, match="nomor"):
        nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)
    UsulanPengembangan.objects.filter(nota_dinas=nota).delete()
    with pytest.raises(WorkflowError, match="tidak memuat"):
        nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)
    nota.refresh_from_db()
    assert nota.status == Status.DRAF and not Kiriman.objects.exists()


@pytest.mark.django_db
def test_only_the_sender_sends_edits_or_deletes(tim, client_as):
    nota = _nota(tim)
    with pytest.raises(PermissionDenied):
        nota_dinas.kirim_nota(nota=nota, by=tim["dimas"].user)
    assert (
        client_as(tim["dimas"].user).post(reverse("tindak_lanjut:nota-kirim", args=[nota.pk])).status_code
        == 403
    )
    assert (
        client_as(tim["sekar"].user).post(reverse("tindak_lanjut:nota-hapus", args=[nota.pk])).status_code
        == 404
    )
    nota.refresh_from_db()
    assert nota.status == Status.DRAF


@pytest.mark.django_db
def test_edit_adds_new_usulan_and_delete_releases_them(tim):
    nota = _nota(tim)
    baru = _usulan(tim["sekar"], tim["bawono"].user, jp=8, nama="Seminar manajemen talenta")
    nota_dinas.ubah_nota(nota=nota, by=tim["bawono"].user, kepada="Kepala BKPSDM", nomor="800/13")
    assert baru in nota.usulan_set.all() and nota.kepada == "Kepala BKPSDM"
    nota_dinas.hapus_nota(nota=nota, by=tim["bawono"].user)
    assert not NotaDinasUsulan.objects.exists()
    assert UsulanPengembangan.objects.filter(status=StatusUsulan.DIUSULKAN, nota_dinas=None).count() == 4


@pytest.mark.django_db
def test_analis_sdm_forwards_the_nota_and_the_sender_is_told(tim):
    nota = _nota(tim)
    nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)
    k = Kiriman.objects.get()
    antrian.teruskan_kiriman(kiriman=k, diteruskan_ke="Bidang Pengembangan Kompetensi", by=tim["dimas"].user)
    k.refresh_from_db()
    nota.refresh_from_db()
    assert (k.status, k.diteruskan_ke, k.diproses_oleh) == (
        StatusKiriman.DITERUSKAN,
        "Bidang Pengembangan Kompetensi",
        tim["dimas"].user,
    )
    assert nota.status == Status.DITERUSKAN and nota.diteruskan_pada is not None
    assert set(nota.usulan_set.values_list("status", flat=True)) == {StatusUsulan.DITERUSKAN}
    assert Notifikasi.objects.filter(user=tim["bawono"].user, judul__icontains="diteruskan").exists()
    # the usulan of another year were not touched
    tim["u_lain_tahun"].refresh_from_db()
    assert tim["u_lain_tahun"].status == StatusUsulan.DIUSULKAN


@pytest.mark.django_db
def test_pdf_text(tim, client_as):
    nota = _nota(tim)
    nota_dinas.kirim_nota(nota=nota, by=tim["bawono"].user)
    response = client_as(tim["dimas"].user).get(reverse("tindak_lanjut:nota-pdf", args=[nota.pk]))
    assert response["Content-Type"] == "application/pdf"
    teks = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)
    teks = " ".join(teks.stdout.decode().split())
    for bagian in (
        "PEMERINTAH KABUPATEN KEBUMEN",
        "NOTA DINAS",
        "Kepada",
        "Kepala Bidang PK",
        "800/12",
        "Sifat",
        "Lampiran",
        "Usulan Kebutuhan Pengembangan Kompetensi Pegawai",
        "Pelatihan analisis jabatan",
        "Kursus keamanan jaringan",
        "Pelatihan fungsional",
        "Demikian disampaikan",
        tim["sekar"].nip_tertulis,
        tim["bawono"].nip_tertulis,
        "64",  # total JP
    ):
        assert bagian in teks, bagian
    assert "DRAF" not in teks
