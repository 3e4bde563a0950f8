from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AngkaKreditAwal, KoefisienAngkaKredit, KonversiAngkaKredit, Penghargaan, Sanksi


@admin.register(KoefisienAngkaKredit)
class KoefisienAngkaKreditAdmin(admin.ModelAdmin):
    list_display = ["berlaku_mulai", "jenjang", "koefisien", "akk_pangkat", "akk_jenjang"]
    list_filter = ["berlaku_mulai"]


@admin.register(AngkaKreditAwal)
class AngkaKreditAwalAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "angka_kredit", "per_tanggal", "tmt_pangkat"]
    raw_id_fields = ["pegawai"]


@admin.register(KonversiAngkaKredit)
class KonversiAngkaKreditAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "tahun", "tahunan", "predikat", "bulan", "angka_kredit"]
    list_filter = ["tahun", "tahunan"]
    raw_id_fields = ["pegawai", "penilaian"]


@admin.register(Penghargaan)
class PenghargaanAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "jenis", "tanggal"]
    raw_id_fields = ["pegawai", "penilaian"]


@admin.register(Sanksi)
class SanksiAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "jenis", "tanggal_mulai", "tanggal_selesai"]
    raw_id_fields = ["pegawai", "penilaian"]
