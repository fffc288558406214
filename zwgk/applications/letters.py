"""Letters on applications (Art. 15, 16, 18, 20; annex 3): filled from templates kept as data, and
rendered as DOCX (what the office edits) and PDF (what is sent), with the office's name, the
application's number, the legal basis and, for answers, the right to reconsideration and
litigation (Art. 21)."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpResponse

from zwgk.applications.models import (
    NOT_DISCLOSED_REASONS,
    OUTCOMES,
    Application,
    Letter,
    LetterTemplate,
)
from zwgk.core import documents
from zwgk.core.models import current_site
from zwgk.core.numbering import next_number

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
        "description": application.description.strip().rstrip("。．."),
        "you": "贵单位" if application.applicant_type == "legal_person" else "您",
        "due_on": _cn_date(application.due_on),
        "outcome_text": OUTCOME_TEXT.get(outcome, dict(OUTCOMES).get(outcome, "")),
        "reason_text": dict(NOT_DISCLOSED_REASONS).get(reason, ""),
        "other_body_text": other_body_text(other_body),
        "lead": application.lead_department.name if application.lead_department else "",
        "assisting": "、".join(d.name for d in application.assisting_departments.all()) or "无",
        "extended_days": str(application.extended_days or ""),
        "extension_reason": application.extension_reason,
        "approver": approver.display_name if approver else "",
        "supplement_requested_on": _cn_date(application.supplement_requested_on),
        "supplement_due_on": _cn_date(application.supplement_due_on),
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
    ``basis``: the legal basis an answer was drafted and signed off with (else the template's);
    ``attachments``: the names of the disclosed files it lists as 附件 (GB/T 9704 7.3.4)."""
    template = LetterTemplate.objects.get(pk=code)
    attachments = list(extra.pop("attachments", None) or [])
    return Letter(
        application=application, template=template, name=template.name, title=template.title,
        body=fill(template, placeholders(application, **extra)), issued_on=on, public=public,
        legal_basis=basis or template.legal_basis, remedy=remedy_text() if template.remedy else "",
        attachment_names=attachments,
    )


def issue(application: Application, code: str, on: date, *, public: bool = True, basis: str | None = None,
          **extra: Any) -> Letter:
    """Make the letter ``code`` for ``application`` (called inside the acting service's transaction)."""
    letter = build(application, code, on, public=public, basis=basis, **extra)
    if letter.template.number_kind:  # a 发文字号 only for a letter actually issued, never a preview
        letter.document_number = next_number(letter.template.number_kind, on.year)
    letter.save()
    return letter


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
    if letter.legal_basis:
        paragraphs.append(f"　　依据：{letter.legal_basis}")
    if letter.remedy:
        paragraphs.append(f"　　{letter.remedy}")
    return documents.OfficialDocument(
        issuer=site.department_name,
        title=f"{site.department_name}{letter.title}",
        document_number=letter.document_number,
        addressee=addressee,
        paragraphs=[] if template.code == "transfer_slip" else paragraphs,
        table=_transfer_form(letter) if template.code == "transfer_slip" else [],
        attachments=list(letter.attachment_names or []),
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


def download(letter: Letter, kind: str) -> HttpResponse:
    """The letter as a download: ``pdf`` (what is sent) or ``docx`` (what the office edits)."""
    if kind == "pdf":
        content, content_type = render_pdf(letter), "application/pdf"
    else:
        content = render_docx(letter)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{letter.application.number}-{letter.pk}.{kind}"'
    return response
