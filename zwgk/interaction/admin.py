"""Admin of the interaction app. Word lists are kept by ``services.do_save_word_list`` (each change
an event), so the admin only shows them; templates, accounts and the head-approval rules are plain
reference data without a service of their own."""

from django.contrib import admin

from zwgk.interaction.models import HeadApprovalRule, PlatformAccount, ReplyTemplate, WordList


@admin.register(WordList)
class WordListAdmin(admin.ModelAdmin):
    list_display = ["kind", "updated_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "order"]


@admin.register(PlatformAccount)
class PlatformAccountAdmin(admin.ModelAdmin):
    list_display = ["platform", "name", "department", "active"]


@admin.register(HeadApprovalRule)
class HeadApprovalRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "complexity"]
