"""Every letter kind the office sends, read back as an official document (issue 13 "Done when";
GB/T 9704-2012): A4, its Chinese font embedded in the PDF, the DOCX naming 仿宋_GB2312, and no line
of the laid-out text starting with a closing mark. The kinds come from the seeded templates, so a
kind added later is checked too."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from zwgk.applications import letters
from zwgk.applications.models import LetterTemplate
from zwgk.core import documents
from zwgk.core.layout import CANNOT_START

ON = date(2026, 10, 9)  # the working Saturday after National Day


@pytest.mark.django_db
def test_every_letter_kind_is_a4_with_its_fonts_and_clean_line_starts(register, act):
    kinds = list(LetterTemplate.objects.order_by("code").values_list("code", flat=True))
    assert len(kinds) >= 15
    application = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 29), lead="traffic")
    for kind in kinds:
        letter = letters.build(application, kind, ON, attachments=["2025年度道路交通事故统计表"],
                               party="宁夏某物流有限公司", started_on=date(2026, 9, 30), answer_text="不同意公开。")
        document = letters.document(letter)

        reader = PdfReader(io.BytesIO(documents.render_pdf(document)))
        box = reader.pages[0].mediabox
        size = (round(float(box.width) / documents.MM), round(float(box.height) / documents.MM))
        assert size == (210, 297), kind
        fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
        assert any("/FontFile2" in f.get("/FontDescriptor", {}) for f in fonts), kind

        docx = Document(io.BytesIO(documents.render_docx(document)))
        section = docx.sections[0]
        assert (round(section.page_width / 36000), round(section.page_height / 36000)) == (210, 297), kind
        assert docx.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312", kind

        starts = [line.text for line in documents.lay_out(document) if line.text and line.text[0] in CANNOT_START]
        assert not starts, (kind, starts)
