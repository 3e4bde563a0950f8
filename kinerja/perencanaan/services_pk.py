"""Writes to the Perjanjian Kinerja / Renstra: save from the form, delete, write an import. Each is one
transaction and checks its preconditions first; a refusal is a `PkDitolak` with Indonesian messages.

A sasaran that a rencana hasil kerja of an SKP refers to is never removed silently (the link would be
lost): deleting it, or the PK holding it, is refused, and so is moving that PK to another unit or year.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi.models import UnitKerja

from .models import IndikatorKinerjaUtama, PerjanjianKinerja, RencanaHasilKerja, SasaranStrategis
from .selectors_pk import boleh_kelola


class PkDitolak(Exception):
    """The PK cannot be saved or deleted as asked; `masalah` lists every reason (Indonesian)."""

    def __init__(self, *masalah: str):
        super().__init__(" ".join(masalah))
        self.masalah = list(masalah)


@dataclass(frozen=True)
class IkuData:
    uraian: str
    target: str
    id: int | None = None


@dataclass(frozen=True)
class SasaranData:
    uraian: str
    indikator: tuple[IkuData, ...]
    id: int | None = None


@dataclass(frozen=True)
class BarisImpor:
    """One checked row of an import: one IKU with its sasaran and PK."""

    baris: int
    unit_id: int
    tahun: int
    sumber: str
    no_sasaran: int
    sasaran: str
    no_indikator: int
    indikator: str
    target: str


def _pastikan_boleh(by, instansi_id: int) -> None:
    if not boleh_kelola(by, instansi_id):
        raise PermissionDenied(
            _("Hanya admin instansi dan pimpinan instansi yang dapat mengelola perjanjian kinerja.")
        )


def _pesan_duplikat(unit: UnitKerja, tahun: int, sumber: str) -> str:
    return _("%(sumber)s %(unit)s tahun %(tahun)s sudah ada; ubah yang sudah ada.") % {
        "sumber": PerjanjianKinerja.Sumber(sumber).label,
        "unit": unit.nama,
        "tahun": tahun,
    }


def _rujukan_per_sasaran(pk: PerjanjianKinerja) -> dict[int, int]:
    """sasaran id -> how many rencana hasil kerja refer to it (only the referred ones)."""
    return dict(
        RencanaHasilKerja.objects.filter(sasaran__perjanjian=pk)
        .values_list("sasaran_id")
        .annotate(n=Count("id"))
        .values_list("sasaran_id", "n")
    )


def _periksa_isi(sasaran: Sequence[SasaranData]) -> None:
    """The form checks these with messages per field; here they guard every other caller."""
    if not sasaran:
        raise PkDitolak(_("Isi minimal satu sasaran strategis."))
    for s in sasaran:
        if not s.uraian.strip() or not s.indikator:
            raise PkDitolak(_("Setiap sasaran strategis harus memiliki uraian dan minimal satu indikator."))
        for i in s.indikator:
            if not i.uraian.strip() or not i.target.strip() or len(i.target) > 100:
                raise PkDitolak(_("Setiap indikator kinerja harus memiliki uraian dan target."))


@transaction.atomic
def simpan_pk(
    *,
    pk: PerjanjianKinerja | None,
    unit_kerja: UnitKerja,
    tahun: int,
    sumber: str,
    sasaran: Sequence[SasaranData],
    by,
) -> PerjanjianKinerja:
    """Creates a PK (`pk` None) or makes `pk` exactly as given: sasaran and IKU with an id are updated,
    without one created, the ones left out deleted; numbers follow the order given."""
    _pastikan_boleh(by, unit_kerja.instansi_id)
    if pk is not None:
        _pastikan_boleh(by, pk.unit_kerja.instansi_id)
    _periksa_isi(sasaran)
    duplikat = PerjanjianKinerja.objects.filter(unit_kerja=unit_kerja, tahun=tahun, sumber=sumber)
    if pk is not None:
        duplikat = duplikat.exclude(pk=pk.pk)
    if duplikat.exists():
        raise PkDitolak(_pesan_duplikat(unit_kerja, tahun, sumber))

    if pk is None:
        pk = PerjanjianKinerja(unit_kerja=unit_kerja, tahun=tahun, sumber=sumber)
        lama_sasaran, lama_iku, rujukan = {}, {}, {}
    else:
        lama_sasaran = {s.pk: s for s in pk.sasaran_set.all()}
        lama_iku = {i.pk: i for i in IndikatorKinerjaUtama.objects.filter(sasaran__perjanjian=pk)}
        rujukan = _rujukan_per_sasaran(pk)
        if rujukan and (unit_kerja.pk != pk.unit_kerja_id or tahun != pk.tahun):
            raise PkDitolak(
                _(
                    "Sasaran perjanjian kinerja ini sudah dirujuk oleh %(n)s rencana hasil kerja SKP; "
                    "unit kerja dan tahunnya tidak dapat diubah."
                )
                % {"n": sum(rujukan.values())}
            )
        pk.unit_kerja, pk.tahun, pk.sumber = unit_kerja, tahun, sumber

    masalah = []
    dipakai = {s.id for s in sasaran if s.id is not None}
    for sid in set(lama_sasaran) - dipakai:
        if rujukan.get(sid):
            masalah.append(
                _("Sasaran “%(s)s” dirujuk oleh %(n)s rencana hasil kerja SKP sehingga tidak dapat dihapus.")
                % {"s": lama_sasaran[sid].uraian, "n": rujukan[sid]}
            )
    for s in sasaran:
        asing = (s.id is not None and s.id not in lama_sasaran) or any(
            i.id is not None and (i.id not in lama_iku or lama_iku[i.id].sasaran_id != s.id)
            for i in s.indikator
        )
        if asing:
            masalah.append(_("Data perjanjian kinerja ini baru saja diubah orang lain; muat ulang halaman."))
            break
    if masalah:
        raise PkDitolak(*masalah)

    try:
        with transaction.atomic():
            pk.save()
    except IntegrityError:  # the same PK created at the same moment by someone else
        raise PkDitolak(_pesan_duplikat(unit_kerja, tahun, sumber)) from None

    SasaranStrategis.objects.filter(pk__in=set(lama_sasaran) - dipakai).delete()
    iku_dipakai = {i.id for s in sasaran for i in s.indikator if i.id is not None}
    IndikatorKinerjaUtama.objects.filter(pk__in=set(lama_iku) - iku_dipakai).delete()

    now = timezone.now()
    ubah_sasaran, ubah_iku, baru_iku = [], [], []
    for no, s in enumerate(sasaran, start=1):
        if s.id is None:
            obj = SasaranStrategis.objects.create(perjanjian=pk, urutan=no, uraian=s.uraian)
        else:
            obj = lama_sasaran[s.id]
            if (obj.urutan, obj.uraian) != (no, s.uraian):
                obj.urutan, obj.uraian, obj.updated_at = no, s.uraian, now
                ubah_sasaran.append(obj)
        for no_i, i in enumerate(s.indikator, start=1):
            if i.id is None:
                baru_iku.append(
                    IndikatorKinerjaUtama(sasaran=obj, urutan=no_i, uraian=i.uraian, target=i.target)
                )
                continue
            iku = lama_iku[i.id]
            if (iku.urutan, iku.uraian, iku.target) != (no_i, i.uraian, i.target):
                iku.urutan, iku.uraian, iku.target, iku.updated_at = no_i, i.uraian, i.target, now
                ubah_iku.append(iku)
    SasaranStrategis.objects.bulk_update(ubah_sasaran, ["urutan", "uraian", "updated_at"])
    IndikatorKinerjaUtama.objects.bulk_update(ubah_iku, ["urutan", "uraian", "target", "updated_at"])
    IndikatorKinerjaUtama.objects.bulk_create(baru_iku)
    return pk


@transaction.atomic
def hapus_pk(*, pk: PerjanjianKinerja, by) -> None:
    """Deletes the PK with its sasaran and IKU, unless an SKP rencana hasil kerja refers to one."""
    _pastikan_boleh(by, pk.unit_kerja.instansi_id)
    n = RencanaHasilKerja.objects.filter(sasaran__perjanjian=pk).count()
    if n:
        raise PkDitolak(
            _(
                "%(pk)s tidak dapat dihapus: sasarannya dirujuk oleh %(n)s rencana hasil kerja SKP. "
                "Lepaskan rujukan itu di SKP terlebih dahulu."
            )
            % {"pk": pk, "n": n}
        )
    pk.delete()


def _jumlah() -> dict[str, int]:
    return {"dibuat": 0, "diubah": 0, "tetap": 0}


@transaction.atomic
def tulis_impor(*, baris: Sequence[BarisImpor], instansi_id: int, by) -> dict[str, dict[str, int]]:
    """Upserts checked import rows by (unit, tahun, sumber, no_sasaran, no_indikator); what the file does
    not name is kept. Returns per level how many were created, changed or left as they were."""
    _pastikan_boleh(by, instansi_id)
    jumlah = {"perjanjian": _jumlah(), "sasaran": _jumlah(), "indikator": _jumlah()}
    now = timezone.now()

    pk_kunci = {(b.unit_id, b.tahun, b.sumber) for b in baris}
    perjanjian = {
        (p.unit_kerja_id, p.tahun, p.sumber): p
        for p in PerjanjianKinerja.objects.filter(
            unit_kerja_id__in={k[0] for k in pk_kunci}, tahun__in={k[1] for k in pk_kunci}
        )
    }
    for kunci in sorted(pk_kunci):
        if kunci in perjanjian:
            jumlah["perjanjian"]["tetap"] += 1
        else:  # one by one: the PK keeps a history, which bulk_create would skip
            perjanjian[kunci] = PerjanjianKinerja.objects.create(
                unit_kerja_id=kunci[0], tahun=kunci[1], sumber=kunci[2]
            )
            jumlah["perjanjian"]["dibuat"] += 1

    pk_ids = [perjanjian[k].pk for k in pk_kunci]
    sasaran: dict[tuple[int, int], SasaranStrategis] = {}
    for s in SasaranStrategis.objects.filter(perjanjian_id__in=pk_ids).order_by("-id"):
        sasaran[s.perjanjian_id, s.urutan] = s  # the oldest wins if a number is used twice
    dilihat, baru, ubah = set(), [], []
    for b in baris:
        kunci = (perjanjian[b.unit_id, b.tahun, b.sumber].pk, b.no_sasaran)
        if kunci in dilihat:
            continue
        dilihat.add(kunci)
        s = sasaran.get(kunci)
        if s is None:
            s = SasaranStrategis(perjanjian_id=kunci[0], urutan=kunci[1], uraian=b.sasaran)
            sasaran[kunci] = s
            baru.append(s)
        elif s.uraian != b.sasaran:
            s.uraian, s.updated_at = b.sasaran, now
            ubah.append(s)
        else:
            jumlah["sasaran"]["tetap"] += 1
    SasaranStrategis.objects.bulk_create(baru)
    SasaranStrategis.objects.bulk_update(ubah, ["uraian", "updated_at"])
    jumlah["sasaran"]["dibuat"], jumlah["sasaran"]["diubah"] = len(baru), len(ubah)

    iku: dict[tuple[int, int], IndikatorKinerjaUtama] = {}
    sasaran_ids = [s.pk for s in sasaran.values()]
    for i in IndikatorKinerjaUtama.objects.filter(sasaran_id__in=sasaran_ids).order_by("-id"):
        iku[i.sasaran_id, i.urutan] = i
    baru, ubah = [], []
    for b in baris:
        s = sasaran[perjanjian[b.unit_id, b.tahun, b.sumber].pk, b.no_sasaran]
        i = iku.get((s.pk, b.no_indikator))
        if i is None:
            baru.append(
                IndikatorKinerjaUtama(sasaran=s, urutan=b.no_indikator, uraian=b.indikator, target=b.target)
            )
        elif (i.uraian, i.target) != (b.indikator, b.target):
            i.uraian, i.target, i.updated_at = b.indikator, b.target, now
            ubah.append(i)
        else:
            jumlah["indikator"]["tetap"] += 1
    IndikatorKinerjaUtama.objects.bulk_create(baru)
    IndikatorKinerjaUtama.objects.bulk_update(ubah, ["uraian", "target", "updated_at"])
    jumlah["indikator"]["dibuat"], jumlah["indikator"]["diubah"] = len(baru), len(ubah)
    return jumlah
