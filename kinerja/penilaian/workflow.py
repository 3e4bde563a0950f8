"""The states of a penilaian and of a keberatan, and which action moves which, as data.

Penilaian (seed 000 steps 4–7, seed 002 "Evaluasi Kinerja Pegawai"): the pejabat penilai drafts the
ratings, then finalises them (locked and published to the pegawai); the pegawai confirms receipt,
which starts the keberatan clock. Keberatan (PP 30/2019 Pasal 59; regulasi.md §3.10, decision d): the
pegawai files it with reasons; the atasan pejabat penilai asks both sides for explanations, then
upholds the result or changes the ratings; the decision is final.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class WorkflowError(Exception):
    """An action that the current state or the actor does not allow; the message is for the user."""


class StatusPenilaian(StrEnum):
    DRAF = "draf"
    FINAL = "final"

    @property
    def label(self) -> str:
        return _LABEL_PENILAIAN[self]


_LABEL_PENILAIAN = {
    StatusPenilaian.DRAF: _("Draf"),
    StatusPenilaian.FINAL: _("Final"),
}


class StatusKeberatan(StrEnum):
    DIAJUKAN = "diajukan"
    KLARIFIKASI = "klarifikasi"  # the atasan asked the pejabat penilai and the pegawai to explain
    DIKUATKAN = "dikuatkan"  # result upheld (final)
    DIUBAH = "diubah"  # ratings changed (final)

    @property
    def label(self) -> str:
        return _LABEL_KEBERATAN[self]

    @property
    def selesai(self) -> bool:
        return self in KEBERATAN_SELESAI


_LABEL_KEBERATAN = {
    StatusKeberatan.DIAJUKAN: _("Diajukan"),
    StatusKeberatan.KLARIFIKASI: _("Permintaan penjelasan"),
    StatusKeberatan.DIKUATKAN: _("Diputuskan: hasil evaluasi dikuatkan"),
    StatusKeberatan.DIUBAH: _("Diputuskan: hasil evaluasi diubah"),
}

KEBERATAN_SELESAI = frozenset({StatusKeberatan.DIKUATKAN, StatusKeberatan.DIUBAH})


class AksiKeberatan(StrEnum):
    MINTA_PENJELASAN = "minta_penjelasan"
    JELASKAN_PENILAI = "jelaskan_penilai"  # the pejabat penilai's explanation
    JELASKAN_PEGAWAI = "jelaskan_pegawai"  # the pegawai's explanation
    KUATKAN = "kuatkan"
    UBAH = "ubah"


class PeranKeberatan(StrEnum):
    PEGAWAI = "pegawai"
    PENILAI = "penilai"
    ATASAN = "atasan"


_S, _A, _R = StatusKeberatan, AksiKeberatan, PeranKeberatan

# (status, action) -> (role allowed, next status). Explanations keep the status.
TRANSISI_KEBERATAN: dict[tuple[StatusKeberatan, AksiKeberatan], tuple[PeranKeberatan, StatusKeberatan]] = {
    (_S.DIAJUKAN, _A.MINTA_PENJELASAN): (_R.ATASAN, _S.KLARIFIKASI),
    (_S.DIAJUKAN, _A.KUATKAN): (_R.ATASAN, _S.DIKUATKAN),
    (_S.DIAJUKAN, _A.UBAH): (_R.ATASAN, _S.DIUBAH),
    (_S.KLARIFIKASI, _A.JELASKAN_PENILAI): (_R.PENILAI, _S.KLARIFIKASI),
    (_S.KLARIFIKASI, _A.JELASKAN_PEGAWAI): (_R.PEGAWAI, _S.KLARIFIKASI),
    (_S.KLARIFIKASI, _A.KUATKAN): (_R.ATASAN, _S.DIKUATKAN),
    (_S.KLARIFIKASI, _A.UBAH): (_R.ATASAN, _S.DIUBAH),
}


def transisi_keberatan(
    status: StatusKeberatan, aksi: AksiKeberatan, peran: set[PeranKeberatan]
) -> StatusKeberatan:
    """The next status, or WorkflowError with an Indonesian message."""
    langkah = TRANSISI_KEBERATAN.get((StatusKeberatan(status), AksiKeberatan(aksi)))
    if langkah is None:
        if StatusKeberatan(status).selesai:
            raise WorkflowError(
                _("Keberatan sudah diputuskan; keputusan atasan pejabat penilai bersifat final.")
            )
        raise WorkflowError(_("Tindakan ini tidak dapat dilakukan pada status keberatan saat ini."))
    yang_boleh, berikutnya = langkah
    if yang_boleh not in peran:
        raise WorkflowError(_("Anda tidak berwenang melakukan tindakan ini atas keberatan tersebut."))
    return berikutnya
