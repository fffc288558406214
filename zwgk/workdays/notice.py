"""Reading the State Council's yearly holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).

Working days are those of the State Council's notice (GLOSSARY "工作日"); every time limit of the
seed (Art. 15, 18, 26, 31) depends on them. Staff keep the calendar by pasting the notice as it is
published (API.md ``POST /api/v1/calendar/parse-notice``) instead of typing dates by hand, so the
parser reads the published wording and refuses anything it cannot read with certainty: a wrong
calendar silently moves every deadline of the year.

What is read, clause by clause (``一、元旦：...``):

* ``A至B放假`` / ``A放假``: every date of the range is a holiday (weekends inside it included),
  named after the clause heading, verbatim (``"国庆节、中秋节"`` for a combined clause).
  ``A补休`` (2017 and earlier) is a holiday as well. ``与周末连休`` adds nothing: the weekend is
  not working anyway and the notice does not list it.
* ``A、B上班``: weekend days made working days (调休上班), named after the clause heading.
* A range end without a month (``至3日``) takes the start month; a date without a month takes the
  month last written in the clause. A date without a year belongs to the notice's year, except
  that a range whose end month is earlier than its start month (``12月30日至1月1日``) starts in
  the previous year, and a 上班 day without a year is put in the year nearest to the clause's
  holidays (``12月29日`` in a New Year clause is the previous December). Such dates are kept under
  their real year: ``ParsedNotice.holidays`` of the 2019 notice contains 2018-12-30 and -31.

What is checked (each failure is a ``NoticeParseError`` with a Chinese message for the clerk):
a named 上班 day is a Saturday or Sunday; a weekday written in brackets (``周四``, ``星期日``)
is the real weekday of that date; ``共N天`` / ``放假N天`` equals the number of holiday days of
the sentence; no date is both holiday and working day or appears in two clauses; every clause has
holidays; the text has at least one clause and its year can be told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from zwgk.workdays.counting import WEEKDAYS, YearCalendar

__all__ = ["NoticeParseError", "ParsedNotice", "parse_notice"]


class NoticeParseError(ValueError):
    """The notice could not be read with certainty; the message says where, in Chinese."""


@dataclass(frozen=True)
class ParsedNotice:
    """The calendar decided by one notice.

    ``holidays`` and ``workdays`` may contain dates of ``year - 1`` (New Year clause reaching into
    the previous December, as in the 2019 notice); ``split_by_year`` separates them.
    """

    year: int
    holidays: dict[date, str]
    workdays: dict[date, str]

    def as_calendar(self) -> YearCalendar:
        """The notice as a calendar of ``year``; dates of the previous December are kept in it
        (``counting`` also consults the next year's calendar for such dates)."""
        return YearCalendar(year=self.year, holidays=dict(self.holidays), workdays=dict(self.workdays))

    def split_by_year(self) -> dict[int, tuple[dict[date, str], dict[date, str]]]:
        """``{year: (holidays, workdays)}`` by the real year of each date, for storage keyed by year."""
        result: dict[int, tuple[dict[date, str], dict[date, str]]] = {}
        for day, name in self.holidays.items():
            result.setdefault(day.year, ({}, {}))[0][day] = name
        for day, name in self.workdays.items():
            result.setdefault(day.year, ({}, {}))[1][day] = name
        return result


# --- text normalisation -------------------------------------------------------------------------

_HALF_TO_FULL = str.maketrans(
    {
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
        ";": "；",
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width digits
    }
)
_SPACES = re.compile(r"[ \t\u3000\xa0\u2002\u2003\u200b]+")


def _normalise(text: str) -> str:
    """Full-width punctuation, ASCII digits, no spaces (reposted copies vary in all three)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_HALF_TO_FULL)
    return _SPACES.sub("", text)


# --- patterns -----------------------------------------------------------------------------------

_TITLE_YEAR = re.compile(r"(\d{4})年部分节假日安排")
_CONTEXT_YEAR = re.compile(r"现将(\d{4})年")
# "一、元旦：" at the start of a line or right after a full stop; the heading has no digits.
_CLAUSE_HEAD = re.compile(
    r"(?:^|(?<=[\n。]))[一二三四五六七八九十]{1,3}、([^：\n。，；\d]{1,40}?)：", re.MULTILINE
)


def _date_pattern(p: str) -> str:
    """``[YYYY年][M月]D日[（note）]``, group names prefixed with ``p``."""
    return (
        rf"(?:(?P<{p}y>\d{{4}})年)?(?:(?P<{p}m>\d{{1,2}})月)?(?P<{p}d>\d{{1,2}})日"
        rf"(?:（(?P<{p}note>[^）]*)）)?"
    )


_SPAN = re.compile(_date_pattern("s") + r"(?:至" + _date_pattern("e") + r")?")
_DAYS_TOTAL = re.compile(r"(?:共|放假)(\d{1,3})天")
_WEEKDAY_NOTE = re.compile(r"(?:周|星期)([一二三四五六日天])")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_MAX_RANGE_DAYS = 31


@dataclass(frozen=True)
class _RawDate:
    """A date as written: the year only when written, the month filled in from context."""

    year: int | None
    month: int
    day: int
    note: str

    def text(self) -> str:
        return (f"{self.year}年" if self.year else "") + f"{self.month}月{self.day}日"


@dataclass(frozen=True)
class _Span:
    start: _RawDate
    end: _RawDate | None


# --- helpers ------------------------------------------------------------------------------------


def _find_year(text: str) -> int | None:
    for pattern in (_TITLE_YEAR, _CONTEXT_YEAR):
        found = pattern.search(text)
        if found:
            return int(found.group(1))
    return None


def _make_date(year: int, raw: _RawDate, clause: str) -> date:
    try:
        return date(year, raw.month, raw.day)
    except ValueError:
        raise NoticeParseError(f"“{clause}”条目中的{raw.text()}不是有效日期。") from None


def _check_weekday(day: date, raw: _RawDate, clause: str) -> None:
    """A weekday written in the brackets must be the real one: catches typos and a wrong year."""
    found = _WEEKDAY_NOTE.search(raw.note)
    if found and _WEEKDAY_INDEX[found.group(1)] != day.weekday():
        raise NoticeParseError(
            f"“{clause}”条目中的{raw.text()}标注为“{found.group(0)}”，"
            f"但{day.year}年{day.month}月{day.day}日是{WEEKDAYS[day.weekday()]}，请核对日期或年份。"
        )


def _resolve_range(span: _Span, year: int, clause: str) -> list[date]:
    """Every date of a 放假 range (or the single date), with the year rules of the module doc."""
    start, end = span.start, span.end
    if end is None:
        first = _make_date(start.year or year, start, clause)
        _check_weekday(first, start, clause)
        return [first]
    if start.year is not None:
        start_year = start.year
        end_year = end.year if end.year is not None else start_year + (1 if end.month < start.month else 0)
    elif end.year is not None:
        end_year = end.year
        start_year = end_year - (1 if start.month > end.month else 0)
    elif end.month < start.month:  # 12月30日至1月1日: the range ends in the notice's year
        start_year, end_year = year - 1, year
    else:
        start_year = end_year = year
    first = _make_date(start_year, start, clause)
    last = _make_date(end_year, end, clause)
    _check_weekday(first, start, clause)
    _check_weekday(last, end, clause)
    if last < first:
        raise NoticeParseError(f"“{clause}”条目中的放假区间{start.text()}至{end.text()}起止日期颠倒。")
    length = (last - first).days + 1
    if length > _MAX_RANGE_DAYS:
        raise NoticeParseError(
            f"“{clause}”条目中的放假区间{start.text()}至{end.text()}长达{length}天，不像是节假日安排，请核对。"
        )
    return [first + timedelta(days=i) for i in range(length)]


def _resolve_single(raw: _RawDate, year: int, near: list[date], clause: str) -> date:
    """A 上班 day: its written year, else the year (notice year ±1) nearest to the clause's holidays."""
    if raw.year is not None:
        day = _make_date(raw.year, raw, clause)
    else:
        candidates = []
        for candidate_year in (year, year - 1, year + 1):
            try:
                candidates.append(date(candidate_year, raw.month, raw.day))
            except ValueError:
                continue
        if not candidates:
            raise NoticeParseError(f"“{clause}”条目中的{raw.text()}不是有效日期。")
        if near:
            day = min(candidates, key=lambda d: min(abs((d - h).days) for h in near))
        else:
            day = candidates[0]
    _check_weekday(day, raw, clause)
    return day


_Group = tuple[list[_Span], str]


def _spans_with_tails(sentence: str, month: int | None, clause: str) -> tuple[list[_Group], int | None]:
    """Groups of date spans joined by 、, each with the text right after it (放假, 上班, ...).

    Also returns the month last written, carried on to dates written without one.
    """
    groups: list[_Group] = []
    current: list[_Span] = []
    previous_end = -1
    for found in _SPAN.finditer(sentence):
        start_month = int(found.group("sm")) if found.group("sm") else month
        if start_month is None:
            raise NoticeParseError(f"“{clause}”条目中的“{found.group(0)}”没有写明月份。")
        start = _RawDate(
            int(found.group("sy")) if found.group("sy") else None,
            start_month,
            int(found.group("sd")),
            found.group("snote") or "",
        )
        end: _RawDate | None = None
        month = start_month
        if found.group("ed"):
            month = int(found.group("em")) if found.group("em") else start_month
            end = _RawDate(
                int(found.group("ey")) if found.group("ey") else None,
                month,
                int(found.group("ed")),
                found.group("enote") or "",
            )
        joined = current and found.start() == previous_end + 1 and sentence[previous_end] in "、和及"
        if current and not joined:
            groups.append((current, sentence[previous_end : found.start()]))
            current = []
        current.append(_Span(start, end))
        previous_end = found.end()
    if current:
        groups.append((current, sentence[previous_end:]))
    return groups, month


# --- the parser ---------------------------------------------------------------------------------


def parse_notice(text: str, *, year: int | None = None) -> ParsedNotice:
    """Read the notice; ``year`` is used only when the text itself does not say which year it is for.

    The year comes from the title (``关于2026年部分节假日安排的通知``) or from the opening
    sentence (``现将2026年元旦、春节……``). Raises ``NoticeParseError`` when anything is unclear.
    """
    normal = _normalise(text)
    notice_year = _find_year(normal) or year
    heads = list(_CLAUSE_HEAD.finditer(normal))
    if not heads:
        raise NoticeParseError(
            "未找到节假日安排条目。请粘贴国务院办公厅通知的全文，条目形如“一、元旦：1月1日放假……”。"
        )
    if notice_year is None:
        raise NoticeParseError(
            "无法确定通知所属年份：标题或正文中应有“XXXX年部分节假日安排”或“现将XXXX年”字样。"
        )

    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    for index, head in enumerate(heads):
        clause = head.group(1)
        body_end = heads[index + 1].start() if index + 1 < len(heads) else len(normal)
        newline = normal.find("\n", head.end(), body_end)
        body = normal[head.end() : newline if newline >= 0 else body_end]
        clause_holidays, clause_workday_raws = _read_clause(body, notice_year, clause)
        for day in clause_holidays:
            if day in holidays:
                raise NoticeParseError(f"{_cn(day)}在“{holidays[day]}”和“{clause}”两个条目中都列为放假。")
            holidays[day] = clause
        for raw in clause_workday_raws:
            day = _resolve_single(raw, notice_year, clause_holidays, clause)
            if day.weekday() < 5:
                raise NoticeParseError(
                    f"“{clause}”条目把{_cn(day)}（{WEEKDAYS[day.weekday()]}）列为上班日，"
                    "但调休上班日只能是周六或周日，请核对。"
                )
            if day in holidays or day in workdays:
                raise NoticeParseError(f"{_cn(day)}在“{clause}”条目中重复列出或既放假又上班，请核对。")
            workdays[day] = clause

    for day in list(holidays) + list(workdays):
        if not (day.year == notice_year or (day.year == notice_year - 1 and day.month == 12)):
            raise NoticeParseError(
                f"{_cn(day)}不在{notice_year}年通知的范围内（只可能涉及{notice_year}年及上年12月），请核对年份。"
            )
    return ParsedNotice(year=notice_year, holidays=holidays, workdays=workdays)


def _read_clause(body: str, year: int, clause: str) -> tuple[list[date], list[_RawDate]]:
    """The holidays of one clause (resolved) and its 上班 days (as written, resolved later)."""
    holidays: list[date] = []
    workday_raws: list[_RawDate] = []
    month: int | None = None
    for sentence in re.split(r"[。；]", body):
        groups, month = _spans_with_tails(sentence, month, clause)
        sentence_holidays: list[date] = []
        for spans, tail in groups:
            if tail.startswith(("放假", "补休")):
                for span in spans:
                    sentence_holidays.extend(_resolve_range(span, year, clause))
            elif tail.startswith("上班"):
                for span in spans:
                    if span.end is not None:
                        raise NoticeParseError(
                            f"“{clause}”条目中的上班日期{span.start.text()}至{span.end.text()}是一个区间，"
                            "调休上班日应逐日列出。"
                        )
                    workday_raws.append(span.start)
        total = _DAYS_TOTAL.search(sentence)
        if total and sentence_holidays and int(total.group(1)) != len(sentence_holidays):
            raise NoticeParseError(
                f"“{clause}”条目写明放假共{total.group(1)}天，但所列放假日期"
                f"{_cn(sentence_holidays[0])}至{_cn(sentence_holidays[-1])}实为{len(sentence_holidays)}天，请核对。"
            )
        holidays.extend(sentence_holidays)
    if not holidays:
        raise NoticeParseError(f"“{clause}”条目中没有找到放假日期（应形如“10月1日至7日放假”）。")
    return holidays, workday_raws


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
