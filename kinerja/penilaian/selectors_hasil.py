"""Scoped, preloaded reads of evaluation results and keberatan.

A penilaian is seen by its pegawai (once final: drafts are never shown to the pegawai), its pejabat
penilai and atasan pejabat penilai (the snapshot on the penilaian, or the pegawai's current ones), and
the admin and pimpinan of the instansi (`organisasi.selectors.dapat_melihat`). Out of reach: None (404).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from kinerja.aturan import CapaianOrganisasi, Predikat
from kinerja.core.access import akses_of
from kinerja.organisasi.selectors import dapat_melihat, pegawai_scope

from .keberatan import RIWAYAT_AKSI, RIWAYAT_DITERIMA, batas_hari, batas_keberatan
from .models import Keberatan, Penilaian, PenilaianRhk, RiwayatPenilaian
from .struktur import capaian_berlaku
from .workflow import AksiKeberatan, StatusKeberatan, StatusPenilaian

IDENTITAS = (
    "periode",
    "jadwal",
    "skp__jabatan",
    "skp__unit_kerja",
    "pegawai__instansi",
    "pegawai__user",
    "pejabat_penilai__jabatan",
    "pejabat_penilai__unit_kerja",
    "pejabat_penilai__user",
    "atasan_pejabat_penilai__jabatan",
    "atasan_pejabat_penilai__unit_kerja",
    "atasan_pejabat_penilai__user",
    "keberatan",
)


def _me(user) -> int | None:
    pegawai = akses_of(user).pegawai
    return pegawai.pk if pegawai else None


def boleh_melihat(user, penilaian: Penilaian) -> bool:
    """The rule of this module for one loaded penilaian (no query beyond `akses_of`)."""
    me = _me(user)
    if me is not None and me == penilaian.pegawai_id and not penilaian.final:
        return False
    if me is not None and me in (penilaian.pejabat_penilai_id, penilaian.atasan_pejabat_penilai_id):
        return True
    return dapat_melihat(user, penilaian.pegawai)


def penilaian_terlihat(user) -> QuerySet[Penilaian]:
    """The same rule as a queryset (for lists)."""
    qs = Penilaian.objects.all()
    akses = akses_of(user)
    if akses.is_superadmin:
        return qs
    me = _me(user)
    scope = pegawai_scope(user, "pegawai__")
    if me is not None:
        scope |= Q(pejabat_penilai_id=me) | Q(atasan_pejabat_penilai_id=me)
        return qs.filter(scope).exclude(pegawai_id=me, status=StatusPenilaian.DRAF)
    return qs.filter(scope)


def penilaian_hasil(user, pk: int) -> Penilaian | None:
    """One penilaian with everything its page and its document show, or None when out of reach."""
    try:
        p = (
            Penilaian.objects.select_related(*IDENTITAS, "keberatan__atasan")
            .prefetch_related(
                Prefetch(
                    "rhk_set",
                    PenilaianRhk.objects.select_related("rhk").order_by("rhk__jenis", "rhk__urutan"),
                )
            )
            .get(pk=pk)
        )
    except Penilaian.DoesNotExist:
        return None
    return p if boleh_melihat(user, p) else None


def keberatan_dari(penilaian: Penilaian) -> Keberatan | None:
    return getattr(penilaian, "keberatan", None)


def capaian_organisasi(penilaian: Penilaian) -> CapaianOrganisasi | None:
    """The capaian kinerja organisasi the evaluation was read against: the one stored on the penilaian
    (a unit's pimpinan), else the one in force for the pegawai's unit in that period."""
    if penilaian.capaian_organisasi:
        return CapaianOrganisasi(penilaian.capaian_organisasi)
    c = capaian_berlaku(penilaian.unit_kerja_id, penilaian.periode_id, penilaian.jadwal_id)
    return CapaianOrganisasi(c.capaian) if c else None


# --- my evaluations --------------------------------------------------------------------------------


@dataclass
class BarisSaya:
    penilaian: Penilaian
    keberatan: Keberatan | None
    batas: date | None  # last day to file a keberatan (after receipt)
    dapat_keberatan: bool


def penilaian_saya(user, today: date) -> list[BarisSaya]:
    """The pegawai's final penilaian, newest first (in a year: the annual one, then the last period),
    each with its receipt, keberatan and deadline: three queries whatever the number."""
    me = _me(user)
    if me is None:
        return []
    rows = list(
        Penilaian.objects.filter(pegawai_id=me, status=StatusPenilaian.FINAL)
        .select_related("periode", "jadwal", "keberatan")
        .order_by("-periode__tahun", F("jadwal__nomor").desc(nulls_first=True), "-id")
    )
    if not rows:
        return []
    hari = batas_hari(akses_of(user).pegawai.instansi_id)
    out = []
    for p in rows:
        k = keberatan_dari(p)
        batas = batas_keberatan(p.diterima_pada, hari)
        out.append(BarisSaya(p, k, batas, k is None and batas is not None and today <= batas))
    return out


# --- keberatan ---------------------------------------------------------------------------------------


def keberatan_terlihat(user) -> QuerySet[Keberatan]:
    """Keberatan on penilaian the user may see, plus those addressed to the user as atasan; open ones
    first, then the newest."""
    me = _me(user)
    visible = Q(penilaian__in=penilaian_terlihat(user))
    if me is not None:
        visible |= Q(atasan_id=me)
    terbuka = [StatusKeberatan.DIAJUKAN, StatusKeberatan.KLARIFIKASI]
    return (
        Keberatan.objects.filter(visible)
        .select_related("penilaian__pegawai", "penilaian__periode", "penilaian__jadwal", "atasan")
        .annotate(
            selesai=Case(
                When(status__in=terbuka, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("selesai", "-created_at", "-id")
    )


def keberatan_detail(user, pk: int) -> Keberatan | None:
    """One keberatan with its penilaian's identities, or None when out of reach."""
    try:
        k = Keberatan.objects.select_related(
            "atasan__user", "diputuskan_oleh", *(f"penilaian__{f}" for f in IDENTITAS if f != "keberatan")
        ).get(pk=pk)
    except Keberatan.DoesNotExist:
        return None
    me = _me(user)
    if (me is not None and me == k.atasan_id) or boleh_melihat(user, k.penilaian):
        return k
    return None


# --- history -----------------------------------------------------------------------------------------

_LABEL_RIWAYAT = {
    # written by the pejabat penilai's rating pages
    "buka": _("Penilaian dibuka"),
    "simpan": _("Penilaian disimpan"),
    "finalisasi": _("Penilaian difinalisasi"),
    # written by this part (receipt and keberatan)
    RIWAYAT_DITERIMA: _("Hasil evaluasi diterima pegawai"),
    RIWAYAT_AKSI["ajukan"]: _("Keberatan diajukan"),
    RIWAYAT_AKSI[AksiKeberatan.MINTA_PENJELASAN]: _("Atasan meminta penjelasan"),
    RIWAYAT_AKSI[AksiKeberatan.JELASKAN_PENILAI]: _("Penjelasan pejabat penilai"),
    RIWAYAT_AKSI[AksiKeberatan.JELASKAN_PEGAWAI]: _("Penjelasan pegawai"),
    RIWAYAT_AKSI[AksiKeberatan.KUATKAN]: _("Keberatan diputus: hasil dikuatkan"),
    RIWAYAT_AKSI[AksiKeberatan.UBAH]: _("Keberatan diputus: hasil diubah"),
}


@dataclass
class BarisRiwayat:
    waktu: datetime
    aksi: str
    label: str
    oleh: str
    catatan: str
    data: dict

    @property
    def perubahan(self) -> str:
        """ "Baik → Sangat Baik" for a change of result (data `semula` and `menjadi`), else ""."""
        lama, baru = self.data.get("semula") or {}, self.data.get("menjadi") or {}
        if not lama.get("predikat") or not baru.get("predikat"):
            return ""
        return f"{Predikat(lama['predikat']).label} → {Predikat(baru['predikat']).label}"


def label_riwayat(aksi: str) -> str:
    label = _LABEL_RIWAYAT.get(aksi)
    return str(label) if label else aksi.replace("_", " ").capitalize()


def riwayat(penilaian: Penilaian) -> list[BarisRiwayat]:
    """Every recorded step of the penilaian and its keberatan, oldest first (one query)."""
    rows = RiwayatPenilaian.objects.filter(penilaian=penilaian).select_related("oleh__pegawai")
    out = []
    for r in rows:
        pegawai = getattr(r.oleh, "pegawai", None) if r.oleh else None
        nama = (
            pegawai.nama_lengkap if pegawai else (r.oleh.get_full_name() or r.oleh.username if r.oleh else "")
        )
        out.append(BarisRiwayat(r.waktu, r.aksi, label_riwayat(r.aksi), nama, r.catatan, r.data or {}))
    return out
