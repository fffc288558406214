"""``manage.py verify_backup DIR``: check every checksum of a backup; exit 1 when any is wrong."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwgk.security import backups
from zwgk.security.backups import KEY_WARNING


class Command(BaseCommand):
    help = "校验备份目录中的数据库和文件是否与清单一致。"

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("directory", type=Path)

    def handle(self, *args: object, directory: Path, **options: object) -> None:
        checked = backups.verify(directory)
        if checked.problems:
            raise CommandError("备份校验未通过：" + "；".join(checked.problems), returncode=1)
        manifest = checked.manifest
        if manifest.get("query_code_key") != backups.key_fingerprint():
            self.stdout.write(self.style.WARNING(KEY_WARNING))
        self.stdout.write(f"备份完整：{manifest['created_at']}，数据库（{manifest['engine']}）"
                          f"和{len(manifest['files'])}个文件。")
