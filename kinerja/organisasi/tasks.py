"""Background tasks of the organisation (django.tasks; django-tasks-db runs them without a broker)."""

import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation

from .impor import BerkasDitolak, apply_import
from .models import ImportJob

logger = logging.getLogger(__name__)

GALAT_DISIMPAN = 1000  # errors kept on the job; the total is in ringkasan["jumlah_galat"]


def _simpan_kemajuan(job_id: int, diproses: int, total: int) -> None:
    # Inside the write transaction an update would stay invisible until the commit (and on SQLite it
    # holds the only write lock anyway): progress is recorded between writes only and jumps at the end.
    if transaction.get_connection().in_atomic_block:
        return
    ImportJob.objects.filter(pk=job_id).update(total_baris=total, baris_diproses=diproses)


@task
def jalankan_impor(job_id: int) -> str:
    """Runs one ImportJob once: checks the file, writes it when it is clean, records the outcome."""
    if not ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.ANTRI).update(
        status=ImportJob.Status.BERJALAN, updated_at=timezone.now()
    ):
        return "sudah diproses"  # compare-and-swap: another worker has it, or it has finished
    job = ImportJob.objects.select_related("instansi", "dibuat_oleh").get(pk=job_id)
    ringkasan, galat = {}, []
    with translation.override("id"):
        try:
            with job.berkas.open("rb") as f:
                hasil = apply_import(
                    job.instansi,
                    f,
                    dry_run=job.uji_saja,
                    by=job.dibuat_oleh,
                    progress=lambda diproses, total: _simpan_kemajuan(job_id, diproses, total),
                )
        except BerkasDitolak as e:
            status = ImportJob.Status.GAGAL
            galat = [{"lembar": "", "baris": None, "kolom": "", "nilai": "", "pesan": str(e)}]
            ringkasan = {"jumlah_galat": 1, "ditolak": True}
        except Exception as e:
            logger.exception("Import job %s failed", job_id)
            status = ImportJob.Status.ERROR
            ringkasan = {"pesan": f"{type(e).__name__}: {e}"[:500]}
        else:
            status = ImportJob.Status.BERHASIL if hasil.berhasil else ImportJob.Status.GAGAL
            ringkasan = hasil.ringkasan()
            galat = hasil.galat[:GALAT_DISIMPAN]
    total = ringkasan.get("total_baris", job.total_baris)
    ImportJob.objects.filter(pk=job_id).update(
        status=status,
        ringkasan=ringkasan,
        galat=galat,
        total_baris=total,
        baris_diproses=total,
        selesai_pada=timezone.now(),
        updated_at=timezone.now(),
    )
    return status.value
