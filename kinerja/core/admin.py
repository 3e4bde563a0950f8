from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import PeranPengguna, User


class PeranInline(admin.TabularInline):
    model = PeranPengguna
    extra = 0


@admin.register(User)
class KinerjaUserAdmin(UserAdmin):
    inlines = [PeranInline]
    search_fields = ["username", "first_name", "last_name", "email"]


@admin.register(PeranPengguna)
class PeranPenggunaAdmin(admin.ModelAdmin):
    list_display = ["user", "instansi", "peran"]
    list_filter = ["peran", "instansi"]
    autocomplete_fields = ["user"]
