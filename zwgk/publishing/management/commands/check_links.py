"""Visit every link of the published portal and record the broken ones (Art. 39, 40)."""

from django.core.management.base import BaseCommand

from zwgk.publishing.links import check_links


class Command(BaseCommand):
    help = "链接检查：访问已发布信息和门户页面中的每个链接，记录失效链接（按栏目和部门）。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--concurrency", type=int, default=8)
        parser.add_argument("--timeout", type=float, default=10.0)

    def handle(self, *args, concurrency: int, timeout: float, **options) -> None:
        broken = check_links(concurrency=concurrency, timeout=timeout)
        for link in broken:
            self.stdout.write(f"{link.problem}：{link.url}（{link.page}）")
        self.stdout.write(f"发现 {len(broken)} 个失效链接。")
