"""Dashboard sections of penilaian, each in a fixed small number of queries:

- the pegawai's latest final results (predikat; a receipt still to confirm is a warning);
- the pejabat penilai's team per evaluation period (realisasi complete, rated, final);
- keberatan waiting for the atasan pejabat penilai's decision (or the penilai's explanation);
- for the admin instansi and the pimpinan: completion per top-level unit and the predikat distribution
  of the latest evaluation that has ended, linking to the recap.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kinerja.aturan import Predikat
from kinerja.core.access import Akses
from kinerja.core.dashboard import Bagian, Item, register
from kinerja.organisasi.models import UnitKerja
from kinerja.pelaksanaan.dashboard import tautan
from kinerja.pelaksanaan.models import Realisasi
from kinerja.perencanaan.models import IndikatorKinerjaIndividu, JadwalPeriode, PeriodeKinerja, Skp
from kinerja.perencanaan.workflow import StatusSkp

from .models import Keberatan, Penilaian
from .rekap import Hitungan, rekap_predikat
from .workflow import StatusKeberatan, StatusPenilaian

HASIL_TERAKHIR = 3
UNIT_DITAMPILKAN = 8


@dataclass(frozen=True)
class Evaluasi:
    """One evaluation: a period of the year (jadwal) or the annual one (jadwal None)."""

    periode: PeriodeKinerja
    jadwal: JadwalPeriode | None

    @property
    def nomor(self) -> int:
        return self.jadwal.nomor if self.jadwal else 0

    @property
    def selesai(self) -> date:
        return self.jadwal.tanggal_selesai if self.jadwal else self.periode.tanggal_selesai

    @property
    def nama(self) -> str:
        if self.jadwal is None:
            return _("Penilaian tahunan %(tahun)s") % {"tahun": self.periode.tahun}
        return _("Periode ke-%(nomor)s tahun %(tahun)s") % {"nomor": self.nomor, "tahun": self.periode.tahun}


def _nama_hasil(p: Penilaian) -> str:
    if p.jadwal_id is None:
        return _("tahunan %(tahun)s") % {"tahun": p.periode.tahun}
    return _("periode ke-%(nomor)s tahun %(tahun)s") % {"nomor": p.jadwal.nomor, "tahun": p.periode.tahun}


@register
def hasil_saya(akses: Akses) -> Bagian | None:
    pegawai = akses.pegawai
    if pegawai is None:
        return None
    hasil = list(
        Penilaian.objects.filter(pegawai=pegawai, status=StatusPenilaian.FINAL)
        .select_related("periode", "jadwal")
        .order_by("-difinalisasi_pada", "-id")[:HASIL_TERAKHIR]
    )
    if not hasil:
        return None
    bagian = Bagian(_("Hasil evaluasi kinerja saya"))
    for p in hasil:
        konteks = {"nama": _nama_hasil(p), "predikat": p.get_predikat_display() or "—"}
        if p.diterima_pada is None:
            teks = _("Predikat %(nama)s: %(predikat)s. Konfirmasi bahwa Anda telah menerimanya.") % konteks
            tingkat = "warning"
        else:
            teks = _("Predikat %(nama)s: %(predikat)s") % konteks
            tingkat = "success"
        bagian.items.append(Item(teks, tautan("penilaian:hasil", p.pk), tingkat=tingkat))
    return bagian


def _evaluasi_tim(instansi_id: int, today: date) -> list[Evaluasi]:
    """What a penilai works on: the period under way, the latest that has ended (being rated) and,
    right after the last period of a year, that year's annual evaluation. One query."""
    jadwal = list(
        JadwalPeriode.objects.filter(periode__instansi_id=instansi_id, tanggal_mulai__lte=today)
        .select_related("periode")
        .order_by("-tanggal_mulai", "-id")[:2]
    )
    out = [Evaluasi(j.periode, j) for j in jadwal]
    selesai = next((j for j in jadwal if j.tanggal_selesai < today), None)
    if selesai is not None and selesai.tanggal_selesai >= selesai.periode.tanggal_selesai:
        out.append(Evaluasi(selesai.periode, None))
    return out


