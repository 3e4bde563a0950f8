"""Kinerja settings: one module, driven by the environment (see .env.example)."""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: str) -> bool:
    value = os.getenv(name, default)
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name}={value!r}: use True or False")
    return value == "True"


def env_int(name: str, default: int) -> int:
    value = os.getenv(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: use a whole number") from None


def env_secret(name: str, default: str = "") -> str:
    """Reads NAME, or the file named by NAME_FILE (healthchecks' envsecret)."""
    path = os.getenv(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.getenv(name, default)


env = environ.Env()
# A local `.env` (never committed; `make install` writes one for development) fills in what the
# process environment does not set. Variables already in the environment always win.
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env_bool("DJANGO_DEBUG", "False")
SECRET_KEY = env_secret("DJANGO_SECRET_KEY", "insecure-dev-key-only-for-debug" if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is False")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "simple_history",
    "django_tasks_db",
    "kinerja.core",
    "kinerja.organisasi",
    "kinerja.sop",
    "kinerja.perencanaan",
    "kinerja.pelaksanaan",
    "kinerja.penilaian",
    "kinerja.tindak_lanjut",
    "kinerja.ipasn",
    "kinerja.dokumen",
    "kinerja.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files under gunicorn, no web server needed
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kinerja" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.core.context_processors.navigation",
            ],
        },
    },
]

(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'kinerja.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
            "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;"
        ),
    }
# Shared by all workers of one host by default; set KINERJA_CACHE_URL=redis://... for several hosts.
CACHES = {"default": env.cache("KINERJA_CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}")}
# No ATOMIC_REQUESTS: on SQLite every request would take the write lock (BEGIN IMMEDIATE) and
# serialise all workers. Writes are atomic where they happen: in the services (transaction.atomic).
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "kinerja.core.backends.KinerjaBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failures (django-axes), counted per NIP and per address.
AXES_FAILURE_LIMIT = env_int("KINERJA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("KINERJA_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_CALLABLE = "kinerja.core.auth_forms.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Serve straight from the apps' static folders (no collectstatic step on a fresh machine).
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.getenv("KINERJA_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))


def storages_from_env() -> dict:
    """Uploaded files (bukti dukung) go to MEDIA_ROOT, or to an S3-compatible bucket when
    KINERJA_S3_BUCKET is set (docs/operasi.md, "Penyimpanan bukti dukung"). Files are never served
    from a public URL: downloads go through a view that checks the right to see the SKP."""
    default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    bucket = os.getenv("KINERJA_S3_BUCKET", "")
    if bucket:
        options = {
            "bucket_name": bucket,
            "access_key": env_secret("KINERJA_S3_ACCESS_KEY") or None,
            "secret_key": env_secret("KINERJA_S3_SECRET_KEY") or None,
            "endpoint_url": os.getenv("KINERJA_S3_ENDPOINT_URL") or None,
            "region_name": os.getenv("KINERJA_S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,  # two uploads with the same name never replace each other
        }
        default = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {k: v for k, v in options.items() if v is not None},
        }
    return {
        "default": default,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


STORAGES = storages_from_env()
# Size limit of one bukti dukung file, in MB.
KINERJA_BUKTI_MAKS_MB = env_int("KINERJA_BUKTI_MAKS_MB", 10)
# Angka kredit for PPPK in a jabatan fungsional: whether they accumulate is UNVERIFIED (regulasi.md §3.11);
# off by default.
KINERJA_AK_PPPK = env_bool("KINERJA_AK_PPPK", "False")

_email_backend = os.getenv("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": (
            {
                "host": os.getenv("DJANGO_EMAIL_HOST", "localhost"),
                "port": env_int("DJANGO_EMAIL_PORT", 25),
                "username": os.getenv("DJANGO_EMAIL_USER", ""),
                "password": os.getenv("DJANGO_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", "False"),
            }
            if _email_backend.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = os.getenv("DJANGO_DEFAULT_FROM_EMAIL", "kinerja@localhost")

TASKS = {
    "default": {
        "BACKEND": os.getenv("KINERJA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Upload limits: a spreadsheet larger than this is refused before it is read.
KINERJA_IMPORT_MAX_BYTES = env_int("KINERJA_IMPORT_MAX_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
KINERJA_PAGE_SIZE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("DJANGO_LOG_LEVEL", "WARNING")},
}
