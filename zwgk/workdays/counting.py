"""The counting rule: "N working days from date D" (API.md, "The counting rule").

Every time limit of the seed is counted in working days: the supplement notice within 7 working
days and the reply within 15 (Art. 15), the third party's 15 days (Art. 18), publication within 5
(Art. 26), the message limits (Art. 31). All of them go through this one module (DESIGN.md,
principle 3: one clock), so that they can never disagree about what a working day is.

A period ends on the N-th working day strictly *after* D: the first day of a period is not
counted (Civil Code Art. 201). A working day is a Monday to Friday that is not a public holiday,
or a weekend day the State Council made a working day (调休上班) in its yearly holiday notice
(《全国年节及纪念日放假办法》 and the notice issued under it). Where a year's notice is not known
yet, weekends-only is assumed and the answer is marked provisional, so that it can be recomputed
once the calendar of that year is saved.

Pure logic: no Django, no database. Callers pass the calendars they know as ``{year: YearCalendar}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "CountedDay",
    "Deadline",
    "YearCalendar",
    "add_working_days",
    "explain",
    "holiday_name",
    "is_workday",
    "workday_name",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class YearCalendar:
    """What the State Council's notice for ``year`` decided.

    ``holidays`` maps every 放假 date (weekend days inside a range included) to the festival name,
    ``workdays`` maps the weekend days made working days (调休上班) to the festival they belong to.

    A notice may reach into the previous December (the 2019 notice gave 2018-12-30 and -31 as New
    Year holidays and made 2018-12-29 a working Saturday). Such dates may stay in the calendar of
    the notice that decided them: the lookups below also consult the calendar of ``day.year + 1``.
    """

    year: int
    holidays: Mapping[date, str]
    workdays: Mapping[date, str]


@dataclass(frozen=True)
class Deadline:
    """The last day of a period; ``provisional`` when a year it went through had no calendar."""

    date: date
    provisional: bool


def _entry(day: date, calendars: Mapping[int, YearCalendar]) -> tuple[bool | None, str | None]:
    """Explicit decision for ``day``: (True = 调休上班, False = 放假, None = none; festival name).

    The calendar of the day's own year wins; the next year's notice is consulted for the dates it
    may have decided at the end of the previous year (New Year spill-over, see ``YearCalendar``).
    """
    for year in (day.year, day.year + 1):
        calendar = calendars.get(year)
        if calendar is None:
            continue
        name = calendar.workdays.get(day)
        if name is not None:
            return True, name
        name = calendar.holidays.get(day)
        if name is not None:
            return False, name
    return None, None


def is_workday(day: date, calendars: Mapping[int, YearCalendar]) -> tuple[bool, bool]:
    """(is ``day`` a working day, is the answer certain).

    The answer is certain when the calendar of ``day.year`` is known. Without it weekends-only is
    assumed (Monday to Friday work) and the answer is uncertain, see the module docstring.
    """
    certain = day.year in calendars
    decided, _name = _entry(day, calendars)
    if decided is not None:
        return decided, certain
    return day.weekday() < 5, certain


def holiday_name(day: date, calendars: Mapping[int, YearCalendar]) -> str | None:
    """The festival whose 放假 range contains ``day`` (e.g. "国庆节"), or None.

    None also for a 调休上班 weekend day: it is a working day, see ``workday_name``.
    """
    decided, name = _entry(day, calendars)
    return name if decided is False else None


def workday_name(day: date, calendars: Mapping[int, YearCalendar]) -> str | None:
    """The festival a 调休上班 weekend day belongs to (e.g. 2026-10-10 → "国庆节"), or None."""
    decided, name = _entry(day, calendars)
    return name if decided is True else None


def _days_after(start: date, calendars: Mapping[int, YearCalendar]) -> Iterator[tuple[date, bool, bool]]:
    """The days after ``start``, one by one: (day, is it a working day, is that certain)."""
    day = start
    while True:
        day += _ONE_DAY
        working, certain = is_workday(day, calendars)
        yield day, working, certain


def add_working_days(start: date, days: int, calendars: Mapping[int, YearCalendar]) -> Deadline:
    """The ``days``-th working day strictly after ``start`` (Civil Code Art. 201; seed Art. 15).

    ``start`` itself never counts, whatever it is; if it is a weekend or a holiday the count
    simply begins at the next working day. ``days == 0`` returns ``start`` itself, not provisional.
    The result is provisional when any day examined, i.e. any day of (start, deadline], lies in a
    year without a known calendar.
    """
    if days < 0:
        raise ValueError(f"工作日天数不能为负数：{days}")
    deadline, counted, provisional = start, 0, False
    following = _days_after(start, calendars)
    while counted < days:
        deadline, working, certain = next(following)
        provisional = provisional or not certain
        counted += working
    return Deadline(date=deadline, provisional=provisional)


def working_days_between(after: date, until: date, calendars: Mapping[int, YearCalendar]) -> tuple[int, bool]:
    """Working days in the half-open interval (after, until], and whether that count is provisional.

    This is how a paused clock is moved on (Art. 18: the time a third party takes is not counted):
    the working days in (paused on, resumed on]. ``0, False`` when ``until <= after``.
    """
    count, provisional = 0, False
    for day, working, certain in _days_after(after, calendars):
        if day > until:
            break
        provisional = provisional or not certain
        count += working
    return count, provisional


WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class CountedDay:
    """One day of a period as the rule saw it: the working day's ordinal (1, 2, … N) or ``None``
    when it did not count, and why (周六, 国庆节, 调休上班（国庆节）)."""

    day: date
    ordinal: int | None
    reason: str
    provisional: bool

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]


def explain(start: date, days: int, calendars: Mapping[int, YearCalendar]) -> list[CountedDay]:
    """Every day of (start, deadline] with how it was counted, so that nobody has to recount a
    deadline by hand: each weekend and holiday skipped, each 调休 working weekend counted. The last
    entry is the deadline that ``add_working_days`` gives."""
    if days < 0:
        raise ValueError(f"工作日天数不能为负数：{days}")
    explained: list[CountedDay] = []
    counted = 0
    following = _days_after(start, calendars)
    while counted < days:
        day, working, certain = next(following)
        decided, name = _entry(day, calendars)
        if working:
            counted += 1
            reason = f"调休上班（{name}）" if decided is True else ""
        else:
            reason = name if decided is False and name else WEEKDAYS[day.weekday()]
        explained.append(CountedDay(day, counted if working else None, reason, not certain))
    return explained
