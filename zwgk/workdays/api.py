"""API: working days, the holiday calendar and the policy (API.md "Working days", "Policy")."""

from __future__ import annotations

import datetime
from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.core.errors import InvalidInput
from zwgk.org.permissions import require
from zwgk.workdays import services
from zwgk.workdays.notice import NoticeParseError, parse_notice

workdays_router = Router(tags=["工作日"])
calendar_router = Router(tags=["节假日安排"])
policy_router = Router(tags=["时限"])

MAX_DAYS = 1000


class DeadlineQuery(Schema):
    start: date
    days: int = Field(..., ge=0, le=MAX_DAYS)


class DeadlineOut(Schema):
    start: date
    days: int
    deadline: date
    provisional: bool


class CountedDayOut(Schema):
    date: date
    weekday: str
    counted: int | None = Field(..., description="第几个工作日；不计入的为 null")
    reason: str
    provisional: bool


class ExplainOut(DeadlineOut):
    days_counted: list[CountedDayOut]


class DayOut(Schema):
    date: date
    workday: bool
    name: str | None


class CalendarOut(Schema):
    year: int
    known: bool
    source: str | None
    holidays: list[date]
    workdays: list[date]
    names: dict[str, str]


class CalendarIn(StrictSchema):
    holidays: list[date]
    workdays: list[date]
    names: dict[date, str] = Field(default_factory=dict, description="可选：日期对应的节日名称")


class CalendarSaved(CalendarOut):
    recounted: int


class NoticeIn(StrictSchema):
    text: str = Field(..., min_length=1, max_length=20000)


class NoticeOut(Schema):
    year: int
    holidays: list[date]
    workdays: list[date]
    names: dict[str, str]


class PolicyOut(Schema):
    profile: str
    name: str
    application_reply: int
    application_extension: int
    supplement_notice: int
    third_party_reply: int
    publication: int
    message_reply: dict[str, dict[str, int]]
    new_media_reply: dict[str, int]


@workdays_router.get("/deadline", response={200: DeadlineOut, 422: ErrorOut})
def deadline(request: HttpRequest, query: Query[DeadlineQuery]):
    """N working days from D: the N-th working day strictly after D (API.md, the counting rule)."""
    result = services.deadline(query.start, query.days)
    return {"start": query.start, "days": query.days, "deadline": result.date, "provisional": result.provisional}


def explained(start: date, days: int) -> dict:
    """The deadline with every day of (start, deadline] and how it counted (shared with the page)."""
    try:
        counted = services.explain(start, days)
    except OverflowError:
        raise InvalidInput("期限超出日历范围。", fields={"start": "日期过晚"}) from None
    last = counted[-1].day if counted else start
    return {"start": start, "days": days, "deadline": last, "provisional": any(d.provisional for d in counted),
            "days_counted": [{"date": d.day, "weekday": d.weekday, "counted": d.ordinal, "reason": d.reason,
                              "provisional": d.provisional} for d in counted]}


@workdays_router.get("/explain", response={200: ExplainOut, 422: ErrorOut})
def explain(request: HttpRequest, query: Query[DeadlineQuery]):
    """How a deadline was counted, day by day: each weekend and holiday skipped, each 调休 working
    weekend counted, so that staff and applicants need not recount by hand."""
    return explained(query.start, query.days)


@workdays_router.get("/{date}", response={200: DayOut, 422: ErrorOut})
def workday(request: HttpRequest, date: datetime.date):
    """Whether a date is a working day, and the holiday's name if it is one."""
    info = services.day_info(date)
    return {"date": info.date, "workday": info.workday, "name": info.name}


def _names(*days: dict[date, str]) -> dict[str, str]:
    return {d.isoformat(): name for group in days for d, name in sorted(group.items()) if name}


def _check_year(year: int) -> None:
    if not 1949 <= year <= 2200:
        raise InvalidInput("年份应在1949至2200之间。", fields={"year": "年份超出范围"})


def _calendar_out(year: int) -> dict:
    data = services.calendar_of(year)
    return {
        "year": year,
        "known": data.known,
        "source": data.source,
        "holidays": sorted(data.holidays),
        "workdays": sorted(data.workdays),
        "names": _names(data.holidays, data.workdays),
    }


@calendar_router.get("/{int:year}", response={200: CalendarOut, 422: ErrorOut})
def calendar(request: HttpRequest, year: int):
    """The public holidays and working weekend days of a year; ``known`` is false where none is kept."""
    _check_year(year)
    return _calendar_out(year)


@calendar_router.put("/{int:year}", response={200: CalendarSaved, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut})
def save_calendar(request: HttpRequest, year: int, payload: CalendarIn):
    """Replace a year's calendar (staff with the calendar permission). Provisional deadlines are
    recounted; the answer says how many."""
    require(request.user, "calendar.manage")
    _check_year(year)
    names = payload.names
    recounted = services.do_save_year(
        year,
        {d: names.get(d, "") for d in payload.holidays},
        {d: names.get(d, "") for d in payload.workdays},
        actor=request.user,
        source="接口维护",
    )
    return {**_calendar_out(year), "recounted": recounted}


@calendar_router.post("/parse-notice", response={200: NoticeOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut})
def parse(request: HttpRequest, payload: NoticeIn):
    """Read the State Council's yearly holiday notice; nothing is saved."""
    require(request.user, "calendar.manage")
    try:
        notice = parse_notice(payload.text)
    except NoticeParseError as exc:
        raise InvalidInput(str(exc), fields={"text": str(exc)}) from exc
    return {
        "year": notice.year,
        "holidays": sorted(notice.holidays),
        "workdays": sorted(notice.workdays),
        "names": _names(notice.holidays, notice.workdays),
    }


@policy_router.get("", response=PolicyOut)
def current_policy(request: HttpRequest):
    """The time limits in force, in working days (Art. 15, 18, 26, 31, 37)."""
    profile = services.policy()
    return {"profile": profile.code, "name": profile.name, **profile.limits,
            "message_reply": profile.message_reply, "new_media_reply": profile.new_media_reply}


ROUTERS = [("/workdays", workdays_router), ("/calendar", calendar_router), ("/policy", policy_router)]
