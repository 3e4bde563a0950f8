"""One permission matrix over every URL of the app: scoped objects answer 404, forbidden actions 403."""

import pytest
from django.urls import get_resolver, reverse

from kinerja.organisasi.models import Jabatan, UnitKerja

from .izin import LOGIN, ROLES, _admin_only, _all, matriks_tahap

SEKAR, AGUS = "199106112012062001", "198209152006041005"


def _import_job(demo):
    from kinerja.organisasi.models import ImportJob

    instansi = demo[SEKAR].instansi
    return ImportJob.objects.create(
        instansi=instansi, berkas="impor/x.csv", nama_berkas="x.csv", status="berhasil"
    ).pk


def _skp(demo):
    from kinerja.perencanaan import services

    sekar = demo[SEKAR]
    periode = services.periode_tahun(sekar.instansi, 2027)
    return sekar.skp_set.first() or services.buka_skp(pegawai=sekar, periode=periode)


def _rhk(demo):
    from kinerja.perencanaan.models import IndikatorKinerjaIndividu, RencanaHasilKerja

    rhk = RencanaHasilKerja.objects.create(skp=_skp(demo), uraian="Terevaluasinya promosi ASN")
    IndikatorKinerjaIndividu.objects.create(rhk=rhk, uraian="Persentase evaluasi", target_teks="100%")
    return rhk


def _pegawai(demo, nip):
    return demo[nip].pk


def _perjanjian(demo):
    """A PK of BKPSDM: the unit above Sekar's, Bawono's and Dimas's, and Amirudin's own."""
    from kinerja.perencanaan.models import PerjanjianKinerja

    unit = UnitKerja.objects.get(kode="BKPSDM")
    return PerjanjianKinerja.objects.get_or_create(unit_kerja=unit, tahun=2027)[0].pk


def _pengelola_pk(other=403, outsider=None):
    """Perjanjian kinerja are managed by the admin instansi and the pimpinan."""
    return _admin_only(other, outsider) | {"pimpinan": 200}


def _periode(demo):
    from kinerja.perencanaan import services

    return services.periode_tahun(demo[SEKAR].instansi, 2027).pk


# name -> (args builder, {role: expected status})
MATRIX = {
    "core:dashboard": (None, _all(200)),
    "core:health": (None, dict.fromkeys(ROLES, 200)),
    "core:notifikasi": (None, _all(200)),
    "login": (None, dict.fromkeys(ROLES, 200) | {r: 302 for r in ROLES[1:]}),  # logged in: redirected
    "password_change": (None, _all(200)),
    "password_change_done": (None, _all(200)),
    "password_reset": (None, dict.fromkeys(ROLES, 200)),
    "password_reset_done": (None, dict.fromkeys(ROLES, 200)),
    "password_reset_confirm": (lambda d: ["MQ", "bukan-token"], dict.fromkeys(ROLES, 200)),
    "password_reset_complete": (None, dict.fromkeys(ROLES, 200)),
    "organisasi:unit-tree": (None, _all(200)),
    "organisasi:unit-create": (None, _admin_only()),
    "organisasi:unit-detail": (
        lambda d: [UnitKerja.objects.get(kode="BKPSDM").pk],
        _all(200) | {"outsider": 404},
    ),
    "organisasi:unit-edit": (lambda d: [UnitKerja.objects.get(kode="BKPSDM").pk], _admin_only(outsider=404)),
    "organisasi:jabatan-list": (None, _all(200)),
    "organisasi:jabatan-create": (None, _admin_only()),
    "organisasi:jabatan-edit": (
        lambda d: [Jabatan.objects.get(kode="KABID-IPKP").pk],
        _admin_only(outsider=404),
    ),
    "organisasi:pegawai-list": (None, _all(200)),
    "organisasi:pegawai-create": (None, _admin_only()),
    "organisasi:pegawai-detail": (lambda d: [_pegawai(d, SEKAR)], _all(200) | {"outsider": 404}),
    "organisasi:pegawai-edit": (lambda d: [_pegawai(d, SEKAR)], _admin_only(outsider=404)),
    "organisasi:penugasan-create": (lambda d: [_pegawai(d, SEKAR)], _admin_only(outsider=404)),
    "organisasi:impor": (None, _admin_only()),
    "organisasi:impor-templat": (lambda d: ["xlsx"], _admin_only()),
    "organisasi:ekspor": (None, _admin_only()),
    "organisasi:impor-status": (lambda d: [_import_job(d)], _admin_only(outsider=404)),
    "perencanaan:skp-saya": (None, _all(200)),
    "perencanaan:skp-inbox": (None, _all(200)),
    "perencanaan:klasifikasi": (None, _all(200)),
    "perencanaan:skp-detail": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "perencanaan:skp-pdf": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "perencanaan:skp-xlsx": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    # Reports scoped to what the user may see (their own instansi's units): open to everyone signed in.
    "perencanaan:pohon": (None, _all(200)),
    "perencanaan:rekap": (None, _all(200)),
    "perencanaan:rekap-xlsx": (None, _all(200)),
    # POST-only: a GET is refused (405) before anything is looked up; POST rights in test_views.
    "perencanaan:skp-aksi": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:skp-pindah": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:rhk-tambah": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:lampiran-simpan": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:ekspektasi-simpan": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:indikator-tambah": (lambda d: [_rhk(d).pk], _all(405)),
    "perencanaan:rhk-hapus": (lambda d: [_rhk(d).pk], _all(405)),
    "perencanaan:indikator-hapus": (lambda d: [_rhk(d).indikator_set.get().pk], _all(405)),
    "perencanaan:matriks": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "perencanaan:matriks-pdf": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "perencanaan:isi-matriks": (lambda d: [_skp(d).pk], _all(405)),
    "perencanaan:manual": (lambda d: [_rhk(d).indikator_set.get().pk], _all(200) | {"outsider": 404}),
    "perencanaan:manual-pdf": (lambda d: [_skp(d).pk], _all(200) | {"outsider": 404}),
    "perencanaan:periode-list": (None, _admin_only()),
    "perencanaan:periode-edit": (lambda d: [_periode(d)], _admin_only(outsider=404)),
    "perencanaan:pk-list": (None, _all(200)),
    "perencanaan:pk-detail": (lambda d: [_perjanjian(d)], _all(200) | {"outsider": 404}),
    "perencanaan:pk-create": (None, _pengelola_pk()),
    "perencanaan:pk-edit": (lambda d: [_perjanjian(d)], _pengelola_pk(outsider=404)),
    "perencanaan:pk-hapus": (lambda d: [_perjanjian(d)], _all(405)),
    "perencanaan:pk-impor": (None, _pengelola_pk()),
    "perencanaan:pk-impor-templat": (None, _pengelola_pk()),
}
MATRIX |= matriks_tahap()
# Outside the matrix's GET walk: logout is POST-only (tested in test_auth).
NOT_GET = {"logout"}


