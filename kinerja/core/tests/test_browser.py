"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium; never `playwright install`)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pegawai_logs_in_and_sees_dashboard(page, login_as):
    login_as("19910611 201206 2 001")
    assert "Selamat datang, Sekar Satiti" in page.content()
    # Bootstrap is loaded from the project's own static files (no CDN): the navbar is laid out.
    assert page.evaluate("getComputedStyle(document.querySelector('.navbar')).display") == "flex"
    assert page.locator(".card-header", has_text="Profil saya").is_visible()
    page.get_by_role("link", name="Pegawai", exact=True).click()
    assert page.locator("tbody tr").count() == 1  # a pegawai sees only themself


def test_penilai_logs_in_and_sees_team(page, login_as):
    login_as("198103021999121001")
    assert page.get_by_text("Tim yang saya nilai").is_visible()
    page.get_by_role("link", name="Pegawai yang Anda nilai sebagai pejabat penilai kinerja").click()
    page.wait_for_url("**/organisasi/pegawai/?tim=langsung")
    assert page.locator("tbody tr").count() == 4
    page.get_by_label("Cari nama atau NIP").fill("sekar")
    page.wait_for_function("document.querySelectorAll('tbody tr').length === 1")  # htmx live search
    assert "Sekar Satiti" in page.locator("tbody").inner_text()


def test_wrong_password_shows_indonesian_message(page):
    page.goto("/akun/masuk/")
    page.get_by_label("NIP").fill("199106112012062001")
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    assert page.get_by_text("NIP atau kata sandi salah").is_visible()
