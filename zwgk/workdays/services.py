"""The working-day engine: every deadline in the system is counted here (DESIGN.md principle 3).

The counting itself is pure (``counting.py``); this module feeds it the calendar kept in the
database, stores deadlines, and recounts provisional ones when a year's calendar is saved.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction

from zwgk.core.compiled import CompiledQuery
from zwgk.core.errors import InvalidInput
from zwgk.events.services import record
from zwgk.workdays import counting
from zwgk.workdays.models import CalendarDay, CalendarYear, Deadline, PolicyProfile
from zwgk.workdays.notice import ParsedNotice

_local = threading.local()


def _calendar_version() -> tuple[Any, ...]:
    """How many years the calendar holds and when one was last saved, in a fixed statement: every
    deadline runs it, and the same aggregate built and compiled by the ORM cost each public
    submission 0.15 ms of CPU (issue 11, intake throughput)."""
    table = connection.ops.quote_name(CalendarYear._meta.db_table)
    column = connection.ops.quote_name(CalendarYear._meta.get_field("updated_at").column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), MAX({column}) FROM {table}")  # names from the model
        return tuple(cursor.fetchone())


def _calendars() -> dict[int, counting.YearCalendar]:
    """All known years, loaded once per thread and reloaded when any process saves a year.

    The check is one small query on the years table, so it sees a save in the same transaction and
    forgets one that was rolled back.
    """
    version = _calendar_version()
    loaded = getattr(_local, "loaded", None)
    if loaded is not None and loaded[0] == version:
        return loaded[1]
    holidays: dict[int, dict[date, str]] = {}
    workdays: dict[int, dict[date, str]] = {}
    for year in CalendarYear.objects.values_list("year", flat=True):
        holidays[year], workdays[year] = {}, {}
    for day in CalendarDay.objects.all().iterator():
        target = holidays if day.kind == CalendarDay.HOLIDAY else workdays
        target[day.year_id][day.date] = day.name
    calendars = {
        year: counting.YearCalendar(year=year, holidays=holidays[year], workdays=workdays[year])
        for year in holidays
    }
    _local.loaded = (version, calendars)
    return calendars


def deadline(start: date, days: int) -> counting.Deadline:
    """``days`` working days from ``start`` by the counting rule (API.md)."""
    return counting.add_working_days(start, days, _calendars())


def explain(start: date, days: int) -> list[counting.CountedDay]:
    """How ``days`` working days from ``start`` were counted, day by day (see ``counting.explain``)."""
    return counting.explain(start, days, _calendars())


def working_days_between(after: date, until: date) -> tuple[int, bool]:
    """Working days in (after, until], and whether the count is provisional."""
    return counting.working_days_between(after, until, _calendars())


@dataclass(frozen=True)
class DayInfo:
    date: date
    workday: bool
    name: str | None
    provisional: bool


def day_info(day: date) -> DayInfo:
    calendars = _calendars()
    workday, certain = counting.is_workday(day, calendars)
    return DayInfo(day, workday, counting.holiday_name(day, calendars), not certain)


def known_years() -> list[int]:
    return sorted(_calendars())


@dataclass(frozen=True)
class CalendarData:
    year: int
    known: bool
    source: str | None
    holidays: dict[date, str]
    workdays: dict[date, str]


def calendar_of(year: int) -> CalendarData:
    """What is kept for ``year``; an unknown year has no days and ``known`` False."""
    row = CalendarYear.objects.filter(year=year).first()
    if row is None:
        return CalendarData(year, False, None, {}, {})
    calendar = _calendars().get(year) or counting.YearCalendar(year, {}, {})
    return CalendarData(year, True, row.source, dict(calendar.holidays), dict(calendar.workdays))


def set_due(obj: Deadline, start: date, days: int) -> None:
    """Store on ``obj`` (unsaved) the deadline ``days`` working days from ``start``."""
    result = deadline(start, days)
    obj.due_start, obj.due_days = start, days
    obj.due_on, obj.due_provisional = result.date, result.provisional


def clear_due(obj: Deadline) -> None:
    """Stop the clock: no deadline while it is stopped (e.g. Art. 15 supplement notice)."""
    obj.due_on = obj.due_start = obj.due_days = None
    obj.due_provisional = False


def extend_due(obj: Deadline, more_days: int) -> None:
    """Move a running deadline later by ``more_days`` working days (extension, pauses)."""
    if obj.due_start is None or obj.due_days is None:
        raise ValueError("no running deadline to extend")
    set_due(obj, obj.due_start, obj.due_days + more_days)


def policy(profile: str | None = None) -> PolicyProfile:
    """The policy profile ``profile`` (the one a case was counted under), or the one in force
    (settings ``ZWGK_POLICY_PROFILE``; seed-2018 by default)."""
    code = profile or settings.ZWGK_POLICY_PROFILE
    found = _POLICY.first(code)
    if found is None:
        raise PolicyProfile.DoesNotExist(f"no policy profile {code!r}")
    return found


# Read by every submission's deadline (compiled once, ``core.compiled``: issue 11).
_POLICY = CompiledQuery(lambda code: PolicyProfile.objects.filter(pk=code))


def limit(name: str, profile: str | None = None) -> int:
    """One time limit, in working days, of ``profile`` (a case's own) or of the profile in force."""
    return int(policy(profile).limits[name])


def soon_limit(today: date, profile: str | None = None) -> date:
    """The last day that counts as "due soon": ``due_soon`` working days (policy data) from today."""
    return deadline(today, limit("due_soon", profile)).date


def due_state(due_on: date | None, today: date, *, soon: date | None = None) -> str:
    """Derived from a stored deadline, never stored (DESIGN.md principle 3): ``overdue``,
    ``due_soon``, ``due``, or ``""`` when no clock runs. Pass ``soon`` (``soon_limit(today)``) when
    classifying many cases at once."""
    if due_on is None:
        return ""
    if due_on < today:
        return "overdue"
    if due_on <= (soon or soon_limit(today)):
        return "due_soon"
    return "due"


DUE_STATE_LABELS = {"overdue": "已超期", "due_soon": "即将到期", "due": "未到期"}


def _check_year_days(year: int, holidays: Mapping[date, str], workdays: Mapping[date, str]) -> None:
    errors: dict[str, str] = {}
    wrong = [d for d in list(holidays) + list(workdays) if d.year != year]
    if wrong:
        errors["holidays" if wrong[0] in holidays else "workdays"] = f"日期 {wrong[0]} 不在 {year} 年内。"
    both = set(holidays) & set(workdays)
    if both:
        errors["workdays"] = f"日期 {min(both)} 不能既放假又上班。"
    weekday_workdays = [d for d in workdays if d.weekday() < 5]
    if weekday_workdays:
        errors["workdays"] = f"{weekday_workdays[0]} 是周一至周五，调休上班日应为周六或周日。"
    if errors:
        raise InvalidInput("节假日安排有误：" + "；".join(errors.values()), fields=errors)


@transaction.atomic
def do_save_year(
    year: int,
    holidays: Mapping[date, str],
    workdays: Mapping[date, str],
    *,
    actor: Any = None,
    source: str = "人工维护",
) -> int:
    """Replace the calendar of ``year`` and recount every provisional stored deadline.

    Returns how many stored deadlines changed; each gets an event (API.md "The counting rule").
    """
    _check_year_days(year, holidays, workdays)
    calendar_year, _ = CalendarYear.objects.update_or_create(
        year=year, defaults={"source": source, "updated_by": actor if getattr(actor, "pk", None) else None}
    )
    CalendarDay.objects.filter(year=calendar_year).delete()
    CalendarDay.objects.bulk_create(
        [CalendarDay(date=d, year=calendar_year, kind=CalendarDay.HOLIDAY, name=n) for d, n in holidays.items()]
        + [CalendarDay(date=d, year=calendar_year, kind=CalendarDay.WORKDAY, name=n) for d, n in workdays.items()]
    )
    return _recount_provisional(actor)


def _deadline_models() -> Iterable[type[Deadline]]:
    return [m for m in apps.get_models() if issubclass(m, Deadline)]


def _recount_provisional(actor: Any) -> int:
    changed = 0
    for model in _deadline_models():
        for obj in model.objects.filter(due_provisional=True).exclude(due_start=None):
            before = obj.due_on
            set_due(obj, obj.due_start, obj.due_days)
            model.objects.filter(pk=obj.pk).update(due_on=obj.due_on, due_provisional=obj.due_provisional)
            record(
                obj,
                "deadline_recounted",
                actor=actor,
                note=f"节假日安排更新，期限由 {before} 重新计算为 {obj.due_on}"
                + ("（仍为暂定）" if obj.due_provisional else ""),
                data={"before": str(before), "after": str(obj.due_on), "provisional": obj.due_provisional},
            )
            changed += 1
    return changed



def do_save_notice(notice: ParsedNotice, *, actor: Any = None) -> int:
    """Save what a State Council notice says (Art. 15: 工作日 follow the yearly notice).

    The notice's own year is replaced; days it sets in the previous December (the 2019 notice
    does) are merged into that year when its calendar is kept. Returns the recounted deadlines.
    """
    recounted = 0
    with transaction.atomic():
        for year, (holidays, workdays) in sorted(notice.split_by_year().items()):
            if year != notice.year:
                kept = calendar_of(year)
                if not kept.known:
                    continue
                holidays = {**{d: n for d, n in kept.holidays.items() if d not in workdays}, **holidays}
                workdays = {**{d: n for d, n in kept.workdays.items() if d not in holidays}, **workdays}
            recounted += do_save_year(year, holidays, workdays, actor=actor, source="国务院办公厅通知")
    return recounted
