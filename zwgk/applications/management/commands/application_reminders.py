"""Daily: close as abandoned the cases not supplemented by their deadline, end lapsed third-party
consultations and remind handlers and the office of cases due
within three working days or overdue (Art. 15, 18)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from zwgk.applications import reminders


class Command(BaseCommand):
    help = "依申请公开期限提醒：即将到期（3个工作日内）和已超期的申请，邮件通知承办人和政务公开办公室。"

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--date", type=date.fromisoformat, default=None, help="按此日期计算（YYYY-MM-DD）")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        result = reminders.run(options["date"])
        self.stdout.write(
            f"逾期未补正视为放弃{result['abandoned']}件；第三方逾期结束{result['expired']}件；到期提醒涉及{result['cases']}件，发送邮件{result['mails']}封。"
        )
