"""Permission matrix of the IP ASN table versions (collected by core's test_permissions): everyone
signed in reads them, only the superadmin adds one."""

from kinerja.core.tests.izin import _all

MATRIX = {
    "ipasn:tabel-list": (None, _all(200)),
    "ipasn:tabel-buat": (None, _all(403) | {"superadmin": 200}),
}
