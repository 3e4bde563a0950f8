"""Usulan pengembangan kompetensi: validation (JP range, alasan, penilaian of another pegawai), who may
propose, change, withdraw and reject, the prefilled form from an evaluation, the list's query count."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kinerja.penilaian.tests.factories import penilaian_dengan, skp_disetujui
from kinerja.penilaian.workflow import WorkflowError
from kinerja.tindak_lanjut import usulan as layanan
from kinerja.tindak_lanjut.models import JenisPengembangan, StatusUsulan, UsulanPengembangan

SEKAR, BAWONO, RINA, DIMAS = (
    "199106112012062001",
    "198103021999121001",
    "199708222020122003",
    "199503142019031004",
)
MAYA = "199402282018012001"
LIST = reverse("tindak_lanjut:usulan-list")
CREATE = reverse("tindak_lanjut:usulan-create")


def _data(pegawai, **kw):
    base = {
        "pegawai": pegawai,
        "tahun": 2027,
        "jenis": JenisPengembangan.PELATIHAN_TEKNIS,
        "nama_kegiatan": "Pelatihan analisis jabatan",
        "jp": 40,
        "alasan": "Kesenjangan kompetensi analisis jabatan",
    }
    return layanan.DataUsulan(**(base | kw))


def _post(pegawai, **kw):
    base = {
        "pegawai": pegawai.pk,
        "tahun": 2027,
        "jenis": JenisPengembangan.PELATIHAN_TEKNIS,
        "nama_kegiatan": "Pelatihan analisis jabatan",
        "jp": 40,
        "alasan": "Kesenjangan kompetensi analisis jabatan",
    }
    return {k: v for k, v in (base | kw).items() if v is not None}


@pytest.fixture
def orang(demo):
    return {
        "sekar": demo[SEKAR],
        "bawono": demo[BAWONO],
        "rina": demo[RINA],
        "dimas": demo[DIMAS],
        "maya": demo[MAYA],
    }


# --- services ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_penilai_proposes_for_a_team_member(orang):
    u = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    assert (u.status, u.jp, u.tahun, u.diusulkan_oleh) == (
        StatusUsulan.DIUSULKAN,
        40,
        2027,
        orang["bawono"].user,
    )


@pytest.mark.django_db
def test_pegawai_proposes_for_herself_but_not_for_a_colleague(orang):
    assert layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["sekar"].user).pegawai == orang["sekar"]
    with pytest.raises(PermissionDenied):
        layanan.buat_usulan(data=_data(orang["rina"]), by=orang["sekar"].user)
    assert UsulanPengembangan.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "pesan"),
    [
        ("jp", 0, "antara 1 dan 500"),
        ("jp", 501, "antara 1 dan 500"),
        ("alasan", "   ", "Alasan"),
        ("nama_kegiatan", "", "kegiatan"),
        ("jenis", "wisata", "Bentuk pengembangan"),
    ],
)
def test_invalid_usulan_is_refused_and_nothing_saved(orang, field, value, pesan):
    with pytest.raises(WorkflowError, match=pesan):
        layanan.buat_usulan(data=_data(orang["sekar"], **{field: value}), by=orang["bawono"].user)
    assert not UsulanPengembangan.objects.exists()


@pytest.mark.django_db
def test_jp_bounds_are_inclusive(orang):
    for jp in (1, 500):
        assert layanan.buat_usulan(data=_data(orang["sekar"], jp=jp), by=orang["bawono"].user).jp == jp


@pytest.mark.django_db
def test_penilaian_of_another_pegawai_or_not_final_is_refused(orang):
    rina_final = penilaian_dengan(skp_disetujui(orang["rina"]), final=True)
    with pytest.raises(WorkflowError, match="bukan penilaian pegawai"):
        layanan.buat_usulan(data=_data(orang["sekar"], penilaian=rina_final), by=orang["bawono"].user)
    sekar_draf = penilaian_dengan(skp_disetujui(orang["sekar"]))
    with pytest.raises(WorkflowError, match="telah final"):
        layanan.buat_usulan(data=_data(orang["sekar"], penilaian=sekar_draf), by=orang["bawono"].user)
    assert not UsulanPengembangan.objects.exists()


@pytest.mark.django_db
def test_linked_penilaian_gives_the_year(orang):
    p = penilaian_dengan(skp_disetujui(orang["sekar"], tahun=2026), final=True)
    u = layanan.buat_usulan(data=_data(orang["sekar"], tahun=2027, penilaian=p), by=orang["bawono"].user)
    assert (u.tahun, u.penilaian) == (2026, p)


@pytest.mark.django_db
def test_change_and_withdraw_only_while_diusulkan(orang):
    u = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    layanan.ubah_usulan(usulan=u, data=_data(orang["sekar"], jp=24), by=orang["bawono"].user)
    assert UsulanPengembangan.objects.get().jp == 24
    UsulanPengembangan.objects.filter(pk=u.pk).update(status=StatusUsulan.DALAM_NOTA)
    u.refresh_from_db()
    with pytest.raises(WorkflowError, match="tidak dapat diubah"):
        layanan.ubah_usulan(usulan=u, data=_data(orang["sekar"], jp=8), by=orang["bawono"].user)
    with pytest.raises(WorkflowError):
        layanan.hapus_usulan(usulan=u, by=orang["bawono"].user)
    u.refresh_from_db()
    assert (u.jp, u.status) == (24, StatusUsulan.DALAM_NOTA)


@pytest.mark.django_db
def test_pegawai_cannot_change_her_penilai_usulan_but_her_own(orang):
    dari_penilai = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    sendiri = layanan.buat_usulan(data=_data(orang["sekar"], jp=10), by=orang["sekar"].user)
    with pytest.raises(PermissionDenied):
        layanan.hapus_usulan(usulan=dari_penilai, by=orang["sekar"].user)
    layanan.hapus_usulan(usulan=sendiri, by=orang["sekar"].user)
    assert list(UsulanPengembangan.objects.all()) == [dari_penilai]


@pytest.mark.django_db
def test_penilai_rejects_a_self_proposed_usulan(orang):
    u = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["sekar"].user)
    with pytest.raises(PermissionDenied):
        layanan.tolak_usulan(usulan=u, by=orang["sekar"].user)
    layanan.tolak_usulan(usulan=u, by=orang["bawono"].user)
    assert UsulanPengembangan.objects.get().status == StatusUsulan.DITOLAK
    with pytest.raises(WorkflowError):
        layanan.tolak_usulan(usulan=u, by=orang["bawono"].user)


# --- views ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_form_is_prefilled_from_the_evaluation(orang, client_as):
    p = penilaian_dengan(skp_disetujui(orang["sekar"]), final=True)
    form = client_as(orang["bawono"].user).get(CREATE, {"penilaian": p.pk}).context["form"]
    assert (form.initial["pegawai"], form.initial["penilaian"], form.initial["tahun"]) == (
        orang["sekar"].pk,
        p.pk,
        2027,
    )
    # a penilaian out of reach is ignored, not prefilled
    form = client_as(orang["maya"].user).get(CREATE, {"penilaian": p.pk}).context["form"]
    assert "penilaian" not in form.initial


@pytest.mark.django_db
def test_create_through_the_form(orang, client_as):
    client = client_as(orang["bawono"].user)
    response = client.post(CREATE, _post(orang["sekar"]))
    assert response.status_code == 302
    assert UsulanPengembangan.objects.get().pegawai == orang["sekar"]


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), [("jp", 0), ("jp", 501), ("alasan", ""), ("jp", None)])
def test_form_refuses_bad_input_with_a_message(orang, client_as, field, value):
    response = client_as(orang["bawono"].user).post(CREATE, _post(orang["sekar"], **{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not UsulanPengembangan.objects.exists()


@pytest.mark.django_db
def test_form_refuses_penilaian_of_another_team_member(orang, client_as):
    rina_final = penilaian_dengan(skp_disetujui(orang["rina"]), final=True)
    response = client_as(orang["bawono"].user).post(CREATE, _post(orang["sekar"], penilaian=rina_final.pk))
    assert "bukan penilaian pegawai" in str(response.context["form"].non_field_errors())
    assert not UsulanPengembangan.objects.exists()


@pytest.mark.django_db
def test_form_refuses_a_pegawai_outside_the_team(orang, client_as):
    response = client_as(orang["sekar"].user).post(CREATE, _post(orang["rina"]))
    assert response.context["form"].errors["pegawai"]
    assert not UsulanPengembangan.objects.exists()


@pytest.mark.django_db
def test_post_actions_by_role(orang, client_as):
    u = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    hapus = reverse("tindak_lanjut:usulan-hapus", args=[u.pk])
    tolak = reverse("tindak_lanjut:usulan-tolak", args=[u.pk])
    assert client_as(orang["maya"].user).post(hapus).status_code == 404
    assert client_as(orang["sekar"].user).post(hapus).status_code == 403
    assert client_as(orang["dimas"].user).post(tolak).status_code == 403  # admin sees it, may not reject
    assert UsulanPengembangan.objects.get().status == StatusUsulan.DIUSULKAN
    assert client_as(orang["bawono"].user).post(tolak).status_code == 302
    assert UsulanPengembangan.objects.get().status == StatusUsulan.DITOLAK
    # a rejected usulan cannot be withdrawn: a message, nothing changed
    response = client_as(orang["bawono"].user).post(hapus, follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert UsulanPengembangan.objects.count() == 1


@pytest.mark.django_db
def test_edit_of_a_sent_usulan_is_refused_with_a_message(orang, client_as):
    u = layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    UsulanPengembangan.objects.filter(pk=u.pk).update(status=StatusUsulan.DITERUSKAN)
    url = reverse("tindak_lanjut:usulan-edit", args=[u.pk])
    response = client_as(orang["bawono"].user).post(url, _post(orang["sekar"], jp=8), follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert UsulanPengembangan.objects.get().jp == 40


@pytest.mark.django_db
def test_list_scopes_per_role(orang, client_as):
    layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    layanan.buat_usulan(data=_data(orang["rina"]), by=orang["bawono"].user)

    def names(user, **q):
        page = client_as(user).get(LIST, q).context["page"]
        return sorted(u.pegawai.nip for u in page)

    assert names(orang["sekar"].user) == [SEKAR]
    assert names(orang["bawono"].user, lingkup="tim") == sorted([SEKAR, RINA])
    assert names(orang["bawono"].user, lingkup="saya") == []
    assert names(orang["dimas"].user) == sorted([SEKAR, RINA])  # admin instansi: the whole instansi
    assert names(orang["maya"].user) == []


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(orang, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(orang["bawono"].user)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST).status_code == 200
        return len(ctx.captured_queries)

    layanan.buat_usulan(data=_data(orang["sekar"]), by=orang["bawono"].user)
    sedikit = count()
    p = penilaian_dengan(skp_disetujui(orang["rina"]), final=True)
    for i in range(8):
        pegawai = orang["rina"] if i % 2 else orang["sekar"]
        layanan.buat_usulan(
            data=_data(pegawai, jp=i + 1, penilaian=p if pegawai == orang["rina"] else None),
            by=orang["bawono"].user,
        )
    assert count() == sedikit