def _skp_evaluasi(evaluasi: Evaluasi):
    """The SKP in force for the evaluation (approved; for a period, overlapping it)."""
    qs = Skp.objects.filter(periode=evaluasi.periode).filter(
        Q(status=StatusSkp.DISETUJUI) | Q(status=StatusSkp.DITUTUP, disetujui_pada__isnull=False)
    )
    if evaluasi.jadwal is not None:
        qs = qs.filter(
            tanggal_mulai__lte=evaluasi.jadwal.tanggal_selesai,
            tanggal_selesai__gte=evaluasi.jadwal.tanggal_mulai,
        )
    return qs


def _status_tim(penilai_id: int, evaluasi: Evaluasi) -> dict[str, int]:
    """Counts over the penilai's team SKP for one evaluation, in one query."""
    jadwal = evaluasi.jadwal
    penilaian = Penilaian.objects.filter(skp=OuterRef("pk"), jadwal=jadwal)
    hitung = {
        "total": Count("pk"),
        "dinilai": Count("pk", filter=Exists(penilaian.exclude(predikat=""))),
        "final": Count("pk", filter=Exists(penilaian.filter(status=StatusPenilaian.FINAL))),
    }
    if jadwal is not None:
        kosong = IndikatorKinerjaIndividu.objects.filter(rhk__skp=OuterRef("pk")).exclude(
            Exists(Realisasi.objects.filter(indikator=OuterRef("pk"), jadwal=jadwal))
        )
        hitung["lengkap"] = Count("pk", filter=~Exists(kosong))
    return _skp_evaluasi(evaluasi).filter(pejabat_penilai_id=penilai_id).aggregate(**hitung)


@register
def penilaian_tim_saya(akses: Akses) -> Bagian | None:
    pegawai = akses.pegawai
    if pegawai is None or not akses.is_pejabat_penilai:  # cached: the page's role badges read it too
        return None
    today = timezone.localdate()
    bagian = Bagian(_("Penilaian tim saya"))
    for ev in _evaluasi_tim(pegawai.instansi_id, today):
        n = _status_tim(pegawai.pk, ev)
        if not n["total"]:
            continue
        konteks = {"nama": ev.nama, **n}
        if ev.jadwal is None:
            teks = _("%(nama)s: %(dinilai)s dari %(total)s pegawai dinilai, %(final)s final.") % konteks
        else:
            teks = (
                _(
                    "%(nama)s: %(lengkap)s dari %(total)s pegawai mengisi realisasi lengkap, %(dinilai)s "
                    "dinilai, %(final)s final."
                )
                % konteks
            )
        if n["final"] >= n["total"]:
            tingkat = "success"
        elif ev.selesai < today:
            tingkat = "warning"
        else:
            tingkat = "info"
        query = f"tahun={ev.periode.tahun}&nomor={ev.nomor}"
        bagian.items.append(
            Item(teks, tautan("penilaian:tim", query=query), n["total"] - n["final"], tingkat)
        )
    return bagian if bagian.items else None


@register
def keberatan_menunggu(akses: Akses) -> Bagian | None:
    pegawai = akses.pegawai
    if pegawai is None:
        return None
    terbuka = [StatusKeberatan.DIAJUKAN, StatusKeberatan.KLARIFIKASI]
    sebagai_atasan = Q(atasan=pegawai) | Q(atasan__isnull=True, penilaian__atasan_pejabat_penilai=pegawai)
    minta_penjelasan = Q(
        status=StatusKeberatan.KLARIFIKASI, penjelasan_penilai="", penilaian__pejabat_penilai=pegawai
    )
    n = Keberatan.objects.filter(status__in=terbuka).aggregate(
        putuskan=Count("pk", filter=sebagai_atasan), jelaskan=Count("pk", filter=minta_penjelasan)
    )
    if not n["putuskan"] and not n["jelaskan"]:
        return None
    url = tautan("penilaian:keberatan-list")
    bagian = Bagian(_("Keberatan atas hasil evaluasi"))
    if n["putuskan"]:
        bagian.items.append(Item(_("Keberatan menunggu keputusan Anda"), url, n["putuskan"], "warning"))
    if n["jelaskan"]:
        bagian.items.append(Item(_("Keberatan menunggu penjelasan Anda"), url, n["jelaskan"], "warning"))
    return bagian


