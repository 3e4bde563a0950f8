"""Seeds the koefisien and AKK table (decision g) with the values of kinerja.aturan.referensi."""

from datetime import date

from django.db import migrations

from kinerja.aturan.referensi import AK_KOEFISIEN, AKK_KENAIKAN_JENJANG, AKK_KENAIKAN_PANGKAT

BERLAKU_MULAI = date(2023, 1, 1)  # PermenPANRB 1/2023, Peraturan BKN 3/2023


def seed(apps, schema_editor):
    Koefisien = apps.get_model("tindak_lanjut", "KoefisienAngkaKredit")
    for jenjang, koefisien in AK_KOEFISIEN.items():
        Koefisien.objects.update_or_create(
            berlaku_mulai=BERLAKU_MULAI,
            jenjang=jenjang.value,
            defaults={
                "koefisien": koefisien,
                "akk_pangkat": AKK_KENAIKAN_PANGKAT[jenjang],
                "akk_jenjang": AKK_KENAIKAN_JENJANG[jenjang],
                "dasar": "PermenPANRB 1/2023; Peraturan BKN 3/2023 (regulasi.md §4.3, §4.4)",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("tindak_lanjut", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
