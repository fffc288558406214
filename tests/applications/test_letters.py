"""Letters: templates are data; DOCX and PDF carry the office, number, legal basis and remedy."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from zwgk.applications import letters
from zwgk.applications.models import LetterTemplate
from zwgk.core import documents

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

    path, _ = documents.pdf_font_file()
    own = tmp_path / "office-fangsong.ttc"
    own.write_bytes(open(path, "rb").read())
    settings.ZWGK_LETTER_FONT = f"{own}#0"
    assert documents.pdf_font_file() == (str(own), 0)
    pdfmetrics._fonts.pop(documents.PDF_FONT, None)  # registered once per process: forget it for this test
    try:
        a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
        data = letters.render_pdf(a.letters.get(template_id="reply_1"))
        assert "政府信息公开答复书（一）" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    finally:
        pdfmetrics._fonts.pop(documents.PDF_FONT, None)


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
    assert a.letters.get(template_id="access_route").body == f"张明：请到　　门户网站查阅。编号{a.number}"


def test_not_disclosed_letter_names_the_reason(register, act):
    a = act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="not_disclosed",
            reason="state_secret", content="该信息已依法确定为国家秘密。")
    letter = a.letters.get(template_id="reply_2")
    assert letter.name == "答复书（二）" and "属于国家秘密" in letter.body


def test_letters_take_a_document_number_from_their_kind_s_sequence(signed_off, act):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    reply = a.letters.get(template_id="reply_1")
    slip = a.letters.get(template_id="transfer_slip")
    assert reply.document_number.startswith("宁公开〔2026〕") and reply.document_number.endswith("号")
    assert slip.document_number.startswith("宁公开转〔2026〕")


def test_templates_address_a_person_or_an_organisation_as_a_person_would(register, act):
    a = act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="already_public",
            content="门户网站")
    body = a.letters.get(template_id="access_route").body
    assert "您（单位）" not in body and "收到您提出的" in body
    assert "。”。" not in body
    assert not LetterTemplate.objects.filter(body__contains="您（单位）").exists()


def test_the_transfer_slip_is_the_form_of_annex_3_with_what_the_clerk_typed(register, act):
    a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 28), lead="traffic",
            note="请核实统计口径后答复")
    form = dict(letters.document(a.letters.get(template_id="transfer_slip")).table)
    assert form["申请编号"] == a.number and form["办理要求"] == "请核实统计口径后答复"
    assert form["承办部门"].startswith("主办：") and "答复期限" in form


def test_a_letter_by_post_gets_a_written_receipt_and_an_online_application_does_not(register, staff):
    from zwgk.applications import services

    receipt = register(date(2026, 9, 28)).letters.get(template_id="receipt")
    assert receipt.public and "已登记" in receipt.body and "2026年10月" in receipt.body
    online, _ = services.do_submit({"applicant_type": "natural_person", "name": "李华", "id_type": "passport",
                                    "id_number": "E12345678", "phone": "13909510002", "description": "统计数据",
                                    "delivery": "online"})
    assert not online.letters.exists()
