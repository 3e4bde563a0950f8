"""Perencanaan kinerja: periods, the organisation's goals and the SKP with its contents.

Sources: seed 000 (steps 1–3, deadline 31 January), seed 002 (formats SKP JPT and JA/JF, perspektif,
aspek, lampiran, manual indikator), seed 003, seed 004; regulasi.md §2.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.aturan import Aspek, Perspektif, batas_penyusunan_skp
from kinerja.core.models import BaseModel

from .workflow import DAPAT_DIUBAH, StatusSkp


class PeriodeKinerja(BaseModel):
    """One instansi's year: the SKP period, the deadline for drawing up SKP and the evaluation cycle."""

    class Siklus(models.TextChoices):
        BULANAN = "bulanan", _("Bulanan")
        TRIWULANAN = "triwulanan", _("Triwulanan")
        SEMESTERAN = "semesteran", _("Semesteran")

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="periode_set")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal_mulai = models.DateField(_("awal periode SKP"))
    tanggal_selesai = models.DateField(_("akhir periode SKP"))
    batas_penyusunan = models.DateField(_("batas penyusunan SKP"))
    siklus = models.CharField(
        _("siklus evaluasi"), max_length=12, choices=Siklus.choices, default=Siklus.TRIWULANAN
    )

    class Meta:
        verbose_name = _("periode kinerja")
        verbose_name_plural = _("periode kinerja")
        ordering = ["-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun"], name="periode_instansi_tahun_unik"),
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="periode_tanggal_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tahun} — {self.instansi}"

    @classmethod
    def bawaan(cls, instansi, tahun: int) -> "PeriodeKinerja":
        """January–December with the 31 January deadline (seed 000; aturan.batas_penyusunan_skp)."""
        from datetime import date

        return cls(
            instansi=instansi,
            tahun=tahun,
            tanggal_mulai=date(tahun, 1, 1),
            tanggal_selesai=date(tahun, 12, 31),
            batas_penyusunan=batas_penyusunan_skp(tahun),
        )


class JadwalPeriode(BaseModel):
    """One evaluation period of the year (a month, quarter or semester, from the siklus) with the date
    by which realisasi must be filled in (batas pengisian)."""

    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.CASCADE, related_name="jadwal_set")
    nomor = models.PositiveSmallIntegerField(_("periode ke"))
    tanggal_mulai = models.DateField(_("mulai"))
    tanggal_selesai = models.DateField(_("selesai"))
    batas_pengisian = models.DateField(_("batas pengisian"))

    class Meta:
        verbose_name = _("jadwal periode penilaian")
        verbose_name_plural = _("jadwal periode penilaian")
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "nomor"], name="jadwal_periode_nomor_unik"),
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="jadwal_tanggal_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.periode.tahun} #{self.nomor}"


