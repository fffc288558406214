from django.core.management.base import BaseCommand

from zwgk.assessment import probe


class Command(BaseCommand):
    help = "Probe the portal's public address once (国办秘函〔2019〕19号: 15 s limit) and keep the result."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default=None, help="the address to probe (default: ZWGK_PORTAL_URL)")

    def handle(self, *args, url: str | None = None, **options) -> None:
        result = probe.probe(url)
        if result is None:
            self.stdout.write("未设置门户网站地址（ZWGK_PORTAL_URL），未监测。")
        else:
            state = "正常" if result.ok else "失败"
            self.stdout.write(f"{result.url}：{state}（{result.seconds:.1f}秒）{result.error}")
