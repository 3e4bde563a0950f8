"""Background tasks of penilaian (django.tasks; django-tasks-db runs them without a broker)."""

from datetime import date

from django.tasks import task
from django.utils import timezone

from .pengingat import kirim_pengingat


@task
def kirim_pengingat_penilaian_harian(tanggal: str | None = None) -> dict[str, int]:
    """The daily notices of the evaluation periods for `tanggal` (ISO date; default today in
    Asia/Jakarta). Idempotent: a notice already sent today is not sent again."""
    hari = date.fromisoformat(tanggal) if tanggal else timezone.localdate()
    return kirim_pengingat(hari)
