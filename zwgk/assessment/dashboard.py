"""The dashboard's tables (for the office, leaders and the inspection corps, and one department's
own view), built from ``selectors.assess``: on-time rates and overdue cases per department, the
monthly trend and the alarms. Each table is also exported as XLSX (``workbook``)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from zwgk.assessment import selectors
from zwgk.assessment.models import IndicatorCode
from zwgk.core.exports import safe_row

I = IndicatorCode  # noqa: E741
ON_TIME = [I.APPLICATIONS_ON_TIME, I.MESSAGES_ON_TIME, I.ENTRIES_ON_TIME]
LATE = [I.APPLICATIONS_LATE, I.APPLICATIONS_OVERDUE, I.MESSAGES_LATE_EXPLAINED, I.MESSAGES_LATE_UNEXPLAINED,
        I.ENTRIES_LATE]
OVERDUE = [I.APPLICATIONS_OVERDUE, I.MESSAGES_LATE_UNEXPLAINED, I.ENTRIES_LATE]
TABLES = {"departments": "各部门考核指标", "trend": "按月趋势", "alarms": "单项否决与预警"}


@dataclass(frozen=True)
class DepartmentRow:
    code: str
    name: str
    score: float
    counts: dict[str, int]

    @property
    def on_time(self) -> int:
        return sum(self.counts[i] for i in ON_TIME)

    @property
    def late(self) -> int:
        return sum(self.counts[i] for i in LATE)

    @property
    def overdue(self) -> int:
        return sum(self.counts[i] for i in OVERDUE)

    @property
    def rate(self) -> float | None:
        """Share of the department's cases done on time (applications, messages, publications)."""
        total = self.on_time + self.late
        return self.on_time / total if total else None

    @property
    def rate_text(self) -> str:
        return "无办件" if self.rate is None else f"{self.rate:.0%}"


def department_rows(result: selectors.Assessment) -> list[DepartmentRow]:
    return [DepartmentRow(d.code, d.name, float(result.score(d.code)),
                          {i: result.count(i, d.code) for i in I.values}) for d in result.departments]


@dataclass(frozen=True)
class Month:
    label: str
    on_time: int
    late: int


def trend(year: int, today: date, department: str | None = None) -> list[Month]:
    """On-time and late cases month by month, up to the current month of the current year."""
    last = today.month if year == today.year else 12
    months = []
    for n in range(1, last + 1 if year <= today.year else 1):
        result = selectors.assess(year, f"m{n}", today=today)
        codes = [department] if department else [d.code for d in result.departments]
        months.append(Month(f"{n}月", sum(result.count(i, c) for i in ON_TIME for c in codes),
                            sum(result.count(i, c) for i in LATE for c in codes)))
    return months


def workbook(table: str, rows: list[DepartmentRow], months: list[Month], alarms: list[selectors.Alarm]) -> bytes:
    """One dashboard table as an XLSX sheet, headed as on the page."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = TABLES[table]
    if table == "departments":
        sheet.append(["部门", "得分", "按期率", *[I(i).label for i in I.values]])
        for r in rows:
            sheet.append(safe_row([r.name, r.score, r.rate_text, *[r.counts[i] for i in I.values]]))
    elif table == "trend":
        sheet.append(["月份", "按期件数", "超期件数"])
        for m in months:
            sheet.append(safe_row([m.label, m.on_time, m.late]))
    else:
        sheet.append(["检查项", "级别", "栏目", "起始日期", "距否决天数", "说明"])
        for a in alarms:
            sheet.append(safe_row([a.item_label, a.level_label, a.section_name, a.since, a.days_to_veto, a.detail]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
