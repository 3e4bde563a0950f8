"""Receiver: every finalised penilaian's Dokumen Evaluasi goes to the Analis SDM's queue (seed 000
steps 7–8); a result changed by a keberatan decision is noted there (see `kiriman`)."""

from django.dispatch import receiver

from kinerja.penilaian.signals import hasil_ditetapkan

from .kiriman import kirim_dokumen_evaluasi


@receiver(hasil_ditetapkan, dispatch_uid="tindak_lanjut.kiriman.dokumen_evaluasi")
def dokumen_evaluasi_ke_antrian(sender, *, penilaian, by=None, perubahan=False, **kwargs):
    kirim_dokumen_evaluasi(penilaian, by=by, perubahan=perubahan)
