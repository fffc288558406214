"""Compare the static tree with the fingerprints recorded when it was rendered (Art. 40)."""

import sys

from django.core.management.base import BaseCommand

from zwgk.publishing import services
from zwgk.publishing.models import TamperAlert


class Command(BaseCommand):
    help = "网页防篡改检查：恢复被篡改或缺失的文件，删除多余文件，逐一列出；发现异常时退出码为 1。"

    def handle(self, *args, **options) -> None:
        result = services.tamper_check()
        labels = dict(TamperAlert.Kind.choices)
        for finding in result.findings:
            self.stdout.write(f"{labels[finding.kind]}：{finding.path}")
        self.stdout.write(f"检查 {result.checked} 个文件，发现 {len(result.findings)} 处异常。")
        if result.findings:
            sys.exit(1)
