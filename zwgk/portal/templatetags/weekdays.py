"""``{{ day|with_weekday }}`` → ``2026-03-02（星期一）``: the one way a date is shown with its weekday
(issue #13, "Chinese weekdays everywhere"). Due dates are counted in working days (Art. 24, 33),
so the reader needs the weekday beside the date; it is written from our own table, never from the
C library's abbreviated weekday or Django's ``D`` format, whose words follow the server's locale."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

from zwgk.workdays.counting import WEEKDAYS

register = template.Library()

WEEKDAY_NAMES = tuple(f"星期{short[1:]}" for short in WEEKDAYS)  # 周一 → 星期一: one table of weekdays


def chinese_weekday(day: date) -> str:
    """星期一 … 星期日 for a date (Monday is ``weekday() == 0``)."""
    return WEEKDAY_NAMES[day.weekday()]


@register.filter
def with_weekday(value: date | datetime | None, fmt: str = "Y-m-d") -> str:
    """The date in Django's ``fmt`` (``Y-m-d`` or ``Y年n月j日``) followed by （星期X）; empty for none."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    day = value.date() if isinstance(value, datetime) else value
    return f"{date_format(value, fmt)}（{chinese_weekday(day)}）"
