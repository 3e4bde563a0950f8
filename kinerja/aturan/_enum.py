"""Shared base for the enums of `kinerja.aturan`: a `StrEnum` whose members carry an Indonesian label."""

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A `StrEnum` whose members are declared as ``NAMA = "nilai", "Label"``.

    ``member.label`` is the Indonesian label; ``Cls.choices()`` returns ``[(value, label), ...]``,
    the shape Django form and model fields expect.
    """

    _label: str

    def __new__(cls, value: str, label: str) -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj._label = label
        return obj

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]
