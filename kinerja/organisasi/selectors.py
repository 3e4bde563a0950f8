"""Scoped, preloaded reads of the organisation.

Outside the user's reach an object is simply not in these querysets (the view answers 404).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from kinerja.core.access import akses_of

from .models import Instansi, Jabatan, Pegawai, PenugasanPlt, UnitKerja

# What a list row shows, read as plain tuples: a page of 50 stays light whatever the instansi size.
ROW_FIELDS = (
    "id",
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "status",
    "aktif",
    "jabatan__nama",
    "unit_kerja__nama",
)

MASALAH = {
    "tanpa_jabatan": Q(jabatan__isnull=True),
    "tanpa_penilai": Q(pejabat_penilai__isnull=True, penilai_pimpinan_instansi=False),
    "tanpa_email": Q(email=""),
}


def visible_instansi(user) -> QuerySet[Instansi]:
    akses = akses_of(user)
    if akses.is_superadmin:
        return Instansi.objects.all()
    ids = set(akses.pengelola_instansi_ids)
    if akses.instansi_id:
        ids.add(akses.instansi_id)
    return Instansi.objects.filter(pk__in=ids)


def pegawai_scope(user, prefix: str = "") -> Q:
    """Who `user` may see, as a condition on Pegawai fields under `prefix` (e.g. "pegawai__"): filtering
    a related model through a join is cheaper than a `pegawai__in=<subquery>`."""
    akses = akses_of(user)
    if akses.is_superadmin:
        return Q()
    scope = Q(**{f"{prefix}instansi_id__in": akses.pengelola_instansi_ids})
    if akses.pegawai:
        me = akses.pegawai.pk
        scope |= (
            Q(**{f"{prefix}pk" if prefix else "pk": me})
            | Q(**{f"{prefix}pejabat_penilai_id": me})
            | Q(**{f"{prefix}atasan_pejabat_penilai_id": me})
        )
    return scope


def dapat_melihat(user, pegawai: Pegawai) -> bool:
    """`pegawai_scope` for one loaded pegawai, without a query: a detail page fetches its object by
    primary key and checks here (test_permissions proves both agree for every demo pegawai)."""
    akses = akses_of(user)
    if akses.is_superadmin or pegawai.instansi_id in akses.pengelola_instansi_ids:
        return True
    me = akses.pegawai.pk if akses.pegawai else None
    return me is not None and me in (
        pegawai.pk,
        pegawai.pejabat_penilai_id,
        pegawai.atasan_pejabat_penilai_id,
    )


def visible_pegawai(user) -> QuerySet[Pegawai]:
    """A pegawai sees themself and their team; admin and pimpinan see their whole instansi."""
    return Pegawai.objects.filter(pegawai_scope(user))


def visible_unit(user) -> QuerySet[UnitKerja]:
    """The unit tree is shown to everyone in the instansi (people inside it are still scoped)."""
    return UnitKerja.objects.filter(instansi__in=visible_instansi(user))


def visible_jabatan(user) -> QuerySet[Jabatan]:
    return Jabatan.objects.filter(instansi__in=visible_instansi(user))


def pegawai_list(
    user,
    *,
    q: str = "",
    unit: UnitKerja | None = None,
    status: str = "",
    jenis_jabatan: str = "",
    aktif: bool | None = None,
    tim: str = "",
    masalah: str = "",
) -> QuerySet[Pegawai]:
    qs = visible_pegawai(user)
    me = akses_of(user).pegawai
    if tim == "langsung":
        qs = qs.filter(pejabat_penilai=me) if me else qs.none()
    elif tim == "atasan":
        qs = qs.filter(atasan_pejabat_penilai=me) if me else qs.none()
    if masalah in MASALAH:
        qs = qs.filter(MASALAH[masalah])
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q.replace(" ", "")))
    if unit is not None:
        qs = qs.filter(unit_kerja=unit)
    if status:
        qs = qs.filter(status=status)
    if jenis_jabatan:
        qs = qs.filter(jabatan__jenis=jenis_jabatan)
    if aktif is not None:
        qs = qs.filter(aktif=aktif)
    return qs.order_by("nama", "id").values_list(*ROW_FIELDS, named=True)


def pegawai_detail(user) -> QuerySet[Pegawai]:
    """Visible pegawai with everything the profile page shows joined in."""
    return visible_pegawai(user).select_related(
        "instansi",
        "jabatan",
        "jabatan__atasan",
        "unit_kerja",
        "pejabat_penilai",
        "pejabat_penilai__jabatan",
        "atasan_pejabat_penilai",
        "atasan_pejabat_penilai__jabatan",
        "pejabat_penilai_khusus",
    )


def penugasan_of(pegawai: Pegawai) -> QuerySet[PenugasanPlt]:
    return pegawai.penugasan_set.select_related("jabatan")


def unit_tree(instansi: Instansi) -> list[dict]:
    """The whole unit tree of an instansi in one query for units and one for head counts."""
    from django.db.models import Count

    counts = dict(
        Pegawai.objects.filter(instansi=instansi, aktif=True)
        .values_list("unit_kerja_id")
        .annotate(n=Count("id"))
        .values_list("unit_kerja_id", "n")
    )
    units = list(
        UnitKerja.objects.filter(instansi=instansi)
        .order_by("kode")
        .values("id", "kode", "nama", "induk_id", "aktif")
    )
    children: dict[int | None, list[dict]] = {}
    for u in units:
        u["jumlah_pegawai"] = counts.get(u["id"], 0)
        children.setdefault(u["induk_id"], []).append(u)

    def build(parent_id, depth, seen):
        nodes = []
        for u in children.get(parent_id, []):
            if u["id"] in seen:
                continue
            nodes.append({**u, "depth": depth, "anak": build(u["id"], depth + 1, seen | {u["id"]})})
        return nodes

    return build(None, 0, frozenset())


def flatten_tree(nodes: list[dict]) -> list[dict]:
    out = []
    for n in nodes:
        out.append(n)
        out.extend(flatten_tree(n["anak"]))
    return out


@dataclass
class Perubahan:
    record: object
    changes: list[tuple[str, str, str]]  # (field label, old value, new value) ready to show


def riwayat_pegawai(pegawai: Pegawai, limit: int = 50) -> list[Perubahan]:
    """The pegawai's history, newest first, each entry with its readable field changes.

    One query for the records and one per referenced model (jabatan, unit, penilai) for names.
    """
    records = list(
        pegawai.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    deltas = []
    for newer, older in zip(records[:limit], records[1:] + [None], strict=False):
        changes = newer.diff_against(older, excluded_fields=["created_at"]).changes if older else []
        deltas.append((newer, changes))
    related = {"jabatan": Jabatan, "unit_kerja": UnitKerja, "pejabat_penilai_khusus": Pegawai}
    wanted: dict[str, set] = {name: set() for name in related}
    for _record, changes in deltas:
        for c in changes:
            if c.field in related:
                wanted[c.field].update(v for v in (c.old, c.new) if v)
    names = {
        name: {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}
        for name, model in related.items()
        for ids in [wanted[name]]
    }

    def show(field, value) -> str:
        if value in (None, ""):
            return "—"
        if field.name in names:
            return names[field.name].get(value, str(value))
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("Ya") if value else gettext("Tidak")
        return str(value)

    out = []
    for record, changes in deltas:
        rows = []
        for c in changes:
            field = Pegawai._meta.get_field(c.field)
            rows.append((str(field.verbose_name), show(field, c.old), show(field, c.new)))
        out.append(Perubahan(record, rows))
    return out
