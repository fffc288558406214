"""Reads on citizen messages: queues, the public list (masked), a sender's history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone

from zwgk.core import case_lists, query_codes
from zwgk.core.errors import NotFound
from zwgk.events.models import Event
from zwgk.interaction.models import Message
from zwgk.interaction.schemas import MessageListQuery
from zwgk.org.permissions import can, get_for
from zwgk.workdays import services as workdays

PUBLIC_PAGE_SIZE = 20
HISTORY_SIZE = 20


def query_code_matches(message: Message, code: str | None) -> bool:
    return query_codes.query_code_matches(message.query_code_hash, code)


def public_messages() -> QuerySet[Message]:
    """Answered messages whose sender allowed display (Art. 32); the text is masked on render."""
    return (Message.objects.filter(status=Message.ANSWERED, public_allowed=True, withheld=False, abusive=False,
                                   hostile=False)
            .select_related("department").prefetch_related("manual_masks").order_by("-replied_at", "-id"))


def public_page(page: int) -> Page:
    return Paginator(public_messages(), PUBLIC_PAGE_SIZE).get_page(page)


def public_message(number: str) -> Message:
    message = public_messages().filter(number=number).first()
    if message is None:
        raise NotFound("未找到该信息，或该信息不公开显示。")
    return message


def for_citizen(number: str, code: str) -> Message:
    """The sender's own message by number and query code; a wrong code is a 404 like a wrong number."""
    message = Message.objects.select_related("department").filter(number=number.strip()).first()
    if message is None or not query_code_matches(message, code):
        raise NotFound("编号或查询码不正确。")
    return message


def for_staff(user: Any, number: str) -> Message:
    return get_for(user, Message.objects.select_related("department", "suggested_department", "account"),
                   "message.view", number=number)


def citizen_events(message: Message) -> list[Event]:
    return list(Event.objects.for_object(message).filter(public=True))


def all_events(message: Message) -> list[Event]:
    return list(Event.objects.for_object(message).select_related("actor"))


def delay_explanations(message: Message) -> list[Event]:
    return list(Event.objects.for_object(message).filter(action="explain_delay"))


QUEUES = {
    "routing": "待分办",
    "mine": "本部门办理中",
    "head": "待本部门负责人审批",
    "reclassification": "调整情节申请",
    "legal": "待法制审核",
    "emergency": "报警提示",
    "open": "全部在办",
    "done": "已办结",
}


def queues_for(user: Any) -> list[tuple[str, str]]:
    keys = []
    if can(user, "message.route"):
        keys += ["routing", "emergency", "reclassification"]
    if user.department_id and user.has_role("handler", "dept_head"):
        keys.append("mine")
    if user.department_id and user.has_role("dept_head", "office_head"):
        keys.append("head")
    if user.has_role("legal"):
        keys.append("legal")
    if can(user, "message.view_all"):
        keys += ["open", "done"]
    return [(k, QUEUES[k]) for k in keys]


def queue(user: Any, key: str) -> QuerySet[Message]:
    """A queue, overdue first: open messages ordered by deadline (earliest, i.e. overdue, first)."""
    qs = Message.objects.select_related("department", "account")
    if key == "routing":
        qs = qs.filter(status=Message.RECEIVED)
    elif key == "emergency":
        qs = qs.filter(emergency=True).order_by("emergency_acknowledged", "-received_at")
        return qs
    elif key == "mine":
        qs = qs.filter(department_id=user.department_id,
                       status__in=[Message.ROUTED, Message.AWAITING_LEGAL, Message.AWAITING_HEAD])
    elif key == "head":
        qs = qs.filter(department_id=user.department_id, status=Message.AWAITING_HEAD)
    elif key == "reclassification":
        qs = qs.filter(status__in=Message.OPEN).exclude(reclassification_complexity="")
    elif key == "legal":
        qs = qs.filter(status=Message.AWAITING_LEGAL)
    elif key == "open":
        qs = qs.filter(status__in=Message.OPEN)
    elif key == "done":
        return qs.exclude(status__in=Message.OPEN).order_by("-replied_at", "-received_at")
    else:
        raise NotFound()
    return qs.order_by("due_on", "received_at")


