"""The Analis SDM's actions on the queue (seed 000 step 8; regulasi.md §1.4):

- **catat**: the document was entered in the personnel system (SIPEG) and archived (masuk → dicatat);
  one row or a selection at once, all or nothing;
- **teruskan**: a Nota Dinas usulan goes to the unit that handles competence development
  (masuk/dicatat → diteruskan), its usulan are marked forwarded and its sender is told.

Only the admin instansi (Analis SDM) of the document's instansi acts (else PermissionDenied).
"""

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.penilaian.workflow import WorkflowError

from .models import JenisKiriman, Kiriman, StatusKiriman
from .nota_dinas import teruskan_nota

# status -> the statuses it may move to
BOLEH_CATAT = {StatusKiriman.MASUK}
BOLEH_TERUSKAN = {StatusKiriman.MASUK, StatusKiriman.DICATAT}


def dapat_memproses(user, kiriman: Kiriman) -> bool:
    return akses_of(user).is_admin_of(kiriman.instansi_id)


def _pastikan_admin(user, rows: Sequence[Kiriman]) -> None:
    if not all(dapat_memproses(user, k) for k in rows):
        raise PermissionDenied(_("Hanya Analis SDM (admin instansi) yang dapat memproses kiriman dokumen."))


@transaction.atomic
def catat_kiriman_dokumen(*, kiriman: Sequence[Kiriman], by, catatan: str = "") -> int:
    """Marks every given entry as recorded; if any is not ``masuk`` nothing changes."""
    rows = list(kiriman)
    if not rows:
        raise WorkflowError(_("Pilih sedikitnya satu kiriman untuk dicatat."))
    _pastikan_admin(by, rows)
    bukan = [k for k in rows if k.status not in BOLEH_CATAT]
    if bukan:
        raise WorkflowError(
            _("%(n)s kiriman yang dipilih sudah diproses sebelumnya; tidak ada yang dicatat.")
            % {"n": len(bukan)}
        )
    now = timezone.now()
    fields = {"status": StatusKiriman.DICATAT, "diproses_oleh": by, "diproses_pada": now, "updated_at": now}
    if catatan.strip():
        fields["catatan"] = catatan.strip()
    ids = [k.pk for k in rows]
    n = Kiriman.objects.filter(pk__in=ids, status=StatusKiriman.MASUK).update(**fields)
    if n != len(ids):
        raise WorkflowError(
            _("Sebagian kiriman baru saja diproses orang lain. Muat ulang halaman lalu coba lagi.")
        )
    return n


@transaction.atomic
def teruskan_kiriman(*, kiriman: Kiriman, diteruskan_ke: str, by, catatan: str = "") -> Kiriman:
    """Forwards a Nota Dinas usulan to the unit that handles competence development."""
    _pastikan_admin(by, [kiriman])
    if kiriman.jenis != JenisKiriman.NOTA_DINAS_USULAN or kiriman.nota_dinas_id is None:
        raise WorkflowError(
            _("Hanya nota dinas usulan pengembangan kompetensi yang diteruskan; dokumen lain cukup dicatat.")
        )
    if kiriman.status not in BOLEH_TERUSKAN:
        raise WorkflowError(_("Kiriman ini sudah diteruskan."))
    tujuan = (diteruskan_ke or "").strip()
    if not tujuan:
        raise WorkflowError(_("Isi unit atau pejabat tujuan penerusan."))
    now = timezone.now()
    fields = {
        "status": StatusKiriman.DITERUSKAN,
        "diteruskan_ke": tujuan,
        "diproses_oleh": by,
        "diproses_pada": now,
        "updated_at": now,
    }
    if catatan.strip():
        fields["catatan"] = catatan.strip()
    n = Kiriman.objects.filter(pk=kiriman.pk, status__in=BOLEH_TERUSKAN).update(**fields)
    if n != 1:
        raise WorkflowError(
            _("Kiriman ini baru saja diproses orang lain. Muat ulang halaman lalu coba lagi.")
        )
    teruskan_nota(nota=kiriman.nota_dinas, diteruskan_ke=tujuan, by=by)
    for name, value in fields.items():
        setattr(kiriman, name, value)
    return kiriman
