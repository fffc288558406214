"""The annual report's tables 二, 三 and 四 (国办公开办函〔2021〕30号). Table 二 counts the department's
normative documents from the catalog and shows what the office entered from other systems; tables
三 and 四 are counted from applications and the legal corps' records (Art. 21). In every column of
table 三, 1 + 2 = 3.7 + 4 (API.md "Annual report")."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zwgk.applications.models import NOT_DISCLOSED_REASONS, Application, Contest
from zwgk.assessment.models import AnnualFigure
from zwgk.core.exports import safe_cell

YEARS = (2000, 2200)  # the years a report may be asked for
COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other", "total"]
COLUMN_LABELS = {
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
    "legal_service": "法律服务机构", "other": "其他", "total": "总计",
}
# Each row's label as the form nests it: group, item, sub-item ("|" separates the levels).
ROWS = [
    ("1", "一、本年新收政府信息公开申请数量"),
    ("2", "二、上年结转政府信息公开申请数量"),
    ("3.1", "三、本年度办理结果|（一）予以公开"),
    ("3.2", "三、本年度办理结果|（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("3.3.1", "三、本年度办理结果|（三）不予公开|1.属于国家秘密"),
    ("3.3.2", "三、本年度办理结果|（三）不予公开|2.其他法律行政法规禁止公开"),
    ("3.3.3", "三、本年度办理结果|（三）不予公开|3.危及“三安全一稳定”"),
    ("3.3.4", "三、本年度办理结果|（三）不予公开|4.保护第三方合法权益"),
    ("3.3.5", "三、本年度办理结果|（三）不予公开|5.属于三类内部事务信息"),
    ("3.3.6", "三、本年度办理结果|（三）不予公开|6.属于四类过程性信息"),
    ("3.3.7", "三、本年度办理结果|（三）不予公开|7.属于行政执法案卷"),
    ("3.3.8", "三、本年度办理结果|（三）不予公开|8.属于行政查询事项"),
    ("3.4.1", "三、本年度办理结果|（四）无法提供|1.本机关不掌握相关政府信息"),
    ("3.4.2", "三、本年度办理结果|（四）无法提供|2.没有现成信息需要另行制作"),
    ("3.4.3", "三、本年度办理结果|（四）无法提供|3.补正后申请内容仍不明确"),
    ("3.5.1", "三、本年度办理结果|（五）不予处理|1.信访举报投诉类申请"),
    ("3.5.2", "三、本年度办理结果|（五）不予处理|2.重复申请"),
    ("3.5.3", "三、本年度办理结果|（五）不予处理|3.要求提供公开出版物"),
    ("3.5.4", "三、本年度办理结果|（五）不予处理|4.无正当理由大量反复申请"),
    ("3.5.5", "三、本年度办理结果|（五）不予处理|5.要求行政机关确认或重新出具已获取信息"),
    ("3.6.1", "三、本年度办理结果|（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("3.6.2",
     "三、本年度办理结果|（六）其他处理|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("3.6.3", "三、本年度办理结果|（六）其他处理|3.其他"),
    ("3.7", "三、本年度办理结果|（七）总计"),
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
    return {"rows": rows, "labels": {code: label.replace("|", "：") for code, label in ROWS}, "columns": COLUMN_LABELS}


def table_4(year: int) -> dict[str, Any]:
    result = {kind: dict.fromkeys(CONTEST_RESULTS, 0) for kind, _ in Contest.KINDS}
    for contest in Contest.objects.filter(filed_on__year=year):
        # A case decided after the year's end was still pending when the year closed.
        outcome = contest.result if contest.decided_on and contest.decided_on.year <= year else "pending"
        result[contest.kind][outcome] += 1
        result[contest.kind]["total"] += 1
    return result


def normative_documents(year: int) -> dict[str, int]:
    """The department's own 行政规范性文件 in the catalog: entries of Art. 8 item (一) (laws, rules and
    normative documents) that carry a document number (文号) and are not reposts. 现行有效 counts
    those published by the year's end and valid on that day, as their validity changes tell."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from zwgk.catalog.models import Entry
    from zwgk.events.models import Event

    end = date(year, 12, 31)
    own = Entry.objects.filter(category__code="laws", repost_source="", repost_url="").exclude(document_number="")
    published = own.filter(status=Entry.PUBLISHED)
    at_end: dict[int, str] = {}  # validity on the year's last day, where a change tells it
    repealed_in_year: set[int] = set()
    changes = Event.objects.filter(content_type=ContentType.objects.get_for_model(Entry), action="validity_changed")
    for object_id, at, before, after in changes.order_by("at", "id").values_list(
        "object_id", "at", "from_state", "to_state"
    ):
        day, pk = timezone.localtime(at).date(), int(object_id)
        if day <= end:
            at_end[pk] = after
        elif pk not in at_end and before:
            at_end[pk] = before
        if day.year == year and after == Entry.REPEALED:
            repealed_in_year.add(pk)
    by_end = published.filter(published_on__lte=end)
    valid = by_end.exclude(pk__in=list(at_end)).filter(validity=Entry.VALID).count() + by_end.filter(
        pk__in=[pk for pk, validity in at_end.items() if validity == Entry.VALID]
    ).count()
    return {
        "issued": published.filter(published_on__year=year).count(),
        "repealed": own.filter(pk__in=list(repealed_in_year)).count(),
        "valid": valid,
    }


