"""Periodic job as a command: remind departments of overdue citizen messages (Art. 31)."""

from django.core.management.base import BaseCommand

from zwgk.interaction.tasks import remind_overdue


class Command(BaseCommand):
    help = "向承办部门发送网民信息超期提醒（第三十一条）"

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"已发送超期提醒 {remind_overdue()} 封")
