"""Periodic job as a command: alert staff of new, overdue and due-soon work (and send the digest)."""

from django.core.management.base import BaseCommand

from zwgk.workbench.alerts import daily


class Command(BaseCommand):
    help = "提醒工作人员新到达、即将到期和已超期的待办事项（每日）"

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"已生成工作提醒 {daily()} 条")