def _our_url_names():
    names = set()
    for pattern in get_resolver().url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if namespace in ("admin",) or str(pattern.pattern).startswith("i18n"):
            continue
        for sub in getattr(pattern, "url_patterns", [pattern]):
            if sub.name:
                names.add(f"{namespace}:{sub.name}" if namespace else sub.name)
    return names


def test_matrix_covers_every_url():
    assert _our_url_names() == set(MATRIX) | NOT_GET


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, cast, demo, client_as):
    """Every role against one URL (the demo is loaded once per URL, not once per role)."""
    args_builder, expected = MATRIX[name]
    url = reverse(name, args=args_builder(demo) if args_builder else None)
    salah = []
    for role in ROLES:
        response = client_as(cast[role]).get(url)
        if response.status_code != expected[role]:
            salah.append(f"{role}: {response.status_code} (expected {expected[role]})")
        elif (
            response.status_code == LOGIN
            and role == "anonim"
            and not response["Location"].startswith(reverse("login"))
        ):
            salah.append(f"anonim redirected to {response['Location']}")
    assert not salah, f"GET {url}: " + "; ".join(salah)


@pytest.mark.django_db
def test_penilai_sees_own_team_but_not_other_teams(cast, demo, client_as):
    client = client_as(cast["pejabat_penilai"])
    assert client.get(reverse("organisasi:pegawai-detail", args=[demo[SEKAR].pk])).status_code == 200
    assert client.get(reverse("organisasi:pegawai-detail", args=[demo[AGUS].pk])).status_code == 404
    listed = {p.nip for p in client.get(reverse("organisasi:pegawai-list")).context["page"]}
    assert SEKAR in listed and AGUS not in listed


@pytest.mark.django_db
def test_pegawai_sees_only_self(cast, demo, client_as):
    client = client_as(cast["pegawai"])
    listed = {p.nip for p in client.get(reverse("organisasi:pegawai-list")).context["page"]}
    assert listed == {SEKAR}
    boss = demo["198103021999121001"]
    assert client.get(reverse("organisasi:pegawai-detail", args=[boss.pk])).status_code == 404


@pytest.mark.django_db
def test_forbidden_post_changes_nothing(cast, demo, client_as):
    sekar = demo[SEKAR]
    for role in ("pegawai", "pejabat_penilai", "pimpinan"):
        response = client_as(cast[role]).post(
            reverse("organisasi:pegawai-edit", args=[sekar.pk]), {"nama": "Diubah", "nip": sekar.nip}
        )
        assert response.status_code == 403
    sekar.refresh_from_db()
    assert sekar.nama == "Sekar Satiti"
    response = client_as(cast["outsider"]).post(
        reverse("organisasi:pegawai-edit", args=[sekar.pk]), {"nama": "X"}
    )
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES[1:])
def test_python_visibility_check_agrees_with_the_scoped_queryset(cast, demo, role):
    from kinerja.organisasi.models import Pegawai
    from kinerja.organisasi.selectors import dapat_melihat, visible_pegawai

    user = cast[role]
    visible = set(visible_pegawai(user).values_list("pk", flat=True))
    for pegawai in Pegawai.objects.all():
        assert dapat_melihat(user, pegawai) is (pegawai.pk in visible), (role, pegawai.nip)
