"""Publish approved catalog entries whose scheduled time has come (run every few minutes)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zwgk.catalog.services import publish_scheduled


class Command(BaseCommand):
    help = "发布已到定时发布时间的信息。"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"定时发布：{publish_scheduled()}条")
