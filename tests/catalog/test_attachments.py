"""Attachments are accepted by content (magic bytes), size-limited, and scanned."""

from __future__ import annotations

import io

import pytest

from tests.catalog.conftest import VALID_ID
from zwgk.catalog import attachments
from zwgk.core.errors import InvalidInput

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A PDF with Chinese text in an embedded TrueType font, as office software makes them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from zwgk.core.documents import pdf_font_file

    path, index = pdf_font_file()
    pdfmetrics.registerFont(TTFont("test-cjk", path, subfontIndex=index))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("test-cjk", 12)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def test_a_png_named_png_is_accepted():
    assert attachments.check("照片.png", PNG).content_type == "image/png"


def test_content_decides_not_the_name():
    with pytest.raises(InvalidInput):
        attachments.check("通知.pdf", b"MZ\x90\x00 this is a program")
    with pytest.raises(InvalidInput):
        attachments.check("通知.pdf", PNG)


def test_docx_and_xlsx_are_recognised_and_their_text_extracted():
    checked = attachments.check("名单.docx", docx_bytes("拟录用人员名单"))
    assert checked.content_type == attachments.DOCX and "拟录用人员名单" in checked.text
    checked = attachments.check("统计.xlsx", xlsx_bytes([["地区", "数量"], ["银川市", "12"]]))
    assert checked.content_type == attachments.XLSX and "银川市" in checked.text


def test_chinese_text_of_a_pdf_is_extracted():
    checked = attachments.check("名单.pdf", pdf_bytes(f"拟录用人员 张三 {VALID_ID}"))
    assert checked.content_type == attachments.PDF
    assert "拟录用人员" in checked.text and VALID_ID in checked.text


def test_a_zip_that_is_not_a_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(InvalidInput):
        attachments.check("文件.docx", buffer.getvalue())


def test_size_is_limited(settings):
    settings.ZWGK_CATALOG_ATTACHMENT_MAX_MB = 1
    with pytest.raises(InvalidInput) as refused:
        attachments.check("大图.png", PNG + b"\x00" * (1024 * 1024))
    assert "大小限制" in refused.value.message


def test_attachment_text_is_scanned_before_review(draft, handler, staff):
    from zwgk.catalog import services
    from zwgk.catalog.models import Entry

    entry = Entry.objects.get(pk=draft()["id"])
    services.do_attach(entry, actor=staff("publicity_handler"), name="名单.docx", data=docx_bytes(f"张三 {VALID_ID}"))
    scan = handler.post(f"/catalog/drafts/{entry.pk}/actions/submit", {}).json()["scan"]
    assert [(f["kind"], f["where"]) for f in scan] == [("resident_id", "附件：名单.docx")]


def test_attachment_upload_through_the_api(draft, handler):
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = draft()
    response = handler.client.post(
        f"/api/v1/catalog/drafts/{entry['id']}/attachments",
        {"file": SimpleUploadedFile("现场.png", PNG, content_type="image/png")},
        headers={"Authorization": f"Bearer {handler.token}"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["attachments"][0]["name"] == "现场.png"


def test_attachments_of_unpublished_entries_are_not_served(client, draft, staff):
    from zwgk.catalog import services
    from zwgk.catalog.models import Entry

    entry = Entry.objects.get(pk=draft()["id"])
    attachment = services.do_attach(entry, actor=staff("publicity_handler"), name="现场.png", data=PNG)
    assert client.get(f"/catalog/attachment/{attachment.pk}/").status_code == 404
