"""Tindak lanjut of an evaluation: pembinaan with its sessions, usulan pengembangan kompetensi and
their Nota Dinas, penghargaan and sanksi, the Analis SDM's queue (kiriman), and angka kredit.

Sources: seed 000 steps 5–8; seed 002 "Tindak Lanjut" and "Angka Kredit"; PP 30/2019 Pasal 56–58;
PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023; regulasi.md §3.11, §4, decisions g and h.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from kinerja.aturan import JenjangFungsional, Predikat
from kinerja.core.models import BaseModel

PREDIKAT_CHOICES = Predikat.choices()
JENJANG_CHOICES = JenjangFungsional.choices()


# --- Pembinaan -----------------------------------------------------------------------------------


class JenisPembinaan(models.TextChoices):
    """Seed 000 step 6: "pembinaan kinerja pegawai dalam bentuk coaching, mentoring"; counselling for
    behaviour (seed 002 "Tindak Lanjut")."""

    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    KONSELING = "konseling", _("Konseling")


class StatusPembinaan(models.TextChoices):
    USULAN = "usulan", _("Diusulkan")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", pgettext_lazy("status", "Selesai")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


class HasilEvaluasiUlang(models.TextChoices):
    MEMBAIK = "membaik", _("Kinerja membaik")
    BELUM_MEMBAIK = "belum_membaik", _("Kinerja belum membaik")


class Pembinaan(BaseModel):
    """Coaching, mentoring or counselling after an evaluation. Proposed automatically when a
    penilaian is finalised with Butuh Perbaikan, Kurang or Sangat Kurang (``otomatis``); the pejabat
    penilai (``pembina``) runs it, records sessions and agreements, and closes it with a
    re-evaluation. Its report is the Laporan hasil pembinaan kinerja pegawai (seed 000 step 6)."""

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="pembinaan_set")
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", on_delete=models.PROTECT, null=True, blank=True, related_name="pembinaan_set"
    )
    pembina = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="pembinaan_diberikan_set"
    )
    jenis = models.CharField(_("bentuk pembinaan"), max_length=12, choices=JenisPembinaan.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusPembinaan.choices, default=StatusPembinaan.USULAN
    )
    otomatis = models.BooleanField(_("diusulkan otomatis"), default=False)
    permasalahan = models.TextField(_("permasalahan kinerja"), blank=True)
    tujuan = models.TextField(_("tujuan pembinaan"), blank=True)
    tanggal_mulai = models.DateField(_("tanggal mulai"), null=True, blank=True)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    hasil = models.TextField(_("hasil pembinaan"), blank=True)
    evaluasi_ulang = models.CharField(
        _("hasil evaluasi ulang"), max_length=16, choices=HasilEvaluasiUlang.choices, blank=True
    )
    catatan_evaluasi_ulang = models.TextField(_("catatan evaluasi ulang"), blank=True)
    rekomendasi = models.TextField(_("rekomendasi"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pembinaan kinerja")
        verbose_name_plural = _("pembinaan kinerja")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["penilaian"],
                condition=models.Q(otomatis=True),
                name="pembinaan_otomatis_sekali_per_penilaian",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.pegawai_id}"


class SesiPembinaan(BaseModel):
    """One coaching/mentoring/counselling session: what was discussed and what was agreed."""

    pembinaan = models.ForeignKey(Pembinaan, on_delete=models.CASCADE, related_name="sesi_set")
    tanggal = models.DateField(_("tanggal"))
    topik = models.CharField(_("topik"), max_length=255)
    catatan = models.TextField(_("catatan pembahasan"), blank=True)
    kesepakatan = models.TextField(_("kesepakatan / rencana tindak"), blank=True)
    target_tanggal = models.DateField(_("target penyelesaian"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("sesi pembinaan")
        verbose_name_plural = _("sesi pembinaan")
        ordering = ["tanggal", "id"]

    def __str__(self) -> str:
        return f"{self.tanggal}: {self.topik}"


# --- Pengembangan kompetensi ---------------------------------------------------------------------


class JenisPengembangan(models.TextChoices):
    """Bentuk pengembangan kompetensi (PP 17/2020 Pasal 203: pendidikan and pelatihan; classical and
    non-classical forms)."""

    PELATIHAN_TEKNIS = "pelatihan_teknis", _("Pelatihan teknis")
    PELATIHAN_FUNGSIONAL = "pelatihan_fungsional", _("Pelatihan fungsional")
    PELATIHAN_KEPEMIMPINAN = "pelatihan_kepemimpinan", _("Pelatihan kepemimpinan")
    SEMINAR = "seminar", _("Seminar / workshop / konferensi")
    KURSUS = "kursus", _("Kursus / e-learning")
    COACHING_MENTORING = "coaching_mentoring", _("Coaching / mentoring")
    MAGANG = "magang", _("Magang / pertukaran pegawai")
    TUGAS_BELAJAR = "tugas_belajar", _("Pendidikan (tugas belajar)")


class StatusUsulan(models.TextChoices):
    DIUSULKAN = "diusulkan", _("Diusulkan")
    DALAM_NOTA = "dalam_nota", _("Dalam nota dinas")
    DITERUSKAN = "diteruskan", _("Diteruskan ke unit pengembangan kompetensi")
    DITOLAK = "ditolak", _("Tidak diteruskan")


class NotaDinasUsulan(BaseModel):
    """Nota Dinas usulan kebutuhan pengembangan kompetensi pegawai: the usulan of one unit gathered
    and sent to the unit that handles competence development (seed 000 steps 6, 8)."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIKIRIM = "dikirim", _("Dikirim ke Analis SDM")
        DITERUSKAN = "diteruskan", _("Diteruskan")

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="+")
    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomor = models.CharField(_("nomor nota dinas"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    kepada = models.CharField(
        _("kepada"),
        max_length=255,
        help_text=_("Unit/pejabat yang menangani pengembangan kompetensi pegawai."),
    )
    perihal = models.CharField(
        _("hal"), max_length=255, default="Usulan Kebutuhan Pengembangan Kompetensi Pegawai"
    )
    pengirim = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAF)
    dikirim_pada = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    diteruskan_pada = models.DateTimeField(_("diteruskan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("nota dinas usulan pengembangan kompetensi")
        verbose_name_plural = _("nota dinas usulan pengembangan kompetensi")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.nomor or f"{self.perihal} {self.tahun}"


class UsulanPengembangan(BaseModel):
    """A proposed competence development for one pegawai (kind, hours, reason), usually from an
    evaluation or a pembinaan."""

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="usulan_set")
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pembinaan = models.ForeignKey(
        Pembinaan, on_delete=models.SET_NULL, null=True, blank=True, related_name="usulan_set"
    )
    nota_dinas = models.ForeignKey(
        NotaDinasUsulan, on_delete=models.SET_NULL, null=True, blank=True, related_name="usulan_set"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("bentuk pengembangan"), max_length=24, choices=JenisPengembangan.choices)
    nama_kegiatan = models.CharField(_("kompetensi / kegiatan yang diusulkan"), max_length=255)
    jp = models.PositiveSmallIntegerField(_("jam pelajaran (JP)"))
    alasan = models.TextField(_("alasan / kesenjangan kompetensi"))
    status = models.CharField(
        _("status"), max_length=12, choices=StatusUsulan.choices, default=StatusUsulan.DIUSULKAN
    )
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("usulan pengembangan kompetensi")
        verbose_name_plural = _("usulan pengembangan kompetensi")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.nama_kegiatan} ({self.jp} JP)"


# --- Penghargaan dan sanksi ----------------------------------------------------------------------


class JenisPenghargaan(models.TextChoices):
    """Seed 002 "Tindak Lanjut": penghargaan as rencana suksesi (talent pool), pengembangan
    kompetensi, basis of the tunjangan kinerja."""

    TALENT_POOL = "talent_pool", _("Masuk talent pool / rencana suksesi")
    PENGEMBANGAN = "pengembangan", _("Prioritas pengembangan kompetensi")
    REKOMENDASI = "rekomendasi", _("Rekomendasi (promosi/penugasan)")
    TUNJANGAN = "tunjangan", _("Dasar pemberian tunjangan kinerja")
    LAINNYA = "lainnya", _("Lainnya")


class Penghargaan(BaseModel):
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="penghargaan_set"
    )
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    jenis = models.CharField(_("jenis penghargaan"), max_length=16, choices=JenisPenghargaan.choices)
    uraian = models.TextField(_("uraian"))
    tanggal = models.DateField(_("tanggal"))
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("penghargaan")
        verbose_name_plural = _("penghargaan")
        ordering = ["-tanggal", "-id"]

    def __str__(self) -> str:
        return self.get_jenis_display()


