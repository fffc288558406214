"""The query of a case list (issue 13): search words, filters, sorting and the page, shared by the
workbench's list pages and the API's list operations of applications and citizen messages.

One schema per case type (``applications.schemas.ApplicationListQuery``,
``interaction.schemas.MessageListQuery``) extends ``CaseListQuery``; the workbench reads it from
the GET form (``parse``), the API from its query string (django-ninja ``Query[...]``), and each
app's ``selectors.search`` applies it, so both sides filter the same way. Empty values (an
untouched select of the GET form) mean "not given". Overdue and "due within N working days" are
derived from the stored ``due_on`` by the working-day engine, never stored (DESIGN.md principle 3).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, TypeVar
from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import Field, ValidationError, ValidationInfo, field_validator

from zwgk.core.errors import InvalidInput
from zwgk.core.exports import safe_row
from zwgk.core.files import XLSX
from zwgk.core.validation import StrictSchema, validation_fields

PAGE_SIZE = 50
EXPORT_LIMIT = 5000
MAX_DUE_WITHIN = 60

Sort = Literal["received", "-received", "due", "-due", "number", "-number", "status", "-status"]
SORTS: list[tuple[str, str]] = [
    ("-received", "收到日期（新的在前）"), ("received", "收到日期（早的在前）"),
    ("due", "答复期限（近的在前）"), ("-due", "答复期限（远的在前）"),
    ("number", "编号（升序）"), ("-number", "编号（降序）"),
    ("status", "状态（升序）"), ("-status", "状态（降序）"),
]

# The Chinese name of each parameter, for the workbench's messages (the API names the parameter).
LABELS = {
    "q": "关键词", "queue": "队列", "status": "状态", "department": "部门", "channel": "渠道",
    "applicant_type": "申请人类型", "kind": "信息类别", "received_from": "收到日期（起）",
    "received_to": "收到日期（止）", "overdue": "是否超期", "due_within": "几个工作日内到期", "sort": "排序",
    "page": "页码",
}


class CaseListQuery(StrictSchema):
    q: str = Field("", max_length=100,
                   description="检索词：编号、姓名或名称、联系电话、内容中的文字（空格分隔的词须同时出现）")
    department: str | None = Field(None, max_length=40, description="部门代码（主办或协办、承办部门）")
    received_from: date | None = Field(None, description="收到日期不早于（YYYY-MM-DD）")
    received_to: date | None = Field(None, description="收到日期不晚于（YYYY-MM-DD）")
    overdue: bool | None = Field(None, description="true：只列已超期的在办件；false：不列已超期的")
    due_within: int | None = Field(None, ge=0, le=MAX_DUE_WITHIN,
                                   description="只列答复期限在今天起 N 个工作日内的在办件（0 为今天到期）")
    sort: Sort | None = Field(None, description="排序：received、due、number、status，前加 - 为降序")
    page: int = Field(1, ge=1, le=100000, description="页码，每页 50 件")

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_not_given(cls, value: Any, info: ValidationInfo) -> Any:
        """An untouched field of the GET form arrives as ``""``: it filters nothing."""
        if value == "" and info.field_name:
            return cls.model_fields[info.field_name].default
        return value

    @field_validator("q", mode="after")
    @classmethod
    def _strip(cls, value: str) -> str:
        return " ".join(value.split())

    @field_validator("department", mode="after")
    @classmethod
    def _known_department(cls, value: str | None) -> str | None:
        """An unknown department code is bad input naming the field, not an empty list."""
        from zwgk.org.models import Department

        if value and not Department.objects.filter(code=value).exists():
            raise ValueError(f"没有代码为 {value} 的部门")
        return value

    @field_validator("received_to", mode="after")
    @classmethod
    def _range(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("received_from")
        if value and start and start > value:
            raise ValueError("收到日期（止）不能早于收到日期（起）")
        return value

    def words(self) -> list[str]:
        return self.q.split()

    def given(self) -> dict[str, Any]:
        """The filters that were set, as the query string and the audit entry show them."""
        return {key: value for key, value in self.model_dump().items()
                if value not in (None, "") and key != "page"}


QueryT = TypeVar("QueryT", bound=CaseListQuery)


def parse(schema: type[QueryT], params: Mapping[str, Any]) -> QueryT:
    """The workbench's GET form as ``schema``; bad values give one Chinese message naming each
    field (no 500, nothing else happens)."""
    data = {name: params.get(name) for name in schema.model_fields if params.get(name) is not None}
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        fields = validation_fields(exc.errors())
        text = "；".join(f"{LABELS.get(name, name)}：{problem}" for name, problem in fields.items())
        raise InvalidInput(f"筛选条件有误（{text}）。", fields=fields) from exc


def filter_dates_and_clock(qs: QuerySet, query: CaseListQuery, *, today: date, running: Q) -> QuerySet:
    """Received between, overdue, due within N working days (``running``: the cases whose clock
    runs). "Due within" ends on the day N working days from today by the counting rule."""
    from zwgk.workdays import services as workdays

    if query.received_from:
        qs = qs.filter(received_on__gte=query.received_from)
    if query.received_to:
        qs = qs.filter(received_on__lte=query.received_to)
    if query.overdue is True:
        qs = qs.filter(running, due_on__lt=today)
    elif query.overdue is False:
        qs = qs.exclude(running & Q(due_on__lt=today))
    if query.due_within is not None:
        limit = today if query.due_within == 0 else workdays.deadline(today, query.due_within).date
        qs = qs.filter(running, due_on__gte=today, due_on__lte=limit)
    return qs


def ordered(qs: QuerySet, query: CaseListQuery, fields: Mapping[str, str], default: str = "-received") -> QuerySet:
    """``sort`` as an ORDER BY: cases without a deadline last either way, then by id."""
    sort = query.sort or default
    field = fields[sort.lstrip("-")]
    descending = sort.startswith("-")
    key = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    return qs.order_by(key, "-id" if descending else "id")


def querystring(params: Mapping[str, Any], **changes: Any) -> str:
    """The list's query string with ``changes`` (a page link, a sort link), empty values dropped."""
    data = {key: params.get(key) for key in params if params.get(key) not in ("", None)}
    data.update({key: value for key, value in changes.items() if value not in ("", None)})
    for key in [key for key, value in changes.items() if value in ("", None)]:
        data.pop(key, None)
    return urlencode(data)


