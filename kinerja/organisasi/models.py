"""Instansi, unit kerja tree, jabatan, pegawai and Plt/Plh assignments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.aturan import (
    GOLONGAN_PPPK,
    GOLONGAN_RUANG,
    JenisJabatan,
    JenjangFungsional,
    label_pangkat,
    tulis_nip,
)
from kinerja.core.counting import invalidate_counts
from kinerja.core.models import BaseModel

JENIS_JABATAN_CHOICES = JenisJabatan.choices()
JENJANG_CHOICES = JenjangFungsional.choices()
GOLONGAN_RUANG_CHOICES = [(g, label_pangkat(g)) for g in GOLONGAN_RUANG]
GOLONGAN_PPPK_CHOICES = [(g, g) for g in GOLONGAN_PPPK]


class Instansi(BaseModel):
    class Jenis(models.TextChoices):
        PUSAT = "pusat", _("Instansi pusat")
        PROVINSI = "provinsi", _("Pemerintah provinsi")
        KABUPATEN = "kabupaten", _("Pemerintah kabupaten")
        KOTA = "kota", _("Pemerintah kota")

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=16, choices=Jenis.choices, default=Jenis.KABUPATEN)
    kota = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)
    jabatan_pimpinan = models.CharField(
        _("jabatan pimpinan instansi"),
        max_length=200,
        blank=True,
        help_text=_("Mis. Bupati Kebumen: pejabat penilai tertinggi yang tidak ber-NIP."),
    )
    nama_pimpinan = models.CharField(_("nama pimpinan instansi"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class UnitKerja(BaseModel):
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="unit_set")
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("nama"), max_length=255)
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak_set",
        verbose_name=_("unit induk"),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kerja_kode_unik")]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("organisasi:unit-detail", args=[self.pk])

    def clean(self):
        from .validation import creates_cycle

        if self.induk_id and self.instansi_id and self.induk.instansi_id != self.instansi_id:
            raise ValidationError({"induk": _("Unit induk harus berada di instansi yang sama.")})
        if self.induk_id and self.pk:
            parents = dict(
                UnitKerja.objects.filter(instansi_id=self.instansi_id).values_list("id", "induk_id")
            )
            if creates_cycle(parents, self.pk, self.induk_id):
                raise ValidationError(
                    {
                        "induk": _(
                            "Unit induk ini membuat siklus: %(unit)s tidak boleh berada di bawah "
                            "dirinya sendiri."
                        )
                        % {"unit": self.nama}
                    }
                )


class Jabatan(BaseModel):
    """A position in the structure; its `atasan` is the position of the direct superior."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="jabatan_set")
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("nama jabatan"), max_length=255)
    jenis = models.CharField(_("jenis jabatan"), max_length=16, choices=JENIS_JABATAN_CHOICES)
    jenjang = models.CharField(_("jenjang"), max_length=16, choices=JENJANG_CHOICES, blank=True)
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, related_name="jabatan_set", verbose_name=_("unit kerja")
    )
    atasan = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bawahan_set",
        verbose_name=_("jabatan atasan"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["kode"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kode"], name="jabatan_kode_unik"),
            models.CheckConstraint(
                condition=(models.Q(jenis="fungsional") & ~models.Q(jenjang=""))
                | (~models.Q(jenis="fungsional") & models.Q(jenjang="")),
                name="jabatan_jenjang_hanya_fungsional",
            ),
        ]

    def __str__(self) -> str:
        if self.jenjang:
            return f"{self.nama} {self.get_jenjang_display()}"
        return self.nama

    @property
    def is_fungsional(self) -> bool:
        return self.jenis == JenisJabatan.FUNGSIONAL

    def clean(self):
        from .validation import creates_cycle

        errors = {}
        if self.jenis == JenisJabatan.FUNGSIONAL and not self.jenjang:
            errors["jenjang"] = _("Jabatan fungsional harus memiliki jenjang.")
        if self.jenis != JenisJabatan.FUNGSIONAL and self.jenjang:
            errors["jenjang"] = _("Jenjang hanya diisi untuk jabatan fungsional.")
        if self.unit_kerja_id and self.instansi_id and self.unit_kerja.instansi_id != self.instansi_id:
            errors["unit_kerja"] = _("Unit kerja harus berada di instansi yang sama.")
        if self.atasan_id and self.instansi_id and self.atasan.instansi_id != self.instansi_id:
            errors["atasan"] = _("Jabatan atasan harus berada di instansi yang sama.")
        elif self.atasan_id and self.pk:
            parents = dict(
                Jabatan.objects.filter(instansi_id=self.instansi_id).values_list("id", "atasan_id")
            )
            if creates_cycle(parents, self.pk, self.atasan_id):
                errors["atasan"] = _(
                    "Jabatan atasan ini membuat siklus: %(jabatan)s tidak boleh menjadi atasan "
                    "dirinya sendiri."
                ) % {"jabatan": self.nama}
        if errors:
            raise ValidationError(errors)


class StatusKepegawaian(models.TextChoices):
    CPNS = "cpns", "CPNS"
    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"


class Pendidikan(models.TextChoices):
    """Pendidikan terakhir; keys match the IP ASN kualifikasi table (domain reference §6.3)."""

    S3 = "S3", "S-3"
    S2 = "S2", "S-2"
    S1_D4 = "S1_D4", "S-1 / D-IV"
    D3 = "D3", "D-III"
    D1_D2 = "D1_D2", "D-I / D-II"
    SLTA_KEBAWAH = "SLTA_KEBAWAH", _("SLTA ke bawah")


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


def nama_dengan_gelar(gelar_depan: str, nama: str, gelar_belakang: str) -> str:
    """ "Ir. Ida Nuryatin Finahari", "Sekar Satiti, S.STP." as the SKP formats write names."""
    nama = f"{gelar_depan} {nama}".strip()
    return f"{nama}, {gelar_belakang}" if gelar_belakang else nama


class Pegawai(BaseModel):
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="pegawai_set")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="pegawai"
    )
    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    gelar_depan = models.CharField(_("gelar depan"), max_length=50, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=100, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=8, choices=StatusKepegawaian.choices)
    golongan_ruang = models.CharField(
        _("pangkat/golongan ruang"), max_length=6, choices=GOLONGAN_RUANG_CHOICES, blank=True
    )
    golongan_pppk = models.CharField(
        _("golongan PPPK"), max_length=5, choices=GOLONGAN_PPPK_CHOICES, blank=True
    )
    jabatan = models.ForeignKey(
        Jabatan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pemangku_set",
        verbose_name=_("jabatan"),
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, related_name="pegawai_set", verbose_name=_("unit kerja")
    )
    pendidikan_terakhir = models.CharField(
        _("pendidikan terakhir"), max_length=16, choices=Pendidikan.choices, blank=True
    )
    email = models.EmailField(_("email"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    # Decoded from the NIP / NI PPPK on every save (services.decode_identitas).
    tanggal_lahir = models.DateField(_("tanggal lahir"), null=True, blank=True)
    tmt_pengangkatan = models.DateField(_("TMT CPNS / pengangkatan"), null=True, blank=True)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=JenisKelamin.choices, blank=True
    )
    # Decision (i): an explicit pejabat penilai for this person overrides the structure.
    pejabat_penilai_khusus = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pejabat penilai (penetapan khusus)"),
    )
    # Derived by penilai.sync_penilai(); cached so that scoping is a plain join.
    pejabat_penilai = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="bawahan_set", editable=False
    )
    atasan_pejabat_penilai = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bawahan_tidak_langsung_set",
        editable=False,
    )
    penilai_pimpinan_instansi = models.BooleanField(default=False, editable=False)
    atasan_penilai_pimpinan_instansi = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(
        excluded_fields=[
            "pejabat_penilai",
            "atasan_pejabat_penilai",
            "penilai_pimpinan_instansi",
            "atasan_penilai_pimpinan_instansi",
            "updated_at",
        ]
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        indexes = [
            models.Index(fields=["instansi", "nama"], name="pegawai_instansi_nama"),
            models.Index(fields=["unit_kerja", "nama"], name="pegawai_unit_nama"),
        ]

    def __str__(self) -> str:
        return self.nama_lengkap

    def get_absolute_url(self) -> str:
        return reverse("organisasi:pegawai-detail", args=[self.pk])

    def clean(self):
        from .validation import decode_nomor_induk, normalise_nip, validate_golongan

        errors = validate_golongan(self.status, self.golongan_ruang, self.golongan_pppk)
        self.nip = normalise_nip(self.nip)
        if self.nip and self.status:
            try:
                self.nip, self.tanggal_lahir, self.tmt_pengangkatan, self.jenis_kelamin = decode_nomor_induk(
                    self.nip, self.status
                )
            except ValidationError as e:
                errors["nip"] = e.messages[0]
        if self.unit_kerja_id and self.instansi_id and self.unit_kerja.instansi_id != self.instansi_id:
            errors["unit_kerja"] = _("Unit kerja harus berada di instansi yang sama.")
        if self.jabatan_id and self.instansi_id and self.jabatan.instansi_id != self.instansi_id:
            errors["jabatan"] = _("Jabatan harus berada di instansi yang sama.")
        if self.pejabat_penilai_khusus_id and self.pejabat_penilai_khusus_id == self.pk:
            errors["pejabat_penilai_khusus"] = _(
                "Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def nama_lengkap(self) -> str:
        return nama_dengan_gelar(self.gelar_depan, self.nama, self.gelar_belakang)

    @property
    def nip_tertulis(self) -> str:
        """The NIP in its written form: 19860926 201505 1 001."""
        return tulis_nip(self.nip)

    @property
    def pangkat_golongan(self) -> str:
        if self.golongan_ruang:
            return label_pangkat(self.golongan_ruang)
        if self.golongan_pppk:
            return f"Golongan {self.golongan_pppk} (PPPK)"
        return ""


PEGAWAI_COUNTS = "pegawai"  # namespace of the cached pegawai counts (kinerja.core.counting)


@receiver([post_save, post_delete], sender=Pegawai)
def _pegawai_changed(sender, **kwargs):
    invalidate_counts(PEGAWAI_COUNTS)


UNIT_TREE = "unit-tree"  # version of every instansi's unit tree held in memory by the report pages


@receiver([post_save, post_delete], sender=UnitKerja)
def _unit_changed(sender, **kwargs):
    invalidate_counts(UNIT_TREE)


class PenugasanPlt(BaseModel):
    """Pelaksana Tugas (vacant post) or Pelaksana Harian (holder temporarily absent)."""

    class Jenis(models.TextChoices):
        PLT = "plt", _("Pelaksana Tugas (Plt)")
        PLH = "plh", _("Pelaksana Harian (Plh)")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="penugasan_set")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="penugasan_set")
    jenis = models.CharField(_("jenis"), max_length=3, choices=Jenis.choices)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor surat perintah"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penugasan Plt/Plh")
        verbose_name_plural = _("penugasan Plt/Plh")
        ordering = ["-tanggal_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__isnull=True)
                | models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="penugasan_tanggal_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.jabatan} — {self.pegawai}"


class ImportJob(BaseModel):
    """One upload of units, jabatan and pegawai, validated and applied by a background task."""

    class Status(models.TextChoices):
        ANTRI = "antri", _("Menunggu")
        BERJALAN = "berjalan", _("Sedang diproses")
        BERHASIL = "berhasil", _("Berhasil")
        GAGAL = "gagal", _("Gagal validasi")
        ERROR = "error", _("Kesalahan sistem")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="import_set")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    berkas = models.FileField(_("berkas"), upload_to="impor/%Y/%m/")
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    uji_saja = models.BooleanField(_("hanya periksa (tanpa menyimpan)"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRI)
    total_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    baris_diproses = models.PositiveIntegerField(_("baris diproses"), default=0)
    ringkasan = models.JSONField(_("ringkasan"), default=dict, blank=True)
    galat = models.JSONField(_("daftar kesalahan"), default=list, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.get_status_display()})"

    @property
    def persen(self) -> int:
        if self.status in (self.Status.BERHASIL, self.Status.GAGAL, self.Status.ERROR):
            return 100
        return min(99, self.baris_diproses * 100 // self.total_baris) if self.total_baris else 0

    @property
    def selesai(self) -> bool:
        return self.selesai_pada is not None