class JenisSanksi(models.TextChoices):
    """PP 30/2019 Pasal 56–58 (regulasi.md §3.11, summary [S17])."""

    PINDAH_SESUAI_KOMPETENSI = "pindah", _("Pemindahan ke jabatan yang sesuai kompetensi")
    JABATAN_LEBIH_RENDAH = "turun", _("Pemindahan ke jabatan yang lebih rendah")
    PENEMPATAN_SEMENTARA = "sementara", _("Penempatan sementara (paling lama 1 tahun)")
    PEMBERHENTIAN = "berhenti", _("Pemberhentian dengan hormat")
    LAINNYA = "lainnya", _("Lainnya sesuai peraturan")


class Sanksi(BaseModel):
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="sanksi_set")
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    jenis = models.CharField(_("jenis sanksi"), max_length=12, choices=JenisSanksi.choices)
    dasar = models.CharField(_("dasar hukum"), max_length=255, default="PP 30/2019 Pasal 56–58")
    nomor_sk = models.CharField(_("nomor keputusan"), max_length=100, blank=True)
    uraian = models.TextField(_("uraian"))
    tanggal_mulai = models.DateField(_("berlaku mulai"))
    tanggal_selesai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("sanksi")
        verbose_name_plural = _("sanksi")
        ordering = ["-tanggal_mulai", "-id"]

    def __str__(self) -> str:
        return self.get_jenis_display()


