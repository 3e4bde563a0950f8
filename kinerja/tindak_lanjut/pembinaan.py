"""Pembinaan kinerja pegawai: the automatic proposal after a low predikat, the pembina's manual
proposal, and its life: start, sessions with agreements, close with the re-evaluation and a
rekomendasi, or cancel.

Sources: seed 000 step 6 ("Atasan langsung dapat merekomendasikan / melaksanakan pembinaan kinerja
pegawai dalam bentuk coaching, mentoring ..."; output: Laporan hasil pembinaan kinerja pegawai), step 8
(the Analis SDM receives the report); seed 002 "Tindak Lanjut"; regulasi.md §3.11.

The states and who moves them are data (``TRANSISI``), as in ``kinerja.penilaian.workflow``. Every
write is compare-and-swap on the status, then saved through the model so that its history records who
did what (``history_change_reason``).
"""

from datetime import date
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.aturan import Predikat
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.penilaian.models import Penilaian
from kinerja.penilaian.services import nama_periode
from kinerja.penilaian.workflow import StatusPenilaian, WorkflowError

from .kiriman import catat_kiriman
from .models import JenisKiriman, JenisPembinaan, Pembinaan, SesiPembinaan, StatusPembinaan

# --- the automatic proposal ----------------------------------------------------------------------

JENIS_OTOMATIS: dict[Predikat, JenisPembinaan] = {
    Predikat.BUTUH_PERBAIKAN: JenisPembinaan.COACHING,
    Predikat.KURANG: JenisPembinaan.KONSELING,
    Predikat.SANGAT_KURANG: JenisPembinaan.MENTORING,
}
"""Which predikat propose a pembinaan, and in which form. The proposal itself follows seed 000 step 6
and regulasi.md §3.11 (the atasan langsung recommends coaching, mentoring and/or competence
development); the form chosen per predikat is **Kinerja's default, not the regulation's**, which names
no mapping: Butuh Perbaikan (hasil kerja below expectations, perilaku not) → coaching on the work;
Kurang/Misconduct (perilaku below expectations) → konseling on behaviour (seed 002 "Tindak Lanjut");
Sangat Kurang (both below) → mentoring, the closest guidance. The pembina may change nothing of the
form once proposed, but may cancel it and propose another manually."""

PREDIKAT_BAIK = frozenset({Predikat.BAIK, Predikat.SANGAT_BAIK})


def perlu_pembinaan(predikat: str) -> bool:
    return bool(predikat) and Predikat(predikat) in JENIS_OTOMATIS


def permasalahan_dari(penilaian: Penilaian) -> str:
    """The text the automatic proposal starts from: the evaluation, its ratings and the penilai's notes."""
    teks = _(
        "Hasil evaluasi kinerja %(periode)s: predikat %(predikat)s (rating hasil kerja %(hasil)s, "
        "rating perilaku kerja %(perilaku)s)."
    ) % {
        "periode": nama_periode(penilaian.periode, penilaian.jadwal),
        "predikat": penilaian.get_predikat_display(),
        "hasil": penilaian.get_rating_hasil_kerja_display() or "-",
        "perilaku": penilaian.get_rating_perilaku_display() or "-",
    }
    if penilaian.catatan.strip():
        teks += "\n" + _("Catatan pejabat penilai: %(catatan)s") % {"catatan": penilaian.catatan.strip()}
    return teks


def _url(p: Pembinaan) -> str:
    return reverse("tindak_lanjut:pembinaan-detail", args=[p.pk])


@transaction.atomic
def usulkan_otomatis(*, penilaian: Penilaian, by=None) -> Pembinaan | None:
    """One automatic proposal for a final penilaian with a low predikat; None when the predikat needs
    none or a proposal already exists (a second signal for the same penilaian adds nothing)."""
    if penilaian.status != StatusPenilaian.FINAL or not perlu_pembinaan(penilaian.predikat):
        return None
    if Pembinaan.objects.filter(penilaian=penilaian, otomatis=True).exists():
        return None
    p = Pembinaan(
        pegawai_id=penilaian.pegawai_id,
        penilaian=penilaian,
        pembina_id=penilaian.pejabat_penilai_id,
        jenis=JENIS_OTOMATIS[Predikat(penilaian.predikat)],
        otomatis=True,
        permasalahan=permasalahan_dari(penilaian),
        dibuat_oleh=by,
    )
    p._change_reason = "usulan otomatis"
    p._history_user = by
    try:
        with transaction.atomic():  # a concurrent signal for the same penilaian: the constraint wins
            p.save()
    except IntegrityError:
        return None
    pegawai, pembina = penilaian.pegawai, penilaian.pejabat_penilai
    konteks = {"predikat": penilaian.get_predikat_display(), "jenis": p.get_jenis_display().lower()}
    beri_tahu(
        [pembina.user],
        _("Usulan pembinaan kinerja: %(nama)s") % {"nama": pegawai.nama_lengkap},
        _(
            "Predikat kinerja %(predikat)s. Kinerja mengusulkan pembinaan dalam bentuk %(jenis)s; mulai "
            "pembinaan atau batalkan usulan dengan alasannya."
        )
        % konteks,
        _url(p),
    )
    beri_tahu(
        [pegawai.user],
        _("Pembinaan kinerja diusulkan"),
        _("Berdasarkan predikat kinerja %(predikat)s, pejabat penilai Anda akan memberikan %(jenis)s.")
        % konteks,
        _url(p),
    )
    return p


