"""Shared base classes, the user account and the roles assigned to it."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    """A login. `username` holds the NIP (or NI PPPK) of a pegawai; staff accounts may use a name."""

    class Meta:
        verbose_name = _("akun")
        verbose_name_plural = _("akun")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Peran(models.TextChoices):
    """Roles given by assignment; the structural roles (pejabat penilai...) are derived."""

    ADMIN_INSTANSI = "admin_instansi", _("Admin instansi / Analis SDM")
    PIMPINAN = "pimpinan", _("Pimpinan")


class PeranPengguna(BaseModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peran_set", verbose_name=_("akun")
    )
    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="peran_set", verbose_name=_("instansi")
    )
    peran = models.CharField(_("peran"), max_length=32, choices=Peran.choices)

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [
            models.UniqueConstraint(fields=["user", "instansi", "peran"], name="peran_pengguna_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_peran_display()} ({self.instansi})"


class Notifikasi(models.Model):
    """An in-app notification (also sent by e-mail when the account has an address)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi_set"
    )
    judul = models.CharField(_("judul"), max_length=200)
    pesan = models.TextField(_("pesan"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat"), auto_now_add=True)
    dibaca_pada = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["user", "dibaca_pada"], name="notifikasi_user_belum_dibaca")]

    def __str__(self) -> str:
        return self.judul
