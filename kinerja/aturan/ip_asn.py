"""Indeks Profesionalitas ASN: categories and scoring over a versioned table.

Sources: PermenPANRB 38/2018 and Peraturan BKN 8/2019; seed 001; regulasi.md §6.1–§6.3; decision g
(the sub-tables are versioned reference data, most values UNVERIFIED).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .enums import Predikat
from .referensi import (
    IP_ASN_BOBOT,
    IP_ASN_DISIPLIN,
    IP_ASN_KATEGORI,
    IP_ASN_KINERJA,
    IP_ASN_KOMPETENSI,
    IP_ASN_KUALIFIKASI,
)

DIMENSI = ("kualifikasi", "kompetensi", "kinerja", "disiplin")


@dataclass(frozen=True)
class TabelIpAsn:
    """One version of the IP ASN reference table (decision g).

    ``bobot``: maximum points per dimension; ``kualifikasi``: points per education level;
    ``kompetensi``: points per competence component (summed); ``kinerja``: points per predikat;
    ``disiplin``: points per disciplinary history; ``kategori``: (lower edge inclusive, label),
    highest first.
    """

    versi: str
    berlaku_mulai: date
    bobot: Mapping[str, int]
    kualifikasi: Mapping[str, int]
    kompetensi: Mapping[str, int]
    kinerja: Mapping[Predikat, int]
    disiplin: Mapping[str, int]
    kategori: tuple[tuple[int, str], ...]

    def validasi(self) -> list[str]:
        """The inconsistencies of the table, in Indonesian; empty when it is consistent."""
        masalah = []
        if set(self.bobot) != set(DIMENSI):
            masalah.append(f"Dimensi bobot harus {', '.join(DIMENSI)}.")
        elif sum(self.bobot.values()) != 100:
            masalah.append(f"Jumlah bobot dimensi harus 100, bukan {sum(self.bobot.values())}.")
        else:
            masalah += self._cek_maksimum()
        if set(self.kinerja) != set(Predikat):
            masalah.append("Tabel kinerja harus memuat kelima predikat.")
        batas = [b for b, _ in self.kategori]
        if not batas or batas != sorted(batas, reverse=True) or batas[-1] != 0:
            masalah.append("Batas kategori harus menurun dan berakhir pada 0.")
        return masalah

    def _cek_maksimum(self) -> list[str]:
        tabel = {
            "kualifikasi": max(self.kualifikasi.values(), default=0),
            "kompetensi": sum(self.kompetensi.values()),
            "kinerja": max(self.kinerja.values(), default=0),
            "disiplin": max(self.disiplin.values(), default=0),
        }
        return [
            f"Nilai tertinggi dimensi {d} ({n}) tidak sama dengan bobotnya ({self.bobot[d]})."
            for d, n in tabel.items()
            if n != self.bobot[d]
        ]


# regulasi.md §6 seeded defaults.
TABEL_IP_ASN_DEFAULT = TabelIpAsn(
    versi="PermenPANRB 38/2018 + Peraturan BKN 8/2019 (nilai bawaan Kinerja)",
    berlaku_mulai=date(2019, 1, 1),
    bobot=IP_ASN_BOBOT,
    kualifikasi=IP_ASN_KUALIFIKASI,
    kompetensi=IP_ASN_KOMPETENSI,
    kinerja=IP_ASN_KINERJA,
    disiplin=IP_ASN_DISIPLIN,
    kategori=IP_ASN_KATEGORI,
)


@dataclass(frozen=True)
class DataIpAsn:
    """The data of one ASN for IP ASN scoring.

    ``kualifikasi``: key of ``TabelIpAsn.kualifikasi`` (e.g. ``"S1_D4"``); ``kompetensi``: the
    components fulfilled; ``kompetensi_tidak_berlaku``: components that do not apply to the jabatan,
    counted as fulfilled (UNVERIFIED default, regulasi.md §6.3); ``predikat``: the annual predikat;
    ``disiplin``: key of ``TabelIpAsn.disiplin`` (``"tidak_pernah"`` when never penalised).
    """

    kualifikasi: str
    predikat: Predikat
    kompetensi: Collection[str] = field(default_factory=frozenset)
    kompetensi_tidak_berlaku: Collection[str] = field(default_factory=frozenset)
    disiplin: str = "tidak_pernah"


@dataclass(frozen=True)
class HasilIpAsn:
    """IP ASN result: ``total``, points ``per_dimensi``, ``kategori`` and ``poin_hilang`` per
    indicator (kualifikasi, each kompetensi component, kinerja, disiplin)."""

    total: Decimal
    per_dimensi: dict[str, Decimal]
    kategori: str
    poin_hilang: dict[str, Decimal]


def kategori_ip_asn(nilai: Decimal | int, *, tabel: TabelIpAsn = TABEL_IP_ASN_DEFAULT) -> str:
    """Category of an IP ASN score; each lower edge is inclusive (regulasi.md §6.2: 91–100 Sangat
    Tinggi, 81–90 Tinggi, 71–80 Sedang, 61–70 Rendah, 60 and below Sangat Rendah)."""
    if not 0 <= nilai <= 100:
        raise ValueError(f"Nilai IP ASN harus 0 sampai 100, bukan {nilai}.")
    return next(label for batas, label in tabel.kategori if nilai >= batas)


def _poin(tabel: Mapping[str, int] | Mapping[Predikat, int], kunci: object, nama: str) -> int:
    try:
        return tabel[kunci]  # type: ignore[index]
    except KeyError:
        raise ValueError(f"Nilai {nama} {kunci!r} tidak ada dalam tabel IP ASN.") from None


def nilai_ip_asn(data: DataIpAsn, tabel: TabelIpAsn = TABEL_IP_ASN_DEFAULT) -> HasilIpAsn:
    """IP ASN = Σ points of the four dimensions (Peraturan BKN 8/2019 Lampiran: the point tables
    already carry the weight; regulasi.md §6.1). Raises ``ValueError`` for a key not in the table."""
    for k in (*data.kompetensi, *data.kompetensi_tidak_berlaku):
        _poin(tabel.kompetensi, k, "kompetensi")
    terpenuhi = set(data.kompetensi) | set(data.kompetensi_tidak_berlaku)
    kompetensi = {k: (n if k in terpenuhi else 0) for k, n in tabel.kompetensi.items()}
    per_dimensi = {
        "kualifikasi": Decimal(_poin(tabel.kualifikasi, data.kualifikasi, "kualifikasi")),
        "kompetensi": Decimal(sum(kompetensi.values())),
        "kinerja": Decimal(_poin(tabel.kinerja, Predikat(data.predikat), "kinerja")),
        "disiplin": Decimal(_poin(tabel.disiplin, data.disiplin, "disiplin")),
    }
    poin_hilang = {"kualifikasi": tabel.bobot["kualifikasi"] - per_dimensi["kualifikasi"]}
    poin_hilang |= {k: Decimal(tabel.kompetensi[k] - n) for k, n in kompetensi.items()}
    poin_hilang |= {d: tabel.bobot[d] - per_dimensi[d] for d in ("kinerja", "disiplin")}
    total = sum(per_dimensi.values(), start=Decimal("0"))
    return HasilIpAsn(total, per_dimensi, kategori_ip_asn(total, tabel=tabel), poin_hilang)
