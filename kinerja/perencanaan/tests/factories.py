"""Test data for perencanaan: an SKP in any state, written directly (no workflow), for tests of what
reads SKP (recap, pohon, exports)."""

from kinerja.perencanaan import services
from kinerja.perencanaan.models import Skp
from kinerja.perencanaan.workflow import StatusSkp


def skp_dengan_status(
    pegawai,
    status=StatusSkp.DRAF,
    *,
    versi=1,
    tahun=2027,
    mulai=None,
    diajukan=None,
    disetujui=None,
    revisi_dari=None,
) -> Skp:
    periode = services.periode_tahun(pegawai.instansi, tahun)
    return Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        jenis=services.jenis_skp(pegawai),
        jabatan=pegawai.jabatan,
        unit_kerja=pegawai.unit_kerja,
        pejabat_penilai=pegawai.pejabat_penilai,
        tanggal_mulai=mulai or periode.tanggal_mulai,
        tanggal_selesai=periode.tanggal_selesai,
        status=status,
        versi=versi,
        diajukan_pada=diajukan,
        disetujui_pada=disetujui,
        revisi_dari=revisi_dari,
    )
