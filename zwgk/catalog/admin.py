"""The sensitive-word list (Art. 4) is data the office keeps. The admin site edits it only through
the service functions, so that every change is an event like any other change of the record."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from zwgk.catalog import services
from zwgk.catalog.models import AuthorisedSource, SensitiveWord, TrustedDomain
from zwgk.org.permissions import can


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "note", "active"]
    list_filter = ["active"]
    search_fields = ["word", "note"]

    def _may(self, request: HttpRequest) -> bool:
        return can(request.user, "catalog.manage_words")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def save_model(self, request: HttpRequest, obj: SensitiveWord, form: Any, change: bool) -> None:
        services.do_save_sensitive_word(obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: SensitiveWord) -> None:
        services.do_delete_sensitive_word(obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[SensitiveWord]) -> None:
        for word in queryset:
            services.do_delete_sensitive_word(word, actor=request.user)


@admin.register(TrustedDomain)
class TrustedDomainAdmin(admin.ModelAdmin):
    """The party and government domains of Art. 40, kept by the office."""

    list_display = ["domain", "name", "active"]
    search_fields = ["domain", "name"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can(request.user, "catalog.manage_words")

    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = (
        lambda self, request, obj=None: can(request.user, "catalog.manage_words"))


@admin.register(AuthorisedSource)
class AuthorisedSourceAdmin(TrustedDomainAdmin):
    """The authorised sources of central documents (Art. 39), kept by the office."""

    list_display = ["name", "host", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "host"]
