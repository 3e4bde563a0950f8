"""Login with NIP (argon2), lockout after repeated failures, password change and reset."""

import pytest
from django.core import mail
from django.urls import reverse

from config import settings as project_settings

SEKAR = "199106112012062001"


def test_production_hasher_is_argon2():
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", [SEKAR, "19910611 201206 2 001", " 199106112012062001 "])
def test_login_with_nip_as_written(demo, client, typed):
    response = client.post(reverse("login"), {"username": typed, "password": "kinerja-demo"})
    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")


@pytest.mark.django_db
def test_wrong_password_message_is_indonesian(demo, client):
    response = client.post(reverse("login"), {"username": SEKAR, "password": "salah"})
    assert response.status_code == 200
    assert "NIP atau kata sandi salah" in response.content.decode()


@pytest.mark.django_db
def test_lockout_after_repeated_failures(demo, client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post(reverse("login"), {"username": SEKAR, "password": "salah"})
    # Even the right password is refused while locked, whatever the spacing of the NIP.
    response = client.post(
        reverse("login"), {"username": "19910611 201206 2 001", "password": "kinerja-demo"}
    )
    assert response.status_code == 429
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_change(demo, client):
    client.post(reverse("login"), {"username": SEKAR, "password": "kinerja-demo"})
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "kinerja-demo",
            "new_password1": "Bambu-Runcing-1945",
            "new_password2": "Bambu-Runcing-1945",
        },
    )
    assert response.status_code == 302
    demo[SEKAR].user.refresh_from_db()
    assert demo[SEKAR].user.check_password("Bambu-Runcing-1945")


@pytest.mark.django_db
@pytest.mark.parametrize("identitas", [SEKAR, f"{SEKAR}@demo.kinerja.local", "19910611 201206 2 001"])
def test_password_reset_by_nip_or_email(demo, client, mailoutbox, identitas):
    response = client.post(reverse("password_reset"), {"email": identitas})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [f"{SEKAR}@demo.kinerja.local"]
    link = next(line for line in message.body.splitlines() if "/akun/atur-ulang/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {
            "new_password1": "Bambu-Runcing-1945",
            "new_password2": "Bambu-Runcing-1945",
        },
    )
    assert response.status_code == 302
    demo[SEKAR].user.refresh_from_db()
    assert demo[SEKAR].user.check_password("Bambu-Runcing-1945")


@pytest.mark.django_db
def test_password_reset_unknown_sends_nothing(demo, client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "000000000000000000"})
    assert response.status_code == 302 and mail.outbox == []


@pytest.mark.django_db
def test_logout_is_post_only(demo, client):
    client.post(reverse("login"), {"username": SEKAR, "password": "kinerja-demo"})
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 302  # signed out


@pytest.mark.django_db
def test_every_demo_account_logs_in(client):
    from kinerja.organisasi.demo import DEMO_PASSWORD, load_demo

    accounts = load_demo()
    assert {peran for peran, _u, _n in accounts} >= {
        "pegawai",
        "pejabat penilai",
        "atasan pejabat penilai",
        "pimpinan",
        "admin instansi / Analis SDM",
        "superadmin",
    }
    for _peran, username, _nama in accounts:
        client.logout()
        response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        assert client.get(reverse("core:dashboard")).status_code == 200