class PerjanjianKinerja(BaseModel):
    """The Perjanjian Kinerja (or Renstra target) of a unit for a year: what its SKP JPT comes from."""

    class Sumber(models.TextChoices):
        PERJANJIAN_KINERJA = "pk", _("Perjanjian Kinerja")
        RENSTRA = "renstra", _("Rencana Strategis")

    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.CASCADE, related_name="pk_set")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    sumber = models.CharField(
        _("sumber"), max_length=8, choices=Sumber.choices, default=Sumber.PERJANJIAN_KINERJA
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        constraints = [
            models.UniqueConstraint(fields=["unit_kerja", "tahun", "sumber"], name="pk_unit_tahun_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.get_sumber_display()} {self.unit_kerja} {self.tahun}"


class SasaranStrategis(BaseModel):
    perjanjian = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="sasaran_set")
    urutan = models.PositiveSmallIntegerField(_("nomor"), default=1)
    uraian = models.TextField(_("sasaran strategis"))

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["perjanjian", "urutan", "id"]

    def __str__(self) -> str:
        return self.uraian


class IndikatorKinerjaUtama(BaseModel):
    sasaran = models.ForeignKey(SasaranStrategis, on_delete=models.CASCADE, related_name="indikator_set")
    urutan = models.PositiveSmallIntegerField(_("nomor"), default=1)
    uraian = models.TextField(_("indikator kinerja"))
    target = models.CharField(_("target"), max_length=100)

    class Meta:
        verbose_name = _("indikator kinerja utama")
        verbose_name_plural = _("indikator kinerja utama")
        ordering = ["sasaran", "urutan", "id"]

    def __str__(self) -> str:
        return f"{self.uraian} ({self.target})"


class Skp(BaseModel):
    """One version of a pegawai's SKP for a period (or the part of it in one position)."""

    class Pendekatan(models.TextChoices):
        KUANTITATIF = "kuantitatif", _("Kuantitatif")
        KUALITATIF = "kualitatif", _("Kualitatif")

    class Jenis(models.TextChoices):
        JPT = "jpt", _("JPT / pimpinan unit kerja mandiri")
        JA_JF = "ja_jf", _("Jabatan administrasi / fungsional")

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="skp_set")
    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="skp_set")
    jenis = models.CharField(_("jenis SKP"), max_length=6, choices=Jenis.choices)
    pendekatan = models.CharField(
        _("pendekatan"), max_length=12, choices=Pendekatan.choices, default=Pendekatan.KUANTITATIF
    )
    # Snapshot of the position and the penilai when the SKP was opened (they can change later).
    jabatan = models.ForeignKey("organisasi.Jabatan", on_delete=models.PROTECT, related_name="+", null=True)
    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+")
    pejabat_penilai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="skp_dinilai_set", null=True, blank=True
    )
    tanggal_mulai = models.DateField(_("mulai"))
    tanggal_selesai = models.DateField(_("selesai"))
    status = models.CharField(
        _("status"), max_length=12, choices=[(s.value, s.label) for s in StatusSkp], default=StatusSkp.DRAF
    )
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    revisi_dari = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revisi_set"
    )
    catatan_penilai = models.TextField(_("catatan pejabat penilai"), blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-periode__tahun", "pegawai__nama", "-versi"]
        indexes = [models.Index(fields=["pejabat_penilai", "status"], name="skp_penilai_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "periode", "tanggal_mulai", "versi"], name="skp_versi_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.periode.tahun} {self.pegawai} v{self.versi}"

    def get_absolute_url(self) -> str:
        return reverse("perencanaan:skp-detail", args=[self.pk])

    @property
    def dapat_diubah(self) -> bool:
        return StatusSkp(self.status) in DAPAT_DIUBAH

    @property
    def terlambat(self) -> bool:
        """Not submitted by the deadline of the period (seed 000: 31 January). A revision of an approved
        SKP is never late: the approved version stays in force while it is drawn up."""
        if self.revisi_dari_id is not None:
            return False
        batas = self.periode.batas_penyusunan
        if self.diajukan_pada is not None:
            from django.utils import timezone

            return timezone.localtime(self.diajukan_pada).date() > batas
        from django.utils import timezone

        return timezone.localdate() > batas


class RencanaHasilKerja(BaseModel):
    class Jenis(models.TextChoices):
        UTAMA = "utama", _("Utama")
        TAMBAHAN = "tambahan", _("Tambahan")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhk_set")
    jenis = models.CharField(_("jenis"), max_length=8, choices=Jenis.choices, default=Jenis.UTAMA)
    urutan = models.PositiveSmallIntegerField(_("nomor"), default=1)
    uraian = models.TextField(_("rencana hasil kerja"))
    # What it comes from: the supervisor's RHK it intervenes (JA/JF) or an organisation sasaran (JPT, JF).
    intervensi = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diintervensi_set",
        verbose_name=_("rencana hasil kerja pimpinan yang diintervensi"),
    )
    sasaran = models.ForeignKey(
        SasaranStrategis,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rhk_set",
        verbose_name=_("sasaran organisasi"),
    )
    penugasan_dari = models.CharField(
        _("jabatan pimpinan yang memberikan penugasan"), max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["skp", "jenis", "urutan", "id"]

    def __str__(self) -> str:
        return self.uraian


class IndikatorKinerjaIndividu(BaseModel):
    """An IKI with its target: a number with a unit, a range ("80–90 %"), or text (kualitatif)."""

    rhk = models.ForeignKey(RencanaHasilKerja, on_delete=models.CASCADE, related_name="indikator_set")
    urutan = models.PositiveSmallIntegerField(_("nomor"), default=1)
    uraian = models.TextField(_("indikator kinerja individu"))
    aspek = models.CharField(_("aspek"), max_length=10, choices=Aspek.choices(), blank=True)
    perspektif = models.CharField(_("perspektif"), max_length=16, choices=Perspektif.choices(), blank=True)
    target_min = models.DecimalField(
        _("target (batas bawah)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_max = models.DecimalField(
        _("target (batas atas)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target_teks = models.TextField(_("target (deskriptif)"), blank=True)

    class Meta:
        verbose_name = _("indikator kinerja individu")
        verbose_name_plural = _("indikator kinerja individu")
        ordering = ["rhk", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_min__isnull=True)
                | models.Q(target_max__isnull=True)
                | models.Q(target_max__gte=models.F("target_min")),
                name="iki_rentang_target_urut",
            ),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def target(self) -> str:
        return tulis_target(self.target_min, self.target_max, self.satuan, self.target_teks)


def tulis_target(low, high, satuan: str, teks: str) -> str:
    """A target as the formats print it: "90 %", "80 – 90 %", "3 kegiatan", or the descriptive text."""

    def angka(d):
        return f"{d:,.2f}".rstrip("0").rstrip(".").replace(",", "X").replace(".", ",").replace("X", ".")

    if low is None:
        return teks
    nilai = angka(low)
    if high is not None and high != low:
        nilai = f"{nilai} – {angka(high)}"
    return f"{nilai} {satuan}".strip()


class ManualIndikator(BaseModel):
    """Manual Indikator Kinerja of an IKI of an SKP JPT (seed 002; regulasi.md §2.13)."""

    indikator = models.OneToOneField(
        IndikatorKinerjaIndividu, on_delete=models.CASCADE, related_name="manual"
    )

    class TingkatKendali(models.TextChoices):
        OUTCOME = "outcome", _("Outcome")
        OUTCOME_ANTARA = "outcome_antara", _("Outcome Antara")
        OUTPUT = "output", _("Output kendali rendah")

    class PeriodePelaporan(models.TextChoices):
        BULANAN = "bulanan", _("Bulanan")
        TRIWULANAN = "triwulanan", _("Triwulanan")
        SEMESTERAN = "semesteran", _("Semesteran")
        TAHUNAN = "tahunan", _("Tahunan")

    tujuan = models.TextField(_("tujuan"))
    definisi = models.TextField(_("definisi"))
    formula = models.TextField(_("formula"), blank=True)
    satuan = models.CharField(_("satuan pengukuran"), max_length=50, blank=True)
    kualitas_tingkat_kendali = models.CharField(
        _("kualitas dan tingkat kendali"), max_length=16, choices=TingkatKendali.choices
    )
    sumber_data = models.TextField(_("sumber data"))
    periode_pelaporan = models.CharField(
        _("periode pelaporan"), max_length=12, choices=PeriodePelaporan.choices
    )

    class Meta:
        verbose_name = _("manual indikator kinerja")
        verbose_name_plural = _("manual indikator kinerja")


class PeranHasil(BaseModel):
    """One cell of a supervisor's Matriks Peran Hasil (seed 004): what a team member must deliver for
    one of the supervisor's rencana hasil kerja (the column: outcome antara / produk / layanan).

    An empty `uraian` is "tidak ada peran" (x in the format). A filled cell becomes a draft rencana
    hasil kerja in the member's SKP, intervening the column; `rhk` points at it once created.
    """

    rhk_atasan = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.CASCADE, related_name="peran_set", verbose_name=_("kolom")
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, related_name="peran_hasil_set"
    )
    uraian = models.TextField(_("peran hasil"), blank=True)
    jenis = models.CharField(
        _("prioritas"),
        max_length=8,
        choices=RencanaHasilKerja.Jenis.choices,
        default=RencanaHasilKerja.Jenis.UTAMA,
    )
    rhk = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("peran hasil")
        verbose_name_plural = _("matriks peran hasil")
        ordering = ["rhk_atasan", "pegawai"]
        constraints = [
            models.UniqueConstraint(fields=["rhk_atasan", "pegawai"], name="peran_hasil_sel_unik"),
        ]

    def __str__(self) -> str:
        return self.uraian or "x"


class PengingatSkp(models.Model):
    """A deadline reminder already sent, so the daily job sends each one once (seed 000: 31 January)."""

    class Jenis(models.TextChoices):
        PENYUSUNAN = "penyusunan", _("SKP belum diajukan")
        PERSETUJUAN = "persetujuan", _("SKP menunggu persetujuan")

    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="+")
    jenis = models.CharField(max_length=12, choices=Jenis.choices)
    tanggal = models.DateField()

    class Meta:
        verbose_name = _("pengingat SKP")
        verbose_name_plural = _("pengingat SKP")
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "pegawai", "jenis", "tanggal"], name="pengingat_skp_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.pegawai_id} {self.tanggal}"


class EkspektasiPerilaku(BaseModel):
    """The ekspektasi khusus pimpinan for one BerAKHLAK value, written by the penilai (§2.10–2.11)."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="ekspektasi_set")
    nilai = models.PositiveSmallIntegerField(_("nilai BerAKHLAK"))  # index into kinerja.aturan.BERAKHLAK
    ekspektasi_khusus = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    class Meta:
        verbose_name = _("ekspektasi perilaku kerja")
        verbose_name_plural = _("ekspektasi perilaku kerja")
        ordering = ["skp", "nilai"]
        constraints = [models.UniqueConstraint(fields=["skp", "nilai"], name="ekspektasi_skp_nilai_unik")]


class LampiranSkp(BaseModel):
    """Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi (§2.12)."""

    skp = models.OneToOneField(Skp, on_delete=models.CASCADE, related_name="lampiran")
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)

    class Meta:
        verbose_name = _("lampiran SKP")
        verbose_name_plural = _("lampiran SKP")


class RiwayatSkp(models.Model):
    """Every workflow step, kept forever: who did what, when, with which note."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="riwayat_set")
    aksi = models.CharField(_("tindakan"), max_length=12)
    dari = models.CharField(_("dari status"), max_length=12)
    ke = models.CharField(_("ke status"), max_length=12)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    catatan = models.TextField(_("catatan"), blank=True)
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat SKP")
        verbose_name_plural = _("riwayat SKP")
        ordering = ["skp", "waktu", "id"]

    def __str__(self) -> str:
        return f"{self.skp_id}: {self.dari} → {self.ke} ({self.aksi})"
