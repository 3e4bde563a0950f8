"""Writes of the SOP engine: start a run, take a tindakan step, approve or return a persetujuan step.

The engine knows nothing of any particular SOP: it walks the ``LangkahSop`` rows in ``urutan`` order,
lets only the pegawai assigned to a row's role take it, asks for the row's keluaran (text or a file)
except those its registered system action produces (``aksi.py``), assigns the roles the row names in
``menugaskan``, and moves a return back to the row's ``kembali_ke``. Every check comes before the
first write, and each service is atomic: on a ``WorkflowError`` nothing is changed.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.pelaksanaan.berkas import BerkasDitolak, periksa_berkas
from kinerja.penilaian.workflow import WorkflowError

from . import aksi as registry
from .models import (
    DokumenProses,
    HasilLangkah,
    JejakLangkah,
    JenisLangkah,
    LangkahSop,
    PelaksanaProses,
    ProsesSop,
    Sop,
    StatusProses,
)

Dokumen = dict[str, tuple[str, UploadedFile | None]]


def kelengkapan_luar(langkah: LangkahSop, semua: list[LangkahSop]) -> list[str]:
    """The kelengkapan of a row that no earlier row produces: documents coming from outside the run
    (e.g. the letter that starts it), asked for on the row's form."""
    sebelumnya = {k for row in semua if row.urutan < langkah.urutan for k in row.keluaran}
    return [k for k in langkah.kelengkapan if k not in sebelumnya]


def can_mulai(user, instansi_id: int) -> bool:
    """Runs are started by the admin instansi or the pimpinan of the instansi (and the superadmin)."""
    akses = akses_of(user)
    return akses.is_admin_of(instansi_id) or instansi_id in akses.pimpinan_instansi_ids


def _periksa_penugasan(sop: Sop, instansi_id: int, penugasan: dict[str, Pegawai], peran: list[str]) -> None:
    for kode in peran:
        pegawai = penugasan.get(kode)
        if pegawai is None:
            raise WorkflowError(_("Tunjuk pegawai untuk peran %(peran)s.") % {"peran": sop.nama_peran(kode)})
        if pegawai.instansi_id != instansi_id or not pegawai.aktif:
            raise WorkflowError(
                _("%(nama)s bukan pegawai aktif instansi ini dan tidak dapat ditugaskan sebagai %(peran)s.")
                % {"nama": pegawai.nama, "peran": sop.nama_peran(kode)}
            )
    lain = set(penugasan) - set(peran)
    if lain:
        raise WorkflowError(
            _("Langkah ini tidak menugaskan peran %(peran)s.")
            % {"peran": ", ".join(sop.nama_peran(k) for k in sorted(lain))}
        )


def _notify(proses: ProsesSop, langkah: LangkahSop, pegawai: Pegawai | None, judul: str) -> None:
    if pegawai is None or pegawai.user_id is None:
        return
    beri_tahu(
        [pegawai.user],
        judul,
        _("%(proses)s, langkah %(nomor)s: %(aktivitas)s")
        % {"proses": proses.judul, "nomor": langkah.nomor, "aktivitas": langkah.aktivitas},
        reverse("sop:proses", args=[proses.pk]),
    )


