"""Render every public page that is the same for every visitor into the static tree."""

import time

from django.core.management.base import BaseCommand

from zwgk.publishing import services


class Command(BaseCommand):
    help = "生成静态页面树（ZWGK_SITE_DIR）：首页、频道、栏目、信息公开目录条目、订阅、站点地图、信件公开。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--processes", type=int, default=1, help="render entry pages in this many processes")
        parser.add_argument("--no-entries", action="store_true", help="only the pages that are not entries")

    def handle(self, *args, processes: int, no_entries: bool, **options) -> None:
        started = time.monotonic()
        written = services.publish_site(entries=not no_entries, processes=processes)
        seconds = time.monotonic() - started
        self.stdout.write(f"已生成 {written} 个文件到 {services.site_dir()}，用时 {seconds:.1f} 秒。")
