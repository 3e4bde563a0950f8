"""Receipt of a final penilaian and the keberatan against it (PP 30/2019 Pasal 59; regulasi.md §3.10,
decision d).

The pegawai confirms receipt of a final penilaian; that starts the keberatan clock (calendar days,
`PengaturanPenilaian.batas_keberatan_hari`, 14 by default). Within it the pegawai may file one
keberatan with reasons to the atasan pejabat penilai, who may ask both sides for explanations and then
upholds the result or changes the ratings. The decision is final. Every step is written to the
penilaian's history and the people concerned are notified.
"""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.aturan import RatingKerja, predikat_kinerja
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu

from .models import Keberatan, PengaturanPenilaian, Penilaian
from .riwayat import catat
from .signals import hasil_ditetapkan
from .workflow import (
    TRANSISI_KEBERATAN,
    AksiKeberatan,
    PeranKeberatan,
    StatusKeberatan,
    WorkflowError,
    transisi_keberatan,
)

# Which role may take each action (one role per action in TRANSISI_KEBERATAN).
PERAN_AKSI: dict[AksiKeberatan, PeranKeberatan] = {
    aksi: peran for (_status, aksi), (peran, _next) in TRANSISI_KEBERATAN.items()
}

# The history codes of this module (RiwayatPenilaian.aksi, at most 24 characters).
RIWAYAT_DITERIMA = "diterima"
RIWAYAT_AKSI = {
    "ajukan": "keberatan_diajukan",
    AksiKeberatan.MINTA_PENJELASAN: "keberatan_klarifikasi",
    AksiKeberatan.JELASKAN_PENILAI: "penjelasan_penilai",
    AksiKeberatan.JELASKAN_PEGAWAI: "penjelasan_pegawai",
    AksiKeberatan.KUATKAN: "keberatan_dikuatkan",
    AksiKeberatan.UBAH: "keberatan_diubah",
}


def _pegawai_id(user) -> int | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    pegawai = akses_of(user).pegawai
    return pegawai.pk if pegawai else None


def peran_keberatan(penilaian: Penilaian, user, atasan_id: int | None = None) -> set[PeranKeberatan]:
    """The parts `user` plays in a keberatan on `penilaian` (the atasan is the keberatan's own, or the
    penilaian's atasan pejabat penilai before one is filed)."""
    me = _pegawai_id(user)
    if me is None:
        return set()
    atasan_id = atasan_id if atasan_id is not None else penilaian.atasan_pejabat_penilai_id
    peran = set()
    if me == penilaian.pegawai_id:
        peran.add(PeranKeberatan.PEGAWAI)
    if me == penilaian.pejabat_penilai_id:
        peran.add(PeranKeberatan.PENILAI)
    if atasan_id is not None and me == atasan_id:
        peran.add(PeranKeberatan.ATASAN)
    return peran


def batas_hari(instansi_id: int) -> int:
    return PengaturanPenilaian.untuk(instansi_id).batas_keberatan_hari


def batas_keberatan(diterima_pada: datetime | None, hari: int) -> date | None:
    """The last calendar day on which a keberatan may be filed, or None before receipt."""
    if diterima_pada is None:
        return None
    return timezone.localdate(diterima_pada) + timedelta(days=hari)


def _tanggal(d: date) -> str:
    return date_format(d, "j F Y")