def table_2(year: int) -> dict[str, Any]:
    """二、主动公开政府信息情况: items (一), (五), (六) and (八) of the form."""
    entered = {f.item: f.value for f in AnnualFigure.objects.filter(year=year)}

    def count(item: str) -> int:
        return int(entered.get(item, 0))

    return {
        "rules": {"issued": count("rules_issued"), "repealed": count("rules_repealed"), "valid": count("rules_valid")},
        "normative_documents": normative_documents(year),
        "licensing": {"decisions": count("licensing")},
        "penalties": {"decisions": count("penalties")},
        "enforcement": {"decisions": count("enforcement")},
        "fees": {"amount": float(entered.get("fees", 0))},
    }


def compute(year: int) -> dict[str, Any]:
    """The figures counted now from the data."""
    return {"year": year, "table_2": table_2(year), "table_3": table_3(year), "table_4": table_4(year)}


def annual(year: int) -> dict[str, Any]:
    """The year's figures: frozen as published once the report is published (those of its latest
    published correction, if any), else counted now."""
    from zwgk.assessment.models import AnnualReport, ReportCorrection

    published = AnnualReport.objects.filter(year=year, status=AnnualReport.PUBLISHED).only("figures").first()
    if published is None or not published.figures:
        return compute(year)
    corrected = (ReportCorrection.objects.filter(report=published, figures__isnull=False)
                 .order_by("-published_on", "-id").values_list("figures", flat=True).first())
    return corrected or published.figures


def starting_text(data: dict[str, Any], fee: Decimal = Decimal(0)) -> dict[str, str]:
    """The year's figures written out as a starting text for the office's sections 一, 五 and 六:
    the report's own tables for 一, the year's assessment (Art. 42) for 五, the fee for 六."""
    from zwgk.assessment import selectors

    rows, t2, t4 = data["table_3"]["rows"], data["table_2"], data["table_4"]
    year = data["year"]
    contests = {kind: t4[kind]["total"] for kind in t4}
    corrected = sum(t4[kind]["corrected"] for kind in t4)
    disclosed = rows["3.1"]["total"] + rows["3.2"]["total"]
    overview = (
        f"{year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"
        f"本年新制发行政规范性文件{t2['normative_documents']['issued']}件，现行有效"
        f"{t2['normative_documents']['valid']}件。本年新收政府信息公开申请{rows['1']['total']}件，"
        f"上年结转{rows['2']['total']}件；本年办结{rows['3.7']['total']}件，其中予以公开或部分公开{disclosed}件；"
        f"结转下年度继续办理{rows['4']['total']}件。因政府信息公开被申请行政复议{contests['reconsideration']}件、"
        f"提起行政诉讼{contests['litigation_direct'] + contests['litigation_after']}件，"
        f"其中结果被纠正{corrected}件。"
    )
    assessed = selectors.assess(year)

    def total(*indicators: str) -> int:
        return sum(assessed.count(i, d.code) for i in indicators for d in assessed.departments)

    problems = (
        f"{year}年政务公开工作仍存在不足：依申请公开超期答复"
        f"{total('applications_late', 'applications_overdue')}件，网民信息超期答复"
        f"{total('messages_late_explained', 'messages_late_unexplained')}件，审核通过后超时发布"
        f"{total('entries_late')}件，{total('sections_stale', 'sections_empty')}个栏目更新不及时或为空白，"
        f"行政复议或诉讼结果被纠正{corrected}件。下一步，本机关将加强办理时限督办，落实栏目维护责任，"
        "按月通报考核结果，对问题突出的部门依照第四十三条追究责任。"
    )
    other = (f"{year}年本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
             + (f"收取信息处理费{fee:.2f}元。" if fee else "未收取信息处理费。"))
    return {"overview": overview, "problems": problems, "other": other}


