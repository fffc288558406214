"""Calendars for the tests: every year the chinesecalendar package knows (2004 onwards)."""

from __future__ import annotations

from functools import cache

from zwgk.workdays.chinese_calendar_source import known_years, year_calendar
from zwgk.workdays.counting import YearCalendar


@cache
def _all() -> tuple[tuple[int, YearCalendar], ...]:
    return tuple((year, year_calendar(year)) for year in known_years())


def chinese_calendars() -> dict[int, YearCalendar]:
    """``{year: YearCalendar}`` for 2004 to the package's last year; a fresh dict each call."""
    return dict(_all())
