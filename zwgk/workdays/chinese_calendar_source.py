"""The calendars of 2004 onwards as shipped by the ``chinesecalendar`` package.

The working-day engine needs the State Council's holiday notice of every year a deadline may
touch (GLOSSARY "工作日"; the limits of Art. 15, 18, 26, 31 are in working days). The package
carries the notices of past years, so a new installation is seeded from it instead of having staff
type in a decade of notices; later years come from the notice itself (``notice.parse_notice``).

The package names festivals in its own way ("National Day", "清明"); they are given here the names
the notices use ("国庆节", "清明节"). Note that the package records the later corrections of a
notice (2019 Labour Day made four days, 2020 Spring Festival extended for the epidemic), and in
some years (2019) lists the weekend next to a single holiday that the notice joins "与周末连休".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import chinese_calendar

from zwgk.workdays.counting import YearCalendar

__all__ = ["festival_name", "known_years", "year_calendar"]

# The package's English value → the festival's name as the State Council's notices write it.
_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def festival_name(value: str) -> str:
    """The Chinese name for one of the package's values (e.g. "National Day" → "国庆节")."""
    name = _NAMES.get(value)
    if name is not None:
        return name
    try:
        return str(chinese_calendar.Holiday(value).chinese)
    except ValueError:
        return value


def known_years() -> range:
    """The years the package has a calendar for (2004 to the last notice it ships)."""
    years = [day.year for day in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)


def year_calendar(year: int) -> YearCalendar:
    """The calendar of ``year`` from the package; ``LookupError`` for a year it does not know."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError as exc:
        raise LookupError(f"chinesecalendar 没有 {year} 年的节假日安排数据") from exc
    return YearCalendar(
        year=year,
        holidays=_of_year(chinese_calendar.holidays, year),
        workdays=_of_year(chinese_calendar.workdays, year),
    )


def _of_year(days: Mapping[date, str], year: int) -> dict[date, str]:
    return {day: festival_name(value) for day, value in days.items() if day.year == year}
