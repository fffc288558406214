"""``manage.py restore DIR [--force]``: restore a verified backup onto an empty installation (or,
with --force, over one with data)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwgk.security import audit, backups
from zwgk.security.backups import KEY_WARNING
from zwgk.security.models import AuditKind


class Command(BaseCommand):
    help = "从备份目录恢复数据库和文件；当前安装已有数据时须加 --force。"

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("directory", type=Path)
        parser.add_argument("--force", action="store_true", help="覆盖已有数据的安装")

    def handle(self, *args: object, directory: Path, force: bool, **options: object) -> None:
        try:
            manifest = backups.restore(directory, force=force)
        except backups.BackupError as exc:
            raise CommandError(str(exc), returncode=1) from None
        audit.log(AuditKind.RESTORE, obj=str(directory), detail={"created_at": manifest["created_at"]})
        if manifest.get("query_code_key") != backups.key_fingerprint():
            self.stdout.write(self.style.WARNING(KEY_WARNING))
        self.stdout.write(f"已从 {directory} 恢复（备份时间 {manifest['created_at']}）。"
                          "请运行 manage.py migrate 和 publish_site。")
