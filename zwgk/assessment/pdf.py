"""The dashboard as a PDF for a meeting (Art. 42: "a PDF of the dashboard"): the same figures,
charts and tables as the page, in Chinese on landscape A4, with the font the letters embed
(``core.documents``: AR PL UMing or the office's own), drawn by reportlab (already the letters').
Every chart is drawn with its numbers as text and its table follows it, as on the page."""

from __future__ import annotations

import io
from typing import Any

from zwgk.assessment import dashboard
from zwgk.assessment.models import IndicatorCode
from zwgk.core.documents import PDF_FONT, _register_pdf_font

BLUE, RED = "#2b5f9e", "#aa0000"


def _bar_chart(title: str, items: list[tuple[str, float, str]], width: float, maximum: float | None = None,
               colour: str = BLUE) -> Any:
    """Horizontal bars, one a row, each with its label and its number printed at its end."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import HexColor

    row, label_w, bar_w = 13, 120, width - 190
    top = maximum or max((value for _, value, _ in items), default=0) or 1
    drawing = Drawing(width, row * len(items) + 18)
    drawing.add(String(0, drawing.height - 11, title, fontName=PDF_FONT, fontSize=9))
    for n, (label, value, text) in enumerate(items):
        y = drawing.height - 18 - row * (n + 1) + 3
        drawing.add(String(label_w - 4, y + 1, label[:14], fontName=PDF_FONT, fontSize=7, textAnchor="end"))
        length = bar_w * value / top
        drawing.add(Rect(label_w, y, max(length, 0.5), row - 4, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(label_w + length + 3, y + 1, text, fontName=PDF_FONT, fontSize=7))
    return drawing


def _trend_chart(title: str, months: list[dashboard.Month], width: float) -> Any:
    """Columns per month, on time and late side by side, each with its number."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor, black

    height, base = 150, 24
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, title + "（蓝为按期，红为超期）", fontName=PDF_FONT, fontSize=9))
    top = max((max(m.on_time, m.late) for m in months), default=0) or 1
    slot = (width - 20) / max(len(months), 1)
    column = min(slot / 2 - 3, 16)
    drawing.add(Line(10, base, width - 10, base, strokeColor=black, strokeWidth=0.5))
    for n, m in enumerate(months):
        x = 10 + slot * n + 2
        for k, (value, colour) in enumerate(((m.on_time, BLUE), (m.late, RED))):
            h = (height - base - 30) * value / top
            drawing.add(Rect(x + k * (column + 1), base, column, max(h, 0.5), fillColor=HexColor(colour),
                             strokeColor=None))
            drawing.add(String(x + k * (column + 1) + column / 2, base + h + 2, str(value), fontName=PDF_FONT,
                               fontSize=6, textAnchor="middle"))
        drawing.add(String(x + column, base - 10, m.label, fontName=PDF_FONT, fontSize=7, textAnchor="middle"))
    return drawing


def render(context: dict[str, Any], issuer: str) -> bytes:
    """The dashboard of ``context`` (the page's own: ``workbench_views._context``) as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_pdf_font()
    styles = {name: ParagraphStyle(name, fontName=PDF_FONT, fontSize=size, leading=size * 1.35,
                                   wordWrap="CJK", alignment=align)
              for name, size, align in (("title", 16, 1), ("h", 11, 0), ("body", 8.5, 0), ("cell", 6.5, 1),
                                        ("left", 6.5, 0))}
    result, rows, months, alarms = context["result"], context["rows"], context["months"], context["alarms"]
    department = context.get("department")
    heading = f"{department.name} · " if department else ""
    title = f"{heading}政务公开考核评估 · {context['year']}年{context['period_label']}"
    out = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title=title, author=issuer)
    width = page[0] - 24 * mm

    def p(text: Any, style: str = "cell") -> Any:
        from django.utils.html import escape

        return Paragraph(escape(str(text)), styles[style])

    def table(data: list[list[Any]], widths: list[float] | None = None) -> Any:
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), PDF_FONT)]))
        return t

    span = f"{result.start:%Y-%m-%d} 至 {result.end:%Y-%m-%d}（截至 {result.cutoff:%Y-%m-%d}）"
    story: list[Any] = [p(title, "title"), Spacer(1, 3 * mm), p(f"{issuer}　统计期间：{span}", "body"),
                        Spacer(1, 3 * mm), p("单项否决与预警（国办秘函〔2019〕19号）", "h")]
    if alarms:
        story.append(table([[p(h) for h in ("检查项", "级别", "栏目", "起始日期", "距否决天数", "说明")]] + [
            [p(a.item_label, "left"), p(a.level_label), p(a.section_name), p(a.since or ""),
             p("" if a.days_to_veto is None else a.days_to_veto), p(a.detail, "left")] for a in alarms],
            [40 * mm, 16 * mm, 28 * mm, 20 * mm, 18 * mm, width - 122 * mm]))
    else:
        story.append(p("当前没有单项否决或预警。", "body"))
    story += [Spacer(1, 4 * mm),
              _bar_chart("各部门按期办结率（依申请公开、网民信息、审核后发布）",
                         [(r.name, r.rate or 0, r.rate_text) for r in rows], width, maximum=1),
              Spacer(1, 3 * mm),
              _bar_chart("各部门超期件数", [(r.name, r.overdue, f"{r.overdue}件") for r in rows], width, colour=RED),
              Spacer(1, 4 * mm), p(f"各部门考核指标（{result.start:%Y-%m-%d} 至 {result.end:%Y-%m-%d}）", "h")]
    labels = [label for _, label in IndicatorCode.choices]
    fixed = [26 * mm, 12 * mm, 12 * mm, 12 * mm]
    rest = (width - sum(fixed)) / len(labels)
    story.append(table(
        [[p(h) for h in ("部门", "得分", "按期率", "超期件数", *labels)]]
        + [[p(r.name, "left"), p(f"{r.score:g}"), p(r.rate_text), p(r.overdue),
            *[p(r.counts[code]) for code in IndicatorCode.values]] for r in rows],
        fixed + [rest] * len(labels)))
    story += [p("得分为100分减去各负面清单指标的件数乘以每件扣分；每个数字对应工作台中的办件清单。", "body"),
              Spacer(1, 4 * mm), _trend_chart(f"{context['year']}年按月趋势", months, width), Spacer(1, 2 * mm),
              table([[p("月份"), *[p(m.label) for m in months]], [p("按期件数"), *[p(m.on_time) for m in months]],
                     [p("超期件数"), *[p(m.late) for m in months]]]),
              Spacer(1, 4 * mm), p("负面清单扣分标准", "h"),
              table([[p("指标"), p("每件扣分")]] + [[p(label, "left"), p(points)]
                                               for label, points in context["weight_rows"]],
                    [80 * mm, 20 * mm])]
    doc.build(story)
    return out.getvalue()
