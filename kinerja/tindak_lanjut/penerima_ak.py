"""Receiver of ``hasil_ditetapkan``: every finalised penilaian of a pejabat fungsional is converted to
angka kredit at once, and converted again when a keberatan decision changes it. Penilaian of pegawai
who are not pejabat fungsional (or PPPK, or shorter than a whole month) are skipped silently."""

from django.dispatch import receiver

from kinerja.penilaian.signals import hasil_ditetapkan
from kinerja.penilaian.workflow import WorkflowError

from .angka_kredit import konversi, untuk_konversi


@receiver(hasil_ditetapkan, dispatch_uid="tindak_lanjut.konversi_ak")
def konversi_otomatis(sender, penilaian, by=None, perubahan=False, **kwargs):
    for p in untuk_konversi(x.pk for x in penilaian):
        try:
            konversi(penilaian=p, by=by)
        except WorkflowError:
            continue
