"""Indeks Profesionalitas ASN: the versioned scoring tables, the data of each ASN (pendidikan,
pengembangan kompetensi, hukuman disiplin) with its data dukung, and the computed results.

Sources: PermenPANRB 38/2018; Peraturan BKN 8/2019; seed 001; regulasi.md §6, decision g.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.aturan import Predikat
from kinerja.aturan.ip_asn import TabelIpAsn as AturanTabelIpAsn
from kinerja.core.models import BaseModel
from kinerja.organisasi.models import Pendidikan


class TabelIpAsn(BaseModel):
    """One version of the IP ASN reference table (decision g), in force from ``berlaku_mulai``.
    The JSON fields hold what ``kinerja.aturan.ip_asn.TabelIpAsn`` holds; kinerja keys are Predikat
    values; kategori is a list of [lower edge, label], highest first."""

    versi = models.CharField(_("versi"), max_length=200)
    berlaku_mulai = models.DateField(_("berlaku mulai"), unique=True)
    bobot = models.JSONField(_("bobot dimensi"))
    kualifikasi = models.JSONField(_("poin kualifikasi"))
    kompetensi = models.JSONField(_("poin kompetensi"))
    kinerja = models.JSONField(_("poin kinerja"))
    disiplin = models.JSONField(_("poin disiplin"))
    kategori = models.JSONField(_("kategori"))
    catatan = models.TextField(_("catatan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tabel IP ASN")
        verbose_name_plural = _("tabel IP ASN")
        ordering = ["-berlaku_mulai"]

    def __str__(self) -> str:
        return f"{self.versi} ({self.berlaku_mulai:%d-%m-%Y})"

    def sebagai_aturan(self) -> AturanTabelIpAsn:
        return AturanTabelIpAsn(
            versi=self.versi,
            berlaku_mulai=self.berlaku_mulai,
            bobot=dict(self.bobot),
            kualifikasi=dict(self.kualifikasi),
            kompetensi=dict(self.kompetensi),
            kinerja={Predikat(k): v for k, v in self.kinerja.items() if k in Predikat._value2member_map_},
            disiplin=dict(self.disiplin),
            kategori=tuple((int(b), str(label)) for b, label in self.kategori),
        )

    def clean(self):
        try:
            masalah = self.sebagai_aturan().validasi()
        except (TypeError, ValueError, AttributeError):
            masalah = [str(_("Isi tabel IP ASN tidak dapat dibaca; periksa format setiap kolom."))]
        if masalah:
            raise ValidationError(masalah)

    @classmethod
    def berlaku(cls, tanggal: date) -> "TabelIpAsn | None":
        return cls.objects.filter(berlaku_mulai__lte=tanggal).order_by("-berlaku_mulai").first()


class StatusData(models.TextChoices):
    """Data entered by the ASN waits for the Analis SDM's check; only verified data count."""

    DIAJUKAN = "diajukan", _("Menunggu verifikasi")
    TERVERIFIKASI = "terverifikasi", _("Terverifikasi")
    DITOLAK = "ditolak", _("Ditolak")


def _lokasi_data_dukung(instance, filename: str) -> str:
    return f"ipasn/{instance.pegawai_id}/{filename}"


class DataIpAsnBase(BaseModel):
    """Shared fields: the data dukung (file) and its verification."""

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="+")
    berkas = models.FileField(_("data dukung"), upload_to=_lokasi_data_dukung, max_length=300, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=StatusData.choices, default=StatusData.TERVERIFIKASI
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    catatan_verifikasi = models.TextField(_("catatan verifikasi"), blank=True)

    class Meta:
        abstract = True


class RiwayatPendidikan(DataIpAsnBase):
    """A formal education completed (IP ASN dimension kualifikasi: the highest one counts)."""

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, related_name="riwayat_pendidikan_set"
    )
    jenjang = models.CharField(_("jenjang pendidikan"), max_length=16, choices=Pendidikan.choices)
    institusi = models.CharField(_("nama institusi"), max_length=255, blank=True)
    jurusan = models.CharField(_("jurusan / program studi"), max_length=255, blank=True)
    tanggal_lulus = models.DateField(_("tanggal lulus"))
    nomor_ijazah = models.CharField(_("nomor ijazah"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        ordering = ["-tanggal_lulus", "-id"]
        indexes = [models.Index(fields=["pegawai", "status"], name="pendidikan_pegawai_status")]

    def __str__(self) -> str:
        return f"{self.get_jenjang_display()} {self.institusi}".strip()


class JenisKompetensi(models.TextChoices):
    """IP ASN dimension kompetensi (regulasi.md §6.1: diklat kepemimpinan, diklat fungsional,
    diklat teknis, seminar/workshop)."""

    KEPEMIMPINAN = "kepemimpinan", _("Diklat/pelatihan kepemimpinan")
    FUNGSIONAL = "fungsional", _("Diklat/pelatihan fungsional")
    TEKNIS = "teknis", _("Diklat/pelatihan teknis")
    SEMINAR = "seminar", _("Seminar / workshop / sejenisnya")


class PengembanganKompetensi(DataIpAsnBase):
    """A competence development followed (diklat with kind and JP)."""

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, related_name="pengembangan_kompetensi_set"
    )
    jenis = models.CharField(_("jenis"), max_length=16, choices=JenisKompetensi.choices)
    nama = models.CharField(_("nama kegiatan"), max_length=255)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=255, blank=True)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    jp = models.PositiveSmallIntegerField(_("jam pelajaran (JP)"))
    sesuai_jabatan = models.BooleanField(
        _("sesuai jabatan/jenjang"),
        default=True,
        help_text=_("Diklat kepemimpinan yang sesuai jabatan atau diklat fungsional yang sesuai jenjang."),
    )
    nomor_sertifikat = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengembangan kompetensi")
        verbose_name_plural = _("pengembangan kompetensi")
        ordering = ["-tanggal_selesai", "-id"]
        indexes = [models.Index(fields=["pegawai", "status"], name="kompetensi_pegawai_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="kompetensi_tanggal_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jp} JP)"


