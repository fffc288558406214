"""Load the demo data of API.md (idempotent; never in production): each app's ``demo.load()``."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zwgk.core import background
from zwgk.core.discovery import app_modules


class Command(BaseCommand):
    help = "载入演示数据（可重复运行；生产环境拒绝运行）。"

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION:
            raise CommandError("生产环境（ZWGK_ENV=production）不载入演示数据。")
        with background.batched():  # the staff alerts and receipts of the demo cases: one run at the end
            for config, module in app_modules("demo"):
                with transaction.atomic():
                    summary = module.load()
                self.stdout.write(f"{config.verbose_name}：{summary}")
