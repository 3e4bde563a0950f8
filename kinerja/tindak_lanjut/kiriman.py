"""The Analis SDM's queue (seed 000 steps 6–8): documents sent to the unit that manages performance
data, recorded and forwarded there.

A finalised penilaian enters the queue once (its Dokumen Evaluasi). When a keberatan decision changes
a final result (regulasi.md §3.10) the document is rendered again from the current data, so:
- an entry still waiting (``masuk``) keeps its place and gets a note that the result was changed;
- an entry already recorded or forwarded is followed by a new entry with that note, because the
  Analis SDM must enter the changed result in the personnel system (seed 000 step 8) again.
"""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Pegawai

from .models import JenisKiriman, Kiriman, StatusKiriman


def catat_kiriman(
    jenis: JenisKiriman,
    *,
    unit_kerja,
    pegawai: Pegawai | None = None,
    penilaian=None,
    pembinaan=None,
    nota_dinas=None,
    by=None,
    catatan: str = "",
) -> Kiriman:
    """Puts one document into the queue of its instansi; a document already waiting is not added
    twice (the existing entry is returned, with `catatan` appended when given)."""
    ada = Kiriman.objects.filter(
        jenis=jenis,
        penilaian=penilaian,
        pembinaan=pembinaan,
        nota_dinas=nota_dinas,
        status=StatusKiriman.MASUK,
    ).first()
    if ada:
        if catatan:
            ada.catatan = f"{ada.catatan}\n{catatan}".strip()
            ada.save(update_fields=["catatan", "updated_at"])
        return ada
    return Kiriman.objects.create(
        instansi_id=unit_kerja.instansi_id,
        jenis=jenis,
        unit_kerja=unit_kerja,
        pegawai=pegawai,
        penilaian=penilaian,
        pembinaan=pembinaan,
        nota_dinas=nota_dinas,
        dikirim_oleh=by,
        catatan=catatan,
    )


def catatan_perubahan() -> str:
    return _("Hasil evaluasi diubah berdasarkan keputusan atas keberatan (%(tanggal)s).") % {
        "tanggal": date_format(timezone.localdate(), "j F Y")
    }


def kirim_dokumen_evaluasi(penilaian: Iterable, *, by=None, perubahan: bool = False) -> list[Kiriman]:
    """Queues the Dokumen Evaluasi of each penilaian (loaded with its pegawai) in two queries whatever
    their number. A first finalisation adds each document once; a change after a keberatan
    (`perubahan`) notes it on the waiting entry or adds a new one (see the module docstring)."""
    rows = list(penilaian)
    if not rows:
        return []
    menunggu = {
        k.penilaian_id: k
        for k in Kiriman.objects.filter(
            jenis=JenisKiriman.DOKUMEN_EVALUASI,
            penilaian_id__in=[p.pk for p in rows],
            status__in=[StatusKiriman.MASUK] if perubahan else list(StatusKiriman),
        )
    }
    catatan = catatan_perubahan() if perubahan else ""
    baru, diubah = [], []
    for p in rows:
        ada = menunggu.get(p.pk)
        if ada is not None:
            if perubahan:
                ada.catatan = f"{ada.catatan}\n{catatan}".strip()
                ada.updated_at = timezone.now()
                diubah.append(ada)
            continue
        baru.append(
            Kiriman(
                instansi_id=p.pegawai.instansi_id,
                jenis=JenisKiriman.DOKUMEN_EVALUASI,
                unit_kerja_id=p.unit_kerja_id,
                pegawai_id=p.pegawai_id,
                penilaian=p,
                dikirim_oleh=by,
                catatan=catatan,
            )
        )
    if diubah:
        Kiriman.objects.bulk_update(diubah, ["catatan", "updated_at"])
    return Kiriman.objects.bulk_create(baru) + diubah
