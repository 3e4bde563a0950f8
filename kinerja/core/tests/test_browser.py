"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium; never `playwright install`)."""

import os
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the sync API runs an event loop in this thread
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def _login(page, nip):
    page.goto("/akun/masuk/")
    page.get_by_label("NIP").fill(nip)
    page.get_by_label("Kata sandi").fill("kinerja-demo")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/")


def test_pegawai_logs_in_and_sees_dashboard(page):
    _login(page, "19910611 201206 2 001")
    assert "Selamat datang, Sekar Satiti" in page.content()
    # Bootstrap is loaded from the project's own static files (no CDN): the navbar is laid out.
    assert page.evaluate("getComputedStyle(document.querySelector('.navbar')).display") == "flex"
    assert page.locator(".card-header", has_text="Profil saya").is_visible()
    page.get_by_role("link", name="Pegawai", exact=True).click()
    assert page.locator("tbody tr").count() == 1  # a pegawai sees only themself


def test_penilai_logs_in_and_sees_team(page):
    _login(page, "198103021999121001")
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
