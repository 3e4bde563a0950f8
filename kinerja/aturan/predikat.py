"""Rating hasil kerja, the predikat matrix and the rating of a unit's pimpinan.

Sources: seed 002 ("3.b Menetapkan Rating Hasil Kerja"); regulasi.md §3.4, §3.6, §3.7; decision f.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .enums import CapaianOrganisasi, Predikat, RatingKerja
from .referensi import RATING_HASIL_KERJA_PIMPINAN

_A, _S, _B = RatingKerja.DI_ATAS_EKSPEKTASI, RatingKerja.SESUAI_EKSPEKTASI, RatingKerja.DI_BAWAH_EKSPEKTASI

# (rating hasil kerja, rating perilaku kerja) -> predikat. regulasi.md §3.7: confirmed by public
# implementations and BKN's "kuadran kinerja" material; no weighting.
PREDIKAT_KINERJA: dict[tuple[RatingKerja, RatingKerja], Predikat] = {
    (_A, _A): Predikat.SANGAT_BAIK,
    (_A, _S): Predikat.BAIK,
    (_A, _B): Predikat.KURANG,
    (_S, _A): Predikat.BAIK,
    (_S, _S): Predikat.BAIK,
    (_S, _B): Predikat.KURANG,
    (_B, _A): Predikat.BUTUH_PERBAIKAN,
    (_B, _S): Predikat.BUTUH_PERBAIKAN,
    (_B, _B): Predikat.SANGAT_KURANG,
}


def predikat_kinerja(rating_hasil_kerja: RatingKerja, rating_perilaku_kerja: RatingKerja) -> Predikat:
    """Predikat kinerja pegawai from the 3×3 matrix (regulasi.md §3.7)."""
    return PREDIKAT_KINERJA[(RatingKerja(rating_hasil_kerja), RatingKerja(rating_perilaku_kerja))]


def rating_hasil_kerja_pimpinan(
    capaian_organisasi: CapaianOrganisasi,
    *,
    pemetaan: Mapping[CapaianOrganisasi, RatingKerja] | None = None,
) -> RatingKerja:
    """The rating hasil kerja of the pimpinan of a unit is the unit's capaian organisasi
    (SE MenPANRB 3/2023, regulasi.md §3.6); the mapping of five onto three is decision f
    (UNVERIFIED default ``referensi.RATING_HASIL_KERJA_PIMPINAN``, configurable via ``pemetaan``)."""
    tabel = RATING_HASIL_KERJA_PIMPINAN if pemetaan is None else pemetaan
    return tabel[CapaianOrganisasi(capaian_organisasi)]


@dataclass(frozen=True)
class HasilRhk:
    """The pejabat penilai's judgement of one rencana hasil kerja: its rating and whether it is a
    hasil kerja utama (otherwise tambahan; regulasi.md §2.8)."""

    rating: RatingKerja
    utama: bool = True


@dataclass(frozen=True)
class SaranRating:
    """A suggested rating hasil kerja with the reason in words; the pejabat penilai decides."""

    rating: RatingKerja
    alasan: str


def _lebih_dari_separuh(bagian: int, keseluruhan: int) -> bool:
    """ "Sebagian besar": strictly more than half (regulasi.md §3.4; Kinerja's reading)."""
    return bagian * 2 > keseluruhan


def _kurang_dari_separuh(bagian: int, keseluruhan: int) -> bool:
    """ "Sebagian kecil": strictly less than half, zero included (Kinerja's reading)."""
    return bagian * 2 < keseluruhan


def saran_rating_hasil_kerja(hasil: Sequence[HasilRhk]) -> SaranRating:
    """Suggest a rating hasil kerja from the rating of each rencana hasil kerja (seed 002, "3.b";
    regulasi.md §3.4). Only criterion (a) on the hasil kerja is applied; criterion (b) on umpan
    balik is left to the pejabat penilai, who sets the rating (step (c)).

    Reading of the criteria: "sebagian besar" = more than half of all RHK (utama and tambahan);
    "seluruh" is included in it; "sebagian kecil" = less than half of the hasil kerja utama, zero
    included; a rating "di atas ekspektasi" also meets "sesuai ekspektasi". Rules in order:

    1. more than half di atas and no utama di bawah -> Di Atas Ekspektasi;
    2. more than half di bawah -> Di Bawah Ekspektasi;
    3. less than half of the utama di bawah -> Sesuai Ekspektasi;
    4. otherwise (half or more of the utama di bawah) -> Di Bawah Ekspektasi.

    Raises ``ValueError`` without any hasil kerja utama (an SKP has at least one, §2.8).
    """
    utama = [h for h in hasil if h.utama]
    if not utama:
        raise ValueError("Minimal satu hasil kerja utama diperlukan untuk menyarankan rating hasil kerja.")
    n = len(hasil)
    di_atas = sum(h.rating is _A for h in hasil)
    di_bawah = sum(h.rating is _B for h in hasil)
    utama_di_bawah = sum(h.rating is _B for h in utama)
    ringkasan = (
        f"{di_atas} dari {n} hasil kerja di atas ekspektasi, {n - di_atas - di_bawah} sesuai, "
        f"{di_bawah} di bawah; {utama_di_bawah} dari {len(utama)} hasil kerja utama di bawah ekspektasi."
    )
    if _lebih_dari_separuh(di_atas, n) and utama_di_bawah == 0:
        return SaranRating(
            _A,
            f"Sebagian besar hasil kerja di atas ekspektasi dan tidak ada hasil kerja utama di bawah "
            f"ekspektasi. {ringkasan}",
        )
    if _lebih_dari_separuh(di_bawah, n):
        return SaranRating(_B, f"Sebagian besar hasil kerja di bawah ekspektasi. {ringkasan}")
    if _kurang_dari_separuh(utama_di_bawah, len(utama)):
        return SaranRating(
            _S,
            "Sebagian besar hasil kerja sesuai atau di atas ekspektasi dan hanya sebagian kecil hasil kerja "
            f"utama di bawah ekspektasi. {ringkasan}",
        )
    return SaranRating(
        _B,
        "Separuh atau lebih hasil kerja utama di bawah ekspektasi, sehingga syarat 'sesuai ekspektasi' "
        f"(hanya sebagian kecil hasil kerja utama di bawah ekspektasi) tidak terpenuhi. {ringkasan}",
    )