def evaluasi_terakhir(instansi_id: int, today: date) -> Evaluasi | None:
    """The latest evaluation that has ended: the last period ended before today, or the year when that
    period closes it. One query."""
    jadwal = (
        JadwalPeriode.objects.filter(periode__instansi_id=instansi_id, tanggal_selesai__lt=today)
        .select_related("periode")
        .order_by("-tanggal_selesai", "-id")
        .first()
    )
    if jadwal is None:
        return None
    if jadwal.tanggal_selesai >= jadwal.periode.tanggal_selesai:
        return Evaluasi(jadwal.periode, None)
    return Evaluasi(jadwal.periode, jadwal)


def _akar(units: list[tuple[int, int | None]]) -> dict[int, int]:
    """unit id -> id of its top-level unit (a unit whose induk is missing counts as top-level)."""
    induk = dict(units)
    out: dict[int, int] = {}
    for u in induk:
        x, seen = u, set()
        while induk.get(x) in induk and x not in seen:
            seen.add(x)
            x = induk[x]
        out[u] = x
    return out


@register
def penilaian_instansi(akses: Akses) -> Bagian | None:
    ids = akses.pengelola_instansi_ids
    if not ids:
        return None
    instansi_id = akses.instansi_id if akses.instansi_id in ids else min(ids)
    today = timezone.localdate()
    ev = evaluasi_terakhir(instansi_id, today)
    if ev is None:
        return Bagian(_("Penilaian kinerja instansi"), kosong=_("Belum ada periode penilaian yang berakhir."))
    units = list(UnitKerja.objects.filter(instansi_id=instansi_id).values_list("id", "induk_id", "nama"))
    akar = _akar([(u, i) for u, i, _n in units])
    nama = {u: n for u, _i, n in units}
    hitungan = rekap_predikat(instansi_id, ev.periode.tahun, list(nama), ev.jadwal.pk if ev.jadwal else None)
    per_akar: dict[int, Hitungan] = {}
    total = Hitungan()
    for u, h in hitungan.items():
        per_akar.setdefault(akar[u], Hitungan()).tambah(h)
        total.tambah(h)
    rekap = tautan("penilaian:rekap")
    query = f"tahun={ev.periode.tahun}&nomor={ev.nomor}"
    bagian = Bagian(
        _("Penilaian kinerja instansi: %(nama)s") % {"nama": ev.nama},
        kosong=_("Belum ada pegawai dengan SKP yang disetujui untuk penilaian ini."),
    )
    if not total.pegawai and not total.final:
        return bagian
    bagian.items.append(
        Item(
            _("Penilaian final: %(final)s dari %(pegawai)s pegawai (%(persen)s%%)")
            % {
                "final": total.final,
                "pegawai": total.pegawai,
                "persen": number_format(total.persen_final, 1),
            },
            f"{rekap}?{query}" if rekap else "",
            tingkat="success" if total.final >= total.pegawai else "info",
        )
    )
    urut = sorted(
        ((u, h) for u, h in per_akar.items() if h.pegawai or h.final),
        key=lambda x: (x[1].persen_final, nama[x[0]]),
    )
    for u, h in urut[:UNIT_DITAMPILKAN]:
        bagian.items.append(
            Item(
                _("%(unit)s: %(final)s dari %(pegawai)s final (%(persen)s%%)")
                % {
                    "unit": nama[u],
                    "final": h.final,
                    "pegawai": h.pegawai,
                    "persen": number_format(h.persen_final, 1),
                },
                f"{rekap}?{query}&unit={u}" if rekap else "",
                tingkat="success" if h.final >= h.pegawai else "warning",
            )
        )
    if len(urut) > UNIT_DITAMPILKAN:
        bagian.items.append(
            Item(
                _("… dan %(n)s unit lainnya") % {"n": len(urut) - UNIT_DITAMPILKAN},
                f"{rekap}?{query}" if rekap else "",
            )
        )
    sebaran = " · ".join(f"{p.label} {total.predikat.get(p, 0)}" for p in Predikat)
    bagian.items.append(
        Item(_("Sebaran predikat: %(sebaran)s") % {"sebaran": sebaran}, f"{rekap}?{query}" if rekap else "")
    )
    return bagian
