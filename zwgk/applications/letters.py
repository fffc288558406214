"""Letters on applications (Art. 15, 16, 18, 20; annex 3): filled from templates kept as data, and
rendered as DOCX (what the office edits) and PDF (what is sent), with the office's name, the
application's number, the legal basis and, for answers, the right to reconsideration and
litigation (Art. 21)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from zwgk.applications.models import (
    NOT_DISCLOSED_REASONS,
    OUTCOMES,
    Application,
    Letter,
    LetterTemplate,
)
from zwgk.core import documents
from zwgk.core.numbering import next_number
from zwgk.portal.models import current_site

REMEDY = (
    "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
    "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。"
)

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


def _cn_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def placeholders(application: Application, **extra: Any) -> dict[str, str]:
    """Everything a template may use; unknown placeholders are left empty."""
    site = current_site()
    outcome = extra.pop("outcome", application.outcome or application.draft_outcome)
    reason = extra.pop("reason", application.reason or application.draft_reason)
    values: dict[str, str] = {
        "office": site.department_name,
        "number": application.number,
        "applicant": application.organization if application.applicant_type == "legal_person"
        and application.organization else application.name,
        "received_on": _cn_date(application.received_on),
        "description": application.description.strip().rstrip("。．."),
        "you": "贵单位" if application.applicant_type == "legal_person" else "您",
        "due_on": _cn_date(application.due_on),
        "outcome_text": OUTCOME_TEXT.get(outcome, dict(OUTCOMES).get(outcome, "")),
        "reason_text": dict(NOT_DISCLOSED_REASONS).get(reason, ""),
        "lead": application.lead_department.name if application.lead_department else "",
        "assisting": "、".join(d.name for d in application.assisting_departments.all()) or "无",
        "extended_days": str(application.extended_days or ""),
        "extension_reason": application.extension_reason,
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


def issue(application: Application, code: str, on: date, *, public: bool = True, **extra: Any) -> Letter:
    """Make the letter ``code`` for ``application`` (called inside the acting service's transaction)."""
    template = LetterTemplate.objects.get(pk=code)
    body = fill(template, placeholders(application, **extra))
    number = next_number(template.number_kind, on.year) if template.number_kind else ""
    return Letter.objects.create(
        application=application, template=template, name=template.name, title=template.title, body=body,
        issued_on=on, public=public, document_number=number,
    )


def _transfer_form(letter: Letter) -> list[tuple[str, str]]:
    """The 转办单 as the form of annex 3: what the clerk typed is the 办理要求."""
    application = letter.application
    slip = application.transfers.filter(transferred_on__lte=letter.issued_on).order_by("-transferred_on", "-id").first()
    assisting = "、".join(d.name for d in slip.assisting.all()) if slip else ""
    return [
        ("申请编号", application.number),
        ("收到日期", _cn_date(application.received_on)),
        ("申请人", application.organization or application.name),
        ("申请内容", application.description),
        ("承办部门", f"主办：{slip.lead.name if slip else ''}" + (f"；协办：{assisting}" if assisting else "")),
        ("办理要求", (slip.note if slip and slip.note else "按规定程序审核审签后答复申请人。")),
        ("答复期限", _cn_date(application.due_on)),
        ("转办人", f"{slip.by.display_name if slip else ''}　　{_cn_date(slip.transferred_on) if slip else ''}"),
        ("承办部门签收", "签收人：　　　　签收日期：　年　月　日"),
    ]


def document(letter: Letter) -> documents.OfficialDocument:
    """The letter as an official document (GB/T 9704): addressee, body, legal basis, remedy,
    issuer and date; the 转办单 as its form."""
    site = current_site()
    template = letter.template
    lines = [line for line in letter.body.splitlines() if line.strip()]
    addressee = lines.pop(0) if lines and lines[0].rstrip().endswith("：") else ""
    paragraphs = [line if line.startswith("　") else f"　　{line}" for line in lines]
    if template.legal_basis:
        paragraphs.append(f"　　依据：{template.legal_basis}")
    if template.remedy:
        paragraphs.append(f"　　{REMEDY}")
    return documents.OfficialDocument(
        issuer=site.department_name,
        title=f"{site.department_name}{letter.title}",
        document_number=letter.document_number,
        addressee=addressee,
        paragraphs=[] if template.code == "transfer_slip" else paragraphs,
        table=_transfer_form(letter) if template.code == "transfer_slip" else [],
        signature=site.department_name,
        date=_cn_date(letter.issued_on),
        contact="　".join(x for x in (f"联系电话：{site.phone}" if site.phone else "",
                                     f"地址：{site.address}" if site.address else "") if x),
    )


def render_docx(letter: Letter) -> bytes:
    return documents.render_docx(document(letter))


def render_pdf(letter: Letter) -> bytes:
    """A4 PDF with its Chinese font embedded (the used glyphs only), readable in any PDF viewer."""
    return documents.render_pdf(document(letter))
