"""Penilaian kinerja: capaian organisasi, the pejabat penilai's ratings and predikat (periodic and
annual), the distribution justification, the instansi's settings and the keberatan.

Sources: seed 000 steps 4–7; seed 002 "Evaluasi Kinerja Pegawai" … "Keberatan"; SE MenPANRB 3/2023;
PP 30/2019 Pasal 59; regulasi.md §3, decisions a, d, e, f.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.aturan import CapaianOrganisasi, Predikat, RatingKerja
from kinerja.aturan.referensi import KEBERATAN_HARI
from kinerja.core.counting import invalidate_counts
from kinerja.core.models import BaseModel

from .workflow import StatusKeberatan, StatusPenilaian

RATING_CHOICES = RatingKerja.choices()
PREDIKAT_CHOICES = Predikat.choices()
CAPAIAN_CHOICES = CapaianOrganisasi.choices()


def _unik_per_jadwal(fields: list[str], name: str) -> list[models.UniqueConstraint]:
    """One row per (fields, jadwal) where jadwal NULL means the annual evaluation: NULLs are distinct
    in a plain unique constraint, so the annual row gets its own conditional constraint."""
    return [
        models.UniqueConstraint(
            fields=[*fields, "jadwal"], condition=Q(jadwal__isnull=False), name=f"{name}_periodik_unik"
        ),
        models.UniqueConstraint(fields=fields, condition=Q(jadwal__isnull=True), name=f"{name}_tahunan_unik"),
    ]


class PengaturanPenilaian(BaseModel):
    """Per-instansi choices where the rules leave room (decisions a and d)."""

    instansi = models.OneToOneField(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="pengaturan_penilaian"
    )
    distribusi_ketat = models.BooleanField(
        _("distribusi ketat"),
        default=False,
        help_text=_(
            "Jika dicentang, distribusi predikat yang menyimpang dari pola capaian organisasi tidak dapat "
            "difinalisasi; jika tidak, penyimpangan cukup disertai justifikasi tertulis."
        ),
    )
    batas_keberatan_hari = models.PositiveSmallIntegerField(
        _("batas pengajuan keberatan (hari kalender)"), default=KEBERATAN_HARI
    )

    class Meta:
        verbose_name = _("pengaturan penilaian")
        verbose_name_plural = _("pengaturan penilaian")

    def __str__(self) -> str:
        return str(self.instansi)

    @classmethod
    def untuk(cls, instansi_id: int) -> "PengaturanPenilaian":
        """The instansi's settings, or the defaults (unsaved) when it never changed them."""
        return cls.objects.filter(instansi_id=instansi_id).first() or cls(instansi_id=instansi_id)


