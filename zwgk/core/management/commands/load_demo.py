"""Load the demo data of API.md (idempotent; never in production): each app's ``demo.load()``."""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "载入演示数据（可重复运行；生产环境拒绝运行）。"

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION:
            raise CommandError("生产环境（ZWGK_ENV=production）不载入演示数据。")
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if not config.name.startswith("zwgk.") or importlib.util.find_spec(module_name) is None:
                continue
            with transaction.atomic():
                summary = importlib.import_module(module_name).load()
            self.stdout.write(f"{config.verbose_name}：{summary}")
