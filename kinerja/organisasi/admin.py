from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ImportJob, Instansi, Jabatan, Pegawai, PenugasanPlt, UnitKerja
from .services import refresh_penilai, sync_account


@admin.register(Instansi)
class InstansiAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "jenis", "jabatan_pimpinan"]
    search_fields = ["kode", "nama"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "induk", "instansi", "aktif"]
    list_filter = ["instansi", "aktif"]
    search_fields = ["kode", "nama"]
    list_select_related = ["induk", "instansi"]
    autocomplete_fields = ["induk"]


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "jenis", "jenjang", "unit_kerja", "atasan"]
    list_filter = ["instansi", "jenis", "jenjang"]
    search_fields = ["kode", "nama"]
    list_select_related = ["unit_kerja", "atasan"]
    autocomplete_fields = ["unit_kerja", "atasan"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_penilai(obj.instansi)


class PenugasanInline(admin.TabularInline):
    model = PenugasanPlt
    fk_name = "pegawai"
    extra = 0
    autocomplete_fields = ["jabatan"]


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = ["nip", "nama", "status", "golongan_ruang", "jabatan", "unit_kerja", "aktif"]
    list_filter = ["instansi", "status", "aktif"]
    search_fields = ["nip", "nama"]
    list_select_related = ["jabatan", "unit_kerja"]
    autocomplete_fields = ["jabatan", "unit_kerja", "pejabat_penilai_khusus"]
    readonly_fields = [
        "tanggal_lahir",
        "tmt_pengangkatan",
        "jenis_kelamin",
        "pejabat_penilai",
        "atasan_pejabat_penilai",
        "user",
    ]
    inlines = [PenugasanInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_account(obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_penilai(form.instance.instansi)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["nama_berkas", "instansi", "status", "uji_saja", "created_at", "selesai_pada"]
    list_filter = ["status", "instansi"]
    readonly_fields = [f.name for f in ImportJob._meta.fields]
