"""Spreadsheets (openpyxl): the review ledger (审核审查台账, Art. 4, annex 2) and the catalog."""

from __future__ import annotations

import io
from collections.abc import Iterable
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from zwgk.catalog.models import Entry, ReviewRecord
from zwgk.core.exports import safe_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEDGER_HEADERS = ["序号", "审核事项", "承办部门", "环节", "审核人", "审核部门", "审核日期", "审核意见", "是否涉密",
                  "审核结论", "报上级保密部门审定情况", "检查提示数"]
CATALOG_HEADERS = ["索引号", "信息名称", "发布机构", "公开日期", "公开方式", "公开属性", "主动公开类别", "栏目", "文号",
                   "效力", "状态", "撤回理由"]


def _sheet(workbook: Workbook, title: str, headers: list[str], widths: list[int]):
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def ledger_workbook(rows: Iterable[ReviewRecord]) -> Workbook:
    workbook = Workbook(write_only=False)
    sheet = _sheet(workbook, "审核审查台账", LEDGER_HEADERS, [6, 40, 16, 16, 10, 16, 12, 40, 8, 16, 30, 10])
    for number, row in enumerate(rows, start=1):
        sheet.append(safe_row([number, row.item, row.entry.department.name, row.get_stage_display(), row.reviewer_name,
                      row.department_name, row.reviewed_on, row.opinion, "是" if row.secret else "否",
                      row.get_decision_display(), row.higher_office, row.findings]))
    return workbook


def catalog_workbook(entries: Iterable[Entry]) -> Workbook:
    workbook = Workbook()
    sheet = _sheet(workbook, "信息公开目录", CATALOG_HEADERS, [34, 50, 18, 12, 10, 14, 30, 14, 22, 10, 8, 30])
    for e in entries:
        sheet.append(safe_row([e.index_number, e.title, e.publisher, e.published_on, e.get_disclosure_mode_display(),
                      e.get_disclosure_attribute_display(), e.category.name, e.section.name, e.document_number,
                      e.get_validity_display(), e.get_status_display(), e.withdrawn_reason]))
    return workbook


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
