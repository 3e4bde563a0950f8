"""Golongan ruang, pangkat and PPPK golongan.

Sources: regulasi.md §8.3 (BKN Kanreg Denpasar [S21b]) and §8.5 (PPPK golongan I–XVII [S58]).
"""

# regulasi.md §8.3: golongan ruang PNS, lowest first.
GOLONGAN_RUANG: tuple[str, ...] = (
    "I/a", "I/b", "I/c", "I/d",
    "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip

# regulasi.md §8.3: golongan ruang -> pangkat.
PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

# regulasi.md §8.5: PPPK golongan I–XVII (codes 01–17).
GOLONGAN_PPPK: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def label_pangkat(golongan_ruang: str) -> str:
    """Pangkat and golongan ruang written together as in seed 004: ``"Penata – III/c"``.

    Raises ``ValueError`` for an unknown golongan ruang.
    """
    try:
        pangkat = PANGKAT[golongan_ruang]
    except KeyError:
        raise ValueError(f"Golongan ruang {golongan_ruang!r} tidak dikenal.") from None
    return f"{pangkat} – {golongan_ruang}"


def golongan_berikut(golongan_ruang: str) -> str | None:
    """The next golongan ruang (one kenaikan pangkat), or None at IV/e (regulasi.md §8.3)."""
    if golongan_ruang not in PANGKAT:
        raise ValueError(f"Golongan ruang {golongan_ruang!r} tidak dikenal.")
    i = GOLONGAN_RUANG.index(golongan_ruang) + 1
    return GOLONGAN_RUANG[i] if i < len(GOLONGAN_RUANG) else None
