"""Penilaian periodik and tahunan: open a penilaian, rate it, suggest the rating hasil kerja, and finalise
a pejabat penilai's team against the pattern of the capaian organisasi.

Sources: seed 002 "3.b"–"3.e"; regulasi.md §3.1–§3.8; decisions a (the pattern is a guideline), e (the
annual predikat is set, not averaged) and f (a unit's pimpinan is rated by the unit's capaian).
"""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.aturan import (
    CapaianOrganisasi,
    HasilRhk,
    RatingKerja,
    SaranRating,
    predikat_kinerja,
    rating_hasil_kerja_pimpinan,
    saran_rating_hasil_kerja,
)
from kinerja.core.access import akses_of
from kinerja.core.notifikasi import beri_tahu
from kinerja.organisasi.models import Pegawai
from kinerja.perencanaan.models import JadwalPeriode, PeriodeKinerja, RencanaHasilKerja, Skp
from kinerja.perencanaan.periode import nama_jadwal
from kinerja.perencanaan.workflow import StatusSkp

from . import riwayat, struktur
from .distribusi import RingkasanDistribusi, ringkasan_distribusi
from .models import (
    CapaianKinerjaOrganisasi,
    JustifikasiDistribusi,
    PengaturanPenilaian,
    Penilaian,
    PenilaianRhk,
    penilaian_berubah,
)
from .signals import hasil_ditetapkan
from .workflow import StatusPenilaian, WorkflowError

ALASAN_MINIMAL = 20  # characters of a justification for a deviating distribution (decision a)


def pesan_final() -> str:
    return _("Penilaian yang sudah difinalisasi tidak dapat diubah.")


# --- small shared rules -------------------------------------------------------------------------