@transaction.atomic
def batalkan_usulan_otomatis(*, penilaian: Penilaian, by=None) -> Pembinaan | None:
    """After a keberatan decision lifted the predikat to Baik or Sangat Baik: the automatic proposal
    still waiting (usulan) is cancelled with a note; one already started is left to its pembina."""
    if not penilaian.predikat or Predikat(penilaian.predikat) not in PREDIKAT_BAIK:
        return None
    p = Pembinaan.objects.filter(penilaian=penilaian, otomatis=True, status=StatusPembinaan.USULAN).first()
    if p is None:
        return None
    alasan = _(
        "Dibatalkan otomatis: keputusan atas keberatan mengubah predikat kinerja menjadi %(predikat)s."
    ) % {"predikat": penilaian.get_predikat_display()}
    p = _pindah(p, AksiPembinaan.BATALKAN, by, hasil=alasan)
    beri_tahu([p.pembina.user, p.pegawai.user], _("Usulan pembinaan kinerja dibatalkan"), alasan, _url(p))
    return p


# --- the workflow, as data ------------------------------------------------------------------------


class AksiPembinaan(StrEnum):
    MULAI = "mulai"
    SESI = "sesi"  # record a session (the status stays)
    TUTUP = "tutup"
    BATALKAN = "batalkan"


class PeranPembinaan(StrEnum):
    PEMBINA = "pembina"
    PEGAWAI = "pegawai"
    ADMIN = "admin"  # admin instansi (Analis SDM) of the pegawai's instansi


_S, _A, _R = StatusPembinaan, AksiPembinaan, PeranPembinaan

# (status, action) -> (roles allowed, next status).
TRANSISI: dict[tuple[StatusPembinaan, AksiPembinaan], tuple[frozenset[PeranPembinaan], StatusPembinaan]] = {
    (_S.USULAN, _A.MULAI): (frozenset({_R.PEMBINA}), _S.BERJALAN),
    (_S.USULAN, _A.BATALKAN): (frozenset({_R.PEMBINA, _R.ADMIN}), _S.DIBATALKAN),
    (_S.BERJALAN, _A.SESI): (frozenset({_R.PEMBINA}), _S.BERJALAN),
    (_S.BERJALAN, _A.TUTUP): (frozenset({_R.PEMBINA}), _S.SELESAI),
    (_S.BERJALAN, _A.BATALKAN): (frozenset({_R.PEMBINA, _R.ADMIN}), _S.DIBATALKAN),
}

LABEL_AKSI = {
    _A.MULAI: gettext_lazy("Mulai pembinaan"),
    _A.SESI: gettext_lazy("Catat sesi pembinaan"),
    _A.TUTUP: gettext_lazy("Tutup pembinaan"),
    _A.BATALKAN: gettext_lazy("Batalkan pembinaan"),
}


def peran_pembinaan(p: Pembinaan, user) -> set[PeranPembinaan]:
    """The user's roles on one pembinaan (no query beyond `akses_of`)."""
    akses = akses_of(user)
    me = akses.pegawai.pk if akses.pegawai else None
    peran = set()
    if me is not None and me == p.pembina_id:
        peran.add(PeranPembinaan.PEMBINA)
    if me is not None and me == p.pegawai_id:
        peran.add(PeranPembinaan.PEGAWAI)
    if akses.is_admin_of(p.pegawai.instansi_id):
        peran.add(PeranPembinaan.ADMIN)
    return peran


def boleh_sama_sekali(aksi: AksiPembinaan, peran: set[PeranPembinaan]) -> bool:
    """Whether any state lets these roles take the action (else the action is forbidden: 403)."""
    return any(aksi == a and siapa & peran for (_s, a), (siapa, _n) in TRANSISI.items())


def aksi_tersedia(p: Pembinaan, peran: set[PeranPembinaan]) -> list[AksiPembinaan]:
    return [a for (s, a), (siapa, _n) in TRANSISI.items() if s == p.status and siapa & peran]


