"""Letters on applications (Art. 15, 16, 18, 20; annex 3): filled from templates kept as data, and
rendered as DOCX (what the office edits) and PDF (what is sent), with the office's name, the
application's number, the legal basis and, for answers, the right to reconsideration and
litigation (Art. 21)."""

from __future__ import annotations

import functools
import io
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings

from zwgk.applications.models import (
    NOT_DISCLOSED_REASONS,
    OUTCOMES,
    Application,
    Letter,
    LetterTemplate,
)
from zwgk.core.models import current_site

DATA = Path(__file__).resolve().parent / "data"

# Art. 16: which letter each outcome makes (API.md table).
OUTCOME_LETTER = {
    "already_public": "access_route",
    "disclosed": "reply_1",
    "partly_disclosed": "reply_4",
    "not_disclosed": "reply_2",
    "not_held": "reply_3",
    "not_ours": "reply_3",
    "needs_creation": "reply_3",
    "still_unclear": "notice",
    "not_an_application": "not_processed",
    "duplicate": "reply_5",
    "publication": "access_route",
    "excessive": "notice",
    "confirmation_request": "notice",
    "archived": "reply_6",
}

OUTCOME_TEXT = {
    "already_public": "已经主动公开",
    "publication": "属于公开出版物",
    "not_held": "本机关不掌握您申请获取的政府信息",
    "not_ours": "您申请获取的信息不属于本机关公开范围",
    "needs_creation": "本机关没有您申请获取的现成信息，依法不需另行制作、搜集或者加工、分析",
    "still_unclear": "您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息",
    "excessive": "您无正当理由大量、反复申请政府信息公开",
    "confirmation_request": "您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围",
}


