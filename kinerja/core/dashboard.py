"""What awaits each user's action, per role, for the dashboard.

Each role contributes `Bagian` (a titled section of items). Later stages (SKP, penilaian) add their
own sections through `register`; the foundation contributes the organisation's.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import Akses


@dataclass
class Item:
    teks: str
    url: str = ""
    jumlah: int | None = None
    tingkat: str = "info"  # bootstrap contextual class: info, warning, danger, success


@dataclass
class Bagian:
    judul: str
    items: list[Item] = field(default_factory=list)
    kosong: str = ""


Provider = Callable[[Akses], Bagian | None]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    _providers.append(provider)
    return provider


def sections_for(akses: Akses) -> list[Bagian]:
    return [b for b in (p(akses) for p in _providers) if b is not None]


@register
def _profil_saya(akses: Akses) -> Bagian | None:
    p = akses.pegawai
    if p is None:
        return None
    bagian = Bagian(_("Profil saya"))
    url = reverse("organisasi:pegawai-detail", args=[p.pk])
    if p.pejabat_penilai_id is None and not p.penilai_pimpinan_instansi:
        bagian.items.append(
            Item(
                _("Pejabat penilai Anda belum dapat ditentukan. Hubungi admin kepegawaian."),
                url,
                tingkat="warning",
            )
        )
    if not p.email:
        bagian.items.append(
            Item(
                _("Alamat email Anda belum diisi; pemberitahuan dan atur ulang kata sandi memerlukannya."),
                url,
                tingkat="warning",
            )
        )
    bagian.kosong = _("Data kepegawaian Anda lengkap.")
    return bagian


@register
def _tim_saya(akses: Akses) -> Bagian | None:
    from kinerja.organisasi.models import Pegawai

    if akses.pegawai is None:
        return None
    me = akses.pegawai.pk
    counts = Pegawai.objects.filter(aktif=True).aggregate(
        langsung=Count("id", filter=Q(pejabat_penilai_id=me)),
        tidak_langsung=Count("id", filter=Q(atasan_pejabat_penilai_id=me) & ~Q(pejabat_penilai_id=me)),
    )
    if not counts["langsung"] and not counts["tidak_langsung"]:
        return None
    url = reverse("organisasi:pegawai-list")
    bagian = Bagian(_("Tim yang saya nilai"))
    if counts["langsung"]:
        bagian.items.append(
            Item(
                _("Pegawai yang Anda nilai sebagai pejabat penilai kinerja"),
                url + "?tim=langsung",
                counts["langsung"],
            )
        )
    if counts["tidak_langsung"]:
        bagian.items.append(
            Item(
                _("Pegawai yang Anda awasi sebagai atasan pejabat penilai"),
                url + "?tim=atasan",
                counts["tidak_langsung"],
            )
        )
    return bagian


@register
def _kelola_instansi(akses: Akses) -> Bagian | None:
    from kinerja.organisasi.models import Pegawai, PenugasanPlt
    from kinerja.organisasi.selectors import MASALAH

    ids = akses.admin_instansi_ids
    if not ids:
        return None
    today = timezone.localdate()
    base = Pegawai.objects.filter(instansi_id__in=ids, aktif=True)
    counts = base.aggregate(
        total=Count("id"), **{name: Count("id", filter=condition) for name, condition in MASALAH.items()}
    )
    plt_berakhir = PenugasanPlt.objects.filter(
        jabatan__instansi_id__in=ids,
        tanggal_selesai__gte=today,
        tanggal_selesai__lte=today + timezone.timedelta(days=14),
    ).count()
    url = reverse("organisasi:pegawai-list")
    bagian = Bagian(
        _("Data kepegawaian yang perlu dilengkapi"), kosong=_("Tidak ada data yang perlu dilengkapi.")
    )
    rows = [
        (counts["tanpa_jabatan"], _("Pegawai aktif tanpa jabatan"), "?masalah=tanpa_jabatan", "warning"),
        (
            counts["tanpa_penilai"],
            _("Pegawai aktif tanpa pejabat penilai"),
            "?masalah=tanpa_penilai",
            "danger",
        ),
        (counts["tanpa_email"], _("Pegawai aktif tanpa alamat email"), "?masalah=tanpa_email", "info"),
    ]
    for jumlah, teks, query, tingkat in rows:
        if jumlah:
            bagian.items.append(Item(teks, url + query, jumlah, tingkat))
    if plt_berakhir:
        bagian.items.append(Item(_("Penugasan Plt/Plh berakhir dalam 14 hari"), "", plt_berakhir, "info"))
    return bagian


@register
def _ringkasan_pimpinan(akses: Akses) -> Bagian | None:
    from kinerja.organisasi.models import Pegawai

    ids = akses.pimpinan_instansi_ids
    if not ids:
        return None
    counts = Pegawai.objects.filter(instansi_id__in=ids, aktif=True).aggregate(
        total=Count("id"),
        pns=Count("id", filter=Q(status="pns")),
        cpns=Count("id", filter=Q(status="cpns")),
        pppk=Count("id", filter=Q(status="pppk")),
    )
    url = reverse("organisasi:pegawai-list")
    return Bagian(
        _("Ringkasan instansi"),
        [
            Item(_("Pegawai aktif"), url, counts["total"]),
            Item("PNS", url + "?status=pns", counts["pns"]),
            Item("CPNS", url + "?status=cpns", counts["cpns"]),
            Item("PPPK", url + "?status=pppk", counts["pppk"]),
        ],
    )


@register
def _notifikasi(akses: Akses) -> Bagian | None:
    from .models import Notifikasi

    n = Notifikasi.objects.filter(user_id=akses.user.pk, dibaca_pada__isnull=True).count()
    if not n:
        return None
    return Bagian(
        _("Notifikasi"), [Item(_("Notifikasi belum dibaca"), reverse("core:notifikasi"), n, "primary")]
    )