def sort_links(params: Mapping[str, Any], current: str) -> dict[str, dict[str, str]]:
    """Per sortable column: the link that sorts by it (again: the other way) and the arrow shown."""
    links = {}
    for name in ("received", "due", "number", "status"):
        arrow = "↑" if current == name else "↓" if current == f"-{name}" else ""
        target = f"-{name}" if current == name else name
        links[name] = {"href": "?" + querystring(params, sort=target, page=None), "arrow": arrow}
    return links


def paginate(request: Any, query: CaseListQuery, qs: QuerySet, *, default_sort: str = "-received") -> dict[str, Any]:
    """The context every case list page shares: the page, its links, the sort and export links."""
    page = Paginator(qs, PAGE_SIZE).get_page(query.page)
    params = request.GET
    return {
        "page": page,
        "previous_link": "?" + querystring(params, page=page.previous_page_number()) if page.has_previous() else "",
        "next_link": "?" + querystring(params, page=page.next_page_number()) if page.has_next() else "",
        "sort": query.sort or default_sort,
        "sort_links": sort_links(params, query.sort or default_sort),
        "sorts": SORTS,
        "export_query": querystring(params, page=None),
        "values": {key: params.get(key, "") for key in params},
    }


def xlsx_download(title: str, headers: list[str], rows: Iterable[list[Any]], filename: str) -> HttpResponse:
    """A list as XLSX; every cell goes through ``safe_cell`` (issue 9: no formula runs)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
