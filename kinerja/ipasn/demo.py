"""Demo IP ASN data for the demo pegawai of both instansi (seed 001 step 5): the education matching
`Pegawai.pendidikan_terakhir`, a few diklat, one hukuman disiplin ringan in 2027 and one record still
waiting for the Analis SDM with its data dukung. Idempotent: rows are matched on their natural key."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction

from kinerja.aturan import JenisJabatan
from kinerja.organisasi.demo import PEGAWAI
from kinerja.organisasi.models import Pegawai

from .models import HukumanDisiplin, JenisKompetensi, PengembanganKompetensi, RiwayatPendidikan, StatusData

RINA = "199708222020122003"  # the demo hukuman disiplin ringan (2027)
SEKAR = "199106112012062001"  # the demo record diajukan with a data dukung

INSTITUSI = {
    "S3": ("Universitas Gadjah Mada", "Ilmu Administrasi Negara"),
    "S2": ("Universitas Diponegoro", "Magister Manajemen"),
    "S1_D4": ("Universitas Jenderal Soedirman", "Ilmu Administrasi Publik"),
    "D3": ("Politeknik Negeri Semarang", "Administrasi Bisnis"),
    "D1_D2": ("Politeknik Negeri Semarang", "Administrasi Perkantoran"),
    "SLTA_KEBAWAH": ("SMA Negeri 1 Kebumen", "IPS"),
}
STRUKTURAL = {JenisJabatan.JPT_PRATAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_UTAMA}
STRUKTURAL |= {JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS}
PDF_DEMO = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
)


def _lulus(pegawai: Pegawai) -> date:
    """A graduation date a year before the TMT (or 2010 when the TMT is unknown)."""
    tmt = pegawai.tmt_pengangkatan or date(2011, 1, 1)
    return date(tmt.year - 1, 8, 20)


def _kompetensi(pegawai: Pegawai, i: int) -> list[dict]:
    jenis = pegawai.jabatan.jenis if pegawai.jabatan_id else ""
    out = []
    if i % 3 != 2:  # two of three: a diklat teknis of at least 20 JP in 2026–2027
        out.append(
            dict(
                jenis=JenisKompetensi.TEKNIS,
                nama="Pelatihan Manajemen Kinerja ASN",
                penyelenggara="BPSDM Provinsi Jawa Tengah",
                tanggal_mulai=date(2026 + i % 2, 3, 2),
                tanggal_selesai=date(2026 + i % 2, 3, 6),
                jp=24 + 8 * (i % 3),
            )
        )
    if jenis == JenisJabatan.FUNGSIONAL and i % 2 == 0:
        out.append(
            dict(
                jenis=JenisKompetensi.FUNGSIONAL,
                nama=f"Pelatihan Fungsional {pegawai.jabatan.nama}",
                penyelenggara="Instansi Pembina Jabatan Fungsional",
                tanggal_mulai=date(2025, 5, 12),
                tanggal_selesai=date(2025, 5, 23),
                jp=80,
            )
        )
    if jenis in STRUKTURAL:
        out.append(
            dict(
                jenis=JenisKompetensi.KEPEMIMPINAN,
                nama="Pelatihan Kepemimpinan Administrator"
                if jenis in (JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)
                else "Pelatihan Kepemimpinan Nasional Tingkat II",
                penyelenggara="Lembaga Administrasi Negara",
                tanggal_mulai=date(2024, 6, 3),
                tanggal_selesai=date(2024, 9, 27),
                jp=400,
            )
        )
    return out


@transaction.atomic
def muat_demo_ipasn() -> dict[str, int]:
    """Creates what is missing; returns the number of rows created per kind."""
    nips = [d.nip for d in PEGAWAI]
    pegawai = list(Pegawai.objects.filter(nip__in=nips).select_related("jabatan").order_by("nip"))
    dibuat = {"pendidikan": 0, "kompetensi": 0, "disiplin": 0}
    for i, p in enumerate(pegawai):
        if p.pendidikan_terakhir:
            institusi, jurusan = INSTITUSI[p.pendidikan_terakhir]
            _o, baru = RiwayatPendidikan.objects.get_or_create(
                pegawai=p,
                jenjang=p.pendidikan_terakhir,
                tanggal_lulus=_lulus(p),
                defaults={"institusi": institusi, "jurusan": jurusan, "status": StatusData.TERVERIFIKASI},
            )
            dibuat["pendidikan"] += baru
        for k in _kompetensi(p, i):
            kunci = {f: k.pop(f) for f in ("jenis", "nama", "tanggal_mulai", "tanggal_selesai")}
            _o, baru = PengembanganKompetensi.objects.get_or_create(
                pegawai=p, **kunci, defaults=k | {"status": StatusData.TERVERIFIKASI}
            )
            dibuat["kompetensi"] += baru
    rina = next((p for p in pegawai if p.nip == RINA), None)
    if rina is not None:
        _o, baru = HukumanDisiplin.objects.get_or_create(
            pegawai=rina,
            tingkat="ringan",
            tmt_mulai=date(2027, 2, 1),
            jenis="Teguran tertulis",
            defaults={
                "nomor_sk": "800/017/BKPSDM/2027",
                "tanggal_sk": date(2027, 2, 1),
                "tmt_selesai": date(2027, 2, 1) + timedelta(days=180),
                "status": StatusData.TERVERIFIKASI,
            },
        )
        dibuat["disiplin"] += baru
    sekar = next((p for p in pegawai if p.nip == SEKAR), None)
    if sekar is not None:
        seminar, baru = PengembanganKompetensi.objects.get_or_create(
            pegawai=sekar,
            jenis=JenisKompetensi.SEMINAR,
            nama="Seminar Nasional Manajemen Talenta ASN",
            tanggal_mulai=date(2027, 5, 20),
            tanggal_selesai=date(2027, 5, 20),
            defaults={
                "penyelenggara": "Badan Kepegawaian Negara",
                "jp": 8,
                "status": StatusData.DIAJUKAN,
                "diajukan_oleh_id": sekar.user_id,
                "nama_berkas": "sertifikat_seminar.pdf",
                "jenis_berkas": "application/pdf",
            },
        )
        if baru:
            # One file per pegawai id: reloading the demo (or a test database) reuses it.
            nama = f"ipasn/{sekar.pk}/sertifikat_seminar.pdf"
            storage = seminar.berkas.storage
            if not storage.exists(nama):
                nama = storage.save(nama, ContentFile(PDF_DEMO))
            seminar.berkas.name = nama
            seminar.save(update_fields=["berkas"])
            dibuat["kompetensi"] += 1
    return dibuat
