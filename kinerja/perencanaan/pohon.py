"""The pohon kinerja of a unit, built in plain Python over rows already loaded (no queries here).

The cascade of regulasi.md §2.1: Perjanjian Kinerja → SKP JPT → SKP JA → SKP JF. A sasaran of the
unit's Perjanjian Kinerja holds the rencana hasil kerja (RHK) that refer to it; an RHK holds the RHK
that intervene it, level by level down to the lowest pegawai.

Flagged as orphans ("yatim"):
  (a) an RHK of a pegawai who has subordinates with an SKP that year, which no subordinate RHK
      intervenes (the supervisor's result that nobody works on);
  (b) an RHK of a JA/JF SKP with neither an intervened RHK nor a sasaran (it comes from nowhere).
Listed besides: RHK of a JPT SKP without a sasaran (a JPT SKP comes from the Perjanjian Kinerja).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

JPT = "jpt"
DITUTUP = "ditutup"
DIGANTI = "diganti"
URUTAN_JENIS = {"utama": 0, "tambahan": 1}


@dataclass(frozen=True)
class Indikator:
    uraian: str
    target: str


@dataclass(frozen=True)
class SkpRingkas:
    """One SKP as the tree shows it. `penilai_id`: its pejabat penilai (the SKP's, else the pegawai's)."""

    id: int
    pegawai_id: int
    nama: str
    jabatan: str
    status: str
    jenis: str
    versi: int = 1
    tanggal_mulai: date | None = None
    penilai_id: int | None = None
    status_label: str = ""


@dataclass(frozen=True)
class Rhk:
    id: int
    skp_id: int
    uraian: str
    jenis: str = "utama"
    urutan: int = 1
    intervensi_id: int | None = None
    sasaran_id: int | None = None
    indikator: tuple[Indikator, ...] = ()


@dataclass(frozen=True)
class Sasaran:
    id: int
    uraian: str
    unit: str = ""
    indikator: tuple[Indikator, ...] = ()


@dataclass(frozen=True)
class Induk:
    """A parent outside the tree (an RHK of an SKP not shown, or a sasaran of another unit's PK)."""

    uraian: str
    keterangan: str = ""


@dataclass
class Simpul:
    """One RHK in the tree, with the RHK that intervene it."""

    rhk: Rhk
    skp: SkpRingkas
    kedalaman: int = 0
    anak: list["Simpul"] = field(default_factory=list)
    tanpa_intervensi_bawahan: bool = False  # orphan (a)
    tanpa_induk: bool = False  # orphan (b)
    jpt_tanpa_sasaran: bool = False

    @property
    def yatim(self) -> bool:
        return self.tanpa_intervensi_bawahan or self.tanpa_induk


@dataclass
class CabangSasaran:
    sasaran: Sasaran
    anak: list[Simpul] = field(default_factory=list)


@dataclass
class CabangLuar:
    """RHK whose parent lies outside the tree, grouped under that parent (None: not found)."""

    induk: Induk | None
    anak: list[Simpul] = field(default_factory=list)


@dataclass
class Pohon:
    sasaran: list[CabangSasaran]
    luar: list[CabangLuar]
    lepas: list[Simpul]  # RHK with no parent at all (or caught in a loop of intervensi)
    yatim: list[Simpul]
    jpt_tanpa_sasaran: list[Simpul]
    jumlah_rhk: int
    jumlah_skp: int

    @property
    def kosong(self) -> bool:
        return not (self.sasaran or self.luar or self.lepas)


def skp_berlaku(skp_list: Iterable[SkpRingkas]) -> list[SkpRingkas]:
    """The SKP in force per pegawai: the newest (start date, then version) that is not replaced;
    a closed one only when the pegawai has nothing else."""

    def kunci(s: SkpRingkas):
        return (s.status != DITUTUP, s.tanggal_mulai or date.min, s.versi, s.id)

    terbaik: dict[int, SkpRingkas] = {}
    for s in skp_list:
        if s.status == DIGANTI:
            continue
        lama = terbaik.get(s.pegawai_id)
        if lama is None or kunci(s) > kunci(lama):
            terbaik[s.pegawai_id] = s
    return list(terbaik.values())


def bangun_pohon(
    *,
    skp: Iterable[SkpRingkas],
    rhk: Iterable[Rhk],
    sasaran: Iterable[Sasaran] = (),
    induk_luar: dict[int, Induk] | None = None,
    sasaran_luar: dict[int, Induk] | None = None,
) -> Pohon:
    """The tree of `rhk` (of the SKP `skp`, others are ignored) under the `sasaran` of the unit's PK.

    `induk_luar` describes intervened RHK that are not in `rhk`, `sasaran_luar` sasaran not in
    `sasaran`, by id; a parent missing from both is shown as unknown.
    """
    skp_by_id = {s.id: s for s in skp}
    rhk_list = [r for r in rhk if r.skp_id in skp_by_id]
    rhk_ids = {r.id for r in rhk_list}
    sasaran_list = list(sasaran)
    sasaran_ids = {s.id for s in sasaran_list}
    induk_luar = induk_luar or {}
    sasaran_luar = sasaran_luar or {}

    simpul = {r.id: Simpul(rhk=r, skp=skp_by_id[r.skp_id]) for r in rhk_list}
    anak_rhk: dict[int, list[Simpul]] = {}
    anak_sasaran: dict[int, list[Simpul]] = {}
    anak_luar: dict[tuple[str, int], list[Simpul]] = {}
    lepas: list[Simpul] = []
    for s in simpul.values():
        r = s.rhk
        if r.intervensi_id is not None and r.intervensi_id in rhk_ids and r.intervensi_id != r.id:
            anak_rhk.setdefault(r.intervensi_id, []).append(s)
        elif r.sasaran_id is not None and r.sasaran_id in sasaran_ids:
            anak_sasaran.setdefault(r.sasaran_id, []).append(s)
        elif r.intervensi_id is not None and r.intervensi_id != r.id:
            anak_luar.setdefault(("rhk", r.intervensi_id), []).append(s)
        elif r.sasaran_id is not None:
            anak_luar.setdefault(("sasaran", r.sasaran_id), []).append(s)
        else:
            lepas.append(s)

    def urut(nodes: list[Simpul]) -> list[Simpul]:
        return sorted(
            nodes,
            key=lambda n: (n.skp.nama, n.skp.id, URUTAN_JENIS.get(n.rhk.jenis, 9), n.rhk.urutan, n.rhk.id),
        )

    dikunjungi: set[int] = set()

    def tanam(nodes: list[Simpul], kedalaman: int) -> list[Simpul]:
        out = []
        for n in urut(nodes):
            if n.rhk.id in dikunjungi:
                continue
            dikunjungi.add(n.rhk.id)
            n.kedalaman = kedalaman
            n.anak = tanam(anak_rhk.get(n.rhk.id, []), kedalaman + 1)
            out.append(n)
        return out

    cabang_sasaran = [CabangSasaran(s, tanam(anak_sasaran.get(s.id, []), 0)) for s in sasaran_list]
    cabang_luar = []
    for (jenis, pk), nodes in sorted(anak_luar.items(), key=lambda kv: (kv[0][0] != "sasaran", kv[0][1])):
        sumber = sasaran_luar if jenis == "sasaran" else induk_luar
        cabang_luar.append(CabangLuar(sumber.get(pk), tanam(nodes, 0)))
    akar_lepas = tanam(lepas, 0)
    # What is left sits in a loop of intervensi (A intervenes B intervenes A): cut it open.
    while len(dikunjungi) < len(simpul):
        sisa = urut([s for s in simpul.values() if s.rhk.id not in dikunjungi])
        akar_lepas += tanam(sisa[:1], 0)

    _tandai(simpul.values(), skp_by_id.values(), anak_rhk)
    semua = urut(list(simpul.values()))
    return Pohon(
        sasaran=cabang_sasaran,
        luar=cabang_luar,
        lepas=akar_lepas,
        yatim=[s for s in semua if s.yatim],
        jpt_tanpa_sasaran=[s for s in semua if s.jpt_tanpa_sasaran],
        jumlah_rhk=len(simpul),
        jumlah_skp=len(skp_by_id),
    )


def _tandai(nodes: Iterable[Simpul], skp: Iterable[SkpRingkas], anak_rhk: dict[int, list[Simpul]]) -> None:
    punya_bawahan = {s.penilai_id for s in skp if s.penilai_id is not None and s.penilai_id != s.pegawai_id}
    for n in nodes:
        r = n.rhk
        diintervensi = any(a.skp.pegawai_id != n.skp.pegawai_id for a in anak_rhk.get(r.id, []))
        n.tanpa_intervensi_bawahan = n.skp.pegawai_id in punya_bawahan and not diintervensi
        n.tanpa_induk = n.skp.jenis != JPT and r.intervensi_id is None and r.sasaran_id is None
        n.jpt_tanpa_sasaran = n.skp.jenis == JPT and r.sasaran_id is None
