"""Receiver of ``hasil_ditetapkan`` for pembinaan: a low predikat proposes a pembinaan; a keberatan
decision that lifts the predikat to Baik or Sangat Baik cancels the proposal still waiting
(regulasi.md §3.11; seed 000 step 6)."""

from django.dispatch import receiver

from kinerja.penilaian.signals import hasil_ditetapkan

from . import pembinaan


@receiver(hasil_ditetapkan, dispatch_uid="tindak_lanjut.pembinaan")
def usulkan_pembinaan(sender, penilaian, by=None, perubahan=False, **kwargs):
    for p in penilaian:
        if perubahan:
            pembinaan.batalkan_usulan_otomatis(penilaian=p, by=by)
        pembinaan.usulkan_otomatis(penilaian=p, by=by)
