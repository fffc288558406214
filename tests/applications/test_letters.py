"""Letters: templates are data; DOCX and PDF carry the office, number, legal basis and remedy."""

from __future__ import annotations

import io
from datetime import date

import pytest

from tests.applications.pdftext import pdf_text
from zwgk.applications import letters
from zwgk.applications.models import LetterTemplate

pytestmark = pytest.mark.django_db


def test_every_outcome_has_a_seeded_template():
    codes = set(LetterTemplate.objects.values_list("code", flat=True))
    assert set(letters.OUTCOME_LETTER.values()) <= codes
    assert {"supplement", "extension", "third_party", "transfer_slip"} <= codes


def test_pdf_uses_the_chinese_cid_font_and_reads_back(signed_off, act):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    letter = a.letters.get(template_id="reply_1")
    data = letters.render_pdf(letter)
    assert data.startswith(b"%PDF") and b"STSong-Light" in data
    text = pdf_text(data)
    assert "政府信息公开答复书（一）" in text
    assert a.number in text
    assert "行政复议" in text and "行政诉讼" in text
    assert "第十六条" in text
    assert "2026年9月29日" in text


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
            reason="state_secret")
    letter = a.letters.get()
    assert letter.name == "答复书（二）" and "属于国家秘密" in letter.body
