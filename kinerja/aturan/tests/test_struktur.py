"""The package stays plain Python (style.md §1–§2; issue 3: "a test asserts that")."""

import ast
from pathlib import Path

import kinerja.aturan as aturan

PAKET = Path(aturan.__file__).parent


def _modul_diimpor(path: Path) -> list[str]:
    nodes = list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
    modules = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
    modules += [n.module or "" for n in nodes if isinstance(n, ast.ImportFrom)]
    return modules


def test_aturan_never_imports_django():
    files = [p for p in PAKET.rglob("*.py") if "tests" not in p.relative_to(PAKET).parts]
    assert len(files) >= 10
    for path in files:
        assert not any(m.split(".")[0] == "django" for m in _modul_diimpor(path)), path


def test_all_names_are_exported():
    for name in aturan.__all__:
        assert hasattr(aturan, name), name
    assert len(set(aturan.__all__)) == len(aturan.__all__)
