"""The annual report's tables 三 and 四 (国办公开办函〔2021〕30号), counted from applications and the
legal corps' records (Art. 21). In every column, 1 + 2 = 3.7 + 4 (API.md "Annual report")."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from zwgk.applications.models import NOT_DISCLOSED_REASONS, Application, Contest

COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other", "total"]
COLUMN_LABELS = {
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
    "legal_service": "法律服务机构", "other": "其他", "total": "总计",
}
ROWS = [
    ("1", "一、本年新收政府信息公开申请数量"),
    ("2", "二、上年结转政府信息公开申请数量"),
    ("3.1", "三、本年度办理结果：（一）予以公开"),
    ("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("3.3.1", "（三）不予公开：1.属于国家秘密"),
    ("3.3.2", "2.其他法律行政法规禁止公开"),
    ("3.3.3", "3.危及“三安全一稳定”"),
    ("3.3.4", "4.保护第三方合法权益"),
    ("3.3.5", "5.属于三类内部事务信息"),
    ("3.3.6", "6.属于四类过程性信息"),
    ("3.3.7", "7.属于行政执法案卷"),
    ("3.3.8", "8.属于行政查询事项"),
    ("3.4.1", "（四）无法提供：1.本机关不掌握相关政府信息"),
    ("3.4.2", "2.没有现成信息需要另行制作"),
    ("3.4.3", "3.补正后申请内容仍不明确"),
    ("3.5.1", "（五）不予处理：1.信访举报投诉类申请"),
    ("3.5.2", "2.重复申请"),
    ("3.5.3", "3.要求提供公开出版物"),
    ("3.5.4", "4.无正当理由大量反复申请"),
    ("3.5.5", "5.要求行政机关确认或重新出具已获取信息"),
    ("3.6.1", "（六）其他处理：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("3.6.3", "3.其他"),
    ("3.7", "（七）总计"),
    ("4", "四、结转下年度继续办理"),
]
OUTCOME_ROW = {
    "already_public": "3.1", "disclosed": "3.1", "partly_disclosed": "3.2",
    "not_held": "3.4.1", "not_ours": "3.4.1", "needs_creation": "3.4.2", "still_unclear": "3.4.3",
    "not_an_application": "3.5.1", "duplicate": "3.5.2", "publication": "3.5.3", "excessive": "3.5.4",
    "confirmation_request": "3.5.5", "archived": "3.6.3",
}
REASON_ROW = {code: f"3.3.{i}" for i, (code, _) in enumerate(NOT_DISCLOSED_REASONS, start=1)}
ENDING_ROWS = [code for code, _ in ROWS if code.startswith("3.") and code != "3.7"]
CONTEST_RESULTS = ["upheld", "corrected", "other", "pending", "total"]
CONTEST_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
                  "total": "总计"}


def ending_row(application: Application) -> str | None:
    """The row of table 三 where the application's ending is counted (API.md outcome table)."""
    if application.status == Application.ANSWERED:
        if application.outcome == "not_disclosed":
            return REASON_ROW.get(application.reason, "3.3.2")
        return OUTCOME_ROW.get(application.outcome, "3.6.3")
    if application.status == Application.ABANDONED:
        return "3.6.1" if application.closing_note == "no_supplement" else "3.6.2"
    if application.status == Application.WITHDRAWN:
        return "3.6.3"
    return None


def table_3(year: int) -> dict[str, Any]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows = {code: dict.fromkeys(COLUMNS, 0) for code, _ in ROWS}
    candidates = Application.objects.filter(received_on__lte=end).exclude(closed_on__lt=start).only(
        "applicant_type", "organization_type", "received_on", "closed_on", "status", "outcome", "reason",
        "closing_note",
    )
    for application in candidates:
        column = application.column
        counted = ["1" if application.received_on >= start else "2"]
        if application.closed_on is not None and application.closed_on <= end:
            row = ending_row(application)
            counted += [row, "3.7"] if row else ["4"]
        else:
            counted.append("4")
        for row in counted:
            rows[row][column] += 1
            rows[row]["total"] += 1
    return {"rows": rows, "labels": dict(ROWS), "columns": COLUMN_LABELS}


def table_4(year: int) -> dict[str, Any]:
    result = {kind: dict.fromkeys(CONTEST_RESULTS, 0) for kind, _ in Contest.KINDS}
    for contest in Contest.objects.filter(filed_on__year=year):
        # A case decided after the year's end was still pending when the year closed.
        outcome = contest.result if contest.decided_on and contest.decided_on.year <= year else "pending"
        result[contest.kind][outcome] += 1
        result[contest.kind]["total"] += 1
    return result


def annual(year: int) -> dict[str, Any]:
    return {"year": year, "table_2": {}, "table_3": table_3(year), "table_4": table_4(year)}


def _table_4_rows(data: dict[str, Any]) -> list[tuple[str, list[int]]]:
    kinds = dict(Contest.KINDS)
    return [(kinds[kind], [data[kind][r] for r in CONTEST_RESULTS]) for kind, _ in Contest.KINDS]


def to_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "三、收到和处理政府信息公开申请情况"
    sheet.append(["", *[COLUMN_LABELS[c] for c in COLUMNS]])
    for code, label in ROWS:
        sheet.append([f"{code} {label}", *[data["table_3"]["rows"][code][c] for c in COLUMNS]])
    sheet.column_dimensions["A"].width = 60
    sheet4 = book.create_sheet("四、政府信息公开行政复议、行政诉讼情况")
    sheet4.append(["", *[CONTEST_LABELS[r] for r in CONTEST_RESULTS]])
    for label, values in _table_4_rows(data["table_4"]):
        sheet4.append([label, *values])
    sheet4.column_dimensions["A"].width = 36
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_docx(data: dict[str, Any], office: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(f"{office}{data['year']}年政府信息公开工作年度报告（统计表）", level=1)
    document.add_heading("三、收到和处理政府信息公开申请情况", level=2)
    table = document.add_table(rows=1, cols=len(COLUMNS) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["", *[COLUMN_LABELS[c] for c in COLUMNS]], strict=True):
        cell.text = text
    for code, label in ROWS:
        cells = table.add_row().cells
        cells[0].text = label
        for i, column in enumerate(COLUMNS, start=1):
            cells[i].text = str(data["table_3"]["rows"][code][column])
    document.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=2)
    table4 = document.add_table(rows=1, cols=len(CONTEST_RESULTS) + 1)
    table4.style = "Table Grid"
    for cell, text in zip(table4.rows[0].cells, ["", *[CONTEST_LABELS[r] for r in CONTEST_RESULTS]], strict=True):
        cell.text = text
    for label, values in _table_4_rows(data["table_4"]):
        cells = table4.add_row().cells
        cells[0].text = label
        for i, value in enumerate(values, start=1):
            cells[i].text = str(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
