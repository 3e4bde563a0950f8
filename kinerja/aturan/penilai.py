"""Pejabat penilai and atasan pejabat penilai from the organisation structure.

Sources: regulasi.md §1.5 (seed 004's table and worked example; [S32]) and decision i: the pejabat
penilai is the direct superior, the atasan pejabat penilai the superior's superior, the instansi
head (e.g. the Bupati) at the top. Overrides (Plt/Plh) are applied by the caller to the mapping.
"""

from collections.abc import Mapping

PUNCAK = "BUPATI"


def pejabat_penilai(
    pegawai: str, atasan_langsung: Mapping[str, str | None], *, puncak: str = PUNCAK
) -> tuple[str, str]:
    """(pejabat penilai, atasan pejabat penilai) of ``pegawai``.

    ``atasan_langsung`` maps each pegawai (e.g. by NIP) to the direct superior; a pegawai missing
    from it, or mapped to None, reports to ``puncak``, who is his or her own superior.
    """
    penilai = atasan_langsung.get(pegawai) or puncak
    atasan = puncak if penilai == puncak else atasan_langsung.get(penilai) or puncak
    return penilai, atasan
