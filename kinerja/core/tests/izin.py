"""Shared pieces of the permission matrix: the roles, the usual expectations, and the collection of
the matrices that each stage keeps beside its tests (modules named ``izin*.py`` in ``kinerja/*/tests``,
each with a ``MATRIX`` dict of URL name -> (args builder, {role: status}))."""

import importlib
import pkgutil
from pathlib import Path

ROLES = [
    "anonim",
    "pegawai",
    "pejabat_penilai",
    "atasan_pejabat_penilai",
    "analis_sdm",
    "pimpinan",
    "outsider",
    "superadmin",
]
LOGIN = 302  # anonymous users are sent to the login page


def _all(code):
    return dict.fromkeys(ROLES[1:], code) | {"anonim": LOGIN}


def _admin_only(other=403, outsider=None):
    return _all(other) | {"analis_sdm": 200, "superadmin": 200, "outsider": outsider or other}


def matriks_tahap() -> dict:
    """Every stage's MATRIX, merged; a URL name defined twice is an error."""
    root = Path(__file__).resolve().parents[2]
    merged: dict = {}
    for app in sorted(p for p in root.iterdir() if (p / "tests").is_dir()):
        for mod in pkgutil.iter_modules([str(app / "tests")]):
            if not mod.name.startswith("izin") or app.name == "core":
                continue
            matrix = importlib.import_module(f"kinerja.{app.name}.tests.{mod.name}").MATRIX
            double = set(matrix) & set(merged)
            assert not double, f"URL names in two matrices: {double}"
            merged |= matrix
    return merged
