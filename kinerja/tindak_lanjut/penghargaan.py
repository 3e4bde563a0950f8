"""Penghargaan and sanksi after an evaluation (seed 002 "Tindak Lanjut"; PP 30/2019 Pasal 56–58;
regulasi.md §3.11).

Who records: the admin instansi (Analis SDM) for anyone in the instansi; the pejabat penilai records
penghargaan for his team. Sanksi are recorded by the admin instansi only.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Pegawai
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.workflow import WorkflowError

from .models import JenisPenghargaan, JenisSanksi, Penghargaan, Sanksi
from .pembinaan import cek_penilaian_pegawai

PENEMPATAN_SEMENTARA_TAHUN = 1
"""PP 30/2019 Pasal 57 (regulasi.md §3.11): a PNS placed temporarily for want of a vacancy stays there
for at most 1 year."""


def batas_penempatan_sementara(mulai: date) -> date:
    """The last day a penempatan sementara starting on `mulai` may run (1 year, PP 30/2019 Pasal 57);
    29 February starts end on 28 February."""
    try:
        akhir = mulai.replace(year=mulai.year + PENEMPATAN_SEMENTARA_TAHUN)
    except ValueError:
        akhir = mulai.replace(year=mulai.year + PENEMPATAN_SEMENTARA_TAHUN, day=28)
    return akhir


def pegawai_penghargaan(user) -> QuerySet[Pegawai]:
    """Whom the user may record penghargaan for: the admin's instansi, the penilai's own team."""
    akses = akses_of(user)
    if akses.is_superadmin:
        return Pegawai.objects.filter(aktif=True)
    cond = Q(instansi_id__in=akses.admin_instansi_ids)
    if akses.pegawai is not None:
        cond |= Q(pejabat_penilai_id=akses.pegawai.pk)
    return Pegawai.objects.filter(cond, aktif=True)


def pegawai_sanksi(user) -> QuerySet[Pegawai]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return Pegawai.objects.filter(aktif=True)
    return Pegawai.objects.filter(instansi_id__in=akses.admin_instansi_ids, aktif=True)


def boleh_catat_penghargaan(user, pegawai: Pegawai) -> bool:
    akses = akses_of(user)
    me = akses.pegawai.pk if akses.pegawai else None
    return akses.is_admin_of(pegawai.instansi_id) or (me is not None and pegawai.pejabat_penilai_id == me)


def boleh_catat_sanksi(user, pegawai: Pegawai) -> bool:
    return akses_of(user).is_admin_of(pegawai.instansi_id)


@transaction.atomic
def catat_penghargaan(
    *, pegawai: Pegawai, jenis: str, uraian: str, tanggal: date, by, penilaian: Penilaian | None = None
) -> Penghargaan:
    if not boleh_catat_penghargaan(by, pegawai):
        raise PermissionDenied(_("Anda tidak berwenang mencatat penghargaan bagi pegawai ini."))
    if jenis not in JenisPenghargaan.values:
        raise WorkflowError(_("Pilih jenis penghargaan."))
    uraian = (uraian or "").strip()
    if not uraian:
        raise WorkflowError(_("Uraian penghargaan wajib diisi."))
    if tanggal is None:
        raise WorkflowError(_("Tanggal wajib diisi."))
    cek_penilaian_pegawai(penilaian, pegawai.pk)
    return Penghargaan.objects.create(
        pegawai=pegawai, penilaian=penilaian, jenis=jenis, uraian=uraian, tanggal=tanggal, dicatat_oleh=by
    )


@transaction.atomic
def catat_sanksi(
    *,
    pegawai: Pegawai,
    jenis: str,
    uraian: str,
    tanggal_mulai: date,
    tanggal_selesai: date | None = None,
    nomor_sk: str = "",
    dasar: str = "",
    by,
    penilaian: Penilaian | None = None,
) -> Sanksi:
    if not boleh_catat_sanksi(by, pegawai):
        raise PermissionDenied(_("Sanksi hanya dapat dicatat oleh admin instansi (Analis SDM)."))
    if jenis not in JenisSanksi.values:
        raise WorkflowError(_("Pilih jenis sanksi."))
    uraian = (uraian or "").strip()
    if not uraian:
        raise WorkflowError(_("Uraian sanksi wajib diisi."))
    if tanggal_mulai is None:
        raise WorkflowError(_("Tanggal mulai berlaku wajib diisi."))
    if tanggal_selesai is not None and tanggal_selesai < tanggal_mulai:
        raise WorkflowError(_("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai."))
    if jenis == JenisSanksi.PENEMPATAN_SEMENTARA:
        if tanggal_selesai is None:
            raise WorkflowError(
                _("Penempatan sementara wajib mencantumkan tanggal akhir (paling lama 1 tahun).")
            )
        if tanggal_selesai > batas_penempatan_sementara(tanggal_mulai):
            raise WorkflowError(
                _(
                    "Penempatan sementara paling lama 1 tahun (PP 30/2019 Pasal 57): tanggal akhir paling "
                    "lambat %(batas)s."
                )
                % {"batas": date_format(batas_penempatan_sementara(tanggal_mulai), "j F Y")}
            )
    cek_penilaian_pegawai(penilaian, pegawai.pk)
    fields = {"dasar": dasar.strip()} if dasar and dasar.strip() else {}
    return Sanksi.objects.create(
        pegawai=pegawai,
        penilaian=penilaian,
        jenis=jenis,
        nomor_sk=nomor_sk.strip(),
        uraian=uraian,
        tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai,
        dicatat_oleh=by,
        **fields,
    )