TITLE_2 = "二、主动公开政府信息情况"
TITLE_3 = "三、收到和处理政府信息公开申请情况"
TITLE_4 = "四、政府信息公开行政复议、行政诉讼情况"
NOTE_3 = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
LABEL_COLUMNS = 3


@dataclass(frozen=True)
class Cell:
    """One cell of a form table, placed at its top-left corner; spans merge what they cover."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    row_label: bool = False


def grid_2(data: dict[str, Any]) -> list[Cell]:
    """Table 二 as the form lays it out: four blocks, each with its article line and heading row."""
    t = data["table_2"]

    def number(value: float | int) -> str:
        return f"{value:g}" if isinstance(value, float) else str(value)

    cells: list[Cell] = []
    row = 0
    blocks = [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", t["rules"]), ("行政规范性文件", t["normative_documents"])], ["issued", "repealed", "valid"]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", t["licensing"])], ["decisions"]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", t["penalties"]), ("行政强制", t["enforcement"])],
         ["decisions"]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", t["fees"])], ["amount"]),
    ]
    for article, headings, items, keys in blocks:
        span = 3 // len(headings)
        cells.append(Cell(row, 0, article, colspan=4, header=True))
        cells.append(Cell(row + 1, 0, "信息内容", header=True))
        cells += [Cell(row + 1, 1 + i * span, h, colspan=span, header=True) for i, h in enumerate(headings)]
        row += 2
        for label, values in items:
            cells.append(Cell(row, 0, label, header=True, row_label=True))
            cells += [Cell(row, 1 + i * span, number(values[k]), colspan=span) for i, k in enumerate(keys)]
            row += 1
    return cells


def grid_3(data: dict[str, Any]) -> list[Cell]:
    """Table 三 as the State Council's form lays it out: three header rows (申请人情况 over 自然人,
    法人或其他组织 with its five kinds, 总计) and a three-level row label merged down its groups."""
    cells = [
        Cell(0, 0, NOTE_3, rowspan=3, colspan=LABEL_COLUMNS, header=True),
        Cell(0, 3, "申请人情况", colspan=7, header=True),
        Cell(1, 3, COLUMN_LABELS["natural_person"], rowspan=2, header=True),
        Cell(1, 4, "法人或其他组织", colspan=5, header=True),
        Cell(1, 9, COLUMN_LABELS["total"], rowspan=2, header=True),
        *[Cell(2, 4 + i, COLUMN_LABELS[c], header=True) for i, c in enumerate(COLUMNS[1:6])],
    ]
    paths = [label.split("|") for _, label in ROWS]
    first = 3
    for i, ((code, _), path) in enumerate(zip(ROWS, paths, strict=True)):
        row = first + i
        for level, text in enumerate(path):
            if i > 0 and paths[i - 1][: level + 1] == path[: level + 1] and len(path) > level + 1:
                continue  # inside a group that a row above already opened
            last = level == len(path) - 1
            depth = 1
            while not last and i + depth < len(paths) and paths[i + depth][: level + 1] == path[: level + 1]:
                depth += 1
            cells.append(Cell(row, level, text, rowspan=depth, colspan=LABEL_COLUMNS - level if last else 1,
                              header=True, row_label=True))
        values = data["table_3"]["rows"][code]
        cells += [Cell(row, LABEL_COLUMNS + j, str(values[c])) for j, c in enumerate(COLUMNS)]
    return cells


def grid_4(data: dict[str, Any]) -> list[Cell]:
    """Table 四 as the form lays it out: one row, 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉)
    side by side, each with its five results."""
    kinds = [kind for kind, _ in Contest.KINDS]
    width = len(CONTEST_RESULTS)
    cells = [
        Cell(0, 0, "行政复议", rowspan=2, colspan=width, header=True),
        Cell(0, width, "行政诉讼", colspan=2 * width, header=True),
        Cell(1, width, "未经复议直接起诉", colspan=width, header=True),
        Cell(1, 2 * width, "复议后起诉", colspan=width, header=True),
    ]
    for k, kind in enumerate(kinds):
        for j, result in enumerate(CONTEST_RESULTS):
            cells.append(Cell(2, k * width + j, CONTEST_LABELS[result], header=True))
            cells.append(Cell(3, k * width + j, str(data["table_4"][kind][result])))
    return cells


def html_rows(cells: list[Cell]) -> list[list[Cell]]:
    """The cells row by row, for an HTML table with rowspan and colspan."""
    rows: dict[int, list[Cell]] = {}
    for cell in sorted(cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell)
    return [rows[r] for r in sorted(rows)]


def _size(cells: list[Cell]) -> tuple[int, int]:
    return (max(c.row + c.rowspan for c in cells), max(c.col + c.colspan for c in cells))


def _number_or_text(cell: Cell) -> int | float | str:
    if cell.header:
        return safe_cell(cell.text)
    return int(cell.text) if cell.text.isdigit() else float(cell.text)


def to_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    book = Workbook()
    book.remove(book.active)
    for title, cells, widths in (
        (TITLE_2, grid_2(data), {1: 22, 2: 16, 3: 16, 4: 16}),
        (TITLE_3, grid_3(data), {1: 14, 2: 20, 3: 36}),
        (TITLE_4, grid_4(data), {}),
    ):
        sheet = book.create_sheet(title[:31])
        sheet.append([title])
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        rows, cols = _size(cells)
        for r in range(rows):
            for c in range(cols):
                sheet.cell(r + 2, c + 1).border = Border(left=thin, right=thin, top=thin, bottom=thin)
        for cell in cells:
            target = sheet.cell(cell.row + 2, cell.col + 1, _number_or_text(cell))
            target.alignment = Alignment(wrap_text=True, vertical="center",
                                         horizontal="left" if cell.row_label else "center")
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(start_row=cell.row + 2, start_column=cell.col + 1,
                                  end_row=cell.row + cell.rowspan + 1, end_column=cell.col + cell.colspan)
        for c in range(1, cols + 1):
            sheet.column_dimensions[get_column_letter(c)].width = widths.get(c, 9)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_title(year: int, office: str) -> str:
    return f"{office}{year}年政府信息公开工作年度报告"


def to_html(data: dict[str, Any], office: str, texts: dict[str, str] | None = None, correction: str = "") -> str:
    """The report as the body of its catalog entry, in the State Council's layout (国办公开办函〔2021〕
    30号): sections 一 to 六, tables 二, 三 and 四 merged as on the form; a correction opens with its
    statement (更正说明)."""
    from django.template.loader import render_to_string

    texts = text_sections(data["year"]) if texts is None else texts
    return render_to_string("assessment/report_body.html", {
        "title": report_title(data["year"], office), "texts": texts, "correction": correction,
        "tables": [(TITLE_2, html_rows(grid_2(data))), (TITLE_3, html_rows(grid_3(data))),
                   (TITLE_4, html_rows(grid_4(data)))],
    })


def to_docx(data: dict[str, Any], office: str, texts: dict[str, str] | None = None) -> bytes:
    """A landscape A4 document with the two tables merged as on the form."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.add_heading(report_title(data["year"], office), level=1)
    texts = text_sections(data["year"]) if texts is None else texts
    if texts.get("一"):
        document.add_heading("一、总体情况", level=2)
        document.add_paragraph(texts["一"])
    for title, cells, label_widths in ((TITLE_2, grid_2(data), [Cm(6.0)]),
                                       (TITLE_3, grid_3(data), [Cm(2.2), Cm(3.2), Cm(7.4)]),
                                       (TITLE_4, grid_4(data), [])):
        document.add_heading(title, level=2)
        rows, cols = _size(cells)
        table = document.add_table(rows=rows, cols=cols)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        number_width = (Cm(26.1) - sum(label_widths, Cm(0))) // (cols - len(label_widths))
        table.autofit = False
        for c, column in enumerate(table.columns):
            column.width = label_widths[c] if c < len(label_widths) else number_width  # the grid (LibreOffice)
            for cell in column.cells:
                cell.width = column.width  # and each cell (Word)
        for cell in cells:
            target = table.cell(cell.row, cell.col)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
            target.text = cell.text
            for paragraph in target.paragraphs:
                if not cell.row_label:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    for number, heading in (("五", "五、存在的主要问题及改进情况"), ("六", "六、其他需要报告的事项")):
        if texts.get(number):
            document.add_heading(heading, level=2)
            document.add_paragraph(texts[number])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_sections(year: int) -> dict[str, str]:
    """The office's sections 一, 五 and 六 of the year, where written."""
    from zwgk.assessment.models import AnnualReport

    saved = AnnualReport.objects.filter(year=year).first()
    if saved is None:
        return {}
    return {"一": saved.overview, "五": saved.problems, "六": saved.other}
