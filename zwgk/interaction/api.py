"""API of citizen messages (API.md "Citizen messages") and new-media items (Ch. 6).

Thin: parse, call a service, serialize. Nothing unmasked leaves here for anyone but staff and the
sender (with the query code).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.core import case_lists, limits
from zwgk.core.actions import parse_json_object
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.events.services import event_label
from zwgk.interaction import masking, selectors, services
from zwgk.interaction.models import Message, MessageRating, PlatformAccount
from zwgk.interaction.schemas import ChannelValue, ComplexityValue, Kind, MessageListQuery, RatingIn, Status
from zwgk.org.permissions import is_staff_member, require

router = Router(tags=["网民信息"])
newmedia_router = Router(tags=["政务新媒体"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}

class MessageIn(StrictSchema):
    kind: Kind
    title: str
    body: str
    name: str
    phone: str
    id_number: str | None = None
    email: str | None = None
    public: bool = True


class ReceiptOut(Schema):
    number: str
    query_code: str
    status: Status
    received_on: date
    due_on: date | None
    department: str | None
    emergency: bool


class EventOut(Schema):
    at: datetime
    action: str
    label: str
    by: str
    note: str


class HistoryOut(Schema):
    number: str
    kind: Kind
    kind_label: str
    title: str
    status: Status
    received_on: date


class ExplanationOut(Schema):
    at: datetime
    content: str


class MaskedOut(Schema):
    title: str
    body: str
    reply: str


class ReclassificationOut(Schema):
    complexity: ComplexityValue
    reason: str
    by: str


class RatingOut(Schema):
    satisfaction: str
    satisfaction_label: str
    comment: str
    rated_at: datetime


class MessageOut(Schema):
    number: str
    channel: ChannelValue
    kind: Kind
    kind_label: str
    complexity: ComplexityValue
    triaged: bool
    status: Status
    status_label: str
    title: str
    body: str
    received_on: date
    due_on: date | None
    due_provisional: bool
    overdue: bool
    due_state: str
    department: str | None
    public: bool
    reply: str
    replied_at: datetime | None
    emergency: bool
    explanations: list[ExplanationOut]
    events: list[EventOut]
    # staff only
    name: str | None = None
    phone: str | None = None
    suggested_department: str | None = None
    suggestion_reason: str | None = None
    abusive: bool | None = None
    hostile: bool | None = None
    passed_on: bool | None = None
    collective_review_on: date | None = None
    draft_reply: str | None = None
    legal_opinion: str | None = None
    head_opinion: str | None = None
    needs_head_approval: bool | None = None
    reclassification: ReclassificationOut | None = None
    rating: RatingOut | None = None
    policy_profile: str | None = None
    sender_history: list[HistoryOut] | None = None
    allowed_actions: list[str] | None = None
    masked: MaskedOut | None = None


class PublicItemOut(Schema):
    number: str
    kind: Kind
    kind_label: str
    title: str
    body: str
    reply: str
    sender: str
    received_on: date
    replied_on: date | None
    department: str | None
    department_name: str | None


class PublicListOut(Schema):
    count: int
    page: int
    pages: int
    results: list[PublicItemOut]


def _dept(message: Message) -> str | None:
    return message.department.code if message.department else None


def _reclassification(message: Message) -> dict[str, Any] | None:
    if not message.reclassification_pending:
        return None
    by = message.reclassification_by
    return {"complexity": message.reclassification_complexity, "reason": message.reclassification_reason,
            "by": by.display_name if by else ""}


def message_data(message: Message, *, staff: Any = None) -> dict[str, Any]:
    """The message for staff (``staff`` given: everything, with the masked version beside it) or for
    the sender (their own text, the public events)."""
    events = selectors.all_events(message) if staff else selectors.citizen_events(message)
    data: dict[str, Any] = {
        "number": message.number, "channel": message.channel, "kind": message.kind, "kind_label": message.kind_label,
        "complexity": message.complexity, "triaged": message.triaged, "status": message.status,
        "status_label": message.get_status_display(), "title": message.title, "body": message.body,
        "received_on": message.received_on, "due_on": message.due_on, "due_provisional": message.due_provisional,
        "overdue": message.overdue, "due_state": getattr(message, "due", None) or message.due_state(),
        "department": _dept(message), "public": message.public_allowed,
        "reply": message.reply, "replied_at": message.replied_at, "emergency": message.emergency,
        "explanations": [{"at": e.at, "content": e.note} for e in events if e.action == "explain_delay"],
        "events": [{"at": e.at, "action": e.action, "label": event_label(e), "by": e.actor_label, "note": e.note}
                   for e in events],
        "rating": rating_data(message),
    }
    if staff is not None:
        masked = masking.public_text(message)
        data.update(
            name=message.name or message.author, phone=message.phone,
            suggested_department=message.suggested_department.code if message.suggested_department else None,
            suggestion_reason=message.suggestion_reason, abusive=message.abusive, hostile=message.hostile,
            passed_on=message.passed_on, collective_review_on=message.collective_review_on,
            draft_reply=message.draft_reply, legal_opinion=message.legal_opinion, head_opinion=message.head_opinion,
            needs_head_approval=message.needs_head_approval, policy_profile=message.policy_profile_id,
            reclassification=_reclassification(message),
            sender_history=[{"number": m.number, "kind": m.kind, "kind_label": m.kind_label, "title": m.title,
                             "status": m.status, "received_on": m.received_on}
                            for m in selectors.sender_history(message, staff)],
            allowed_actions=services.TABLE.allowed(message.status),
            masked={"title": masked.title, "body": masked.body, "reply": masked.reply},
        )
    return data


def rating_data(message: Message) -> dict[str, Any] | None:
    rating = MessageRating.objects.filter(message=message).first()
    if rating is None:
        return None
    return {"satisfaction": rating.satisfaction, "satisfaction_label": rating.get_satisfaction_display(),
            "comment": rating.comment, "rated_at": rating.rated_at}


def public_item(message: Message) -> dict[str, Any]:
    """One public message: every text masked (Art. 32)."""
    masked = masking.public_text(message)
    return {
        "number": message.number, "kind": message.kind, "kind_label": message.kind_label, "title": masked.title,
        "body": masked.body, "reply": masked.reply, "sender": masking.public_sender(message),
        "received_on": message.received_on,
        "replied_on": message.replied_at.date() if message.replied_at else None,
        "department": _dept(message), "department_name": message.department.name if message.department else None,
    }


@router.post("", response={201: ReceiptOut, **ERRORS})
def submit(request: HttpRequest, payload: MessageIn):
    """A citizen writes to the director's mailbox (Art. 28). Stored and numbered before the receipt
    is sent; ``due_on`` assumes a simple message until triage; ``department`` is the responsible
    department by the routing table (the office confirms it when routing)."""
    limits.check_submission(request)
    message, code = services.do_submit(
        kind=payload.kind, title=payload.title, body=payload.body, name=payload.name, phone=payload.phone,
        id_number=payload.id_number or "", email=payload.email or "", public=payload.public,
    )
    dept = message.department or message.suggested_department
    return 201, {"number": message.number, "query_code": code, "status": message.status,
                 "received_on": message.received_on, "due_on": message.due_on,
                 "department": dept.code if dept else None, "emergency": message.emergency}


@router.get("/public", response={200: PublicListOut, 422: ErrorOut})
def public_list(request: HttpRequest, page: int = 1):
    """Answered messages shown publicly (Art. 32), newest answer first, masked."""
    if page < 1:
        raise InvalidInput("page 应为正整数。", fields={"page": "数值过小"})
    result = selectors.public_page(page)
    current = result.number if page <= result.paginator.num_pages else page
    items = [public_item(m) for m in result.object_list] if current == result.number else []
    return {"count": result.paginator.count, "page": current, "pages": result.paginator.num_pages, "results": items}


@router.get("/public/{number}", response={200: PublicItemOut, 404: ErrorOut})
def public_detail(request: HttpRequest, number: str):
    return public_item(selectors.public_message(number))


@router.get("", response={200: list[MessageOut], **ERRORS})
def staff_queue(request: HttpRequest, response: HttpResponse, filters: Query[MessageListQuery]):
    """Staff: the messages one may see, searched and filtered (issue 13; README "Case lists"):
    ``q`` (number, name, phone, words of the title or text), ``status``, ``department``,
    ``channel``, ``kind``, ``received_from``/``received_to``, ``overdue``, ``due_within`` (working
    days), ``queue`` (one of one's own queues: ``routing``, ``mine``, ``legal``, ``emergency``,
    ``open``, ``done``…; else 404), ``sort`` (default: due date, overdue first) and ``page`` (50
    a page; headers ``X-Total-Count`` and ``X-Page-Count``). A bad value answers 422 naming the
    parameter."""
    require(request.user, "message.use")
    if filters.sort is None:
        filters.sort = "due"
    page = Paginator(selectors.search(request.user, filters), case_lists.PAGE_SIZE).get_page(filters.page)
    response["X-Total-Count"] = str(page.paginator.count)
    response["X-Page-Count"] = str(page.paginator.num_pages)
    return [message_data(m, staff=request.user) for m in selectors.with_due_state(list(page.object_list))]


@router.get("/{number}", response={200: MessageOut, **ERRORS})
def detail(request: HttpRequest, number: str, query_code: str = ""):
    """Staff within their rights, or the sender with ``query_code`` (a wrong code is a 404)."""
    if is_staff_member(request.user) and not query_code:
        return message_data(selectors.for_staff(request.user, number), staff=request.user)
    return message_data(limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, query_code)))


@router.post("/{number}/rating", response={201: MessageOut, **ERRORS})
def rate(request: HttpRequest, number: str, payload: RatingIn):
    """The sender rates the answer once, with ``query_code``: ``satisfaction`` 满意 (``satisfied``),
    基本满意 (``basically_satisfied``) or 不满意 (``dissatisfied``) and an optional ``comment``.
    Only an answered message (409 ``not_answered``), only once (409 ``already_rated``); a wrong
    code is a 404. The ratings feed the assessment's satisfaction indicator."""
    message = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, payload.query_code))
    services.do_rate(message, satisfaction=payload.satisfaction, comment=payload.comment)
    return 201, message_data(Message.objects.get(pk=message.pk))


