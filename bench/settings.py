"""Benchmark settings: production-like (DEBUG off) plus one minimal logged-in view for comparison."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")

from config.settings import *  # noqa: E402, F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
AXES_ENABLED = False  # thousands of logins from one address are the benchmark, not an attack
