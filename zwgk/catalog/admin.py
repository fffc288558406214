"""The sensitive-word list (Art. 4) is data the office keeps; the admin site edits it."""

from django.contrib import admin

from zwgk.catalog.models import SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "note", "active"]
    list_filter = ["active"]
    search_fields = ["word", "note"]