@router.post("/{number}/actions/{action}", response={200: MessageOut, **ERRORS})
def act(request: HttpRequest, number: str, action: str):
    """Staff actions: ``triage`` {complexity, department?, kind?} (the office; recomputes due_on from
    receipt), ``route`` {department}, ``reply`` {content, legal_review?}, ``explain_delay``
    {content}; also ``request_reclassification`` {complexity, reason} (the department) and
    ``decide_reclassification`` {approve, note} (the office), ``head_approve`` / ``head_return``
    {opinion} (the department head, Art. 29), ``legal_review`` {decision, opinion, content?},
    ``collective_review`` {note}, ``mark_passed_on`` {source}, ``return_to_office`` {note}, ``mark``
    {abusive?, withheld?}, ``close`` {note}, ``acknowledge_alert`` {note}, ``add_mask`` {fragment |
    field+start+end}, ``remove_mask`` {mask}, ``route_hostile`` {}."""
    if action not in services.ACTIONS:
        raise NotFound(f"没有“{action}”这个操作。")
    message = selectors.for_staff(request.user, number)
    services.ACTIONS.perform(message, action, actor=request.user, body=parse_json_object(request.body))
    message.refresh_from_db()
    return message_data(message, staff=request.user)


# --- new media (Ch. 6) ----------------------------------------------------------------------


