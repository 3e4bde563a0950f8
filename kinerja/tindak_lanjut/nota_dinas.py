"""Nota Dinas usulan kebutuhan pengembangan kompetensi pegawai (seed 000 steps 6 and 8; regulasi.md
§1.4, §3.11): the head of a unit (whoever is pejabat penilai of the pegawai concerned) gathers the
``diusulkan`` usulan of his team for a year into one nota dinas (draf), sends it to the unit that
manages performance data (the Analis SDM's queue), and the Analis SDM forwards it to the unit that
handles competence development.

    draf --kirim--> dikirim --teruskan (Analis SDM)--> diteruskan
    usulan: diusulkan --(nota dikirim)--> dalam_nota --(nota diteruskan)--> diteruskan
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.core.models import Peran, PeranPengguna
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.penilaian.workflow import WorkflowError

from .kiriman import catat_kiriman
from .models import JenisKiriman, NotaDinasUsulan, StatusUsulan, UsulanPengembangan

Status = NotaDinasUsulan.Status

# Who a nota dinas goes to when the instansi has not written one before: the unit that handles
# competence development (seed 000 step 8 "pemroses pengembangan kompetensi pegawai"). In a ministry's
# secretariat that is the Bagian Umum (seed 001's actors); in a regional government the BKPSDM's
# bidang. Free text: the sender may change it.
KEPADA_PUSAT = "Kepala Bagian Umum"
KEPADA_DAERAH = "Kepala Bidang Pengembangan Kompetensi"


def kepada_bawaan(instansi: Instansi) -> str:
    """The addressee of the instansi's last nota dinas, else the default for its kind."""
    terakhir = (
        NotaDinasUsulan.objects.filter(instansi=instansi)
        .exclude(kepada="")
        .order_by("-created_at", "-id")
        .values_list("kepada", flat=True)
        .first()
    )
    if terakhir:
        return terakhir
    return KEPADA_PUSAT if instansi.jenis == Instansi.Jenis.PUSAT else KEPADA_DAERAH


def usulan_siap(pengirim: Pegawai, tahun: int) -> QuerySet[UsulanPengembangan]:
    """The ``diusulkan`` usulan of the pengirim's team for the year that are in no nota dinas yet."""
    return UsulanPengembangan.objects.filter(
        pegawai__pejabat_penilai=pengirim,
        tahun=tahun,
        status=StatusUsulan.DIUSULKAN,
        nota_dinas__isnull=True,
    ).exclude(pegawai=pengirim)


def _pengirim(by) -> Pegawai:
    me = akses_of(by).pegawai
    if me is None:
        raise PermissionDenied(_("Hanya pegawai yang dapat menyusun nota dinas usulan."))
    return me


def _pastikan_pengirim(nota: NotaDinasUsulan, by) -> None:
    me = akses_of(by).pegawai
    if me is None or me.pk != nota.pengirim_id:
        raise PermissionDenied(_("Hanya penyusun nota dinas yang dapat melakukan tindakan ini."))


def _pastikan_draf(nota: NotaDinasUsulan) -> None:
    if nota.status != Status.DRAF:
        raise WorkflowError(
            _("Nota dinas berstatus “%(status)s” tidak dapat diubah lagi.")
            % {"status": nota.get_status_display()}
        )


def _pesan_kosong(tahun: int) -> str:
    return _(
        "Tidak ada usulan pengembangan kompetensi tim Anda untuk tahun %(tahun)s yang belum masuk "
        "nota dinas. Buat usulan terlebih dahulu."
    ) % {"tahun": tahun}


@transaction.atomic
def buat_nota(
    *, by, tahun: int, kepada: str, nomor: str = "", tanggal: date | None = None, perihal: str = ""
) -> NotaDinasUsulan:
    """A draft nota dinas holding every usulan of the sender's team for the year that is not yet in one."""
    pengirim = _pengirim(by)
    kepada = (kepada or "").strip()
    if not kepada:
        raise WorkflowError(_("Tujuan nota dinas (kepada) wajib diisi."))
    siap = list(usulan_siap(pengirim, tahun).values_list("pk", flat=True))
    if not siap:
        raise WorkflowError(_pesan_kosong(tahun))
    nota = NotaDinasUsulan.objects.create(
        instansi_id=pengirim.instansi_id,
        unit_kerja_id=pengirim.unit_kerja_id,
        tahun=tahun,
        nomor=(nomor or "").strip(),
        tanggal=tanggal,
        kepada=kepada,
        pengirim=pengirim,
        **({"perihal": perihal.strip()} if perihal and perihal.strip() else {}),
    )
    # Compare-and-swap: an usulan taken by another nota meanwhile is not taken twice.
    UsulanPengembangan.objects.filter(pk__in=siap, nota_dinas__isnull=True).update(
        nota_dinas=nota, updated_at=timezone.now()
    )
    return nota