# --- The Analis SDM's queue (seed 000 steps 6–8) ------------------------------------------------


class JenisKiriman(models.TextChoices):
    DOKUMEN_EVALUASI = "dokumen_evaluasi", _("Dokumen evaluasi kinerja")
    LAPORAN_PEMBINAAN = "laporan_pembinaan", _("Laporan hasil pembinaan kinerja")
    NOTA_DINAS_USULAN = "nota_dinas_usulan", _("Nota dinas usulan pengembangan kompetensi")


class StatusKiriman(models.TextChoices):
    MASUK = "masuk", pgettext_lazy("status dokumen", "Masuk")
    DICATAT = "dicatat", _("Dicatat / diarsipkan")
    DITERUSKAN = "diteruskan", _("Diteruskan")


class Kiriman(BaseModel):
    """One document in the Analis SDM's queue: an evaluation result, a pembinaan report or a Nota
    Dinas of usulan, which the Analis SDM records (SIPEG, archive) and forwards."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="+")
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisKiriman.choices)
    penilaian = models.ForeignKey(
        "penilaian.Penilaian", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    pembinaan = models.ForeignKey(
        Pembinaan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    nota_dinas = models.ForeignKey(
        NotaDinasUsulan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=StatusKiriman.choices, default=StatusKiriman.MASUK
    )
    dikirim_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diproses_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diproses_pada = models.DateTimeField(_("diproses pada"), null=True, blank=True)
    diteruskan_ke = models.CharField(_("diteruskan kepada"), max_length=255, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("kiriman dokumen")
        verbose_name_plural = _("kiriman dokumen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["instansi", "status"], name="kiriman_instansi_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(penilaian__isnull=False)
                | models.Q(pembinaan__isnull=False)
                | models.Q(nota_dinas__isnull=False),
                name="kiriman_punya_dokumen",
            ),
        ]

    def __str__(self) -> str:
        return self.get_jenis_display()


# --- Angka kredit --------------------------------------------------------------------------------


class KoefisienAngkaKredit(BaseModel):
    """Versioned reference data (decision g): koefisien per year and AKK per jenjang, in force from
    ``berlaku_mulai``. Seeded from ``kinerja.aturan.referensi`` (regulasi.md §4.3, §4.4)."""

    berlaku_mulai = models.DateField(_("berlaku mulai"))
    jenjang = models.CharField(_("jenjang"), max_length=16, choices=JENJANG_CHOICES)
    koefisien = models.DecimalField(_("koefisien per tahun"), max_digits=6, decimal_places=2)
    akk_pangkat = models.DecimalField(_("AKK kenaikan pangkat"), max_digits=7, decimal_places=2)
    akk_jenjang = models.DecimalField(
        _("AKK kenaikan jenjang"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    dasar = models.CharField(_("dasar hukum"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("koefisien angka kredit")
        verbose_name_plural = _("koefisien angka kredit")
        ordering = ["-berlaku_mulai", "jenjang"]
        constraints = [
            models.UniqueConstraint(fields=["berlaku_mulai", "jenjang"], name="koefisien_ak_unik"),
            models.CheckConstraint(condition=models.Q(koefisien__gt=0), name="koefisien_ak_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenjang_display()} {self.koefisien} ({self.berlaku_mulai})"


class AngkaKreditAwal(BaseModel):
    """The starting point of a JF pegawai's accumulation: AK already recorded (e.g. in SIASN at the
    last kenaikan pangkat or at integration), and the TMT of the current pangkat and jenjang used for
    the projection of the next kenaikan."""

    pegawai = models.OneToOneField("organisasi.Pegawai", on_delete=models.CASCADE, related_name="ak_awal")
    angka_kredit = models.DecimalField(
        _("angka kredit awal"), max_digits=8, decimal_places=3, default=Decimal("0")
    )
    per_tanggal = models.DateField(_("per tanggal"))
    tmt_pangkat = models.DateField(_("TMT pangkat terakhir"), null=True, blank=True)
    tmt_jenjang = models.DateField(_("TMT jenjang jabatan"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("angka kredit awal")
        verbose_name_plural = _("angka kredit awal")

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.angka_kredit}"


class KonversiAngkaKredit(BaseModel):
    """One finalised predikat converted to angka kredit (PermenPANRB 1/2023 Pasal 37; decision h),
    with the values used at that time. Periodic and annual penilaian are both converted; the
    accumulation of a year counts the annual conversion when it exists, else the periodic ones."""

    penilaian = models.OneToOneField(
        "penilaian.Penilaian", on_delete=models.PROTECT, related_name="konversi_ak"
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="konversi_ak_set"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tahunan = models.BooleanField(_("konversi tahunan"))
    tanggal_mulai = models.DateField(_("awal masa penilaian"))
    tanggal_selesai = models.DateField(_("akhir masa penilaian"))
    jenjang = models.CharField(_("jenjang"), max_length=16, choices=JENJANG_CHOICES)
    golongan_ruang = models.CharField(_("golongan ruang"), max_length=6, blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=16, choices=PREDIKAT_CHOICES)
    bulan = models.PositiveSmallIntegerField(_("jumlah bulan"))
    persen = models.DecimalField(_("persentase"), max_digits=5, decimal_places=2)
    koefisien = models.DecimalField(_("koefisien per tahun"), max_digits=6, decimal_places=2)
    angka_kredit = models.DecimalField(_("angka kredit"), max_digits=8, decimal_places=3)
    dikonversi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("konversi angka kredit")
        verbose_name_plural = _("konversi angka kredit")
        ordering = ["tanggal_mulai", "id"]
        indexes = [models.Index(fields=["pegawai", "tahun"], name="konversi_ak_pegawai_tahun")]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tahun}: {self.angka_kredit}"
