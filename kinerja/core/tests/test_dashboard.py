"""A dashboard per role with what awaits the user's action."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("pegawai", ["Profil saya"]),
        (
            "pejabat_penilai",
            ["Tim yang saya nilai", "Pegawai yang Anda nilai sebagai pejabat penilai kinerja"],
        ),
        ("atasan_pejabat_penilai", ["Pegawai yang Anda awasi sebagai atasan pejabat penilai"]),
        ("analis_sdm", ["Data kepegawaian yang perlu dilengkapi"]),
        ("pimpinan", ["Ringkasan instansi", "Pegawai aktif"]),
        ("superadmin", ["Superadmin"]),
    ],
)
def test_dashboard_per_role(cast, client_as, role, expected):
    html = client_as(cast[role]).get(reverse("core:dashboard")).content.decode()
    for text in expected:
        assert text in html, (role, text)


@pytest.mark.django_db
def test_admin_sees_pegawai_without_penilai(cast, demo, client_as):
    sekar = demo["199106112012062001"]
    sekar.jabatan = None
    sekar.save()
    from kinerja.organisasi.services import refresh_penilai

    refresh_penilai(sekar.instansi)
    response = client_as(cast["analis_sdm"]).get(reverse("core:dashboard"))
    items = {i.teks: i.jumlah for s in response.context["sections"] for i in s.items}
    assert items["Pegawai aktif tanpa jabatan"] == 1
    assert items["Pegawai aktif tanpa pejabat penilai"] == 1
    listed = client_as(cast["analis_sdm"]).get(reverse("organisasi:pegawai-list") + "?masalah=tanpa_penilai")
    assert [p.nip for p in listed.context["page"]] == [sekar.nip]


@pytest.mark.django_db
def test_penilai_team_counts(cast, client_as):
    response = client_as(cast["pejabat_penilai"]).get(reverse("core:dashboard"))
    items = {i.teks: i.jumlah for s in response.context["sections"] for i in s.items}
    assert items["Pegawai yang Anda nilai sebagai pejabat penilai kinerja"] == 4  # Sekar, Dimas, Rina, Yoga


@pytest.mark.django_db
def test_english_is_switchable(cast, client_as):
    client = client_as(cast["pegawai"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("core:dashboard")).content.decode()
    assert 'lang="en"' in html
    assert "Home" in html and "Beranda" not in html  # the English catalogue (locale/en) is used


@pytest.mark.django_db
def test_notifications_listed_and_marked_read(
    cast, client_as, mailoutbox, django_capture_on_commit_callbacks
):
    from kinerja.core.models import Notifikasi
    from kinerja.core.notifikasi import beri_tahu

    user = cast["pegawai"]
    with django_capture_on_commit_callbacks(execute=True):
        beri_tahu([user], "SKP 2027 Anda disetujui", "Pejabat penilai menyetujui SKP Anda.", "/skp/")
    assert mailoutbox[0].subject == "[Kinerja] SKP 2027 Anda disetujui" and mailoutbox[0].to == [user.email]
    client = client_as(user)
    items = {
        i.teks: i.jumlah for s in client.get(reverse("core:dashboard")).context["sections"] for i in s.items
    }
    assert items["Notifikasi belum dibaca"] == 1
    assert "SKP 2027 Anda disetujui" in client.get(reverse("core:notifikasi")).content.decode()
    client.post(reverse("core:notifikasi"))
    assert not Notifikasi.objects.filter(user=user, dibaca_pada__isnull=True).exists()
    # Nobody else sees it.
    assert (
        "SKP 2027" not in client_as(cast["pejabat_penilai"]).get(reverse("core:notifikasi")).content.decode()
    )