class NewMediaIn(StrictSchema):
    account: str
    platform: str
    external_id: str = ""
    author: str = ""
    content: str
    posted_at: datetime | None = None
    kind: Kind = "consultation"


class NewMediaOut(Schema):
    number: str
    status: Status
    received_on: date
    due_on: date | None
    department: str | None
    emergency: bool
    abusive: bool
    hostile: bool
    created: bool
    advice: str | None = None


class AccountOut(Schema):
    platform: str
    account: str
    department: str | None


@newmedia_router.post("/items", response={200: NewMediaOut, 201: NewMediaOut, **ERRORS})
def newmedia_item(request: HttpRequest, payload: NewMediaIn):
    """A comment or message from a government new-media account (Art. 35–37), sent by its back end
    (staff token). The same ``external_id`` of an account twice returns the first item (200).
    When it looks like a report for 110 (Art. 34), ``advice`` is the answer to send back at once."""
    result = services.do_submit_new_media(
        actor=request.user, platform=payload.platform, account=payload.account, external_id=payload.external_id,
        author=payload.author, content=payload.content, posted_at=payload.posted_at, kind=payload.kind,
    )
    m = result.message
    dept = m.department or m.suggested_department
    return (201 if result.created else 200), {
        "number": m.number, "status": m.status, "received_on": m.received_on, "due_on": m.due_on,
        "department": dept.code if dept else None, "emergency": m.emergency, "abusive": m.abusive,
        "hostile": m.hostile, "created": result.created,
        "advice": services.EMERGENCY_ADVICE if m.emergency else None,
    }


@newmedia_router.get("/accounts", response=list[AccountOut])
def newmedia_accounts(request: HttpRequest):
    """The registered government new-media accounts."""
    return [{"platform": a.platform, "account": a.name, "department": a.department.code if a.department else None}
            for a in PlatformAccount.objects.filter(active=True).select_related("department")]


ROUTERS = [("/messages", router), ("/newmedia", newmedia_router)]
