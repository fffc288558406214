"""API of the disclosure catalog (API.md "Disclosure catalog"): public reads, staff publishing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from zwgk.api.schemas import ErrorOut
from zwgk.catalog import selectors, services
from zwgk.catalog.models import (
    Attachment,
    Category,
    DisclosureAttribute,
    DisclosureMode,
    Entry,
    EntryStatus,
    Section,
    Validity,
)
from zwgk.core.actions import parse_json_object
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.org.permissions import get_for

router = Router(tags=["信息公开目录"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class ItemOut(Schema):
    index_number: str | None
    title: str
    publisher: str
    published_on: date | None
    disclosure_mode: DisclosureMode
    disclosure_mode_label: str
    category: str
    section: str
    url: str


class AttachmentOut(Schema):
    id: int
    name: str
    url: str  # an address that serves the file to whoever may have it (the public one when published)
    content_type: str
    size: int
    redacted_of: int | None = None  # 此件删减后公开: the original this file is the redacted version of


class ItemDetailOut(ItemOut):
    body: str
    attachments: list[AttachmentOut]
    document_number: str
    validity: Validity
    validity_label: str
    status: EntryStatus
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
    entry = selectors.entry_by_index_number(index_number)
    if entry is None or entry.status != Entry.PUBLISHED:
        raise NotFound("未找到该索引号的信息。")
    data = _item(request, entry)
    data.update(
        body=entry.public_body,
        attachments=[_attachment(request, a, "catalog:attachment") for a in selectors.public_attachments(entry)],
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


def _attachment(request: HttpRequest, attachment: Attachment, route: str) -> dict[str, Any]:
    return {"id": attachment.pk, "name": attachment.name, "content_type": attachment.content_type,
            "size": attachment.size, "redacted_of": attachment.redacted_of_id,
            "url": request.build_absolute_uri(reverse(route, args=[attachment.pk]))}


# -- publishing (staff) ---------------------------------------------------------------------------------


class ScanOut(Schema):
    id: str  # what ``publish``'s ``accepted_findings`` names
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
    status: EntryStatus
    status_label: str
    title: str
    section: str
    category: str
    department: str
    publisher: str
    disclosure_attribute: DisclosureAttribute
    disclosure_mode: DisclosureMode
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
    allowed = [a for a in services.allowed_actions(entry, request.user) if a in API_ACTIONS]
    return {
        "id": entry.pk, "status": entry.status, "status_label": entry.get_status_display(), "title": entry.title,
        "section": entry.section.code, "category": entry.category.code, "department": entry.department.code,
        "publisher": entry.publisher, "disclosure_attribute": entry.disclosure_attribute,
        "disclosure_mode": entry.disclosure_mode, "document_number": entry.document_number, "body": entry.body,
        "redacted_body": entry.redacted_body, "due_on": entry.due_on, "scheduled_for": entry.scheduled_for,
        "index_number": entry.index_number, "published_on": entry.published_on,
        "scan": [{"id": services.finding_id(f), "kind": f["kind"], "excerpt": f["excerpt"],
                  "where": f.get("where", "")} for f in entry.scan_findings],
        "ledger": ledger,
        "attachments": [_attachment(request, a, "catalog_wb:attachment") for a in entry.attachments.all()],
        "allowed_actions": allowed,
        "withdrawn_reason": entry.withdrawn_reason,
        "replaced_by": entry.replaced_by_id,
    }


def _draft(request: HttpRequest, draft_id: int) -> Entry:
    return get_for(request.user, Entry.objects.select_related("section", "category", "department"),
                   "catalog.view", pk=draft_id)


@router.post("/drafts", response={201: DraftOut, **ERRORS})
def create_draft(request: HttpRequest, payload: services.DraftBody):
    """A handler drafts an entry for a section of their own department."""
    entry = services.do_create_draft(actor=request.user, **payload.model_dump(exclude_unset=True))
    return 201, _draft_out(request, entry)


@router.get("/drafts/{draft_id}", response={200: DraftOut, **ERRORS})
def get_draft(request: HttpRequest, draft_id: int):
    """The draft with its status, publication deadline, scan findings and review ledger."""
    return _draft_out(request, _draft(request, draft_id))


@router.post("/drafts/{draft_id}/attachments", response={201: DraftOut, **ERRORS})
def add_attachment(request: HttpRequest, draft_id: int, file: File[UploadedFile],
                   redacted_of: Form[int | None] = None):
    """Attach a PDF, DOCX, XLSX or image to a draft (checked by content and size). For 此件删减后公开,
    ``redacted_of`` (a form field) names the original attachment this file is the redacted version of."""
    entry = _draft(request, draft_id)
    services.ACTIONS.perform(entry, "attach", actor=request.user,
                             body={"name": file.name or "附件", "data": file.read(), "redacted_of": redacted_of})
    return 201, _draft_out(request, _draft(request, draft_id))


# The actions of the table that the API offers at ``/actions/{action}`` (drafting and attachments
# have their own endpoints); ``review``'s decision names the state reached.
API_ACTIONS = ("submit", "review", "publish", "withdraw", "set_validity")


@router.post("/drafts/{draft_id}/actions/{action}", response={200: DraftOut, **ERRORS})
def draft_action(request: HttpRequest, draft_id: int, action: str):
    """``submit`` (handler), ``review`` (department head; secrecy office when referred),
    ``publish`` (handler or head; over the scan's findings only the secrecy office or the office
    head, naming each finding in ``accepted_findings``), ``withdraw`` (head), ``set_validity`` (head).
    The bodies are the services' schemas (``services.SubmitBody``, ``ReviewBody``, ``PublishBody``,
    ``WithdrawBody``, ``ValidityBody``)."""
    if action not in API_ACTIONS:
        raise NotFound(f"没有“{action}”这个操作。")
    entry = _draft(request, draft_id)
    services.ACTIONS.perform(entry, action, actor=request.user, body=parse_json_object(request.body))
    return _draft_out(request, _draft(request, draft_id))


class ExternalLinkOut(Schema):
    id: int
    host: str
    url: str
    status: str
    status_label: str
    entry: int | None
    requested_at: datetime
    consulted_by: str | None
    consulted_at: datetime | None
    consult_opinion: str
    approved_by: str | None
    approved_at: datetime | None
    approve_opinion: str
    allowed_actions: list[str]


def _link_out(request: HttpRequest, link: Any) -> dict[str, Any]:
    from zwgk.catalog import external_links

    return {
        "id": link.pk, "host": link.host, "url": link.url, "status": link.status,
        "status_label": link.get_status_display(), "entry": link.entry_id, "requested_at": link.requested_at,
        "consulted_by": link.consulted_by.display_name if link.consulted_by else None,
        "consulted_at": link.consulted_at, "consult_opinion": link.consult_opinion,
        "approved_by": link.approved_by.display_name if link.approved_by else None,
        "approved_at": link.approved_at, "approve_opinion": link.approve_opinion,
        "allowed_actions": external_links.allowed_actions(link, request.user),
    }


@router.get("/external-links", response={200: list[ExternalLinkOut], **ERRORS})
def list_external_links(request: HttpRequest):
    """The register of links to sites outside party and government domains (Art. 40)."""
    from zwgk.catalog.models import ExternalLink
    from zwgk.org.permissions import require

    require(request.user, "catalog.view_links")
    links = ExternalLink.objects.select_related("consulted_by", "approved_by")[:1000]
    return [_link_out(request, link) for link in links]


@router.post("/external-links/{link_id}/actions/{action}", response={200: ExternalLinkOut, **ERRORS})
def external_link_action(request: HttpRequest, link_id: int, action: str):
    """``consult_link`` (head of 网安总队 or 科信局), then ``approve_link`` (the supervising leader);
    ``refuse_link`` by whoever holds the step, with ``opinion``. Body: ``{"opinion": "..."}``."""
    from zwgk.catalog import external_links
    from zwgk.catalog.models import ExternalLink
    from zwgk.org.permissions import require

    require(request.user, "catalog.view_links")
    link = ExternalLink.objects.filter(pk=link_id).first()
    if link is None or action not in external_links.ACTIONS:
        raise NotFound("没有这个外部链接或操作。")
    link = external_links.ACTIONS.perform(link, action, actor=request.user, body=parse_json_object(request.body))
    return _link_out(request, link)


ROUTERS = [("/catalog", router)]