class CapaianKinerjaOrganisasi(BaseModel):
    """The capaian kinerja organisasi of a unit for an evaluation period (jadwal) or for the year
    (jadwal empty), set by the pimpinan one level above with its basis (regulasi.md §3.2)."""

    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.CASCADE, related_name="capaian_set"
    )
    periode = models.ForeignKey("perencanaan.PeriodeKinerja", on_delete=models.CASCADE, related_name="+")
    jadwal = models.ForeignKey(
        "perencanaan.JadwalPeriode", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    capaian = models.CharField(_("capaian kinerja organisasi"), max_length=16, choices=CAPAIAN_CHOICES)
    dasar = models.TextField(
        _("dasar penetapan"),
        blank=True,
        help_text=_("Mis. capaian Perjanjian Kinerja, capaian rencana aksi, rekomendasi unit pengawasan."),
    )
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capaian kinerja organisasi")
        verbose_name_plural = _("capaian kinerja organisasi")
        constraints = _unik_per_jadwal(["unit_kerja", "periode"], "capaian")

    def __str__(self) -> str:
        return f"{self.unit_kerja} {self.periode.tahun}: {self.get_capaian_display()}"


class Penilaian(BaseModel):
    """The pejabat penilai's evaluation of one SKP for one period (jadwal) or the year (jadwal empty):
    a judgement per rencana hasil kerja, the rating hasil kerja and perilaku, and the predikat."""

    skp = models.ForeignKey("perencanaan.Skp", on_delete=models.PROTECT, related_name="penilaian_set")
    jadwal = models.ForeignKey(
        "perencanaan.JadwalPeriode", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Denormalised from the SKP for the team, distribution and recap queries.
    periode = models.ForeignKey("perencanaan.PeriodeKinerja", on_delete=models.PROTECT, related_name="+")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="penilaian_set")
    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+")
    # Snapshot of who evaluates and who hears a keberatan, when the penilaian was opened.
    pejabat_penilai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="penilaian_dinilai_set"
    )
    atasan_pejabat_penilai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rating_hasil_kerja = models.CharField(
        _("rating hasil kerja"), max_length=16, choices=RATING_CHOICES, blank=True
    )
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"), max_length=16, choices=RATING_CHOICES, blank=True
    )
    predikat = models.CharField(_("predikat kinerja"), max_length=16, choices=PREDIKAT_CHOICES, blank=True)
    # For the pimpinan of a unit the unit's capaian organisasi gives the rating hasil kerja (decision f).
    capaian_organisasi = models.CharField(
        _("capaian kinerja organisasi"), max_length=16, choices=CAPAIAN_CHOICES, blank=True
    )
    rating_dari_capaian = models.BooleanField(_("rating hasil kerja dari capaian organisasi"), default=False)
    catatan = models.TextField(_("catatan/rekomendasi"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=[(s.value, s.label) for s in StatusPenilaian],
        default=StatusPenilaian.DRAF,
    )
    difinalisasi_pada = models.DateTimeField(_("difinalisasi pada"), null=True, blank=True)
    diterima_pada = models.DateTimeField(_("diterima pegawai pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penilaian kinerja")
        verbose_name_plural = _("penilaian kinerja")
        constraints = _unik_per_jadwal(["skp"], "penilaian")
        indexes = [
            models.Index(fields=["pejabat_penilai", "periode", "jadwal"], name="penilaian_penilai_periode"),
            models.Index(fields=["periode", "jadwal", "unit_kerja"], name="penilaian_periode_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.periode_id} {self.jadwal_id or 'tahunan'}"

    @property
    def tahunan(self) -> bool:
        return self.jadwal_id is None

    @property
    def final(self) -> bool:
        return self.status == StatusPenilaian.FINAL


class PenilaianRhk(BaseModel):
    """The pejabat penilai's judgement of one rencana hasil kerja in a penilaian (seed 002 "3.b")."""

    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="rhk_set")
    rhk = models.ForeignKey("perencanaan.RencanaHasilKerja", on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(_("rating"), max_length=16, choices=RATING_CHOICES)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("penilaian rencana hasil kerja")
        verbose_name_plural = _("penilaian rencana hasil kerja")
        constraints = [models.UniqueConstraint(fields=["penilaian", "rhk"], name="penilaian_rhk_unik")]

    def __str__(self) -> str:
        return f"{self.rhk_id}: {self.rating}"


class JustifikasiDistribusi(BaseModel):
    """The written justification a pejabat penilai gives to finalise a distribution of predikat that
    departs from the pattern of the capaian organisasi (decision a), with the deviations at that time."""

    pejabat_penilai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="+")
    periode = models.ForeignKey("perencanaan.PeriodeKinerja", on_delete=models.CASCADE, related_name="+")
    jadwal = models.ForeignKey(
        "perencanaan.JadwalPeriode", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    capaian_organisasi = models.CharField(
        _("capaian kinerja organisasi"), max_length=16, choices=CAPAIAN_CHOICES
    )
    pelanggaran = models.JSONField(_("penyimpangan"), default=list)
    alasan = models.TextField(_("justifikasi"))
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("justifikasi distribusi")
        verbose_name_plural = _("justifikasi distribusi")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.alasan[:80]


class Keberatan(BaseModel):
    """An objection of the pegawai to a finalised evaluation, heard by the atasan pejabat penilai
    (PP 30/2019 Pasal 59; regulasi.md §3.10). The ratings before the decision are kept here."""

    penilaian = models.OneToOneField(Penilaian, on_delete=models.PROTECT, related_name="keberatan")
    atasan = models.ForeignKey(
        "organisasi.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keberatan_diperiksa_set",
    )
    alasan = models.TextField(_("alasan keberatan"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=[(s.value, s.label) for s in StatusKeberatan],
        default=StatusKeberatan.DIAJUKAN,
    )
    permintaan_penjelasan = models.TextField(_("permintaan penjelasan"), blank=True)
    penjelasan_penilai = models.TextField(_("penjelasan pejabat penilai"), blank=True)
    penjelasan_pegawai = models.TextField(_("penjelasan pegawai"), blank=True)
    keputusan = models.TextField(_("pertimbangan keputusan"), blank=True)
    rating_hasil_kerja_semula = models.CharField(max_length=16, choices=RATING_CHOICES, blank=True)
    rating_perilaku_semula = models.CharField(max_length=16, choices=RATING_CHOICES, blank=True)
    predikat_semula = models.CharField(max_length=16, choices=PREDIKAT_CHOICES, blank=True)
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        indexes = [models.Index(fields=["atasan", "status"], name="keberatan_atasan_status")]

    def __str__(self) -> str:
        return f"Keberatan {self.penilaian_id} ({self.status})"


class RiwayatPenilaian(models.Model):
    """Every step of a penilaian and its keberatan, for the record (who, what, when, with what data)."""

    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="riwayat_set")
    aksi = models.CharField(_("tindakan"), max_length=24)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    catatan = models.TextField(_("catatan"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat penilaian")
        verbose_name_plural = _("riwayat penilaian")
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"{self.penilaian_id} {self.aksi}"


# --- what cached reads of penilaian depend on ------------------------------------------------------

DATA_PENILAIAN = "penilaian-data"  # version of every cached distribution (kinerja.core.counting)


def penilaian_berubah() -> None:
    """Forget every cached distribution: now, and again when the surrounding transaction commits (a
    reader between the two could otherwise cache what it read before the commit)."""
    invalidate_counts(DATA_PENILAIAN)
    transaction.on_commit(lambda: invalidate_counts(DATA_PENILAIAN))


@receiver([post_save, post_delete], sender=Penilaian)
@receiver([post_save, post_delete], sender=CapaianKinerjaOrganisasi)
@receiver([post_save, post_delete], sender=JustifikasiDistribusi)
def _penilaian_changed(sender, **kwargs):
    penilaian_berubah()
