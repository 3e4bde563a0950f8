"""Pelaksanaan kinerja: rencana aksi per evaluation period, realisasi with bukti dukung, and the
continuous feedback (umpan balik berkelanjutan) given on them.

Sources: seed 000 steps 4–5, seed 002 ("Pelaksanaan", "3.a" and "3.c" tables); regulasi.md §2.15, §2.16.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.core.models import BaseModel


class RencanaAksi(BaseModel):
    """A planned action under an approved rencana hasil kerja for one evaluation period, with the
    period's target on the way to the annual one (trajectory; regulasi.md §2.15)."""

    rhk = models.ForeignKey(
        "perencanaan.RencanaHasilKerja", on_delete=models.CASCADE, related_name="rencana_aksi_set"
    )
    jadwal = models.ForeignKey("perencanaan.JadwalPeriode", on_delete=models.PROTECT, related_name="+")
    urutan = models.PositiveSmallIntegerField(_("nomor"), default=1)
    uraian = models.TextField(_("rencana aksi"))
    target = models.CharField(_("target periodik"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["jadwal__nomor", "urutan", "id"]
        indexes = [models.Index(fields=["rhk", "jadwal"], name="rencana_aksi_rhk_jadwal")]

    def __str__(self) -> str:
        return self.uraian[:80]


class Realisasi(BaseModel):
    """What one indikator achieved in one evaluation period, as a number (in the IKI's satuan) and/or
    in words, with its bukti dukung (seed 002 "3.a": "Realisasi berdasarkan bukti dukung")."""

    indikator = models.ForeignKey(
        "perencanaan.IndikatorKinerjaIndividu", on_delete=models.CASCADE, related_name="realisasi_set"
    )
    jadwal = models.ForeignKey("perencanaan.JadwalPeriode", on_delete=models.PROTECT, related_name="+")
    nilai = models.DecimalField(
        _("realisasi (angka)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    uraian = models.TextField(_("realisasi"), blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["jadwal__nomor", "indikator__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "jadwal"], name="realisasi_indikator_jadwal_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} #{self.jadwal_id}"


def _lokasi_bukti(instance: "BuktiDukung", filename: str) -> str:
    return f"bukti/{instance.realisasi_id}/{filename}"


class BuktiDukung(BaseModel):
    """An uploaded file or a link supporting a realisasi. Files go through Django's storage API
    (local folder by default, S3-compatible storage when configured)."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.CASCADE, related_name="bukti_set")
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_bukti, max_length=300, blank=True)
    tautan = models.URLField(_("tautan"), max_length=500, blank=True)
    nama = models.CharField(_("nama"), max_length=255)
    jenis = models.CharField(_("jenis berkas"), max_length=100, blank=True)  # MIME type from the content
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(berkas="") | ~models.Q(tautan=""), name="bukti_berkas_atau_tautan"
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class PeranPemberi(models.TextChoices):
    """Who gives umpan balik (seed 002 "3.c": Pimpinan, Rekan kerja setingkat, Stakeholder terkait…)."""

    PIMPINAN = "pimpinan", _("Pimpinan")
    REKAN = "rekan", _("Rekan kerja setingkat")
    STAKEHOLDER = "stakeholder", _("Stakeholder terkait")
    LAINNYA = "lainnya", _("Rekan kerja lainnya")


class PermintaanUmpanBalik(BaseModel):
    """A pegawai asks a colleague or stakeholder for feedback on a rencana hasil kerja or a BerAKHLAK
    value; the colleague answers inside the app (an UmpanBalik linked back here)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu jawaban")
        DIJAWAB = "dijawab", _("Dijawab")
        DITOLAK = "ditolak", _("Ditolak")

    skp = models.ForeignKey(
        "perencanaan.Skp", on_delete=models.CASCADE, related_name="permintaan_umpan_balik_set"
    )
    diminta = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, related_name="permintaan_umpan_balik_set"
    )
    peran = models.CharField(
        _("sebagai"), max_length=12, choices=PeranPemberi.choices, default=PeranPemberi.REKAN
    )
    rhk = models.ForeignKey(
        "perencanaan.RencanaHasilKerja", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    nilai_berakhlak = models.PositiveSmallIntegerField(_("nilai BerAKHLAK"), null=True, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("permintaan umpan balik")
        verbose_name_plural = _("permintaan umpan balik")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["diminta", "status"], name="permintaan_ub_diminta_status")]

    def __str__(self) -> str:
        return f"{self.skp_id} → {self.diminta_id}"


class UmpanBalik(BaseModel):
    """One piece of continuous feedback on a realisasi, a rencana hasil kerja or a BerAKHLAK value of
    an SKP, by the pejabat penilai or by a colleague who was asked (seed 002 "3.a", "3.c")."""

    skp = models.ForeignKey("perencanaan.Skp", on_delete=models.CASCADE, related_name="umpan_balik_set")
    pemberi = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    peran = models.CharField(_("sebagai"), max_length=12, choices=PeranPemberi.choices)
    rhk = models.ForeignKey(
        "perencanaan.RencanaHasilKerja",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="umpan_balik_set",
    )
    realisasi = models.ForeignKey(
        Realisasi, on_delete=models.CASCADE, null=True, blank=True, related_name="umpan_balik_set"
    )
    nilai_berakhlak = models.PositiveSmallIntegerField(_("nilai BerAKHLAK"), null=True, blank=True)
    jadwal = models.ForeignKey(
        "perencanaan.JadwalPeriode", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    isi = models.TextField(_("umpan balik"))
    bukti = models.TextField(_("berdasarkan bukti"), blank=True)
    permintaan = models.OneToOneField(
        PermintaanUmpanBalik, on_delete=models.SET_NULL, null=True, blank=True, related_name="jawaban"
    )

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["skp", "created_at"], name="umpan_balik_skp_waktu")]

    def __str__(self) -> str:
        return self.isi[:80]
