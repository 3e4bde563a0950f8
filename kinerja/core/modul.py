"""Imports every module of a package whose name starts with a prefix (signal receivers, dashboard
sections, SOP actions), so that each part of an app registers itself from its own file."""

import importlib
import pkgutil
from pathlib import Path


def impor_modul(package: str, prefix: str) -> list[str]:
    path = Path(importlib.import_module(package).__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(path)]) if m.name.startswith(prefix))
    for name in names:
        importlib.import_module(f"{package}.{name}")
    return names
