from django.contrib import admin

from zwgk.interaction.models import PlatformAccount, ReplyTemplate, WordList


@admin.register(WordList)
class WordListAdmin(admin.ModelAdmin):
    list_display = ["kind", "updated_at"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "order"]


@admin.register(PlatformAccount)
class PlatformAccountAdmin(admin.ModelAdmin):
    list_display = ["platform", "name", "department", "active"]