@transaction.atomic
def mulai(
    sop: Sop,
    instansi: Instansi,
    tahun: int,
    *,
    penugasan: dict[str, Pegawai] | None = None,
    by,
    sekarang: datetime | None = None,
) -> ProsesSop:
    """Starts a run of `sop` for an instansi and year; the first row's role must be assigned (by
    default the starting user when he is the pimpinan of the instansi)."""
    sekarang = sekarang or timezone.now()
    if not can_mulai(by, instansi.pk):
        raise PermissionDenied(
            _("Hanya admin instansi atau pimpinan instansi yang dapat memulai proses SOP.")
        )
    langkah = list(sop.langkah_set.order_by("urutan"))
    if not langkah:
        raise WorkflowError(_("SOP ini belum memiliki langkah."))
    pertama = langkah[0]
    penugasan = {k: v for k, v in (penugasan or {}).items() if v is not None}
    akses = akses_of(by)
    if pertama.pelaksana not in penugasan and instansi.pk in akses.pimpinan_instansi_ids and akses.pegawai:
        penugasan[pertama.pelaksana] = akses.pegawai
    asing = set(penugasan) - {k for k, _n in sop.peran}
    if asing:
        raise WorkflowError(
            _("Peran %(peran)s tidak ada dalam SOP ini.") % {"peran": ", ".join(sorted(asing))}
        )
    # The first row's role must be held; every role given at the start is checked alike.
    _periksa_penugasan(
        sop, instansi.pk, {pertama.pelaksana: penugasan.get(pertama.pelaksana)}, [pertama.pelaksana]
    )
    _periksa_penugasan(sop, instansi.pk, penugasan, list(penugasan))
    if (
        ProsesSop.objects.filter(sop=sop, instansi=instansi, tahun=tahun)
        .exclude(status=StatusProses.DIBATALKAN)
        .exists()
    ):
        raise WorkflowError(
            _("Proses %(sop)s untuk %(instansi)s tahun %(tahun)s sudah ada.")
            % {"sop": sop.nama, "instansi": instansi, "tahun": tahun}
        )
    try:
        with transaction.atomic():
            proses = ProsesSop.objects.create(
                sop=sop,
                instansi=instansi,
                tahun=tahun,
                judul=f"{sop.nama} {tahun}",
                langkah_aktif=pertama,
                dimulai_oleh=by,
            )
    except IntegrityError:  # a concurrent start won the race
        raise WorkflowError(
            _("Proses %(sop)s untuk %(instansi)s tahun %(tahun)s sudah ada.")
            % {"sop": sop.nama, "instansi": instansi, "tahun": tahun}
        ) from None
    PelaksanaProses.objects.bulk_create(
        PelaksanaProses(proses=proses, peran=k, pegawai=p, ditugaskan_oleh=by) for k, p in penugasan.items()
    )
    JejakLangkah.objects.create(proses=proses, langkah=pertama, mulai=sekarang)
    _notify(proses, pertama, penugasan[pertama.pelaksana], _("Langkah SOP menunggu Anda"))
    return proses


def _pelaksana(proses: ProsesSop) -> dict[str, Pegawai]:
    return {
        p.peran: p.pegawai
        for p in PelaksanaProses.objects.filter(proses=proses).select_related("pegawai__user")
    }


def _langkah_aktif(proses: ProsesSop, langkah: LangkahSop | None, jenis: str) -> LangkahSop:
    if proses.status != StatusProses.BERJALAN or proses.langkah_aktif_id is None:
        raise WorkflowError(_("Proses ini tidak sedang berjalan."))
    aktif = proses.langkah_aktif
    if langkah is not None and langkah.pk != aktif.pk:
        raise WorkflowError(
            _("Langkah %(nomor)s bukan langkah yang sedang berjalan; langkah aktif adalah langkah %(aktif)s.")
            % {"nomor": langkah.nomor, "aktif": aktif.nomor}
        )
    if aktif.jenis != jenis:
        if aktif.jenis == JenisLangkah.PERSETUJUAN:
            raise WorkflowError(_("Langkah ini adalah persetujuan: setujui atau kembalikan."))
        raise WorkflowError(_("Langkah ini bukan persetujuan dan tidak dapat dikembalikan."))
    return aktif


def _periksa_pelaku(proses: ProsesSop, langkah: LangkahSop, pelaksana: dict[str, Pegawai], by) -> Pegawai:
    pegawai = akses_of(by).pegawai
    ditugaskan = pelaksana.get(langkah.pelaksana)
    if pegawai is None or ditugaskan is None or ditugaskan.pk != pegawai.pk:
        raise WorkflowError(
            _("Langkah %(nomor)s dilaksanakan oleh %(peran)s%(nama)s.")
            % {
                "nomor": langkah.nomor,
                "peran": proses.sop.nama_peran(langkah.pelaksana),
                "nama": f" ({ditugaskan.nama})" if ditugaskan else "",
            }
        )
    return pegawai


