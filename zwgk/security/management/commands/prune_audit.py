"""Remove audit entries older than ZWGK_AUDIT_RETENTION_DAYS (at least six months; Art. 40)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zwgk.security import audit


class Command(BaseCommand):
    help = "清理超过保存期限的审计日志（保存期限至少六个月），保留哈希链可校验。"

    def handle(self, *args: object, **options: object) -> None:
        removed = audit.prune()
        self.stdout.write(f"已清理{removed}条超过{audit.retention().days}天的审计日志。")
