"""``manage.py backup DIR``: the database and every stored file, with a manifest of checksums (Art. 40)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwgk.security import audit, backups
from zwgk.security.models import AuditKind


class Command(BaseCommand):
    help = "备份数据库和全部存储文件到指定的空目录，并写入校验清单。"

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("directory", type=Path)

    def handle(self, *args: object, directory: Path, **options: object) -> None:
        try:
            manifest = backups.backup(directory)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from None
        audit.log(AuditKind.BACKUP, obj=str(directory), detail={"files": len(manifest["files"])})
        self.stdout.write(f"已备份到 {directory}：数据库（{manifest['engine']}）和{len(manifest['files'])}个文件。"
                          "请同时妥善保管 SECRET_KEY 和 ZWGK_QUERY_CODE_KEY（不在备份中）。")