def nama_periode(periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> str:
    """ "Triwulan I 2027" or "tahunan 2027"."""
    if jadwal is None:
        return _("tahunan %(tahun)s") % {"tahun": periode.tahun}
    return f"{nama_jadwal(periode.siklus, jadwal.nomor)} {periode.tahun}"


def skp_dapat_dinilai(skp: Skp) -> bool:
    """An approved SKP, or one closed at a change of position after its approval."""
    return skp.status == StatusSkp.DISETUJUI or (
        skp.status == StatusSkp.DITUTUP and skp.disetujui_pada is not None
    )


def penilai_skp(skp: Skp) -> Pegawai | None:
    """Who evaluates the SKP: the pejabat penilai snapshotted at approval, else the pegawai's current one."""
    return skp.pejabat_penilai or skp.pegawai.pejabat_penilai


def unit_penilai(pegawai: Pegawai) -> int:
    """The unit whose capaian a penilai's team is read against: their jabatan's unit, else their own."""
    return pegawai.jabatan.unit_kerja_id if pegawai.jabatan_id else pegawai.unit_kerja_id


def unit_dipimpin_skp(skp: Skp) -> int | None:
    """The unit the pegawai led in the position of this SKP (its jabatan snapshot), or None."""
    if skp.jabatan_id is None:
        return struktur.unit_dipimpin(skp.pegawai)
    return struktur.unit_dipimpin(Pegawai(jabatan=skp.jabatan))


def mulai_penilaian(periode: PeriodeKinerja, jadwal: JadwalPeriode | None) -> date | None:
    """From when the penilaian may be opened: the start of its period; the annual one from the start
    of the last period of the year (None: the year has no periods)."""
    if jadwal is not None:
        return jadwal.tanggal_mulai
    terakhir = JadwalPeriode.objects.filter(periode=periode).order_by("-nomor").first()
    return terakhir.tanggal_mulai if terakhir else None


def jadwal_berlaku_untuk_skp(skp: Skp, jadwal: JadwalPeriode) -> bool:
    return jadwal.tanggal_mulai <= skp.tanggal_selesai and jadwal.tanggal_selesai >= skp.tanggal_mulai


def _rating(value, label: str) -> RatingKerja | None:
    if value in (None, ""):
        return None
    try:
        return RatingKerja(value)
    except ValueError:
        raise ValidationError(
            _("Rating %(label)s tidak dikenal: %(nilai)s.") % {"label": label, "nilai": value}
        ) from None


def _pastikan_penilai(pejabat_penilai_id: int, by, pesan: str) -> None:
    me = akses_of(by).pegawai if by is not None else None
    if me is None or me.pk != pejabat_penilai_id:
        raise PermissionDenied(pesan)


# --- open and rate ------------------------------------------------------------------------------


@transaction.atomic
def buka_penilaian(skp: Skp, jadwal: JadwalPeriode | None, by) -> Penilaian:
    """The penilaian of an approved SKP for one period (jadwal) or the year (None), created on first use
    with the snapshot of who evaluates it and who hears a keberatan."""
    existing = Penilaian.objects.filter(skp=skp, jadwal=jadwal).first()
    if existing is not None:
        return existing
    periode = skp.periode
    if not skp_dapat_dinilai(skp):
        raise WorkflowError(_("Penilaian hanya dapat dibuka untuk SKP yang sudah disetujui."))
    if jadwal is not None and jadwal.periode_id != skp.periode_id:
        raise WorkflowError(_("Periode penilaian tidak termasuk tahun SKP ini."))
    if jadwal is not None and not jadwal_berlaku_untuk_skp(skp, jadwal):
        raise WorkflowError(
            _("SKP ini tidak berlaku pada %(periode)s.") % {"periode": nama_periode(periode, jadwal)}
        )
    mulai = mulai_penilaian(periode, jadwal)
    if mulai is None or timezone.localdate() < mulai:
        raise WorkflowError(
            _("Penilaian %(periode)s baru dapat dibuka mulai %(tanggal)s.")
            % {
                "periode": nama_periode(periode, jadwal),
                "tanggal": date_format(mulai, "j F Y") if mulai else "—",
            }
        )
    penilai = penilai_skp(skp)
    if penilai is None:
        raise WorkflowError(
            _("%(nama)s belum memiliki pejabat penilai; tetapkan pejabat penilainya terlebih dahulu.")
            % {"nama": skp.pegawai.nama_lengkap}
        )
    if by is not None:
        akses = akses_of(by)
        if not (akses.pegawai and akses.pegawai.pk == penilai.pk) and not akses.is_admin_of(
            skp.pegawai.instansi_id
        ):
            raise PermissionDenied(_("Hanya pejabat penilai yang dapat membuka penilaian ini."))
    try:
        with transaction.atomic():
            penilaian = Penilaian.objects.create(
                skp=skp,
                jadwal=jadwal,
                periode=periode,
                pegawai=skp.pegawai,
                unit_kerja_id=skp.unit_kerja_id,
                pejabat_penilai=penilai,
                atasan_pejabat_penilai_id=penilai.pejabat_penilai_id or skp.pegawai.atasan_pejabat_penilai_id,
            )
    except IntegrityError:  # opened at the same moment by another request
        return Penilaian.objects.get(skp=skp, jadwal=jadwal)
    riwayat.catat(penilaian, "buka", by, periode=nama_periode(periode, jadwal))
    return penilaian


def capaian_skp(
    skp: Skp, jadwal_id: int | None, penilai: Pegawai | None
) -> tuple[CapaianKinerjaOrganisasi | None, int | None]:
    """The capaian that applies to the penilaian of an SKP and the unit the pegawai leads (None for a
    team member): for a unit's pimpinan the capaian of that unit (decision f), otherwise the capaian
    the penilai's team is read against (printed on the dokumen evaluasi)."""
    dipimpin = unit_dipimpin_skp(skp)
    unit = dipimpin if dipimpin is not None else (unit_penilai(penilai) if penilai else None)
    if unit is None:
        return None, dipimpin
    return struktur.capaian_berlaku(unit, skp.periode_id, jadwal_id), dipimpin


@transaction.atomic
def simpan_penilaian(
    penilaian: Penilaian,
    *,
    rhk_ratings: Mapping[int, tuple[str, str]],
    rating_hasil_kerja: str = "",
    rating_perilaku: str = "",
    catatan: str = "",
    by,
) -> Penilaian:
    """Stores the pejabat penilai's judgement of each rencana hasil kerja (rating "" = not judged yet;
    an RHK left out keeps its judgement), the two ratings and the note; sets the predikat from the
    matrix when both ratings are set (regulasi.md §3.4–§3.7)."""
    _pastikan_penilai(
        penilaian.pejabat_penilai_id,
        by,
        _("Hanya pejabat penilai pegawai ini yang dapat mengisi penilaiannya."),
    )
    if penilaian.final:
        raise WorkflowError(pesan_final())
    rhk_skp = dict(RencanaHasilKerja.objects.filter(skp_id=penilaian.skp_id).values_list("id", "urutan"))
    dinilai: dict[int, tuple[RatingKerja, str]] = {}
    dikosongkan: list[int] = []
    for rhk_id, (nilai, catatan_rhk) in rhk_ratings.items():
        try:
            rhk_id = int(rhk_id)
        except (TypeError, ValueError):
            rhk_id = None
        if rhk_id not in rhk_skp:
            raise ValidationError(_("Rencana hasil kerja yang dinilai bukan bagian dari SKP ini."))
        rating = _rating(nilai, _("rencana hasil kerja"))
        catatan_rhk = (catatan_rhk or "").strip()
        if rating is None:
            if catatan_rhk:
                raise ValidationError(
                    _("Catatan rencana hasil kerja nomor %(no)s memerlukan rating.") % {"no": rhk_skp[rhk_id]}
                )
            dikosongkan.append(rhk_id)
        else:
            dinilai[rhk_id] = (rating, catatan_rhk)
    hasil = _rating(rating_hasil_kerja, _("hasil kerja"))
    perilaku = _rating(rating_perilaku, _("perilaku kerja"))

    capaian, dipimpin = capaian_skp(penilaian.skp, penilaian.jadwal_id, penilaian.pejabat_penilai)
    if dipimpin is not None:  # decision f: the unit's capaian is the pimpinan's rating hasil kerja
        if capaian is None:
            raise ValidationError(
                _(
                    "Capaian organisasi unit yang dipimpin %(nama)s untuk %(periode)s belum ditetapkan; "
                    "rating hasil kerjanya diambil dari capaian tersebut."
                )
                % {
                    "nama": penilaian.pegawai.nama_lengkap,
                    "periode": nama_periode(penilaian.periode, penilaian.jadwal),
                }
            )
        hasil = rating_hasil_kerja_pimpinan(CapaianOrganisasi(capaian.capaian))
    predikat = predikat_kinerja(hasil, perilaku) if hasil and perilaku else ""
    now = timezone.now()
    fields = {
        "rating_hasil_kerja": hasil or "",
        "rating_perilaku": perilaku or "",
        "predikat": predikat,
        "capaian_organisasi": capaian.capaian if capaian else "",
        "rating_dari_capaian": dipimpin is not None,
        "catatan": (catatan or "").strip(),
    }
    # Compare-and-swap on the status: a finalisation that won the race keeps its ratings.
    if not Penilaian.objects.filter(pk=penilaian.pk, status=StatusPenilaian.DRAF).update(
        **fields, updated_at=now
    ):
        raise WorkflowError(pesan_final())
    penilaian_berubah()
    if dikosongkan:
        PenilaianRhk.objects.filter(penilaian=penilaian, rhk_id__in=dikosongkan).delete()
    if dinilai:
        PenilaianRhk.objects.bulk_create(
            [
                PenilaianRhk(penilaian=penilaian, rhk_id=k, rating=r, catatan=c)
                for k, (r, c) in dinilai.items()
            ],
            update_conflicts=True,
            unique_fields=["penilaian", "rhk"],
            update_fields=["rating", "catatan", "updated_at"],
        )
    for name, value in fields.items():
        setattr(penilaian, name, value)
    penilaian.updated_at = now
    riwayat.catat(
        penilaian,
        "simpan",
        by,
        rating_hasil_kerja=fields["rating_hasil_kerja"],
        rating_perilaku=fields["rating_perilaku"],
        predikat=predikat,
        rating_dari_capaian=dipimpin is not None,
        rhk={str(k): r.value for k, (r, _c) in dinilai.items()},
    )
    return penilaian


# --- the suggested rating hasil kerja -----------------------------------------------------------


def saran_dari(jenis_rhk: Mapping[int, str], rhk_ratings: Mapping[int, str]) -> SaranRating | None:
    """The suggested rating hasil kerja from the rating of every RHK (`jenis_rhk`: RHK id -> jenis);
    None while some RHK is not judged (or the SKP has no hasil kerja utama)."""
    hasil = []
    for rhk_id, jenis in jenis_rhk.items():
        try:
            rating = RatingKerja(rhk_ratings.get(rhk_id) or "")
        except ValueError:
            return None
        hasil.append(HasilRhk(rating, utama=jenis == RencanaHasilKerja.Jenis.UTAMA))
    if not hasil:
        return None
    try:
        return saran_rating_hasil_kerja(hasil)
    except ValueError:  # no hasil kerja utama
        return None


def saran(penilaian: Penilaian) -> SaranRating | None:
    """The suggestion from the stored judgements of a penilaian (seed 002 "3.b"; aturan)."""
    jenis = dict(RencanaHasilKerja.objects.filter(skp_id=penilaian.skp_id).values_list("id", "jenis"))
    ratings = dict(PenilaianRhk.objects.filter(penilaian=penilaian).values_list("rhk_id", "rating"))
    return saran_dari(jenis, ratings)


# --- finalise a team ----------------------------------------------------------------------------


def ringkasan_tim(
    pejabat_penilai: Pegawai, periode: PeriodeKinerja, jadwal: JadwalPeriode | None
) -> tuple[CapaianKinerjaOrganisasi | None, RingkasanDistribusi]:
    """The capaian a penilai's team is read against and the team's distribution (every penilaian of
    theirs in that period with a predikat, draft or final)."""
    jadwal_id = jadwal.pk if jadwal else None
    capaian = struktur.capaian_berlaku(unit_penilai(pejabat_penilai), periode.pk, jadwal_id)
    jumlah = struktur.jumlah_predikat(struktur.penilaian_tim(pejabat_penilai.pk, periode.pk, jadwal_id))
    return capaian, ringkasan_distribusi(jumlah, capaian.capaian if capaian else None)


def _daftar_pelanggaran(ringkasan: RingkasanDistribusi) -> str:
    return "; ".join(p.aturan for p in ringkasan.pelanggaran)


@transaction.atomic
def finalisasi_tim(
    pejabat_penilai: Pegawai,
    periode: PeriodeKinerja,
    jadwal: JadwalPeriode | None,
    *,
    alasan: str = "",
    by,
) -> list[Penilaian]:
    """Finalises every draft penilaian of this penilai in that period that has a predikat (the others
    stay draft), after checking the team's distribution against the capaian's pattern (decision a):
    a deviation needs a written justification, or is refused when the instansi made the check strict.
    Each pegawai is notified."""
    _pastikan_penilai(
        pejabat_penilai.pk, by, _("Hanya pejabat penilai yang dapat memfinalisasi penilaian timnya.")
    )
    label = nama_periode(periode, jadwal)
    jadwal_id = jadwal.pk if jadwal else None
    siap = list(
        struktur.penilaian_tim(pejabat_penilai.pk, periode.pk, jadwal_id)
        .filter(status=StatusPenilaian.DRAF)
        .exclude(predikat="")
        .select_related("pegawai__user")
        .order_by("pegawai__nama", "id")
    )
    if not siap:
        raise WorkflowError(
            _("Belum ada penilaian %(periode)s yang lengkap (berpredikat) untuk difinalisasi.")
            % {"periode": label}
        )
    capaian, ringkasan = ringkasan_tim(pejabat_penilai, periode, jadwal)
    if capaian is None:
        raise WorkflowError(
            _(
                "Capaian organisasi unit Anda untuk %(periode)s belum ditetapkan. Tetapkan capaian "
                "organisasi (oleh pimpinan satu tingkat di atas) terlebih dahulu."
            )
            % {"periode": label}
        )
    alasan = (alasan or "").strip()
    if ringkasan.menyimpang:
        konteks = {
            "capaian": CapaianOrganisasi(capaian.capaian).label,
            "daftar": _daftar_pelanggaran(ringkasan),
        }
        if PengaturanPenilaian.untuk(periode.instansi_id).distribusi_ketat:
            raise WorkflowError(
                _(
                    "Distribusi predikat tim menyimpang dari pola capaian organisasi %(capaian)s "
                    "(%(daftar)s) dan instansi Anda tidak mengizinkan penyimpangan. Sesuaikan penilaian "
                    "terlebih dahulu."
                )
                % konteks
            )
        if len(alasan) < ALASAN_MINIMAL:
            raise WorkflowError(
                _(
                    "Distribusi predikat tim menyimpang dari pola capaian organisasi %(capaian)s "
                    "(%(daftar)s). Tuliskan justifikasi paling sedikit %(n)s karakter untuk memfinalisasi."
                )
                % (konteks | {"n": ALASAN_MINIMAL})
            )
    now = timezone.now()
    ids = [p.pk for p in siap]
    # Compare-and-swap: two finalisations at once cannot both finalise (nor one change a rating meanwhile).
    n = (
        Penilaian.objects.filter(pk__in=ids, status=StatusPenilaian.DRAF)
        .exclude(predikat="")
        .update(status=StatusPenilaian.FINAL, difinalisasi_pada=now, updated_at=now)
    )
    penilaian_berubah()
    if n != len(ids):
        raise WorkflowError(
            _("Sebagian penilaian baru saja diubah atau difinalisasi. Muat ulang halaman lalu coba lagi.")
        )
    if ringkasan.menyimpang:
        JustifikasiDistribusi.objects.create(
            pejabat_penilai=pejabat_penilai,
            periode=periode,
            jadwal=jadwal,
            capaian_organisasi=capaian.capaian,
            pelanggaran=ringkasan.pelanggaran_json,
            alasan=alasan,
            dibuat_oleh=by,
        )
    hari = PengaturanPenilaian.untuk(periode.instansi_id).batas_keberatan_hari
    for p in siap:
        p.status, p.difinalisasi_pada, p.updated_at = StatusPenilaian.FINAL, now, now
        riwayat.catat(
            p,
            "finalisasi",
            by,
            predikat=p.predikat,
            capaian_organisasi=capaian.capaian,
            menyimpang=ringkasan.menyimpang,
        )
        beri_tahu(
            [p.pegawai.user],
            _("Hasil evaluasi kinerja %(periode)s telah ditetapkan") % {"periode": label},
            _(
                "Predikat kinerja Anda: %(predikat)s. Anda dapat mengajukan keberatan kepada atasan pejabat "
                "penilai paling lambat %(hari)s hari setelah menerima hasil evaluasi."
            )
            % {"predikat": p.get_predikat_display(), "hari": hari},
            reverse("penilaian:hasil", args=[p.pk]),
        )
    hasil_ditetapkan.send(Penilaian, penilaian=siap, by=by, perubahan=False)
    return siap
