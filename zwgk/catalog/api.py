"""API of the disclosure catalog (API.md "Disclosure catalog"): public reads, staff publishing."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import File, Router, Schema
from ninja.files import UploadedFile
from pydantic import ValidationError

from zwgk.api.errors import validation_fields
from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.catalog import selectors, services
from zwgk.catalog.models import Category, Entry, Section
from zwgk.core.errors import Forbidden, InvalidInput, NotFound
from zwgk.org.permissions import can, get_for, require

router = Router(tags=["信息公开目录"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class ItemOut(Schema):
    index_number: str | None
    title: str
    publisher: str
    published_on: date | None
    disclosure_mode: str
    disclosure_mode_label: str
    category: str
    section: str
    url: str


class AttachmentOut(Schema):
    name: str
    url: str
    content_type: str
    size: int


class ItemDetailOut(ItemOut):
    body: str
    attachments: list[AttachmentOut]
    document_number: str
    validity: str
    validity_label: str
    status: str
    repost_source: str | None = None
    repost_at: datetime | None = None
    repost_url: str | None = None


class ListOut(Schema):
    count: int
    count_capped: bool = False  # true: more than ``count`` match (counting stops there, for speed)
    results: list[ItemOut]
    next: str | None = None


class SectionOut(Schema):
    code: str
    name: str
    department: str
    department_name: str
    channel: str


class CategoryOut(Schema):
    code: str
    name: str


def _item(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    return {
        "index_number": entry.index_number,
        "title": entry.title,
        "publisher": entry.publisher,
        "published_on": entry.published_on,
        "disclosure_mode": entry.disclosure_mode,
        "disclosure_mode_label": entry.get_disclosure_mode_display(),
        "category": entry.category.code,
        "section": entry.section.code,
        "url": request.build_absolute_uri(entry.get_absolute_url()),
    }


@router.get("", response={200: ListOut, 422: ErrorOut})
def catalog_list(request: HttpRequest, q: str = "", category: str = "", section: str = "", year: int | None = None,
                 publisher: str = "", page: int = 1, after: str = ""):
    """Published entries, newest first, or ranked by ``q`` (Chinese words and "phrases" over title
    and body). Filters combine. ``after`` (the ``next`` of a page) pages by keyset; ``page`` also
    works (search results are bounded to 50 pages)."""
    if page < 1:
        raise InvalidInput("page 应为正整数。", fields={"page": "数值过小"})
    params = {"q": q, "category": category, "section": section, "year": year, "publisher": publisher}
    filters = selectors.parse_filters(params)
    if filters.q:
        result = selectors.run_search(filters, page=page)
        nxt = str(page + 1) if result.has_next else None
    elif after or page == 1:
        result = selectors.browse(filters, after=after or None)
        nxt = result.next_cursor
    else:
        # a page number without a cursor: walk the keyset from the top (bounded like search)
        if page > selectors.MAX_SEARCH_PAGES:
            raise InvalidInput(f"page 不超过{selectors.MAX_SEARCH_PAGES}，更多请用 after 翻页。",
                               fields={"page": "数值过大"})
        cursor = None
        for _ in range(page - 1):
            step = selectors.browse(filters, after=cursor)
            cursor = step.next_cursor
            if cursor is None:
                break
        if cursor:
            result = selectors.browse(filters, after=cursor)
        else:
            total, capped = selectors.counted(filters)
            result = selectors.Page([], total, capped=capped)
        nxt = result.next_cursor
    return {"count": result.count, "count_capped": result.capped,
            "results": [_item(request, e) for e in result.entries], "next": nxt}


@router.get("/item", response={200: ItemDetailOut, 404: ErrorOut})
def catalog_item(request: HttpRequest, index_number: str):
    """One entry by its index number, with its body (HTML) and attachments."""
    entry = selectors.entry_by_index_number(index_number, request.user)
    if entry is None or (entry.status != Entry.PUBLISHED and not can(request.user, "catalog.view", entry)):
        raise NotFound("未找到该索引号的信息。")
    data = _item(request, entry)
    data.update(
        body=entry.public_body,
        attachments=[{"name": a.name, "url": request.build_absolute_uri(a.file.url), "content_type": a.content_type,
                      "size": a.size} for a in entry.attachments.all()],
        document_number=entry.document_number, validity=entry.validity,
        validity_label=entry.get_validity_display(), status=entry.status,
        repost_source=entry.repost_source or None, repost_at=entry.repost_at, repost_url=entry.repost_url or None,
    )
    return data


@router.get("/sections", response=list[SectionOut])
def catalog_sections(request: HttpRequest):
    """The portal's sections and the department keeping each (Art. 25)."""
    return [
        {"code": s.code, "name": s.name, "department": s.department.code, "department_name": s.department.name,
         "channel": s.channel}
        for s in Section.objects.select_related("department")
    ]


