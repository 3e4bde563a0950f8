"""What the SKP page shows, read as plain rows: an SKP of 20 rencana hasil kerja × 3 indikator is two
light queries instead of a prefetch chain that builds 80 model instances with their relations."""

from dataclasses import dataclass, field

from kinerja.aturan import Aspek, Perspektif

from .models import EkspektasiPerilaku, IndikatorKinerjaIndividu, RencanaHasilKerja, RiwayatSkp, tulis_target

ASPEK = dict(Aspek.choices())
PERSPEKTIF = dict(Perspektif.choices())


@dataclass(slots=True)
class BarisIki:
    pk: int
    uraian: str
    aspek: str
    perspektif: str
    target: str
    ada_manual: bool


@dataclass(slots=True)
class BarisRhk:
    pk: int
    jenis: str
    uraian: str
    penugasan_dari: str
    asal: str  # the intervened RHK of the supervisor, or the organisation sasaran
    indikator: list[BarisIki] = field(default_factory=list)
    indikator_form: object = None


def baris_rhk(skp) -> list[BarisRhk]:
    rhk = {
        pk: BarisRhk(pk, jenis, uraian, penugasan, intervensi or sasaran or "")
        for pk, jenis, uraian, penugasan, intervensi, sasaran in RencanaHasilKerja.objects.filter(skp=skp)
        .order_by("jenis", "urutan", "id")
        .values_list("pk", "jenis", "uraian", "penugasan_dari", "intervensi__uraian", "sasaran__uraian")
    }
    for pk, rhk_id, uraian, aspek, perspektif, low, high, satuan, teks, manual in (
        IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp)
        .order_by("urutan", "id")
        .values_list(
            "pk",
            "rhk_id",
            "uraian",
            "aspek",
            "perspektif",
            "target_min",
            "target_max",
            "satuan",
            "target_teks",
            "manual__id",
        )
    ):
        rhk[rhk_id].indikator.append(
            BarisIki(
                pk,
                uraian,
                ASPEK.get(aspek, ""),
                PERSPEKTIF.get(perspektif, ""),
                tulis_target(low, high, satuan, teks),
                manual is not None,
            )
        )
    return list(rhk.values())


def ekspektasi(skp) -> dict[int, str]:
    return dict(EkspektasiPerilaku.objects.filter(skp=skp).values_list("nilai", "ekspektasi_khusus"))


def riwayat(skp) -> list[tuple]:
    return list(
        RiwayatSkp.objects.filter(skp=skp)
        .order_by("waktu", "id")
        .values_list("waktu", "oleh__username", "oleh__first_name", "aksi", "dari", "ke", "catatan")
    )
