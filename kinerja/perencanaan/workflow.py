"""The SKP workflow as a table: which action moves an SKP from which status to which, and who may.

seed 003 steps 1–7, seed 002 "Perencanaan SKP" 01–08: the pegawai drafts and submits; the pejabat
penilai approves or returns with a note; a returned SKP is revised and submitted again. After
approval a change is a new version (revisi) whose approval replaces the old one; a mid-year change
of position closes the SKP at that date. Plain Python, so every (status, action) pair is testable.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class StatusSkp(StrEnum):
    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIKEMBALIKAN = "dikembalikan"
    DISETUJUI = "disetujui"
    DIGANTI = "diganti"  # an approved version replaced by the approval of its revisi
    DITUTUP = "ditutup"  # closed at a change of position

    @property
    def label(self) -> str:
        return _LABEL[self]


_LABEL = {
    StatusSkp.DRAF: _("Draf"),
    StatusSkp.DIAJUKAN: _("Diajukan"),
    StatusSkp.DIKEMBALIKAN: _("Dikembalikan untuk perbaikan"),
    StatusSkp.DISETUJUI: _("Disetujui"),
    StatusSkp.DIGANTI: _("Diganti oleh revisi"),
    StatusSkp.DITUTUP: _("Ditutup (pindah jabatan)"),
}


class Aksi(StrEnum):
    AJUKAN = "ajukan"
    SETUJUI = "setujui"
    KEMBALIKAN = "kembalikan"
    REVISI = "revisi"  # start a new version of an approved SKP (the approved one stays in force)
    TUTUP = "tutup"


class Peran(StrEnum):
    PEGAWAI = "pegawai"  # the owner of the SKP
    PENILAI = "penilai"  # its pejabat penilai
    ADMIN = "admin"  # the admin instansi (closing at a change of position)


# (status, aksi) -> (new status, who may). A pair not in the table is forbidden.
TRANSISI: dict[tuple[StatusSkp, Aksi], tuple[StatusSkp, frozenset[Peran]]] = {
    (StatusSkp.DRAF, Aksi.AJUKAN): (StatusSkp.DIAJUKAN, frozenset({Peran.PEGAWAI})),
    (StatusSkp.DIKEMBALIKAN, Aksi.AJUKAN): (StatusSkp.DIAJUKAN, frozenset({Peran.PEGAWAI})),
    (StatusSkp.DIAJUKAN, Aksi.SETUJUI): (StatusSkp.DISETUJUI, frozenset({Peran.PENILAI})),
    (StatusSkp.DIAJUKAN, Aksi.KEMBALIKAN): (StatusSkp.DIKEMBALIKAN, frozenset({Peran.PENILAI})),
    (StatusSkp.DISETUJUI, Aksi.REVISI): (StatusSkp.DISETUJUI, frozenset({Peran.PEGAWAI})),
    (StatusSkp.DISETUJUI, Aksi.TUTUP): (StatusSkp.DITUTUP, frozenset({Peran.ADMIN})),
    (StatusSkp.DRAF, Aksi.TUTUP): (StatusSkp.DITUTUP, frozenset({Peran.ADMIN})),
    (StatusSkp.DIAJUKAN, Aksi.TUTUP): (StatusSkp.DITUTUP, frozenset({Peran.ADMIN})),
    (StatusSkp.DIKEMBALIKAN, Aksi.TUTUP): (StatusSkp.DITUTUP, frozenset({Peran.ADMIN})),
}

# The contents (rencana hasil kerja, indikator, lampiran) may be edited only in these statuses.
DAPAT_DIUBAH = frozenset({StatusSkp.DRAF, StatusSkp.DIKEMBALIKAN})


class TransisiDitolak(Exception):
    """An action that the workflow does not allow; the message is Indonesian and shown to the user."""


def tujuan(status: StatusSkp, aksi: Aksi, peran: set[Peran] | frozenset[Peran]) -> StatusSkp:
    """The status after `aksi`, or TransisiDitolak saying why not."""
    status, aksi = StatusSkp(status), Aksi(aksi)
    try:
        hasil, boleh = TRANSISI[status, aksi]
    except KeyError:
        raise TransisiDitolak(f"SKP berstatus {status.label.lower()} tidak dapat di{aksi.value}.") from None
    if not boleh & set(peran):
        siapa = {
            Peran.PEGAWAI: "pegawai pemilik SKP",
            Peran.PENILAI: "pejabat penilai kinerja",
            Peran.ADMIN: "admin instansi",
        }
        raise TransisiDitolak(
            f"Hanya {' atau '.join(siapa[p] for p in sorted(boleh))} yang dapat melakukan tindakan ini."
        )
    return hasil
