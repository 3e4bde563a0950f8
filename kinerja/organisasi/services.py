"""Writes to the organisation. Every write keeps the cached penilai in step (decision i)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import Instansi, Jabatan, Pegawai, PenugasanPlt, UnitKerja
from .penilai import sync_penilai


def refresh_penilai(instansi: Instansi) -> int:
    """Recompute the cached penilai of the instansi as of today, inside the caller's transaction."""
    return sync_penilai(instansi=instansi, on=timezone.localdate())


@transaction.atomic
def save_unit(*, unit: UnitKerja, by=None) -> UnitKerja:
    if by is not None:
        unit._history_user = by
    unit.save()
    return unit


@transaction.atomic
def save_jabatan(*, jabatan: Jabatan, by=None) -> Jabatan:
    if by is not None:
        jabatan._history_user = by
    jabatan.save()
    refresh_penilai(jabatan.instansi)
    return jabatan


@transaction.atomic
def save_penugasan(*, penugasan: PenugasanPlt, by=None) -> PenugasanPlt:
    if by is not None:
        penugasan._history_user = by
    penugasan.save()
    refresh_penilai(penugasan.jabatan.instansi)
    return penugasan


@transaction.atomic
def save_pegawai(*, pegawai: Pegawai, by=None) -> Pegawai:
    """Saves a validated pegawai (its history records `by`) and refreshes the penilai of its instansi."""
    if by is not None:
        pegawai._history_user = by
    pegawai.save()
    sync_account(pegawai)
    refresh_penilai(pegawai.instansi)
    return pegawai


def sync_account(pegawai: Pegawai) -> None:
    """Every pegawai has a login named by their NIP; it follows the pegawai's e-mail and active flag.

    A new account has no usable password: the pegawai sets one through "lupa kata sandi" (e-mail) or
    the admin sets it in the Django admin.
    """
    User = get_user_model()
    user = pegawai.user
    if user is None:
        user = User(username=pegawai.nip)
        user.set_unusable_password()
    user.username = pegawai.nip
    user.email = pegawai.email
    user.first_name = pegawai.nama[:150]
    user.is_active = pegawai.aktif
    user.save()
    if pegawai.user_id != user.pk:
        pegawai.user = user
        Pegawai.objects.filter(pk=pegawai.pk).update(user=user)