def with_due_state(rows: list[Message]) -> list[Message]:
    """Each row with ``due`` set: overdue / due soon / due, from the working-day engine, with one
    "soon" threshold per policy profile for the whole list."""
    today = timezone.localdate()
    soon: dict[str | None, Any] = {}
    for message in rows:
        profile = message.policy_profile_id
        if profile not in soon:
            soon[profile] = workdays.soon_limit(today, profile=profile)
        message.due = message.due_state(soon=soon[profile])
    return rows


def sender_history(message: Message, user: Any) -> list[Message]:
    """Other messages from the same phone, newest first: only those ``user`` may open itself (a
    complaint about the police routed to the inspection corps is not shown to another department)."""
    if not message.phone:
        return []
    others = (Message.objects.filter(phone=message.phone).exclude(pk=message.pk)
              .select_related("department").order_by("-received_at", "-id"))
    shown: list[Message] = []
    for other in others.iterator():
        if can(user, "message.view", other):
            shown.append(other)
            if len(shown) == HISTORY_SIZE:
                break
    return shown


# --- the case list (issue 13) ----------------------------------------------------------------------

SORT_FIELDS = {"received": "received_at", "due": "due_on", "number": "number", "status": "status"}


def visible_to(user: Any) -> QuerySet[Message]:
    """The messages ``user`` may open, as one query (the rule ``message.view``): the office and
    those who see all, the owning department once routed, the legal corps what was sent to it."""
    qs = Message.objects.select_related("department", "account")
    if can(user, "message.view_all"):
        return qs
    q = Q(pk__in=[])
    if user.department_id:
        q |= Q(department_id=user.department_id) & ~Q(status=Message.RECEIVED)
    if user.has_role("legal"):
        q |= Q(status=Message.AWAITING_LEGAL) | ~Q(draft_reply="")
    return qs.filter(q)


def search(user: Any, query: MessageListQuery, *, today: date | None = None) -> QuerySet[Message]:
    """The messages ``user`` may see, narrowed by ``query``: the workbench's list and
    ``GET /api/v1/messages`` alike. A queue, when asked, must be one of the person's own (else 404, as
    the queue pages answer).

    Words match the number, the sender's name, the phone, the title and the text with
    ``icontains`` (every word must appear), on SQLite and PostgreSQL alike: the director's mailbox
    gets thousands of messages a year, a scan of which takes milliseconds, and a clerk types
    fragments of phones and numbers that a word index would not find. Overdue and "due within N
    working days" come from ``due_on`` and the working-day engine (Art. 31, 37), never stored."""
    today = today or timezone.localdate()
    qs = visible_to(user)
    if query.queue:
        if query.queue not in dict(queues_for(user)):
            raise NotFound(f"队列：没有这个队列（{query.queue}）。")
        qs = qs.filter(pk__in=queue(user, query.queue).values("pk"))
    for word in query.words():
        qs = qs.filter(Q(number__icontains=word) | Q(name__icontains=word) | Q(phone__icontains=word)
                       | Q(title__icontains=word) | Q(body__icontains=word) | Q(author__icontains=word))
    if query.status:
        qs = qs.filter(status=query.status)
    if query.department:
        qs = qs.filter(department__code=query.department)
    if query.channel:
        qs = qs.filter(channel=query.channel)
    if query.kind:
        qs = qs.filter(kind=query.kind)
    running = Q(status__in=Message.OPEN, due_on__isnull=False)
    qs = case_lists.filter_dates_and_clock(qs, query, today=today, running=running)
    return case_lists.ordered(qs, query, SORT_FIELDS)
