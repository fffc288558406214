"""Letters: templates are data; DOCX and PDF carry the office, number, legal basis and remedy."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from zwgk.applications import letters
from zwgk.applications.models import LetterTemplate

pytestmark = pytest.mark.django_db


def test_every_outcome_has_a_seeded_template():
    codes = set(LetterTemplate.objects.values_list("code", flat=True))
    assert set(letters.OUTCOME_LETTER.values()) <= codes
    assert {"supplement", "extension", "third_party", "transfer_slip"} <= codes


def test_pdf_embeds_its_chinese_font_and_reads_back_in_a_pdf_reader(signed_off, act):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    letter = a.letters.get(template_id="reply_1")
    reader = PdfReader(io.BytesIO(letters.render_pdf(letter)))
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    chinese = [f for f in fonts if f["/BaseFont"] != "/Helvetica"]  # reportlab's unused initial font
    assert chinese and all(f["/Subtype"] == "/TrueType" and "/FontFile2" in f["/FontDescriptor"] for f in chinese)
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")  # lines wrap anywhere
    assert "政府信息公开答复书（一）" in text
    assert a.number in text
    assert "行政复议" in text and "行政诉讼" in text
    assert "第十六条" in text
    assert "2026年9月29日" in text


def test_an_office_may_name_its_own_letter_font(signed_off, act, settings, tmp_path):
    from reportlab.pdfbase import pdfmetrics

    path, _ = letters.font_file()
    own = tmp_path / "office-fangsong.ttc"
    own.write_bytes(open(path, "rb").read())
    settings.ZWGK_LETTER_FONT = f"{own}#1"
    assert letters.font_file() == (str(own), 1)
    pdfmetrics._fonts.pop(letters.FONT, None)  # registered once per process: forget it for this test
    try:
        a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
        data = letters.render_pdf(a.letters.get(template_id="reply_1"))
        assert "政府信息公开答复书（一）" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    finally:
        pdfmetrics._fonts.pop(letters.FONT, None)


def test_docx_carries_the_same_text(signed_off, act):
    from docx import Document

    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    letter = a.letters.get(template_id="reply_1")
    document = Document(io.BytesIO(letters.render_docx(letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "答复书（一）" in text and a.number in text and "附统计表" in text and "行政诉讼" in text


def test_changing_a_template_changes_later_letters(register, act):
    LetterTemplate.objects.filter(pk="access_route").update(body="{applicant}：请到{content}查阅。编号{number}")
    a = act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="already_public",
            content="门户网站")
    assert a.letters.get().body == f"张明：请到　　门户网站查阅。编号{a.number}"


def test_not_disclosed_letter_names_the_reason(register, act):
    a = act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="not_disclosed",
            reason="state_secret", content="该信息已依法确定为国家秘密。")
    letter = a.letters.get()
    assert letter.name == "答复书（二）" and "属于国家秘密" in letter.body