def _teks_wajib(teks: str, pesan: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise WorkflowError(pesan)
    return teks


def _url_hasil(penilaian: Penilaian) -> str:
    return reverse("penilaian:hasil", args=[penilaian.pk])


def _url_keberatan(keberatan: Keberatan) -> str:
    return reverse("penilaian:keberatan-detail", args=[keberatan.pk])


def _user(pegawai):
    return pegawai.user if pegawai is not None else None


# --- receipt -------------------------------------------------------------------------------------


@transaction.atomic
def konfirmasi_penerimaan(penilaian: Penilaian, by, *, sekarang: datetime | None = None) -> Penilaian:
    """The pegawai confirms receiving a final penilaian (once); the keberatan clock starts now."""
    if _pegawai_id(by) != penilaian.pegawai_id:
        raise WorkflowError(
            _("Hanya pegawai yang dinilai yang dapat mengonfirmasi penerimaan hasil evaluasi.")
        )
    if not penilaian.final:
        raise WorkflowError(_("Hasil evaluasi belum final sehingga belum dapat diterima."))
    if penilaian.diterima_pada is not None:
        raise WorkflowError(_("Penerimaan hasil evaluasi ini sudah dikonfirmasi."))
    sekarang = sekarang or timezone.now()
    n = Penilaian.objects.filter(pk=penilaian.pk, status=penilaian.status, diterima_pada__isnull=True).update(
        diterima_pada=sekarang, updated_at=sekarang
    )
    if n != 1:
        raise WorkflowError(_("Penerimaan hasil evaluasi ini sudah dikonfirmasi."))
    penilaian.diterima_pada = sekarang
    hari = batas_hari(penilaian.pegawai.instansi_id)
    catat(
        penilaian,
        RIWAYAT_DITERIMA,
        by,
        _("Hasil evaluasi diterima pegawai; keberatan dapat diajukan sampai %(tanggal)s.")
        % {"tanggal": _tanggal(batas_keberatan(sekarang, hari))},
    )
    return penilaian


# --- filing --------------------------------------------------------------------------------------


def cek_dapat_mengajukan(penilaian: Penilaian, by, *, sekarang: datetime | None = None) -> date:
    """Raises WorkflowError unless `by` may file a keberatan on `penilaian` now; returns the deadline."""
    if _pegawai_id(by) != penilaian.pegawai_id:
        raise WorkflowError(_("Hanya pegawai yang dinilai yang dapat mengajukan keberatan."))
    if not penilaian.final:
        raise WorkflowError(_("Keberatan hanya dapat diajukan atas hasil evaluasi yang sudah final."))
    if penilaian.diterima_pada is None:
        raise WorkflowError(
            _(
                "Konfirmasi penerimaan hasil evaluasi terlebih dahulu; batas keberatan dihitung sejak "
                "hasil diterima."
            )
        )
    if Keberatan.objects.filter(penilaian_id=penilaian.pk).exists():
        raise WorkflowError(_("Keberatan atas hasil evaluasi ini sudah pernah diajukan."))
    if penilaian.atasan_pejabat_penilai_id is None:
        raise WorkflowError(
            _("Hasil evaluasi ini tidak memiliki atasan pejabat penilai yang dapat memeriksa keberatan.")
        )
    hari = batas_hari(penilaian.pegawai.instansi_id)
    batas = batas_keberatan(penilaian.diterima_pada, hari)
    if timezone.localdate(sekarang or timezone.now()) > batas:
        raise WorkflowError(
            _(
                "Batas pengajuan keberatan (%(hari)s hari kalender sejak hasil evaluasi diterima) "
                "telah lewat pada %(tanggal)s."
            )
            % {"hari": hari, "tanggal": _tanggal(batas)}
        )
    return batas


@transaction.atomic
def ajukan_keberatan(penilaian: Penilaian, alasan: str, by, *, sekarang: datetime | None = None) -> Keberatan:
    """The pegawai files a keberatan with reasons to the atasan pejabat penilai (once per penilaian,
    within the deadline after receipt); the current ratings are kept as they were."""
    cek_dapat_mengajukan(penilaian, by, sekarang=sekarang)
    alasan = _teks_wajib(alasan, _("Alasan keberatan wajib diisi."))
    try:
        with transaction.atomic():
            keberatan = Keberatan.objects.create(
                penilaian=penilaian,
                atasan_id=penilaian.atasan_pejabat_penilai_id,
                alasan=alasan,
                status=StatusKeberatan.DIAJUKAN,
                rating_hasil_kerja_semula=penilaian.rating_hasil_kerja,
                rating_perilaku_semula=penilaian.rating_perilaku,
                predikat_semula=penilaian.predikat,
            )
    except IntegrityError:
        raise WorkflowError(_("Keberatan atas hasil evaluasi ini sudah pernah diajukan.")) from None
    catat(penilaian, RIWAYAT_AKSI["ajukan"], by, alasan)
    beri_tahu(
        [_user(penilaian.atasan_pejabat_penilai), _user(penilaian.pejabat_penilai)],
        _("Keberatan atas hasil evaluasi kinerja"),
        _("%(nama)s mengajukan keberatan atas hasil evaluasi kinerjanya.")
        % {"nama": penilaian.pegawai.nama_lengkap},
        _url_keberatan(keberatan),
    )
    return keberatan


# --- the atasan's examination --------------------------------------------------------------------


def _pindah(keberatan: Keberatan, aksi: AksiKeberatan, by, **fields) -> StatusKeberatan:
    """Checks the move and writes it with a compare-and-swap on the status (two decisions cannot
    both win); `fields` are stored with it."""
    peran = peran_keberatan(keberatan.penilaian, by, keberatan.atasan_id)
    berikutnya = transisi_keberatan(keberatan.status, aksi, peran)
    sekarang = timezone.now()
    n = Keberatan.objects.filter(pk=keberatan.pk, status=keberatan.status).update(
        status=berikutnya, updated_at=sekarang, **fields
    )
    if n != 1:
        raise WorkflowError(_("Keberatan ini baru saja diubah oleh pengguna lain. Muat ulang halaman."))
    keberatan.status = berikutnya
    for name, value in fields.items():
        setattr(keberatan, name, value)
    return berikutnya


@transaction.atomic
def minta_penjelasan(keberatan: Keberatan, pertanyaan: str, by) -> Keberatan:
    """The atasan asks the pejabat penilai and the pegawai to explain (Pasal 59)."""
    peran = peran_keberatan(keberatan.penilaian, by, keberatan.atasan_id)
    transisi_keberatan(keberatan.status, AksiKeberatan.MINTA_PENJELASAN, peran)
    pertanyaan = _teks_wajib(pertanyaan, _("Isi permintaan penjelasan wajib diisi."))
    _pindah(keberatan, AksiKeberatan.MINTA_PENJELASAN, by, permintaan_penjelasan=pertanyaan)
    p = keberatan.penilaian
    catat(p, RIWAYAT_AKSI[AksiKeberatan.MINTA_PENJELASAN], by, pertanyaan)
    beri_tahu(
        [_user(p.pejabat_penilai), _user(p.pegawai)],
        _("Permintaan penjelasan atas keberatan"),
        _("Atasan pejabat penilai meminta penjelasan atas keberatan %(nama)s.")
        % {"nama": p.pegawai.nama_lengkap},
        _url_keberatan(keberatan),
    )
    return keberatan


@transaction.atomic
def jelaskan(keberatan: Keberatan, penjelasan: str, by) -> Keberatan:
    """The pejabat penilai or the pegawai gives their explanation (once each)."""
    p = keberatan.penilaian
    peran = peran_keberatan(p, by, keberatan.atasan_id)
    if PeranKeberatan.PENILAI in peran:
        aksi, field = AksiKeberatan.JELASKAN_PENILAI, "penjelasan_penilai"
    else:
        aksi, field = AksiKeberatan.JELASKAN_PEGAWAI, "penjelasan_pegawai"
    transisi_keberatan(keberatan.status, aksi, peran)
    if getattr(keberatan, field):
        raise WorkflowError(_("Penjelasan Anda atas keberatan ini sudah disampaikan."))
    penjelasan = _teks_wajib(penjelasan, _("Penjelasan wajib diisi."))
    _pindah(keberatan, aksi, by, **{field: penjelasan})
    catat(p, RIWAYAT_AKSI[aksi], by, penjelasan)
    beri_tahu(
        [_user(keberatan.atasan)],
        _("Penjelasan atas keberatan diterima"),
        _("Penjelasan baru atas keberatan %(nama)s.") % {"nama": p.pegawai.nama_lengkap},
        _url_keberatan(keberatan),
    )
    return keberatan


def _beri_tahu_keputusan(keberatan: Keberatan) -> None:
    p = keberatan.penilaian
    beri_tahu(
        [_user(p.pegawai), _user(p.pejabat_penilai)],
        _("Keputusan atas keberatan"),
        _("Atasan pejabat penilai telah memutus keberatan %(nama)s: %(status)s.")
        % {"nama": p.pegawai.nama_lengkap, "status": StatusKeberatan(keberatan.status).label},
        _url_hasil(p),
    )


@transaction.atomic
def kuatkan(keberatan: Keberatan, alasan: str, by) -> Keberatan:
    """The atasan upholds the result, with the reasons; final."""
    peran = peran_keberatan(keberatan.penilaian, by, keberatan.atasan_id)
    transisi_keberatan(keberatan.status, AksiKeberatan.KUATKAN, peran)
    alasan = _teks_wajib(alasan, _("Pertimbangan keputusan wajib diisi."))
    _pindah(
        keberatan,
        AksiKeberatan.KUATKAN,
        by,
        keputusan=alasan,
        diputuskan_pada=timezone.now(),
        diputuskan_oleh=by,
    )
    catat(keberatan.penilaian, RIWAYAT_AKSI[AksiKeberatan.KUATKAN], by, alasan)
    _beri_tahu_keputusan(keberatan)
    return keberatan


def _rating(value: str, label: str) -> RatingKerja:
    try:
        return RatingKerja(value)
    except ValueError:
        raise WorkflowError(_("Pilih %(rating)s yang baru.") % {"rating": label}) from None


@transaction.atomic
def ubah(keberatan: Keberatan, rating_hasil_kerja: str, rating_perilaku: str, alasan: str, by) -> Keberatan:
    """The atasan changes the ratings, with the reasons; the predikat follows the matrix (§3.7). The
    penilaian stays final with the new result; the old and new values are recorded."""
    p = keberatan.penilaian
    peran = peran_keberatan(p, by, keberatan.atasan_id)
    transisi_keberatan(keberatan.status, AksiKeberatan.UBAH, peran)
    hasil = _rating(rating_hasil_kerja, _("rating hasil kerja"))
    perilaku = _rating(rating_perilaku, _("rating perilaku kerja"))
    alasan = _teks_wajib(alasan, _("Pertimbangan keputusan wajib diisi."))
    if hasil == p.rating_hasil_kerja and perilaku == p.rating_perilaku:
        raise WorkflowError(
            _(
                "Rating yang dipilih sama dengan hasil evaluasi semula; gunakan “Kuatkan” untuk "
                "mempertahankannya."
            )
        )
    predikat = predikat_kinerja(hasil, perilaku)
    semula = {
        "rating_hasil_kerja": p.rating_hasil_kerja,
        "rating_perilaku": p.rating_perilaku,
        "predikat": p.predikat,
    }
    _pindah(
        keberatan,
        AksiKeberatan.UBAH,
        by,
        keputusan=alasan,
        diputuskan_pada=timezone.now(),
        diputuskan_oleh=by,
    )
    p.rating_hasil_kerja, p.rating_perilaku, p.predikat = hasil.value, perilaku.value, predikat.value
    p.save(update_fields=["rating_hasil_kerja", "rating_perilaku", "predikat", "updated_at"])
    menjadi = {
        "rating_hasil_kerja": p.rating_hasil_kerja,
        "rating_perilaku": p.rating_perilaku,
        "predikat": p.predikat,
    }
    catat(p, RIWAYAT_AKSI[AksiKeberatan.UBAH], by, alasan, semula=semula, menjadi=menjadi)
    hasil_ditetapkan.send(Penilaian, penilaian=[p], by=by, perubahan=True)
    _beri_tahu_keputusan(keberatan)
    return keberatan


def jalankan(
    keberatan: Keberatan,
    aksi: AksiKeberatan | str,
    *,
    by,
    teks: str,
    rating_hasil_kerja: str = "",
    rating_perilaku: str = "",
) -> Keberatan:
    """One step of the examination, by its action name (the form posts the action)."""
    aksi = AksiKeberatan(aksi)
    if aksi == AksiKeberatan.MINTA_PENJELASAN:
        return minta_penjelasan(keberatan, teks, by)
    if aksi in (AksiKeberatan.JELASKAN_PENILAI, AksiKeberatan.JELASKAN_PEGAWAI):
        peran = peran_keberatan(keberatan.penilaian, by, keberatan.atasan_id)
        if PERAN_AKSI[aksi] not in peran:
            raise WorkflowError(_("Anda tidak berwenang melakukan tindakan ini atas keberatan tersebut."))
        return jelaskan(keberatan, teks, by)
    if aksi == AksiKeberatan.KUATKAN:
        return kuatkan(keberatan, teks, by)
    return ubah(keberatan, rating_hasil_kerja, rating_perilaku, teks, by)
