"""Projection of a pejabat fungsional's next kenaikan pangkat and kenaikan jenjang (regulasi.md §4.4,
§4.5, §5).

The AK requirement comes from the koefisien version in force (decision g); the years at a predikat from
``aturan.proyeksi_kenaikan``. The earliest date is the later of TMT pangkat + 2 years (PP 99/2000 Pasal
13, §5.2) and the end of the year in which the AK is reached, moved to the next kenaikan pangkat period
(``periode_kenaikan_pangkat_berikut``, §5.1). The other conditions are shown as a checklist.

Kinerja's reading: the accumulation (AK awal + conversions) is the AK counted towards the next step, so
the AK awal is the AK recorded at the last kenaikan (or integration). The next step inside the jenjang
is a kenaikan pangkat (AKK per pangkat step); at the top golongan of the jenjang (``JENJANG_GOLONGAN``)
it is a kenaikan jenjang (AKK for the jenjang, uji kompetensi).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from kinerja.aturan import (
    JENJANG_GOLONGAN,
    JenjangFungsional,
    Predikat,
    periode_kenaikan_pangkat_berikut,
    predikat_memenuhi_syarat_kp,
    proyeksi_kenaikan,
)
from kinerja.aturan.kepegawaian import golongan_berikut

from .angka_kredit import Akumulasi

MASA_PANGKAT_TAHUN = 2  # PP 99/2000 Pasal 13 (regulasi.md §5.2)


@dataclass(frozen=True)
class Skenario:
    predikat: Predikat
    ak_per_tahun: Decimal
    tahun: int  # whole years from now (0: already reached)
    tahun_tercapai: int
    tanggal_kp: date  # earliest kenaikan date (a KP period date)


@dataclass(frozen=True)
class Syarat:
    uraian: str
    terpenuhi: bool | None  # None: not known from the data


@dataclass(frozen=True)
class ProyeksiKenaikan:
    jenjang: JenjangFungsional
    golongan: str
    tujuan: str  # "pangkat" | "jenjang"
    tujuan_label: str
    golongan_tujuan: str
    jenjang_tujuan: JenjangFungsional | None
    akk: Decimal | None  # None: no further step (Penyelia, Ahli Utama at the top golongan)
    kumulatif: Decimal
    kekurangan: Decimal | None
    skenario: list[Skenario]
    syarat: list[Syarat]


def _tambah_tahun(tanggal: date, n: int) -> date:
    try:
        return tanggal.replace(year=tanggal.year + n)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + n, day=28)


def proyeksi_pegawai(
    *,
    jenjang: JenjangFungsional,
    golongan: str,
    akumulasi: Akumulasi,
    koefisien: dict,
    today: date,
) -> ProyeksiKenaikan:
    """The next step of one pegawai. ``koefisien``: jenjang -> ``KoefisienAngkaKredit`` in force."""
    jenjang = JenjangFungsional(jenjang)
    baris = koefisien.get(jenjang.value)
    rentang = JENJANG_GOLONGAN[jenjang]
    puncak = not golongan or golongan == rentang[-1]
    tujuan = "jenjang" if puncak else "pangkat"
    jenjang_tujuan = jenjang.berikutnya if puncak else None
    # At the top golongan of Penyelia or Ahli Utama there is no further step (regulasi.md §4.4).
    tanpa_langkah = baris is None or (puncak and jenjang_tujuan is None)
    akk = None if tanpa_langkah else (baris.akk_jenjang if puncak else baris.akk_pangkat)
    golongan_tujuan = ""
    if jenjang_tujuan is not None:
        golongan_tujuan = JENJANG_GOLONGAN[jenjang_tujuan][0]
    elif not puncak:
        golongan_tujuan = golongan_berikut(golongan) or ""
    kumulatif = akumulasi.kumulatif
    tabel = {JenjangFungsional(k): v.koefisien for k, v in koefisien.items()}
    skenario: list[Skenario] = []
    awal = akumulasi.awal
    tmt_pangkat = awal.tmt_pangkat if awal else None
    if akk is not None and baris is not None:
        terakhir = akumulasi.predikat_tahunan[-1:] or []
        pilihan = [*terakhir, Predikat.BAIK] if terakhir and terakhir[0] != Predikat.BAIK else [Predikat.BAIK]
        dasar_tahun = akumulasi.tahun_terakhir or today.year - 1
        for predikat in pilihan:
            p = proyeksi_kenaikan(
                jenjang, predikat, tujuan=tujuan, ak_awal=kumulatif, koefisien=tabel, akk=akk
            )
            tahun = p.tahun
            tercapai = today if tahun == 0 else date(dasar_tahun + tahun, 12, 31)
            kandidat = (
                max(tercapai, _tambah_tahun(tmt_pangkat, MASA_PANGKAT_TAHUN)) if tmt_pangkat else tercapai
            )
            skenario.append(
                Skenario(
                    predikat=predikat,
                    ak_per_tahun=p.ak_per_tahun,
                    tahun=tahun,
                    tahun_tercapai=tercapai.year,
                    tanggal_kp=periode_kenaikan_pangkat_berikut(kandidat),
                )
            )
    return ProyeksiKenaikan(
        jenjang=jenjang,
        golongan=golongan,
        tujuan=tujuan,
        tujuan_label=_("Kenaikan jenjang") if tujuan == "jenjang" else _("Kenaikan pangkat"),
        golongan_tujuan=golongan_tujuan,
        jenjang_tujuan=jenjang_tujuan,
        akk=akk,
        kumulatif=kumulatif,
        kekurangan=max(akk - kumulatif, Decimal("0")) if akk is not None else None,
        skenario=skenario,
        syarat=_syarat(tujuan, akk, kumulatif, akumulasi, tmt_pangkat, today),
    )


def _syarat(tujuan, akk, kumulatif, akumulasi: Akumulasi, tmt_pangkat, today) -> list[Syarat]:
    predikat = akumulasi.predikat_tahunan
    out = [
        Syarat(_("Angka kredit kumulatif memenuhi AKK"), None if akk is None else kumulatif >= akk),
        Syarat(
            _("Paling singkat 2 tahun dalam pangkat terakhir (PP 99/2000 Pasal 13)"),
            None if tmt_pangkat is None else _tambah_tahun(tmt_pangkat, MASA_PANGKAT_TAHUN) <= today,
        ),
        Syarat(
            _("Predikat kinerja paling rendah Baik dalam 2 tahun terakhir"),
            predikat_memenuhi_syarat_kp(predikat, tahun=2),
        ),
    ]
    if tujuan == "jenjang":
        out += [
            Syarat(
                _("Predikat kinerja paling rendah Baik dalam 1 tahun terakhir (kenaikan jenjang)"),
                predikat_memenuhi_syarat_kp(predikat, tahun=1),
            ),
            Syarat(_("Golongan tertinggi jenjang: perlu kenaikan jenjang dan lulus uji kompetensi"), None),
            Syarat(_("Tersedia kebutuhan (formasi) pada jenjang berikutnya"), None),
        ]
    return out