@transaction.atomic
def ubah_nota(
    *, nota: NotaDinasUsulan, by, kepada: str, nomor: str = "", tanggal: date | None = None, perihal: str = ""
) -> NotaDinasUsulan:
    """Changes the heading of a draft and adds the team's usulan of that year made since."""
    _pastikan_pengirim(nota, by)
    _pastikan_draf(nota)
    kepada = (kepada or "").strip()
    if not kepada:
        raise WorkflowError(_("Tujuan nota dinas (kepada) wajib diisi."))
    now = timezone.now()
    n = NotaDinasUsulan.objects.filter(pk=nota.pk, status=Status.DRAF).update(
        kepada=kepada,
        nomor=(nomor or "").strip(),
        tanggal=tanggal,
        perihal=(perihal or "").strip() or nota.perihal,
        updated_at=now,
    )
    if n != 1:
        raise WorkflowError(_("Nota dinas ini baru saja diubah. Muat ulang halaman lalu coba lagi."))
    usulan_siap(nota.pengirim, nota.tahun).update(nota_dinas=nota, updated_at=now)
    nota.refresh_from_db()
    return nota


@transaction.atomic
def hapus_nota(*, nota: NotaDinasUsulan, by) -> None:
    """Deletes a draft; its usulan stay ``diusulkan`` for a later nota."""
    _pastikan_pengirim(nota, by)
    _pastikan_draf(nota)
    UsulanPengembangan.objects.filter(nota_dinas=nota).update(nota_dinas=None, updated_at=timezone.now())
    n, _detail = NotaDinasUsulan.objects.filter(pk=nota.pk, status=Status.DRAF).delete()
    if n != 1:
        raise WorkflowError(_("Nota dinas ini baru saja diubah. Muat ulang halaman lalu coba lagi."))


def _analis_sdm(instansi_id: int) -> list:
    return [
        pp.user
        for pp in PeranPengguna.objects.filter(
            instansi_id=instansi_id, peran=Peran.ADMIN_INSTANSI
        ).select_related("user")
    ]


@transaction.atomic
def kirim_nota(*, nota: NotaDinasUsulan, by) -> NotaDinasUsulan:
    """Sends the draft to the Analis SDM's queue: its usulan become ``dalam_nota``. An empty nota, or
    one without a number, is refused and nothing changes."""
    _pastikan_pengirim(nota, by)
    _pastikan_draf(nota)
    isi = UsulanPengembangan.objects.filter(nota_dinas=nota, status=StatusUsulan.DIUSULKAN)
    if not isi.exists():
        raise WorkflowError(
            _("Nota dinas tidak memuat satu pun usulan pengembangan kompetensi dan tidak dapat dikirim.")
        )
    if not nota.nomor.strip():
        raise WorkflowError(_("Isi nomor nota dinas sebelum mengirim."))
    now = timezone.now()
    tanggal = nota.tanggal or timezone.localdate()
    n = NotaDinasUsulan.objects.filter(pk=nota.pk, status=Status.DRAF).update(
        status=Status.DIKIRIM, dikirim_pada=now, tanggal=tanggal, updated_at=now
    )
    if n != 1:
        raise WorkflowError(_("Nota dinas ini baru saja diubah. Muat ulang halaman lalu coba lagi."))
    isi.update(status=StatusUsulan.DALAM_NOTA, updated_at=now)
    nota.status, nota.dikirim_pada, nota.tanggal = Status.DIKIRIM, now, tanggal
    catat_kiriman(JenisKiriman.NOTA_DINAS_USULAN, unit_kerja=nota.unit_kerja, nota_dinas=nota, by=by)
    beri_tahu(
        _analis_sdm(nota.instansi_id),
        _("Nota dinas usulan pengembangan kompetensi masuk"),
        _("%(unit)s mengirim nota dinas %(nomor)s.") % {"unit": nota.unit_kerja.nama, "nomor": nota.nomor},
        reverse("tindak_lanjut:antrian") + "?jenis=" + JenisKiriman.NOTA_DINAS_USULAN,
    )
    return nota


def teruskan_nota(*, nota: NotaDinasUsulan, diteruskan_ke: str, by) -> NotaDinasUsulan:
    """Called by the queue (`antrian.teruskan`, inside its transaction, after its role check): the nota
    and its usulan are marked forwarded and the sender is told."""
    if nota.status != Status.DIKIRIM:
        raise WorkflowError(
            _("Nota dinas berstatus “%(status)s” tidak dapat diteruskan.")
            % {"status": nota.get_status_display()}
        )
    now = timezone.now()
    n = NotaDinasUsulan.objects.filter(pk=nota.pk, status=Status.DIKIRIM).update(
        status=Status.DITERUSKAN, diteruskan_pada=now, updated_at=now
    )
    if n != 1:
        raise WorkflowError(_("Nota dinas ini baru saja diubah. Muat ulang halaman lalu coba lagi."))
    UsulanPengembangan.objects.filter(nota_dinas=nota, status=StatusUsulan.DALAM_NOTA).update(
        status=StatusUsulan.DITERUSKAN, updated_at=now
    )
    nota.status, nota.diteruskan_pada = Status.DITERUSKAN, now
    beri_tahu(
        [nota.pengirim.user],
        _("Nota dinas usulan pengembangan kompetensi diteruskan"),
        _("Nota dinas %(nomor)s telah diteruskan kepada %(tujuan)s.")
        % {"nomor": nota.nomor, "tujuan": diteruskan_ke},
        reverse("tindak_lanjut:nota-detail", args=[nota.pk]),
    )
    return nota
