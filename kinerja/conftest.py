"""Shared fixtures: the demo organisation and one account per role (the "cast")."""

import os
import shutil

import pytest

from kinerja.organisasi.demo import load_demo
from kinerja.organisasi.models import Pegawai

CAST_NIP = {
    "pegawai": "199106112012062001",  # Sekar Satiti, JF Analis SDM Ahli Muda
    "pejabat_penilai": "198103021999121001",  # Bawono Andi Widodo, Kabid (penilai of Sekar)
    "atasan_pejabat_penilai": "196804241998031011",  # H. Moh Amirudin, Kepala BKPSDM
    "analis_sdm": "199503142019031004",  # Dimas Prasetyo, admin instansi
    "pimpinan": "196411171992011002",  # Sekretaris Daerah, role pimpinan
    "outsider": "199402282018012001",  # Maya Sari, another instansi
}


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    """Argon2 is the production hasher (see test_settings); tests use a fast one."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _demo_rows(django_db_setup, django_db_blocker):
    """The rows `load_demo()` writes, captured once per session (inside a transaction that is rolled
    back): loading the demo through the models costs ~400 queries, inserting its rows ~40."""
    from django.apps import apps
    from django.db import transaction
    from django.test import override_settings

    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
    with django_db_blocker.unblock():
        before = {m: set(m._base_manager.values_list("pk", flat=True)) for m in models}
        with transaction.atomic():
            with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
                load_demo()
            rows = [(m, list(m._base_manager.exclude(pk__in=before[m]))) for m in models]
            transaction.set_rollback(True)
    return [(m, objs) for m, objs in rows if objs]


@pytest.fixture
def demo(db, _demo_rows):
    """The demo organisation (kinerja.organisasi.demo), inserted as rows in one transaction: every
    foreign key is checked at its end (deferred), so the order of the tables does not matter."""
    import copy

    from django.core.management.color import no_style
    from django.db import connection, transaction

    if not Pegawai.objects.filter(nip=CAST_NIP["pegawai"]).exists():
        with transaction.atomic():  # a transactional (browser) test has no surrounding transaction
            for model, objs in _demo_rows:
                model._base_manager.bulk_create(copy.deepcopy(objs))
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [m for m, _ in _demo_rows]):
                cursor.execute(sql)
    return {p.nip: p for p in Pegawai.objects.select_related("user", "instansi")}


@pytest.fixture
def cast(demo, django_user_model):
    """role -> User for every role of the permission matrix (anonymous is None)."""
    users = {role: demo[nip].user for role, nip in CAST_NIP.items()}
    users["superadmin"] = django_user_model.objects.get(username="admin")
    users["anonim"] = None
    return users


@pytest.fixture
def client_as(client):
    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks (e-mail, imports) run at once in tests, on the same database connection."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test gets an empty in-memory cache (cached counts must not leak between tests)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kinerja-test"}
    }
    from django.core.cache import cache

    cache.clear()


class _TanpaIngatan(dict):
    """A memo that never remembers: query counts in tests do not depend on what an earlier request of
    the same process left behind (the memo itself is tested in test_lingkup_pilihan)."""

    def __setitem__(self, key, value):
        pass


@pytest.fixture(autouse=True)
def _unit_tree_memo_off(monkeypatch):
    from kinerja.perencanaan import selectors_laporan

    monkeypatch.setattr(selectors_laporan, "_pohon", _TanpaIngatan())


# --- browser tests (Playwright with Debian's Chromium; never `playwright install`) ---

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the sync API runs an event loop in this thread
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


# Reference data written by data migrations (koefisien AK, the IP ASN table, SOP 001). A transactional
# test (the browser tests) flushes the database afterwards, so the next one loads it again.
DATA_MIGRATIONS = [
    ("kinerja.tindak_lanjut.migrations.0002_koefisien_awal", "seed"),
    ("kinerja.ipasn.migrations.0002_tabel_awal_sop_001", "seed"),
]


@pytest.fixture
def data_acuan(db):
    import importlib

    from django.apps import apps

    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def page(browser, live_server, demo, data_acuan):
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login_as(page):
    """Signs in through the login form (demo password) and waits for the dashboard."""

    def login(nip: str):
        page.context.clear_cookies()
        page.goto("/akun/masuk/")
        page.get_by_label("NIP").fill(nip)
        page.get_by_label("Kata sandi").fill("kinerja-demo")
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url("**/")
        return page

    return login
