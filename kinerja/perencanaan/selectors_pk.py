"""Scoped reads of the Perjanjian Kinerja / Renstra and their sasaran strategis.

Who sees a PK: the admin instansi and the pimpinan of its instansi (every unit), a pegawai the PK of
their own unit and of its ancestor units (what their SKP cascades from), the superadmin everything.
Who manages one (create, edit, delete, import): the admin instansi and the pimpinan of its instansi
and the superadmin.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from kinerja.core.access import akses_of
from kinerja.organisasi.models import Instansi, UnitKerja

from .models import IndikatorKinerjaUtama, PerjanjianKinerja, SasaranStrategis, Skp


def unit_dan_induk(unit_id: int) -> list[int]:
    """The id of a unit and of every unit above it, nearest first (one query for its instansi's tree)."""
    induk_of = dict(UnitKerja.objects.filter(instansi__unit_set=unit_id).values_list("id", "induk_id"))
    out, current = [], unit_id
    while current is not None and current not in out:  # a loop in the stored tree stops the walk
        out.append(current)
        current = induk_of.get(current)
    return out


def boleh_kelola(user, instansi_id: int) -> bool:
    """May `user` create, change, delete or import the PK of this instansi's units?"""
    akses = akses_of(user)
    return akses.is_admin_of(instansi_id) or instansi_id in akses.pimpinan_instansi_ids


def instansi_kelola(user) -> QuerySet[Instansi]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return Instansi.objects.all()
    return Instansi.objects.filter(pk__in=akses.admin_instansi_ids | akses.pimpinan_instansi_ids)


def unit_kelola(user) -> QuerySet[UnitKerja]:
    """The units a PK may be written for by this user."""
    return UnitKerja.objects.filter(instansi__in=instansi_kelola(user))


def unit_terlihat(user) -> QuerySet[UnitKerja]:
    """The units whose PK this user sees."""
    akses = akses_of(user)
    if akses.is_superadmin:
        return UnitKerja.objects.all()
    scope = Q(instansi_id__in=akses.pengelola_instansi_ids)
    if akses.pegawai is not None:
        scope |= Q(pk__in=unit_dan_induk(akses.pegawai.unit_kerja_id))
    return UnitKerja.objects.filter(scope)


def visible_pk(user) -> QuerySet[PerjanjianKinerja]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return PerjanjianKinerja.objects.all()
    return PerjanjianKinerja.objects.filter(unit_kerja__in=unit_terlihat(user))


def pk_list(user, *, tahun: int, unit: UnitKerja | None = None) -> QuerySet[PerjanjianKinerja]:
    """One query whatever the number of PK: unit joined in, sasaran and IKU counted in SQL."""
    qs = visible_pk(user).filter(tahun=tahun)
    if unit is not None:
        qs = qs.filter(unit_kerja=unit)
    return (
        qs.select_related("unit_kerja__instansi")
        .annotate(
            jumlah_sasaran=Count("sasaran_set", distinct=True),
            jumlah_iku=Count("sasaran_set__indikator_set", distinct=True),
        )
        .order_by("unit_kerja__instansi__nama", "unit_kerja__kode", "sumber")
    )


def pk_detail(user) -> QuerySet[PerjanjianKinerja]:
    """The PK with its sasaran (each counting the rencana hasil kerja that refer to it) and IKU."""
    return (
        visible_pk(user)
        .select_related("unit_kerja__instansi")
        .prefetch_related(
            Prefetch(
                "sasaran_set",
                SasaranStrategis.objects.annotate(jumlah_rhk=Count("rhk_set")).order_by("urutan", "id"),
            ),
            Prefetch("sasaran_set__indikator_set", IndikatorKinerjaUtama.objects.order_by("urutan", "id")),
        )
    )


def jumlah_rujukan(pk: PerjanjianKinerja) -> int:
    """How many rencana hasil kerja (of any SKP version) refer to a sasaran of this PK."""
    from .models import RencanaHasilKerja

    return RencanaHasilKerja.objects.filter(sasaran__perjanjian=pk).count()


def sasaran_untuk_skp(skp: Skp) -> QuerySet[SasaranStrategis]:
    """The sasaran strategis an SKP may refer to: those of the PK/Renstra of the SKP's year for its unit
    and the units above it, ordered by unit, sumber and number."""
    return (
        SasaranStrategis.objects.filter(
            perjanjian__tahun=skp.periode.tahun,
            perjanjian__unit_kerja_id__in=unit_dan_induk(skp.unit_kerja_id),
        )
        .select_related("perjanjian__unit_kerja")
        .order_by("perjanjian__unit_kerja__kode", "perjanjian__sumber", "urutan", "id")
    )
