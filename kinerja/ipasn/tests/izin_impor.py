"""Permission matrix of the IP ASN data import (collected by core's test_permissions)."""

from kinerja.core.tests.izin import _admin_only

MATRIX = {
    "ipasn:impor": (None, _admin_only()),
    "ipasn:impor-templat": (None, _admin_only()),
}
