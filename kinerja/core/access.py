"""Who a user is in the organisation: their pegawai record and assigned roles.

Structural roles (pejabat penilai, atasan pejabat penilai) are derived from the cached penilai on
Pegawai; assigned roles (admin instansi / Analis SDM, pimpinan) come from PeranPengguna.
`akses_of(request.user)` costs two queries and is memoised on the user object for the request.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist

from .models import Peran, PeranPengguna


@dataclass
class Akses:
    user: object
    pegawai: object | None
    admin_instansi_ids: frozenset[int] = field(default_factory=frozenset)
    pimpinan_instansi_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_superadmin(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False))

    @property
    def instansi_id(self) -> int | None:
        return self.pegawai.instansi_id if self.pegawai else None

    @property
    def pengelola_instansi_ids(self) -> frozenset[int]:
        """Instansi whose whole organisation this user may see (admin or pimpinan)."""
        return self.admin_instansi_ids | self.pimpinan_instansi_ids

    def is_admin_of(self, instansi_id: int) -> bool:
        return self.is_superadmin or instansi_id in self.admin_instansi_ids

    def sees_whole_instansi(self, instansi_id: int) -> bool:
        return self.is_superadmin or instansi_id in self.pengelola_instansi_ids

    @cached_property
    def is_pejabat_penilai(self) -> bool:
        return bool(self.pegawai) and self.pegawai.bawahan_set.filter(aktif=True).exists()

    @cached_property
    def is_atasan_pejabat_penilai(self) -> bool:
        return bool(self.pegawai) and self.pegawai.bawahan_tidak_langsung_set.filter(aktif=True).exists()

    @property
    def is_admin(self) -> bool:
        return self.is_superadmin or bool(self.admin_instansi_ids)

    @property
    def is_pimpinan(self) -> bool:
        return bool(self.pimpinan_instansi_ids)


def akses_of(user) -> Akses:
    cached = getattr(user, "_kinerja_akses", None)
    if cached is not None:
        return cached
    try:
        pegawai = user.pegawai
    except (ObjectDoesNotExist, AttributeError):
        pegawai = None
    admin, pimpinan = set(), set()
    for instansi_id, peran in PeranPengguna.objects.filter(user_id=user.pk).values_list(
        "instansi_id", "peran"
    ):
        (admin if peran == Peran.ADMIN_INSTANSI else pimpinan).add(instansi_id)
    akses = Akses(user, pegawai, frozenset(admin), frozenset(pimpinan))
    user._kinerja_akses = akses
    return akses
