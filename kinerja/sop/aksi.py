"""System actions of SOP steps: a step whose ``aksi`` names a registered action runs it when taken.

An action is ``fn(proses, jejak, by) -> list[DokumenAksi]``; the documents it returns are stored on the
step's pass. It declares the keluaran it produces (``menghasilkan``) so that the step's form shows them
as made by the system and the engine does not ask the user for them. Apps register their actions from
their own modules (e.g. ``kinerja/ipasn/sop_aksi.py``); this module knows none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


class DokumenAksi(NamedTuple):
    nama: str
    teks: str
    isi: bytes | None
    nama_berkas: str


@dataclass(frozen=True)
class Aksi:
    kode: str
    fn: Callable
    menghasilkan: tuple[str, ...]


_registry: dict[str, Aksi] = {}


def register(kode: str, *, menghasilkan: tuple[str, ...] | list[str] = ()):
    """Decorator: ``@register("hitung_ip_asn", menghasilkan=["Data capaian IP ASN"])``."""

    def decorator(fn: Callable) -> Callable:
        if kode in _registry and _registry[kode].fn is not fn:
            raise ValueError(f"SOP action {kode!r} registered twice")
        _registry[kode] = Aksi(kode, fn, tuple(menghasilkan))
        return fn

    return decorator


def unregister(kode: str) -> None:
    _registry.pop(kode, None)


def get(kode: str) -> Aksi | None:
    return _registry.get(kode)


def dihasilkan(kode: str) -> tuple[str, ...]:
    """The keluaran an action produces (none for a step without a registered action)."""
    aksi = _registry.get(kode) if kode else None
    return aksi.menghasilkan if aksi else ()
