"""SOPs are data: an administrator may load another SOP (steps, roles, time standards) here."""

from django.contrib import admin

from .models import HariLibur, LangkahSop, ProsesSop, Sop


class LangkahInline(admin.StackedInline):
    model = LangkahSop
    extra = 0


@admin.register(Sop)
class SopAdmin(admin.ModelAdmin):
    list_display = ["nama", "nomor", "tanggal_efektif"]
    inlines = [LangkahInline]


@admin.register(ProsesSop)
class ProsesSopAdmin(admin.ModelAdmin):
    list_display = ["judul", "instansi", "tahun", "status"]
    list_filter = ["status", "tahun"]
    readonly_fields = ["langkah_aktif"]


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "keterangan"]
    date_hierarchy = "tanggal"
