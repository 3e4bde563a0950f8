"""Seeds the IP ASN table (decision g) with kinerja.aturan's defaults, and loads SOP 001 (seed 001)."""

from django.db import migrations

from kinerja.aturan.ip_asn import TABEL_IP_ASN_DEFAULT as T
from kinerja.ipasn import sop_001


def seed(apps, schema_editor):
    apps.get_model("ipasn", "TabelIpAsn").objects.update_or_create(
        berlaku_mulai=T.berlaku_mulai,
        defaults={
            "versi": T.versi,
            "bobot": dict(T.bobot),
            "kualifikasi": dict(T.kualifikasi),
            "kompetensi": dict(T.kompetensi),
            "kinerja": {p.value: n for p, n in T.kinerja.items()},
            "disiplin": dict(T.disiplin),
            "kategori": [list(k) for k in T.kategori],
            "catatan": "Nilai bawaan regulasi.md §6; sebagian besar UNVERIFIED (dapat diubah).",
        },
    )
    sop_001.muat(apps.get_model("sop", "Sop"), apps.get_model("sop", "LangkahSop"))


class Migration(migrations.Migration):
    dependencies = [("ipasn", "0001_initial"), ("sop", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