def _periksa_dokumen(
    proses: ProsesSop, langkah: LangkahSop, semua: list[LangkahSop], dokumen: Dokumen
) -> list[tuple[str, str, UploadedFile | None, str]]:
    """(nama, teks, berkas, mime) of every document to store; WorkflowError when one is missing."""
    otomatis = set(registry.dihasilkan(langkah.aksi))
    if langkah.aksi and registry.get(langkah.aksi) is None:
        raise WorkflowError(_("Aksi sistem “%(aksi)s” tidak dikenal.") % {"aksi": langkah.aksi})
    luar = kelengkapan_luar(langkah, semua)
    ada = set(DokumenProses.objects.filter(proses=proses, nama__in=luar).values_list("nama", flat=True))
    diminta = [k for k in langkah.keluaran if k not in otomatis] + [k for k in luar if k not in ada]
    boleh = set(langkah.keluaran) - otomatis | set(luar)
    asing = set(dokumen) - boleh
    if asing:
        raise WorkflowError(
            _("Dokumen berikut bukan keluaran langkah ini: %(nama)s.") % {"nama": ", ".join(sorted(asing))}
        )
    out = []
    for nama in [*diminta, *(k for k in luar if k in ada)]:
        teks, berkas = dokumen.get(nama, ("", None))
        teks = (teks or "").strip()
        if not teks and berkas is None:
            if nama in diminta:
                raise WorkflowError(
                    _("Lengkapi dokumen “%(nama)s”: isi teks atau unggah berkas.") % {"nama": nama}
                )
            continue
        mime = ""
        if berkas is not None:
            try:
                mime = periksa_berkas(berkas, berkas.name, berkas.size).mime
            except BerkasDitolak as e:
                raise WorkflowError(str(e)) from None
        out.append((nama, teks, berkas, mime))
    return out


def _selesaikan(
    proses: ProsesSop,
    langkah: LangkahSop,
    berikut: LangkahSop | None,
    *,
    by,
    pegawai: Pegawai,
    hasil: str,
    catatan: str,
    dokumen: list[tuple[str, str, UploadedFile | None, str]],
    sekarang: datetime,
) -> JejakLangkah:
    """Closes the active pass, stores its documents, runs the system action and opens the next row."""
    n = ProsesSop.objects.filter(pk=proses.pk, langkah_aktif=langkah, status=StatusProses.BERJALAN).update(
        langkah_aktif=berikut,
        status=StatusProses.BERJALAN if berikut else StatusProses.SELESAI,
        selesai_pada=None if berikut else sekarang,
        updated_at=sekarang,
    )
    if n != 1:
        raise WorkflowError(
            _("Proses ini baru saja diubah oleh orang lain. Muat ulang halaman dan coba lagi.")
        )
    jejak = JejakLangkah.objects.select_for_update().get(proses=proses, selesai__isnull=True)
    jejak.selesai, jejak.hasil, jejak.oleh, jejak.pegawai, jejak.catatan = (
        sekarang,
        hasil,
        by,
        pegawai,
        catatan,
    )
    jejak.save(update_fields=["selesai", "hasil", "oleh", "pegawai", "catatan"])
    for nama, teks, berkas, mime in dokumen:
        d = DokumenProses(proses=proses, jejak=jejak, nama=nama, teks=teks, dibuat_oleh=by, jenis_berkas=mime)
        if berkas is not None:
            d.nama_berkas = berkas.name[:255]
            d.berkas.save(berkas.name, berkas, save=False)
        d.save()
    if hasil != HasilLangkah.DIKEMBALIKAN and langkah.aksi:
        for doc in registry.get(langkah.aksi).fn(proses, jejak, by):
            d = DokumenProses(
                proses=proses,
                jejak=jejak,
                nama=doc.nama,
                teks=doc.teks,
                dibuat_oleh=by,
                nama_berkas=doc.nama_berkas,
            )
            if doc.isi is not None:
                d.berkas.save(doc.nama_berkas, ContentFile(doc.isi), save=False)
                d.jenis_berkas = _mime(doc.nama_berkas)
            d.save()
    proses.langkah_aktif = berikut
    if berikut is None:
        proses.status, proses.selesai_pada = StatusProses.SELESAI, sekarang
    else:
        JejakLangkah.objects.create(proses=proses, langkah=berikut, mulai=sekarang)
    return jejak


def _mime(nama: str) -> str:
    from kinerja.pelaksanaan.berkas import EKSTENSI

    jenis = EKSTENSI.get(nama.rsplit(".", 1)[-1].lower()) if "." in nama else None
    return jenis.mime if jenis else "application/octet-stream"


def _berikut(semua: list[LangkahSop], langkah: LangkahSop) -> LangkahSop | None:
    return next((row for row in semua if row.urutan > langkah.urutan), None)


def _periksa_berikut(proses: ProsesSop, berikut: LangkahSop | None, pelaksana: dict[str, Pegawai]) -> None:
    if berikut is not None and berikut.pelaksana not in pelaksana:
        raise WorkflowError(
            _("Peran %(peran)s untuk langkah %(nomor)s belum ditugaskan.")
            % {"peran": proses.sop.nama_peran(berikut.pelaksana), "nomor": berikut.nomor}
        )


