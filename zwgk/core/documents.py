"""Official documents to GB/T 9704-2012 (党政机关公文格式): the letters of Ch. 3 and their forms.

One layout for every document the platform sends, as DOCX (what an office edits, in Word or WPS)
and PDF (what is sent):

- A4, top margin 37 mm, left 28 mm, type area 156 x 225 mm (7.1, 5.2.1);
- body in 3号 (16 pt) 仿宋, 22 lines of 28 characters a page (5.2.2); title in 2号 (22 pt)
  小标宋, centred, broken between words into lines of balanced length (7.3.3);
- 发文字号 such as 宁公开〔2026〕12号 under the title, attachments listed as "附件：1. …" (7.3.4),
  the issuer's name and the date of issue above the seal, which "居中下压" both (7.3.5.1);
- page numbers "— 1 —" in 4号, odd pages right and even pages left, one character in (7.5).

The DOCX names the fonts offices have (仿宋_GB2312, 方正小标宋简体) with the East Asian font
attributes set, so Word and WPS use them. The PDF embeds a font, since the receiver may have none:
AR PL UMing (a 宋体 face, Debian's ``fonts-arphic-uming``) by default, or the office's own licensed
TrueType file (``ZWGK_LETTER_FONT``, ``path`` or ``path#index``). Lines are broken by
``core.layout`` and drawn on the grid, so that no line starts with a closing mark.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from zwgk.core.layout import balance_title, break_paragraph, cells

MM = 72 / 25.4  # points per millimetre
PAGE_W, PAGE_H = 210.0, 297.0
TOP, LEFT = 37.0, 28.0
AREA_W, AREA_H = 156.0, 225.0
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16.0, 22.0, 14.0
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22
LINE_PITCH = AREA_H / LINES_PER_PAGE  # mm
CHAR_PITCH = AREA_W / CHARS_PER_LINE  # mm
TITLE_CHARS = int(AREA_W * MM // TITLE_PT)  # 20 characters of 2号 a line
BODY_FONT_DOCX, TITLE_FONT_DOCX = "仿宋_GB2312", "方正小标宋简体"
DEFAULT_PDF_FONT = "/usr/share/fonts/truetype/arphic/uming.ttc"
PDF_FONT = "zwgk-document"


@dataclass
class OfficialDocument:
    """What a document says, in reading order; the layout is this module's."""

    issuer: str
    title: str
    document_number: str = ""
    addressee: str = ""
    paragraphs: list[str] = field(default_factory=list)
    table: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    signature: str = ""
    date: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Line:
    """One line of the laid-out document: its text, its x offset in grid cells, its style."""

    text: str
    style: str = "body"  # body, title, number, right
    indent: float = 0


def _right(text: str, space: float) -> Line:
    return Line(text, "right", max(0.0, CHARS_PER_LINE - space - cells(text)))


def lay_out(document: OfficialDocument) -> list[Line]:
    """The document as lines on the grid (the table of a form is drawn apart, after the body)."""
    lines = [Line(text, "title") for text in balance_title(document.title, TITLE_CHARS)]
    if document.document_number:
        lines.append(Line(document.document_number, "number"))
    lines.append(Line(""))
    if document.addressee:
        lines += [Line(text) for text in break_paragraph(document.addressee, CHARS_PER_LINE)]
    for paragraph in document.paragraphs:
        text = paragraph.lstrip("　 ")
        indent = 2.0 if paragraph != text or not document.addressee else 0.0
        for i, piece in enumerate(break_paragraph(text, CHARS_PER_LINE, indent=indent)):
            lines.append(Line(piece, "body", indent if i == 0 else 0))
    if document.attachments:
        lines.append(Line(""))
        label = "附件："
        for number, name in enumerate(document.attachments, 1):
            item = f"{number}. {name}" if len(document.attachments) > 1 else name
            for i, piece in enumerate(break_paragraph(item, CHARS_PER_LINE - 5)):
                lines.append(Line((label if number == 1 and i == 0 else "") + piece, "body",
                                  2.0 if number == 1 and i == 0 else 5.0))
    return lines