def transisi(status: str, aksi: AksiPembinaan, peran: set[PeranPembinaan]) -> StatusPembinaan:
    """The next status, or WorkflowError with an Indonesian message."""
    langkah = TRANSISI.get((StatusPembinaan(status), AksiPembinaan(aksi)))
    if langkah is None:
        if status in (StatusPembinaan.SELESAI, StatusPembinaan.DIBATALKAN):
            raise WorkflowError(
                _("Pembinaan ini sudah %(status)s; tidak ada lagi yang dapat diubah.")
                % {"status": StatusPembinaan(status).label.lower()}
            )
        if aksi in (AksiPembinaan.SESI, AksiPembinaan.TUTUP):
            raise WorkflowError(_("Mulai pembinaan terlebih dahulu."))
        raise WorkflowError(_("Pembinaan ini sudah dimulai."))
    yang_boleh, berikutnya = langkah
    if not yang_boleh & peran:
        raise WorkflowError(_("Anda tidak berwenang melakukan tindakan ini atas pembinaan tersebut."))
    return berikutnya


def _pindah(p: Pembinaan, aksi: AksiPembinaan, by, **fields) -> Pembinaan:
    """Compare-and-swap of the status, then the fields saved through the model (history records it)."""
    berikutnya = TRANSISI[(StatusPembinaan(p.status), aksi)][1]
    now = timezone.now()
    n = Pembinaan.objects.filter(pk=p.pk, status=p.status).update(status=berikutnya, updated_at=now)
    if n != 1:
        raise WorkflowError(
            _("Pembinaan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.")
        )
    p.status = berikutnya
    for name, value in fields.items():
        setattr(p, name, value)
    p._change_reason = str(aksi)
    p._history_user = by
    p.save(update_fields=["status", "updated_at", *fields])
    return p


