"""Attachments of catalog entries: accepted by their content (magic bytes), size-limited, and their
text extracted so the pre-publication scan (Art. 4) reads them too."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from django.conf import settings

from zwgk.core.errors import InvalidInput
from zwgk.core.files import DOCX, GIF, JPEG, PDF, PNG, XLSX, check_upload

EXTENSIONS = {PDF: {"pdf"}, DOCX: {"docx"}, XLSX: {"xlsx"}, PNG: {"png"}, JPEG: {"jpg", "jpeg"}, GIF: {"gif"}}
LABELS = {PDF: "PDF", DOCX: "Word 文档（DOCX）", XLSX: "Excel 表格（XLSX）", PNG: "PNG 图片", JPEG: "JPEG 图片",
          GIF: "GIF 图片"}


def max_bytes() -> int:
    return int(getattr(settings, "ZWGK_CATALOG_ATTACHMENT_MAX_MB", 20)) * 1024 * 1024


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str
    size: int
    sha256: str
    text: str


def check(name: str, data: bytes) -> Checked:
    """Accept a PDF, DOCX, XLSX or image whose content matches its name, within the size limit;
    hostile content (markup, zip bombs, unsafe paths) is refused by ``core.files.check_upload``."""
    name, kind = check_upload(name, data, allowed=LABELS, max_bytes=max_bytes())
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EXTENSIONS[kind]:
        raise InvalidInput(
            f"附件“{name}”的扩展名与内容不符（内容为{LABELS[kind]}）。", fields={"file": "扩展名与内容不符"}
        )
    return Checked(name, kind, len(data), hashlib.sha256(data).hexdigest(), extract_text(kind, data))


def extract_text(kind: str, data: bytes) -> str:
    """The text of a document for the scan; images have none (no OCR)."""
    try:
        if kind == DOCX:
            return _docx_text(data)
        if kind == XLSX:
            return _xlsx_text(data)
        if kind == PDF:
            return _pdf_text(data)
    except Exception:  # a damaged document still gets published only after review
        return ""
    return ""


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            if cells:
                lines.append("\t".join(cells))
    workbook.close()
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    """The text layer of every page, Chinese included (pypdf reads the fonts' ToUnicode maps); a
    scanned PDF without a text layer has none."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
