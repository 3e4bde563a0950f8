from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    IndikatorKinerjaUtama,
    PeriodeKinerja,
    PerjanjianKinerja,
    RiwayatSkp,
    SasaranStrategis,
    Skp,
)


@admin.register(PeriodeKinerja)
class PeriodeKinerjaAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "tanggal_mulai", "tanggal_selesai", "batas_penyusunan", "siklus"]
    list_filter = ["instansi", "tahun"]


class SasaranInline(admin.StackedInline):
    model = SasaranStrategis
    extra = 0


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["unit_kerja", "tahun", "sumber"]
    list_filter = ["tahun", "sumber"]
    inlines = [SasaranInline]


@admin.register(SasaranStrategis)
class SasaranStrategisAdmin(admin.ModelAdmin):
    list_display = ["uraian", "perjanjian", "urutan"]

    class IkuInline(admin.TabularInline):
        model = IndikatorKinerjaUtama
        extra = 0

    inlines = [IkuInline]


class RiwayatInline(admin.TabularInline):
    model = RiwayatSkp
    extra = 0
    can_delete = False
    readonly_fields = ["aksi", "dari", "ke", "oleh", "catatan", "waktu"]


@admin.register(Skp)
class SkpAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "periode", "versi", "status", "jenis", "pejabat_penilai"]
    list_filter = ["status", "jenis", "periode__tahun"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    list_select_related = ["pegawai", "periode", "pejabat_penilai"]
    readonly_fields = ["status", "versi", "revisi_dari", "diajukan_pada", "disetujui_pada"]
    raw_id_fields = ["pegawai", "pejabat_penilai", "jabatan", "unit_kerja"]
    inlines = [RiwayatInline]
