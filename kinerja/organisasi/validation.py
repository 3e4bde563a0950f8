"""Validation shared by the forms, the importer and the API: each failure is an Indonesian message."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja.aturan import (
    GOLONGAN_PPPK,
    GOLONGAN_RUANG,
    NipTidakValid,
    normalisasi_nip,
    parse_ni_pppk,
    parse_nip,
)

from .models import StatusKepegawaian


def normalise_nip(value) -> str:
    return normalisasi_nip(str(value or ""))


def decode_nomor_induk(nomor: str, status: str):
    """Validates a NIP (PNS/CPNS) or NI PPPK and returns its decoded parts."""
    try:
        if status == StatusKepegawaian.PPPK:
            info = parse_ni_pppk(nomor)
            return (
                normalise_nip(nomor),
                info.tanggal_lahir,
                date(info.tahun_pengangkatan, 1, 1),
                info.jenis_kelamin,
            )
        info = parse_nip(nomor)
        return info.nip, info.tanggal_lahir, info.tmt_cpns, info.jenis_kelamin
    except NipTidakValid as e:
        raise ValidationError(str(e), code=getattr(e, "kode", "nip")) from None


def validate_golongan(status: str, golongan_ruang: str, golongan_pppk: str) -> dict[str, str]:
    """Returns field -> message for golongan that do not fit the status."""
    errors = {}
    if status == StatusKepegawaian.PPPK:
        if golongan_ruang:
            errors["golongan_ruang"] = _("PPPK tidak memiliki pangkat/golongan ruang PNS.")
        if golongan_pppk and golongan_pppk not in GOLONGAN_PPPK:
            errors["golongan_pppk"] = _("Golongan PPPK %(g)s tidak dikenal (I sampai XVII).") % {
                "g": golongan_pppk
            }
    else:
        if golongan_pppk:
            errors["golongan_pppk"] = _("Golongan PPPK hanya untuk pegawai berstatus PPPK.")
        if golongan_ruang and golongan_ruang not in GOLONGAN_RUANG:
            errors["golongan_ruang"] = _("Golongan ruang %(g)s tidak dikenal (I/a sampai IV/e).") % {
                "g": golongan_ruang
            }
    return errors


def creates_cycle(parent_of: dict, node, new_parent) -> bool:
    """True when making `new_parent` the parent of `node` closes a loop in the tree."""
    seen = set()
    current = new_parent
    while current is not None:
        if current == node:
            return True
        if current in seen:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False
