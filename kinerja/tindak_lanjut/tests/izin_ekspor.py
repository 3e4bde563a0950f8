"""Permission matrix of the national exports: the page is for the admin instansi (Analis SDM) and the
pimpinan; everyone else signed in gets 403 (the outsider too: the page shows only instansi one manages)."""

from kinerja.core.tests.izin import _admin_only

MATRIX = {
    "tindak_lanjut:ekspor": (None, _admin_only() | {"pimpinan": 200}),
}