class TingkatHukuman(models.TextChoices):
    """PP 94/2021: hukuman disiplin ringan, sedang, berat (IP ASN dimension disiplin)."""

    RINGAN = "ringan", _("Ringan")
    SEDANG = "sedang", _("Sedang")
    BERAT = "berat", _("Berat")


class HukumanDisiplin(DataIpAsnBase):
    """A disciplinary penalty (tingkat, dates)."""

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, related_name="hukuman_disiplin_set"
    )
    tingkat = models.CharField(_("tingkat hukuman"), max_length=8, choices=TingkatHukuman.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=255)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"))
    tmt_mulai = models.DateField(_("berlaku mulai"))
    tmt_selesai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = _("hukuman disiplin")
        ordering = ["-tmt_mulai", "-id"]
        indexes = [models.Index(fields=["pegawai", "status"], name="hukdis_pegawai_status")]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()}: {self.jenis}"


class PerhitunganIpAsn(BaseModel):
    """One computation of the IP ASN of an instansi for a year over one table version. The
    reconciliation (seed 001) keeps its stages: ``draf`` (any recomputation), ``awal`` (after the
    internal meeting, step 5), ``tervalidasi`` (after validation with Biro SDM, step 8)."""

    class Tahap(models.TextChoices):
        DRAF = "draf", _("Draf")
        AWAL = "awal", _("Data awal (setelah rekonsiliasi internal)")
        TERVALIDASI = "tervalidasi", _("Tervalidasi Biro SDM")

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tabel = models.ForeignKey(TabelIpAsn, on_delete=models.PROTECT, related_name="+")
    tahap = models.CharField(_("tahap"), max_length=12, choices=Tahap.choices, default=Tahap.DRAF)
    jumlah_pegawai = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    nilai = models.DecimalField(_("IP ASN instansi"), max_digits=6, decimal_places=2, null=True)
    kategori = models.CharField(_("kategori"), max_length=32, blank=True)
    rata_dimensi = models.JSONField(_("rata-rata per dimensi"), default=dict)
    dihitung_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    durasi_detik = models.FloatField(_("durasi (detik)"), default=0)

    class Meta:
        verbose_name = _("perhitungan IP ASN")
        verbose_name_plural = _("perhitungan IP ASN")
        ordering = ["-tahun", "-created_at", "-id"]
        indexes = [models.Index(fields=["instansi", "tahun", "tahap"], name="perhitungan_ipasn_tahun")]

    def __str__(self) -> str:
        return f"{self.instansi_id} {self.tahun} {self.tahap}: {self.nilai}"


class HasilIpAsn(models.Model):
    """The IP ASN of one pegawai in one computation: points per dimension, total, category and the
    points lost per indicator."""

    perhitungan = models.ForeignKey(PerhitunganIpAsn, on_delete=models.CASCADE, related_name="hasil_set")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="+")
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kualifikasi = models.DecimalField(max_digits=5, decimal_places=2)
    kompetensi = models.DecimalField(max_digits=5, decimal_places=2)
    kinerja = models.DecimalField(max_digits=5, decimal_places=2)
    disiplin = models.DecimalField(max_digits=5, decimal_places=2)
    total = models.DecimalField(max_digits=5, decimal_places=2)
    kategori = models.CharField(max_length=32)
    poin_hilang = models.JSONField(default=dict)
    catatan = models.CharField(max_length=255, blank=True)  # e.g. "predikat tahunan belum final"

    class Meta:
        verbose_name = _("hasil IP ASN")
        verbose_name_plural = _("hasil IP ASN")
        constraints = [
            models.UniqueConstraint(fields=["perhitungan", "pegawai"], name="hasil_ipasn_unik"),
        ]
        indexes = [models.Index(fields=["perhitungan", "unit_kerja"], name="hasil_ipasn_unit")]

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.total}"
