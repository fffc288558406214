"""The sensitive-word list (Art. 4) is data the office keeps. The admin site only shows it: a change
to what the pre-publication scan flags is a change of the record, which the service layer would
log; the admin site writes no event, so it edits nothing here."""

from django.contrib import admin
from django.http import HttpRequest

from zwgk.catalog.models import SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "note", "active"]
    list_filter = ["active"]
    search_fields = ["word", "note"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SensitiveWord | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: SensitiveWord | None = None) -> bool:
        return False
