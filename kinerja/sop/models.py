"""Standard operating procedures as data, and their runs.

An SOP (PermenPANRB 35/2012's format: the steps with their pelaksana, kelengkapan, waktu and output)
is stored as rows so that the same engine runs any of them: a run (``ProsesSop``) walks the steps in
order, each taken by the pegawai assigned to the step's role, with the documents it takes and
produces, its time standard in working days against the actual time, and returns for revision.
Seed 001 (Penyusunan Laporan Capaian IP ASN) is the first SOP loaded (``kinerja/ipasn/sop_001.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.core.models import BaseModel


class Sop(BaseModel):
    kode = models.SlugField(_("kode"), max_length=60, unique=True)
    nomor = models.CharField(_("nomor SOP"), max_length=100, blank=True)
    nama = models.CharField(_("nama SOP"), max_length=300)
    tanggal_efektif = models.DateField(_("tanggal efektif"), null=True, blank=True)
    disahkan_oleh = models.CharField(_("disahkan oleh"), max_length=300, blank=True)
    dasar_hukum = models.TextField(_("dasar hukum"), blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    # [[kode, nama], ...]: the pelaksana columns of the SOP, e.g. ["sekretaris", "Sekretaris ..."].
    peran = models.JSONField(_("pelaksana"), default=list)

    class Meta:
        verbose_name = _("SOP")
        verbose_name_plural = _("SOP")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    def nama_peran(self, kode: str) -> str:
        return dict(self.peran).get(kode, kode)


class JenisLangkah(models.TextChoices):
    TINDAKAN = "tindakan", _("Tindakan")
    PERSETUJUAN = "persetujuan", _("Persetujuan (setujui atau kembalikan)")


class LangkahSop(BaseModel):
    """One row of the SOP table. ``nomor`` is the SOP's number (several rows may share one when a
    step has more than one actor, e.g. "1" for the Sekretaris's and the Kepala Bagian Umum's
    dispositions); the time standard ``waktu_hari_kerja`` applies to the whole number."""

    sop = models.ForeignKey(Sop, on_delete=models.CASCADE, related_name="langkah_set")
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    nomor = models.CharField(_("nomor langkah"), max_length=10)
    pelaksana = models.CharField(_("pelaksana (kode peran)"), max_length=40)
    aktivitas = models.TextField(_("aktivitas"))
    jenis = models.CharField(
        _("jenis"), max_length=12, choices=JenisLangkah.choices, default=JenisLangkah.TINDAKAN
    )
    kelengkapan = models.JSONField(_("kelengkapan"), default=list)
    keluaran = models.JSONField(_("output"), default=list)
    waktu_hari_kerja = models.PositiveSmallIntegerField(_("waktu (hari kerja)"), default=0)
    kembali_ke = models.PositiveSmallIntegerField(
        _("dikembalikan ke urutan"), null=True, blank=True, help_text=_("Untuk langkah persetujuan.")
    )
    menugaskan = models.JSONField(_("peran yang ditugaskan pada langkah ini"), default=list)
    aksi = models.CharField(_("aksi sistem"), max_length=60, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        ordering = ["sop", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sop", "urutan"], name="langkah_sop_urutan_unik")]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.aktivitas[:60]}"


class StatusProses(models.TextChoices):
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", pgettext_lazy("status", "Selesai")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


class ProsesSop(BaseModel):
    """One run of an SOP for an instansi and year (e.g. the IP ASN reconciliation of 2027)."""

    sop = models.ForeignKey(Sop, on_delete=models.PROTECT, related_name="proses_set")
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    judul = models.CharField(_("judul"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusProses.choices, default=StatusProses.BERJALAN
    )
    langkah_aktif = models.ForeignKey(
        LangkahSop, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dimulai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("proses SOP")
        verbose_name_plural = _("proses SOP")
        ordering = ["-tahun", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sop", "instansi", "tahun"],
                condition=~Q(status="dibatalkan"),
                name="proses_sop_sekali_per_tahun",
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class PelaksanaProses(BaseModel):
    """Who holds an SOP role in one run (assigned by a step's ``menugaskan`` or at the start)."""

    proses = models.ForeignKey(ProsesSop, on_delete=models.CASCADE, related_name="pelaksana_set")
    peran = models.CharField(_("peran"), max_length=40)
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    ditugaskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("pelaksana proses")
        verbose_name_plural = _("pelaksana proses")
        constraints = [models.UniqueConstraint(fields=["proses", "peran"], name="pelaksana_proses_unik")]

    def __str__(self) -> str:
        return f"{self.peran}: {self.pegawai_id}"


class HasilLangkah(models.TextChoices):
    SELESAI = "selesai", pgettext_lazy("status", "Selesai")
    DISETUJUI = "disetujui", _("Disetujui")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk revisi")


class JejakLangkah(models.Model):
    """One pass through a step: when it became active, its deadline (time standard in working days),
    when and by whom it was taken, and how (done, approved, returned)."""

    proses = models.ForeignKey(ProsesSop, on_delete=models.CASCADE, related_name="jejak_set")
    langkah = models.ForeignKey(LangkahSop, on_delete=models.PROTECT, related_name="+")
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    hasil = models.CharField(_("hasil"), max_length=12, choices=HasilLangkah.choices, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("jejak langkah")
        verbose_name_plural = _("jejak langkah")
        ordering = ["mulai", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proses"], condition=Q(selesai__isnull=True), name="jejak_satu_langkah_aktif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proses_id} {self.langkah_id} {self.hasil or 'aktif'}"


def _lokasi_dokumen(instance: "DokumenProses", filename: str) -> str:
    return f"sop/{instance.proses_id}/{filename}"


class DokumenProses(BaseModel):
    """A document a step produced (one of its ``keluaran``): text, an uploaded file, or both."""

    proses = models.ForeignKey(ProsesSop, on_delete=models.CASCADE, related_name="dokumen_set")
    jejak = models.ForeignKey(JejakLangkah, on_delete=models.CASCADE, related_name="dokumen_set")
    nama = models.CharField(_("nama dokumen"), max_length=300)
    teks = models.TextField(_("isi"), blank=True)
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_dokumen, max_length=300, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=100, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("dokumen proses")
        verbose_name_plural = _("dokumen proses")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.nama


class HariLibur(models.Model):
    """A public holiday or cuti bersama, skipped when counting working days (Saturday and Sunday are
    never working days)."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    keterangan = models.CharField(_("keterangan"), max_length=200)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal}: {self.keterangan}"
