"""Official documents read back: A4, the GB/T 9704 margins and type area, fonts, page numbers."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from zwgk.core import documents
from zwgk.core.layout import CANNOT_START, cells

LONG = ("本机关于2026年9月28日收到您提出的政府信息公开申请，申请获取“2025年度全区道路交通事故统计数据”。"
        "经审查，您申请获取的政府信息属于可以公开的政府信息，现予以公开，获取的方式、途径和时间如下：") * 6


def _document(**extra) -> documents.OfficialDocument:
    return documents.OfficialDocument(
        issuer="宁夏回族自治区公安厅", title="宁夏回族自治区公安厅政府信息公开答复书（一）",
        document_number="宁公开〔2026〕12号", addressee="张明：", paragraphs=[f"　　{LONG}"],
        attachments=["2025年度道路交通事故统计表", "统计口径说明"], signature="宁夏回族自治区公安厅",
        date="2026年9月29日", **extra)


def test_pdf_is_a4_with_its_font_embedded_and_numbered_pages():
    reader = PdfReader(io.BytesIO(documents.render_pdf(_document())))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / documents.MM), round(float(box.height) / documents.MM)) == (210, 297)
    assert len(reader.pages) >= 2
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert any(f["/Subtype"] == "/TrueType" and "/FontFile2" in f["/FontDescriptor"] for f in fonts)
    assert "— 1 —" in reader.pages[0].extract_text() and "— 2 —" in reader.pages[1].extract_text()


def test_pdf_lines_never_start_with_a_closing_mark_and_hold_28_characters():
    lines = documents.lay_out(_document())
    body = [line for line in lines if line.style == "body" and line.text]
    assert all(line.text[0] not in CANNOT_START for line in body)
    assert max(cells(line.text) + line.indent for line in body) == documents.CHARS_PER_LINE


def test_the_type_area_is_156_by_225_mm_with_22_lines_of_28():
    assert documents.LINE_PITCH * documents.LINES_PER_PAGE == pytest.approx(225)
    assert documents.CHAR_PITCH * documents.CHARS_PER_LINE == pytest.approx(156)
    assert documents.TITLE_CHARS == 20


def test_attachments_are_listed_and_the_seal_presses_on_issuer_and_date():
    document = _document()
    lines = documents.lay_out(document)
    texts = [line.text for line in lines]
    assert "附件：1. 2025年度道路交通事故统计表" in texts and "2. 统计口径说明" in texts
    closing = documents.closing_lines(document)
    centre, index = documents.seal_centre(closing)
    date_line, issuer_line = closing[index], closing[index - 1]
    assert date_line.indent + cells(date_line.text) == documents.CHARS_PER_LINE - 4  # 右空四字
    assert issuer_line.indent + cells(issuer_line.text) / 2 == pytest.approx(centre)


def test_docx_is_a4_with_the_standard_margins_fonts_and_page_numbers():
    from docx import Document
    from docx.oxml.ns import qn

    docx = Document(io.BytesIO(documents.render_docx(_document())))
    section = docx.sections[0]
    def mm(length: int) -> float:
        return round(length / 36000, 1)  # EMU

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)
    assert mm(section.page_width - section.left_margin - section.right_margin) == 156
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    normal = docx.styles["Normal"]
    assert normal.font.size.pt == 16
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    title_fonts = docx.paragraphs[0].runs[0].element.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert docx.paragraphs[0].runs[0].font.size.pt == 22
    footer_xml = section.footer._element.xml + section.even_page_footer._element.xml
    assert footer_xml.count("PAGE") == 2 and "— " in footer_xml
    assert "宁公开〔2026〕12号" in [p.text for p in docx.paragraphs]


def test_a_form_is_drawn_as_a_table_in_both_formats():
    from docx import Document

    rows = [("申请编号", "YSQ-2026-00001"), ("办理要求", "请核实2025年度统计口径后答复。")]
    document = documents.OfficialDocument(issuer="宁夏回族自治区公安厅", title="依申请公开政府信息转办单", table=rows)
    docx = Document(io.BytesIO(documents.render_docx(document)))
    assert [[c.text for c in row.cells] for row in docx.tables[0].rows] == [list(r) for r in rows]
    text = PdfReader(io.BytesIO(documents.render_pdf(document))).pages[0].extract_text()
    assert "YSQ-2026-00001" in text.replace("\n", "").replace(" ", "")