def closing_lines(document: OfficialDocument) -> list[Line]:
    """Issuer and date: the date four characters in from the right, the issuer centred above it
    (7.3.5.1), the seal pressing down on both; then the contact line."""
    lines: list[Line] = [Line("")]
    if document.date:
        date_line = _right(document.date, 4)
        centre = date_line.indent + cells(document.date) / 2
        if document.signature:
            lines.append(Line(document.signature, "right", max(0.0, centre - cells(document.signature) / 2)))
        lines.append(date_line)
    if document.contact:
        lines += [Line(""), *(Line(text) for text in break_paragraph(document.contact, CHARS_PER_LINE))]
    return lines


def seal_centre(lines: list[Line]) -> tuple[float, int] | None:
    """Where the seal goes, as (cell offset of its centre, index of the date line): centred on
    the date, pressing down on the issuer's name and the date (7.3.5.1)."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.style == "right" and index and lines[index - 1].style == "right":
            return line.indent + cells(line.text) / 2, index
    return None


def page_number_text(page: int) -> str:
    return f"— {page} —"


# --- DOCX --------------------------------------------------------------------------------------


def _east_asian(run_or_style, font: str) -> None:
    from docx.oxml.ns import qn

    element = run_or_style.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _page_number_footer(footer, align) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = footer.paragraphs[0]
    paragraph.alignment = align
    for text, field_code in (("— ", None), (None, "PAGE"), (" —", None)):
        run = paragraph.add_run()
        run.font.size = Pt(PAGE_NUMBER_PT)
        _east_asian(run, "宋体")
        if field_code is None:
            run.text = text
            continue
        for kind in ("begin", None, "end"):
            if kind is None:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = field_code
                run._r.append(instruction)
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)


def render_docx(document: OfficialDocument) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    docx = Document()
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.left_margin = Mm(TOP), Mm(LEFT)
    section.right_margin = Mm(PAGE_W - LEFT - AREA_W)
    section.bottom_margin = Mm(PAGE_H - TOP - AREA_H)
    section.footer_distance = Mm(PAGE_H - TOP - AREA_H - 7 - PAGE_NUMBER_PT / MM)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = section._sectPr.makeelement(qn("w:docGrid"), {})
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * MM * 20)))
    grid.set(qn("w:charSpace"), str(round((CHAR_PITCH * MM - BODY_PT) * 4096)))

    normal = docx.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    _east_asian(normal, BODY_FONT_DOCX)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(LINE_PITCH * MM)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)

    docx.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number_footer(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)

    title = docx.paragraphs[0] if docx.paragraphs else docx.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_run = title.add_run("\n".join(balance_title(document.title, TITLE_CHARS)))
    title_run.font.size = Pt(TITLE_PT)
    _east_asian(title_run, TITLE_FONT_DOCX)
    if document.document_number:
        docx.add_paragraph(document.document_number).alignment = WD_ALIGN_PARAGRAPH.CENTER
    docx.add_paragraph()
    if document.addressee:
        docx.add_paragraph(document.addressee)
    for text in document.paragraphs:
        body = text.lstrip("　 ")
        paragraph = docx.add_paragraph(body)
        if body != text or not document.addressee:
            paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
    if document.table:
        table = docx.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for label, value in document.table:
            row = table.add_row().cells
            row[0].text, row[1].text = label, value
            row[0].width, row[1].width = Mm(36), Mm(AREA_W - 36)
    if document.attachments:
        docx.add_paragraph()
        for number, name in enumerate(document.attachments, 1):
            item = f"{number}. {name}" if len(document.attachments) > 1 else name
            paragraph = docx.add_paragraph(("附件：" if number == 1 else "") + item)
            paragraph.paragraph_format.first_line_indent = Pt((2 if number == 1 else 5) * BODY_PT)
    docx.add_paragraph()
    for line in closing_lines(document)[1:]:
        paragraph = docx.add_paragraph(line.text)
        if line.style == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.right_indent = Pt(
                (CHARS_PER_LINE - line.indent - cells(line.text)) * BODY_PT)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


# --- PDF ---------------------------------------------------------------------------------------


def pdf_font_file() -> tuple[str, int]:
    """The TrueType font the PDF embeds: the office's own (``ZWGK_LETTER_FONT``), else AR PL UMing
    (Debian's fonts-arphic-uming, a 宋体 face), else WenQuanYi Micro Hei from its PyPI package, so
    that a machine without the Debian package still sends readable letters (the system check
    ``zwgk.W001`` says which one is in use)."""
    from django.conf import settings

    configured = getattr(settings, "ZWGK_LETTER_FONT", "")
    if configured:
        path, _, index = configured.partition("#")
        return path, int(index or 0)
    if Path(DEFAULT_PDF_FONT).is_file():
        return DEFAULT_PDF_FONT, 0
    from importlib.resources import files

    return str(files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"), 0


def _register_pdf_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        path, index = pdf_font_file()
        pdfmetrics.registerFont(TTFont(PDF_FONT, path, subfontIndex=index))


def render_pdf(document: OfficialDocument) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    _register_pdf_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W * MM, PAGE_H * MM))
    canvas.setTitle(document.title)
    canvas.setAuthor(document.issuer)
    left, top = LEFT * MM, (PAGE_H - TOP) * MM
    pitch, cell = LINE_PITCH * MM, CHAR_PITCH * MM
    state = {"page": 1, "row": 0}

    def finish_page() -> None:
        text = page_number_text(state["page"])
        canvas.setFont(PDF_FONT, PAGE_NUMBER_PT)
        y = (PAGE_H - TOP - AREA_H - 7) * MM - PAGE_NUMBER_PT
        width = canvas.stringWidth(text, PDF_FONT, PAGE_NUMBER_PT)
        if state["page"] % 2:
            canvas.drawString(left + AREA_W * MM - BODY_PT - width, y, text)
        else:
            canvas.drawString(left + BODY_PT, y, text)
        canvas.showPage()
        state["page"] += 1
        state["row"] = 0

    def baseline(rows: float = 1) -> float:
        if state["row"] + rows > LINES_PER_PAGE:
            finish_page()
        y = top - (state["row"] + rows) * pitch + (pitch - BODY_PT) / 2
        state["row"] += rows
        return y

    def draw(line: Line) -> None:
        if line.style == "title":
            y = baseline(1.25)
            canvas.setFont(PDF_FONT, TITLE_PT)
            width = canvas.stringWidth(line.text, PDF_FONT, TITLE_PT)
            canvas.drawString(left + (AREA_W * MM - width) / 2, y, line.text)
            return
        y = baseline()
        if not line.text:
            return
        canvas.setFont(PDF_FONT, BODY_PT)
        if line.style == "number":
            width = canvas.stringWidth(line.text, PDF_FONT, BODY_PT)
            canvas.drawString(left + (AREA_W * MM - width) / 2, y, line.text)
            return
        draw_cells(left + line.indent * cell, y, line.text)  # each character on the grid: 28 a line

    def draw_cells(x: float, y: float, text: str) -> None:
        for char in text:
            canvas.drawString(x, y, char)
            x += cells(char) * cell

    def draw_row(label: str, value: str) -> None:
        """A row of a two-column form (the 转办单 of annex 3): the label column as wide as the longest
        label and one character more, ruled, kept on one page."""
        label_cells = max(cells(label) for label, _ in document.table) + 1
        pieces = break_paragraph(value or " ", CHARS_PER_LINE - label_cells - 1)
        if state["row"] + len(pieces) > LINES_PER_PAGE:
            finish_page()
        top_y = top - state["row"] * pitch
        canvas.setFont(PDF_FONT, BODY_PT)
        for i, piece in enumerate(pieces):
            y = baseline()
            if i == 0:
                draw_cells(left + 0.5 * cell, y, label)
            draw_cells(left + (label_cells + 0.5) * cell, y, piece)
        bottom_y = top - state["row"] * pitch
        canvas.setLineWidth(0.5)
        canvas.rect(left, bottom_y, AREA_W * MM, top_y - bottom_y)
        canvas.line(left + label_cells * cell, bottom_y, left + label_cells * cell, top_y)

    for line in lay_out(document):
        draw(line)
    for label, value in document.table:
        draw_row(label, value)
    for line in closing_lines(document):
        draw(line)
    finish_page()
    canvas.save()
    return out.getvalue()
