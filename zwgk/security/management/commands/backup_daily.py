"""``manage.py backup_daily``: the daily backup for cron (Celery beat runs the same job): a new copy
under ZWGK_BACKUP_DIR, keeping the newest ZWGK_BACKUP_KEEP."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zwgk.security.tasks import daily_backup


class Command(BaseCommand):
    help = "每日备份：在 ZWGK_BACKUP_DIR 下新建一份备份，只保留最新的 ZWGK_BACKUP_KEEP 份。"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(daily_backup())