def _wajib(teks: str, pesan: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise WorkflowError(pesan)
    return teks


def _cek(p: Pembinaan, aksi: AksiPembinaan, by) -> None:
    transisi(p.status, aksi, peran_pembinaan(p, by))


# --- proposals and steps --------------------------------------------------------------------------


def cek_penilaian_pegawai(penilaian: Penilaian | None, pegawai_id: int) -> None:
    """A linked penilaian must be final and the pegawai's own (shared with penghargaan and sanksi)."""
    if penilaian is None:
        return
    if penilaian.pegawai_id != pegawai_id:
        raise WorkflowError(_("Penilaian yang dipilih bukan penilaian pegawai tersebut."))
    if penilaian.status != StatusPenilaian.FINAL:
        raise WorkflowError(_("Penilaian yang dipilih belum difinalisasi."))


@transaction.atomic
def buat_pembinaan(
    *, pegawai, jenis: str, permasalahan: str, by, penilaian: Penilaian | None = None
) -> Pembinaan:
    """The pembina proposes a pembinaan for a member of his team (status usulan)."""
    akses = akses_of(by)
    me = akses.pegawai
    if me is None or pegawai.pejabat_penilai_id != me.pk or not pegawai.aktif:
        raise WorkflowError(_("Pembinaan hanya dapat diusulkan untuk pegawai yang Anda nilai."))
    if jenis not in JenisPembinaan.values:
        raise WorkflowError(_("Pilih bentuk pembinaan."))
    permasalahan = _wajib(permasalahan, _("Uraikan permasalahan kinerja yang akan dibina."))
    cek_penilaian_pegawai(penilaian, pegawai.pk)
    p = Pembinaan(
        pegawai=pegawai,
        penilaian=penilaian,
        pembina=me,
        jenis=jenis,
        otomatis=False,
        permasalahan=permasalahan,
        dibuat_oleh=by,
    )
    p._change_reason = "usulan"
    p._history_user = by
    p.save()
    beri_tahu(
        [pegawai.user],
        _("Pembinaan kinerja diusulkan"),
        _("%(pembina)s mengusulkan %(jenis)s untuk Anda.")
        % {"pembina": me.nama_lengkap, "jenis": p.get_jenis_display().lower()},
        _url(p),
    )
    return p


@transaction.atomic
def mulai_pembinaan(*, pembinaan: Pembinaan, tujuan: str, tanggal_mulai: date, by) -> Pembinaan:
    _cek(pembinaan, AksiPembinaan.MULAI, by)
    tujuan = _wajib(tujuan, _("Tujuan pembinaan wajib diisi."))
    if tanggal_mulai is None:
        raise WorkflowError(_("Tanggal mulai wajib diisi."))
    p = _pindah(pembinaan, AksiPembinaan.MULAI, by, tujuan=tujuan, tanggal_mulai=tanggal_mulai)
    beri_tahu(
        [p.pegawai.user],
        _("Pembinaan kinerja dimulai"),
        _("%(jenis)s dimulai %(tanggal)s. Tujuan: %(tujuan)s")
        % {"jenis": p.get_jenis_display(), "tanggal": date_format(tanggal_mulai, "j F Y"), "tujuan": tujuan},
        _url(p),
    )
    return p


@transaction.atomic
def catat_sesi(
    *,
    pembinaan: Pembinaan,
    tanggal: date,
    topik: str,
    catatan: str = "",
    kesepakatan: str = "",
    target_tanggal: date | None = None,
    by,
) -> SesiPembinaan:
    """One session of a running pembinaan: what was discussed and what was agreed."""
    _cek(pembinaan, AksiPembinaan.SESI, by)
    topik = _wajib(topik, _("Topik sesi wajib diisi."))
    if tanggal is None:
        raise WorkflowError(_("Tanggal sesi wajib diisi."))
    if pembinaan.tanggal_mulai and tanggal < pembinaan.tanggal_mulai:
        raise WorkflowError(_("Tanggal sesi tidak boleh sebelum tanggal mulai pembinaan."))
    if target_tanggal is not None and target_tanggal < tanggal:
        raise WorkflowError(_("Target penyelesaian tidak boleh sebelum tanggal sesi."))
    sesi = SesiPembinaan.objects.create(
        pembinaan=pembinaan,
        tanggal=tanggal,
        topik=topik,
        catatan=catatan.strip(),
        kesepakatan=kesepakatan.strip(),
        target_tanggal=target_tanggal,
        dicatat_oleh=by,
    )
    Pembinaan.objects.filter(pk=pembinaan.pk).update(updated_at=timezone.now())
    return sesi


@transaction.atomic
def tutup_pembinaan(
    *,
    pembinaan: Pembinaan,
    hasil: str,
    evaluasi_ulang: str,
    rekomendasi: str,
    catatan_evaluasi_ulang: str = "",
    tanggal_selesai: date,
    by,
) -> Pembinaan:
    """Closes a running pembinaan with its result, the re-evaluation and the rekomendasi; the Laporan
    hasil pembinaan goes into the Analis SDM's queue (seed 000 steps 6, 8)."""
    _cek(pembinaan, AksiPembinaan.TUTUP, by)
    hasil = _wajib(hasil, _("Hasil pembinaan wajib diisi."))
    rekomendasi = _wajib(rekomendasi, _("Rekomendasi wajib diisi."))
    if evaluasi_ulang not in ("membaik", "belum_membaik"):
        raise WorkflowError(_("Pilih hasil evaluasi ulang: kinerja membaik atau belum membaik."))
    if tanggal_selesai is None:
        raise WorkflowError(_("Tanggal selesai wajib diisi."))
    if pembinaan.tanggal_mulai and tanggal_selesai < pembinaan.tanggal_mulai:
        raise WorkflowError(_("Tanggal selesai tidak boleh sebelum tanggal mulai pembinaan."))
    if not pembinaan.sesi_set.exists():
        raise WorkflowError(_("Catat paling sedikit satu sesi pembinaan sebelum menutupnya."))
    p = _pindah(
        pembinaan,
        AksiPembinaan.TUTUP,
        by,
        hasil=hasil,
        evaluasi_ulang=evaluasi_ulang,
        catatan_evaluasi_ulang=catatan_evaluasi_ulang.strip(),
        rekomendasi=rekomendasi,
        tanggal_selesai=tanggal_selesai,
    )
    catat_kiriman(
        JenisKiriman.LAPORAN_PEMBINAAN,
        unit_kerja=p.pegawai.unit_kerja,
        pegawai=p.pegawai,
        penilaian=p.penilaian,
        pembinaan=p,
        by=by,
    )
    beri_tahu(
        [p.pegawai.user],
        _("Pembinaan kinerja selesai"),
        _("Hasil evaluasi ulang: %(hasil)s.") % {"hasil": p.get_evaluasi_ulang_display()},
        _url(p),
    )
    return p


@transaction.atomic
def batalkan_pembinaan(*, pembinaan: Pembinaan, alasan: str, by) -> Pembinaan:
    """Cancels a proposed or running pembinaan; the reason is kept as its outcome (``hasil``)."""
    _cek(pembinaan, AksiPembinaan.BATALKAN, by)
    alasan = _wajib(alasan, _("Alasan pembatalan wajib diisi."))
    p = _pindah(pembinaan, AksiPembinaan.BATALKAN, by, hasil=alasan)
    beri_tahu(
        [u for u in (p.pegawai.user, p.pembina.user) if u is not None and u != by],
        _("Pembinaan kinerja dibatalkan"),
        alasan,
        _url(p),
    )
    return p