def _maju(
    proses: ProsesSop,
    by,
    *,
    jenis: str,
    hasil: str,
    langkah: LangkahSop | None,
    dokumen: Dokumen | None,
    penugasan: dict[str, Pegawai] | None,
    catatan: str,
    sekarang: datetime | None,
) -> ProsesSop:
    sekarang = sekarang or timezone.now()
    aktif = _langkah_aktif(proses, langkah, jenis)
    pelaksana = _pelaksana(proses)
    pegawai = _periksa_pelaku(proses, aktif, pelaksana, by)
    semua = list(proses.sop.langkah_set.order_by("urutan"))
    docs = _periksa_dokumen(proses, aktif, semua, dokumen or {})
    penugasan = {k: v for k, v in (penugasan or {}).items() if v is not None}
    _periksa_penugasan(proses.sop, proses.instansi_id, penugasan, aktif.menugaskan)
    pelaksana |= penugasan
    berikut = _berikut(semua, aktif)
    _periksa_berikut(proses, berikut, pelaksana)
    for kode, p in penugasan.items():
        PelaksanaProses.objects.update_or_create(
            proses=proses, peran=kode, defaults={"pegawai": p, "ditugaskan_oleh": by}
        )
    _selesaikan(
        proses,
        aktif,
        berikut,
        by=by,
        pegawai=pegawai,
        hasil=hasil,
        catatan=catatan.strip(),
        dokumen=docs,
        sekarang=sekarang,
    )
    if berikut is not None:
        _notify(proses, berikut, pelaksana.get(berikut.pelaksana), _("Langkah SOP menunggu Anda"))
    return proses


@transaction.atomic
def jalankan(
    proses: ProsesSop,
    by,
    *,
    langkah: LangkahSop | None = None,
    dokumen: Dokumen | None = None,
    penugasan: dict[str, Pegawai] | None = None,
    catatan: str = "",
    sekarang: datetime | None = None,
) -> ProsesSop:
    """Takes the active tindakan row (`langkah`, when given, must be it)."""
    return _maju(
        proses,
        by,
        jenis=JenisLangkah.TINDAKAN,
        hasil=HasilLangkah.SELESAI,
        langkah=langkah,
        dokumen=dokumen,
        penugasan=penugasan,
        catatan=catatan,
        sekarang=sekarang,
    )


@transaction.atomic
def setujui(
    proses: ProsesSop,
    by,
    *,
    langkah: LangkahSop | None = None,
    dokumen: Dokumen | None = None,
    catatan: str = "",
    sekarang: datetime | None = None,
) -> ProsesSop:
    """Approves the active persetujuan row: its keluaran are asked for as for a tindakan."""
    return _maju(
        proses,
        by,
        jenis=JenisLangkah.PERSETUJUAN,
        hasil=HasilLangkah.DISETUJUI,
        langkah=langkah,
        dokumen=dokumen,
        penugasan=None,
        catatan=catatan,
        sekarang=sekarang,
    )


@transaction.atomic
def kembalikan(
    proses: ProsesSop,
    by,
    *,
    langkah: LangkahSop | None = None,
    catatan: str,
    sekarang: datetime | None = None,
) -> ProsesSop:
    """Returns the active persetujuan row to its ``kembali_ke`` row, with a note saying what to revise."""
    sekarang = sekarang or timezone.now()
    aktif = _langkah_aktif(proses, langkah, JenisLangkah.PERSETUJUAN)
    pelaksana = _pelaksana(proses)
    pegawai = _periksa_pelaku(proses, aktif, pelaksana, by)
    catatan = (catatan or "").strip()
    if not catatan:
        raise WorkflowError(_("Tuliskan catatan perbaikan ketika mengembalikan."))
    tujuan = proses.sop.langkah_set.filter(urutan=aktif.kembali_ke).first() if aktif.kembali_ke else None
    if tujuan is None:
        raise WorkflowError(_("Langkah ini tidak dapat dikembalikan."))
    _periksa_berikut(proses, tujuan, pelaksana)
    _selesaikan(
        proses,
        aktif,
        tujuan,
        by=by,
        pegawai=pegawai,
        hasil=HasilLangkah.DIKEMBALIKAN,
        catatan=catatan,
        dokumen=[],
        sekarang=sekarang,
    )
    _notify(proses, tujuan, pelaksana.get(tujuan.pelaksana), _("Langkah SOP dikembalikan untuk revisi"))
    return proses
