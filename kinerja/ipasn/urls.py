"""URLs: each part of the stage keeps its own list in a ``urls_*.py`` module."""

import importlib
import pkgutil
from pathlib import Path

app_name = "ipasn"
urlpatterns = [
    p
    for m in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name)
    if m.name.startswith("urls_")
    for p in importlib.import_module(f"{__package__}.{m.name}").urlpatterns
]