@router.get("/categories", response=list[CategoryOut])
def catalog_categories(request: HttpRequest):
    """The 22 items of Art. 8."""
    return [{"code": c.code, "name": c.name} for c in Category.objects.all()]


# -- publishing (staff) ---------------------------------------------------------------------------------


class DraftIn(StrictSchema):
    title: str
    section: str
    category: str
    body: str = ""
    disclosure_attribute: Literal["public", "redacted", "not_public"]
    document_number: str | None = None
    redacted_body: str | None = None
    disclosure_mode: Literal["proactive", "on_application"] = "proactive"
    publisher: str | None = None
    validity: Literal["valid", "amended", "repealed"] = "valid"
    repost_source: str | None = None
    repost_url: str | None = None
    repost_at: datetime | None = None


class ScanOut(Schema):
    kind: str
    excerpt: str
    where: str = ""


class LedgerOut(Schema):
    item: str
    stage: str
    reviewer: str
    department: str
    date: date
    opinion: str
    secret: bool
    decision: str
    higher_office: str


class DraftOut(Schema):
    id: int
    status: str
    status_label: str
    title: str
    section: str
    category: str
    department: str
    publisher: str
    disclosure_attribute: str
    disclosure_mode: str
    document_number: str
    body: str
    redacted_body: str
    due_on: date | None
    scheduled_for: datetime | None
    index_number: str | None
    published_on: date | None
    scan: list[ScanOut]
    ledger: list[LedgerOut]
    attachments: list[AttachmentOut]
    allowed_actions: list[str]
    withdrawn_reason: str
    replaced_by: int | None