@functools.cache
def _data(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.json", encoding="utf-8") as handle:
        return {k: v for k, v in json.load(handle).items() if not k.startswith("_")}


def reason_basis(reason: str | None) -> str:
    """The article of the regulation a reason rests on (data: ``data/legal_basis.json``)."""
    return _data("legal_basis").get(reason or "", "")


def legal_basis(template: LetterTemplate, reason: str | None = None, override: str | None = None) -> str:
    """What the letter cites: the drafter's own text if given, else the reason's article and the
    template's article of the seed (Art. 16)."""
    if override:
        return override
    return "；".join(part for part in (reason_basis(reason), template.legal_basis) if part)


def remedy_text() -> str:
    """Art. 21: the reconsideration body and the court, with their time limits (data, or the
    setting ``ZWGK_REMEDY`` with the same keys)."""
    remedy = {**_data("remedy"), **getattr(settings, "ZWGK_REMEDY", {})}
    return (
        f"如对本答复不服，可以自收到本答复之日起{remedy['reconsideration_days']}日内"
        f"向{remedy['reconsideration_body']}申请行政复议，"
        f"或者自收到本答复之日起{remedy['litigation_months']}个月内向{remedy['court']}提起行政诉讼。"
    )


def other_body_text(other_body: dict[str, str] | None) -> str:
    """Art. 16 (四): the body that holds the information and how to reach it."""
    if not other_body:
        return ""
    return f"该政府信息由{other_body['name']}负责公开，您可以向其提出申请，联系方式：{other_body['contact']}。"


def _cn_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def placeholders(application: Application, **extra: Any) -> dict[str, str]:
    """Everything a template may use; unknown placeholders are left empty."""
    site = current_site()
    outcome = extra.pop("outcome", application.outcome or application.draft_outcome)
    reason = extra.pop("reason", application.reason or application.draft_reason)
    other_body = extra.pop("other_body", application.other_body or application.draft_other_body)
    approver = application.extension_approved_by
    values: dict[str, str] = {
        "office": site.department_name,
        "number": application.number,
        "applicant": application.organization if application.applicant_type == "legal_person"
        and application.organization else application.name,
        "received_on": _cn_date(application.received_on),
        "description": application.description,
        "due_on": _cn_date(application.due_on),
        "outcome_text": OUTCOME_TEXT.get(outcome, dict(OUTCOMES).get(outcome, "")),
        "reason_text": dict(NOT_DISCLOSED_REASONS).get(reason, ""),
        "other_body_text": other_body_text(other_body),
        "lead": application.lead_department.name if application.lead_department else "",
        "assisting": "、".join(d.name for d in application.assisting_departments.all()) or "无",
        "extended_days": str(application.extended_days or ""),
        "extension_reason": application.extension_reason,
        "approver": approver.display_name if approver else "",
        "items": "\n".join(f"　　{i}. {item}" for i, item in enumerate(application.supplement_items or [], 1)),
        "content": "",
    }
    for key, value in extra.items():
        values[key] = _cn_date(value) if isinstance(value, date) else str(value or "")
    if values["content"]:
        values["content"] = "\n".join(f"　　{line.strip()}" for line in values["content"].splitlines() if line.strip())
    return values


def fill(template: LetterTemplate, values: dict[str, str]) -> str:
    return template.body.format_map(defaultdict(str, values))


def build(application: Application, code: str, on: date, *, public: bool = True, basis: str | None = None,
          **extra: Any) -> Letter:
    """The letter ``code`` as it will be sent, unsaved (the reviewers' preview uses it as is).
    ``basis``: the legal basis an answer was drafted and signed off with (else the template's)."""
    template = LetterTemplate.objects.get(pk=code)
    return Letter(
        application=application, template=template, name=template.name, title=template.title,
        body=fill(template, placeholders(application, **extra)), issued_on=on, public=public,
        legal_basis=basis or template.legal_basis, remedy=remedy_text() if template.remedy else "",
    )


def issue(application: Application, code: str, on: date, *, public: bool = True, basis: str | None = None,
          **extra: Any) -> Letter:
    """Make the letter ``code`` for ``application`` (called inside the acting service's transaction)."""
    letter = build(application, code, on, public=public, basis=basis, **extra)
    letter.save()
    return letter


def _parts(letter: Letter) -> dict[str, Any]:
    site = current_site()
    return {
        "office": site.department_name,
        "title": f"{site.department_name}{letter.title}",
        "number": f"（{letter.application.number}）",
        "paragraphs": [line for line in letter.body.splitlines() if line.strip()],
        "basis": f"依据：{letter.legal_basis}" if letter.legal_basis else "",
        "remedy": letter.remedy,
        "signature": site.department_name,
        "date": _cn_date(letter.issued_on),
        "contact": "　".join(
            x for x in (f"联系电话：{site.phone}" if site.phone else "",
                        f"地址：{site.address}" if site.address else "") if x
        ),
    }


def render_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    parts = _parts(letter)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(parts["title"])
    run.bold = True
    run.font.size = Pt(20)
    number = document.add_paragraph(parts["number"])
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in parts["paragraphs"]:
        document.add_paragraph(line)
    for key in ("basis", "remedy"):
        if parts[key]:
            document.add_paragraph(f"　　{parts[key]}")
    for key in ("signature", "date"):
        paragraph = document.add_paragraph(parts[key])
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if parts["contact"]:
        document.add_paragraph(parts["contact"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


FONT = "zwgk-letter"


def font_file() -> tuple[str, int]:
    """The TrueType font embedded in every PDF letter, so that Chinese renders the same in any
    viewer, with or without Chinese fonts installed: WenQuanYi Micro Hei from its PyPI package by
    default, or an office's own TrueType file (say, a 仿宋 font) named by ZWGK_LETTER_FONT
    (``path`` or ``path#index`` for one face of a .ttc collection)."""
    from django.conf import settings

    configured = getattr(settings, "ZWGK_LETTER_FONT", "")
    if configured:
        path, _, index = configured.partition("#")
        return path, int(index or 0)
    from importlib.resources import files

    return str(files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"), 0


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        path, index = font_file()
        pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=index))


def render_pdf(letter: Letter) -> bytes:
    """A4 PDF with its Chinese font embedded (the used glyphs only), readable in any PDF viewer."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _register_font()
    parts = _parts(letter)
    body = ParagraphStyle("body", fontName=FONT, fontSize=14, leading=24, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    story: list[Any] = [Paragraph(escape(parts["title"]), title), Paragraph(escape(parts["number"]), center),
                        Spacer(1, 6 * mm)]

    def indented(line: str) -> Paragraph:
        """Leading ideographic spaces are the letter's paragraph indent; reportlab would drop them."""
        text = line.lstrip("　")
        spaces = len(line) - len(text)
        style = ParagraphStyle(f"indent{spaces}", parent=body, firstLineIndent=spaces * body.fontSize)
        return Paragraph(escape(text), style)

    story += [indented(line) for line in parts["paragraphs"]]
    for key in ("basis", "remedy"):
        if parts[key]:
            story.append(indented(f"　　{parts[key]}"))
    story += [Spacer(1, 10 * mm), Paragraph(escape(parts["signature"]), right), Paragraph(escape(parts["date"]), right)]
    if parts["contact"]:
        story += [Spacer(1, 6 * mm), Paragraph(escape(parts["contact"]), body)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                            bottomMargin=35 * mm, title=parts["title"], author=parts["office"])
    doc.build(story)
    return out.getvalue()
