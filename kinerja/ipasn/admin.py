from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import HukumanDisiplin, PengembanganKompetensi, PerhitunganIpAsn, RiwayatPendidikan, TabelIpAsn


@admin.register(TabelIpAsn)
class TabelIpAsnAdmin(SimpleHistoryAdmin):
    """Edits are validated by TabelIpAsn.clean() (weights adding up to 100, every predikat...)."""

    list_display = ["versi", "berlaku_mulai"]


@admin.register(RiwayatPendidikan)
class RiwayatPendidikanAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "jenjang", "institusi", "tanggal_lulus", "status"]
    list_filter = ["status", "jenjang"]
    raw_id_fields = ["pegawai"]


@admin.register(PengembanganKompetensi)
class PengembanganKompetensiAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "jenis", "nama", "jp", "tanggal_selesai", "status"]
    list_filter = ["status", "jenis"]
    raw_id_fields = ["pegawai"]


@admin.register(HukumanDisiplin)
class HukumanDisiplinAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "tingkat", "jenis", "tmt_mulai", "tmt_selesai", "status"]
    list_filter = ["status", "tingkat"]
    raw_id_fields = ["pegawai"]


@admin.register(PerhitunganIpAsn)
class PerhitunganIpAsnAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "tahap", "nilai", "kategori", "jumlah_pegawai", "created_at"]
    list_filter = ["tahap", "tahun"]