def _draft_out(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    ledger = [
        {"item": r.item, "stage": r.stage, "reviewer": r.reviewer_name, "department": r.department_name,
         "date": r.reviewed_on, "opinion": r.opinion, "secret": r.secret, "decision": r.decision,
         "higher_office": r.higher_office}
        for r in entry.ledger.all()
    ]
    allowed = [a for a in ("submit", "review", "publish", "withdraw") if _action_allowed(request.user, entry, a)]
    return {
        "id": entry.pk, "status": entry.status, "status_label": entry.get_status_display(), "title": entry.title,
        "section": entry.section.code, "category": entry.category.code, "department": entry.department.code,
        "publisher": entry.publisher, "disclosure_attribute": entry.disclosure_attribute,
        "disclosure_mode": entry.disclosure_mode, "document_number": entry.document_number, "body": entry.body,
        "redacted_body": entry.redacted_body, "due_on": entry.due_on, "scheduled_for": entry.scheduled_for,
        "index_number": entry.index_number, "published_on": entry.published_on,
        "scan": [{"kind": f["kind"], "excerpt": f["excerpt"], "where": f.get("where", "")}
                 for f in entry.scan_findings],
        "ledger": ledger,
        "attachments": [{"name": a.name, "url": request.build_absolute_uri(a.file.url), "content_type": a.content_type,
                         "size": a.size} for a in entry.attachments.all()],
        "allowed_actions": allowed,
        "withdrawn_reason": entry.withdrawn_reason,
        "replaced_by": entry.replaced_by_id,
    }


def _action_allowed(user: Any, entry: Entry, action: str) -> bool:
    rules = {"submit": "catalog.submit", "review": "catalog.review", "publish": "catalog.publish",
             "withdraw": "catalog.withdraw"}
    states = {"submit": {Entry.DRAFT}, "review": {Entry.IN_REVIEW, Entry.SECRECY_REVIEW},
              "publish": {Entry.APPROVED}, "withdraw": {Entry.PUBLISHED}}
    return entry.status in states[action] and can(user, rules[action], entry)


def _draft(request: HttpRequest, draft_id: int) -> Entry:
    return get_for(request.user, Entry.objects.select_related("section", "category", "department"),
                   "catalog.view", pk=draft_id)


@router.post("/drafts", response={201: DraftOut, **ERRORS})
def create_draft(request: HttpRequest, payload: DraftIn):
    """A handler drafts an entry for a section of their own department."""
    require(request.user, "catalog.draft")
    section = Section.objects.select_related("department").filter(code=payload.section).first()
    category = Category.objects.filter(code=payload.category).first()
    errors = {}
    if section is None:
        errors["section"] = "没有这个栏目"
    if category is None:
        errors["category"] = "没有这个类别"
    if errors:
        raise InvalidInput("栏目或类别有误。", fields=errors)
    if not can(request.user, "catalog.draft", section):
        raise Forbidden("只能为本部门维护的栏目起草信息（第二十五条）。", fields={"section": "栏目不属于本部门"})
    entry = services.do_create_draft(request.user, services.DraftData(
        title=payload.title, section=section, category=category, body=payload.body,
        disclosure_attribute=payload.disclosure_attribute, document_number=payload.document_number or "",
        redacted_body=payload.redacted_body or "", disclosure_mode=payload.disclosure_mode,
        publisher=payload.publisher or "", validity=payload.validity, repost_source=payload.repost_source or "",
        repost_url=payload.repost_url or "", repost_at=payload.repost_at,
    ))
    return 201, _draft_out(request, entry)


@router.get("/drafts/{draft_id}", response={200: DraftOut, **ERRORS})
def get_draft(request: HttpRequest, draft_id: int):
    """The draft with its status, publication deadline, scan findings and review ledger."""
    return _draft_out(request, _draft(request, draft_id))


@router.post("/drafts/{draft_id}/attachments", response={201: DraftOut, **ERRORS})
def add_attachment(request: HttpRequest, draft_id: int, file: File[UploadedFile]):
    """Attach a PDF, DOCX, XLSX or image to a draft (checked by content and size)."""
    entry = _draft(request, draft_id)
    services.do_add_attachment(request.user, entry, file.name or "附件", file.read())
    return 201, _draft_out(request, _draft(request, draft_id))


class SubmitIn(StrictSchema):
    pass


class ReviewIn(StrictSchema):
    decision: Literal["approve", "return", "refer_secrecy"]
    secret: bool = False
    opinion: str = ""
    higher_office: str = ""


class PublishIn(StrictSchema):
    override_reason: str | None = None
    scheduled_for: datetime | None = None


class WithdrawIn(StrictSchema):
    reason: str
    replace: bool = False


ACTIONS = {"submit": SubmitIn, "review": ReviewIn, "publish": PublishIn, "withdraw": WithdrawIn}


@router.post("/drafts/{draft_id}/actions/{action}", response={200: DraftOut, **ERRORS})
def draft_action(request: HttpRequest, draft_id: int, action: str):
    """``submit`` (handler), ``review`` (department head; secrecy office when referred),
    ``publish`` (handler or head), ``withdraw`` (head)."""
    if action not in ACTIONS:
        raise NotFound(f"没有“{action}”这个操作。")
    entry = _draft(request, draft_id)
    try:
        raw = json.loads(request.body or b"{}")
        payload = ACTIONS[action].model_validate(raw if raw is not None else {})
    except json.JSONDecodeError:
        raise InvalidInput("请求内容不是有效的 JSON。", fields={"body": "不是有效的 JSON"}) from None
    except ValidationError as exc:
        fields = validation_fields(exc.errors())
        raise InvalidInput("提交的数据有误（" + "；".join(f"{k}：{v}" for k, v in fields.items()) + "）。",
                           fields=fields) from None
    if action == "submit":
        services.do_submit(request.user, entry)
    elif action == "review":
        services.do_review(request.user, entry, payload.decision, secret=payload.secret, opinion=payload.opinion,
                           higher_office=payload.higher_office)
    elif action == "publish":
        services.do_publish(request.user, entry, override_reason=payload.override_reason or "",
                            at=payload.scheduled_for)
    else:
        services.do_withdraw(request.user, entry, payload.reason, replace=payload.replace)
    entry = Entry.objects.select_related("section", "category", "department").get(pk=entry.pk)
    return _draft_out(request, entry)


ROUTERS = [("/catalog", router)]
