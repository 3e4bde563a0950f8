"""The record of every step of a penilaian and its keberatan."""

from .models import Penilaian, RiwayatPenilaian


def catat(penilaian: Penilaian, aksi: str, by=None, catatan: str = "", **data) -> RiwayatPenilaian:
    """Adds one line to the penilaian's history (`data` must be JSON-safe)."""
    return RiwayatPenilaian.objects.create(
        penilaian=penilaian, aksi=aksi, oleh=by, catatan=catatan, data=data
    )
