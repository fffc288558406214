"""Check the audit log's hash chain (Art. 40): exit 1 naming the first changed or removed entry."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from zwgk.security import audit
from zwgk.security.models import AuditEntry


class Command(BaseCommand):
    help = "校验安全审计日志的哈希链；发现被修改或删除的记录时以状态1退出并指出第一条。"

    def handle(self, *args: object, **options: object) -> None:
        broken = audit.verify()
        if broken is not None:
            raise CommandError(str(broken), returncode=1)
        self.stdout.write(f"审计日志完整：共{AuditEntry.objects.count()}条，哈希链校验通过。")
