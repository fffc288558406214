"""Writes on citizen messages: one ``do_<action>(message, *, actor, ...)`` per row of ``TABLE``
(DESIGN.md principle 4), registered in ``ACTIONS`` with the schema of its body (``schemas.py``).

The registry runs each one in a transaction on the row re-read under ``select_for_update``; the
guard (``check``) asks ``org.permissions`` for the right and the table for the target state, so
every status change, the intake's routing of hostile content included, comes from the table. Each
action writes a ``MessageEvent``. Art. 28–32 (director's mailbox), Art. 34–37 (new media).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import TextChoices
from django.utils import timezone

from zwgk.core import contact, query_codes
from zwgk.core.actions import ActionRegistry
from zwgk.core.background import after_commit
from zwgk.core.errors import Conflict, InvalidInput, NotFound
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionTable
from zwgk.events.services import event_names, record
from zwgk.interaction import routing
from zwgk.interaction.models import (
    COMPLEXITY_LABELS,
    KIND_LABELS,
    ManualMask,
    Message,
    MessageRating,
    MessageStatus,
    PlatformAccount,
    Satisfaction,
    WordList,
)
from zwgk.interaction.schemas import (
    CollectiveIn,
    ContentIn,
    HeadDecisionIn,
    LegalReviewIn,
    MarkIn,
    MaskIn,
    NoBody,
    NoteIn,
    PassedOnIn,
    ReclassificationDecisionIn,
    ReclassificationIn,
    RemoveMaskIn,
    ReplyIn,
    RequiredNoteIn,
    RouteIn,
    TriageIn,
)
from zwgk.interaction.selectors import query_code_matches  # noqa: F401  (the senders' lookups use it)
from zwgk.org.models import Department
from zwgk.org.permissions import require
from zwgk.workdays import services as workdays

R, T, L, H, A, C = (MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.AWAITING_LEGAL,
                    MessageStatus.AWAITING_HEAD, MessageStatus.ANSWERED, MessageStatus.CLOSED)
OPEN, ALL = (R, T, L, H), tuple(MessageStatus.values)
TABLE = TransitionTable.build(
    [
        ("route_hostile", [R], T),
        ("triage", [R, T], None),
        ("route", [R, T], T),
        ("return_to_office", [T], R),
        ("mark_passed_on", [R, T], None),
        ("collective_review", [R, T], None),
        ("request_reclassification", [T], None),
        ("decide_reclassification", OPEN, None),
        # Sent at once, or to the legal corps (touches laws), or to the department head (Art. 29).
        ("reply", [T], (A, L, H)),
        ("legal_review", [L], (A, H, T)),
        ("head_approve", [H], A),
        ("head_return", [H], T),
        ("explain_delay", OPEN, None),
        ("close", [R, T], C),
        ("mark", ALL, None),
        ("acknowledge_alert", ALL, None),
        ("add_mask", ALL, None),
        ("remove_mask", ALL, None),
    ],
    state_labels=dict(MessageStatus.choices),
    action_labels={
        "route_hostile": "通报网安", "triage": "定性", "route": "分办", "return_to_office": "退回办公室",
        "mark_passed_on": "标记交办", "collective_review": "集体研究", "request_reclassification": "申请调整情节",
        "decide_reclassification": "决定调整情节", "reply": "答复", "legal_review": "法制审核",
        "head_approve": "部门负责人审批同意", "head_return": "部门负责人退回", "explain_delay": "解释说明",
        "close": "不予答复办结", "mark": "标记", "acknowledge_alert": "报警提示处置", "add_mask": "添加屏蔽",
        "remove_mask": "删除屏蔽",
    },
)
ACTIONS = ActionRegistry(TABLE)
ACTION_LABELS = TABLE.action_labels
EMERGENCY_ADVICE = "如遇紧急情况，请立即拨打110报警电话。政务网站和政务新媒体原则上不受理报警信息（第三十四条）。"


@event_names(Message)
class MessageEvent(TextChoices):
    """What the timeline of a message says, in the clerk's words."""

    SUBMIT = "submit", "收到来信"
    EMERGENCY_FLAGGED = "emergency_flagged", "疑似报警提示"
    ROUTE_HOSTILE = "route_hostile", "通报网安"
    TRIAGE = "triage", "定性"
    ROUTE = "route", "分办"
    REROUTE = "reroute", "改派"
    RETURN_TO_OFFICE = "return_to_office", "退回办公室"
    MARK_PASSED_ON = "mark_passed_on", "标记党委政府交办"
    COLLECTIVE_REVIEW = "collective_review", "集体研究"
    REQUEST_RECLASSIFICATION = "request_reclassification", "申请调整情节"
    APPROVE_RECLASSIFICATION = "approve_reclassification", "同意调整情节"
    REFUSE_RECLASSIFICATION = "refuse_reclassification", "不同意调整情节"
    REPLY = "reply", "答复"
    SEND_TO_LEGAL = "send_to_legal", "提交法制审核"
    LEGAL_APPROVE = "legal_approve", "法制审核通过"
    LEGAL_RETURN = "legal_return", "法制审核退回"
    SEND_TO_HEAD = "send_to_head", "提交部门负责人审批"
    HEAD_APPROVE = "head_approve", "部门负责人审批同意"
    HEAD_RETURN = "head_return", "部门负责人退回修改"
    EXPLAIN_DELAY = "explain_delay", "解释说明"
    CLOSE = "close", "不予答复办结"
    MARK = "mark", "标记"
    ACKNOWLEDGE_ALERT = "acknowledge_alert", "报警提示已处置"
    ADD_MASK = "add_mask", "添加人工屏蔽"
    REMOVE_MASK = "remove_mask", "删除人工屏蔽"
    DEADLINE_RECOUNTED = "deadline_recounted", "期限重新计算"
    RATE = "rate", "满意度评价"


@event_names(WordList)
class WordListEvent(TextChoices):
    SAVE_WORD_LIST = "save_word_list", "更新词表"


def check(message: Message, action: str, *, actor: Any, right: str, to: str | None = None) -> tuple[str, str]:
    """The guard of every action: the actor's right (``org.permissions``), then the table's target
    from the state read under the registry's row lock. Returns (state before, state after)."""
    require(actor, right, message)
    return message.status, TABLE.target(action, message.status, to=to)


def _limit(message: Message) -> int:
    """Art. 31 (mailbox: by kind and complexity) or Art. 37 (new media: 当日 / 3 / 7), under the
    policy profile recorded on the message at intake."""
    profile = message.policy_profile or workdays.policy()
    if message.channel == Message.NEW_MEDIA:
        return int(profile.new_media_reply[message.complexity])
    return int(profile.message_reply[message.kind][message.complexity])


def _set_due(message: Message) -> None:
    workdays.set_due(message, message.received_on, _limit(message))


def _alert_office(message: Message) -> None:
    """Art. 34: the office is told at once (e-mail after commit; the to-do list shows it too)."""
    from zwgk.interaction.tasks import alert_emergency

    after_commit(alert_emergency, message.pk, description=f"emergency alert for {message.number}")


# --- intake ---------------------------------------------------------------------------------


def clean_intake(*, kind: str, title: str, body: str, name: str, phone: str, id_number: str = "",
                 email: str = "") -> dict[str, str]:
    """A mailbox message's fields checked (Art. 28), every fault at once, with the shared contact
    rules of ``core.contact``; raises InvalidInput naming each faulty field in Chinese."""
    from zwgk.privacy.ids import is_valid_resident_id

    errors: dict[str, str] = {}
    if kind not in KIND_LABELS:
        errors["kind"] = "请选择信息类别（业务咨询、监督投诉、线索举报、意见建议）"
    clean = {
        "title": contact.required_text(title, errors, "title", "标题", 200),
        "body": contact.required_text(body, errors, "body", "内容", 5000),
        "name": contact.required_text(name, errors, "name", "姓名", 60),
        "phone": contact.check_phone(contact.required_text(phone, errors, "phone", "联系电话", 30), errors),
        "id_number": (id_number or "").strip().upper(),
        "email": contact.check_email(email, errors),
    }
    if clean["id_number"] and not is_valid_resident_id(clean["id_number"]):
        errors["id_number"] = "身份证号码不正确（校验位不符）"
    if errors:
        raise InvalidInput("提交的信息有误：" + "；".join(errors.values()) + "。", fields=errors)
    return clean


def _intake(message: Message, actor: Any, note: str) -> Message:
    """Flags (Art. 34, 35), routing suggestion (Art. 29), deadline (Art. 31/37), number, events."""
    flags = routing.flags_for(f"{message.title}\n{message.body}")
    message.flagged_words = flags
    message.emergency = bool(flags.get(WordList.EMERGENCY))
    message.abusive = bool(flags.get(WordList.ABUSIVE))
    message.hostile = bool(flags.get(WordList.HOSTILE))
    suggestion = routing.suggest(message.kind, message.title, message.body, flags)
    message.suggested_department = suggestion.department
    message.suggestion_reason = suggestion.reason[:300]
    message.received_on = timezone.localdate(message.received_at)
    message.policy_profile = workdays.policy()
    _set_due(message)
    kind = "newmedia" if message.channel == Message.NEW_MEDIA else "message"
    message.number = next_number(kind, message.received_on.year)
    message.save()
    label = "网民" if actor is None else None
    record(message, MessageEvent.SUBMIT, actor=actor, actor_label=label, to_state=message.status, note=note,
           public=True, data={"due_on": str(message.due_on), "flags": flags})
    if message.emergency:
        record(message, MessageEvent.EMERGENCY_FLAGGED, note="疑似报警信息，已提示拨打110并通报办公室"
               "（第三十四条）：" + "、".join(flags[WordList.EMERGENCY]))
        _alert_office(message)
    if message.hostile and suggestion.department is not None and suggestion.department.code == routing.CYBER:
        return do_route_hostile(message, actor=None)
    return message


@transaction.atomic
def do_submit(
    *,
    kind: str,
    title: str,
    body: str,
    name: str,
    phone: str,
    id_number: str = "",
    email: str = "",
    public: bool = True,
    actor: Any = None,
    received_at: datetime | None = None,
    passed_on_source: str = "",
) -> tuple[Message, str]:
    """Store and number a mailbox message (Art. 28) before anything is acknowledged; return the
    message and its query code (shown once). ``due_on`` assumes "simple" until triage.

    Staff registering a message may give ``received_at`` and ``passed_on_source`` (Art. 29).
    """
    clean = clean_intake(kind=kind, title=title, body=body, name=name, phone=phone, id_number=id_number,
                         email=email)
    title, body, name, phone, id_number, email = (clean[k] for k in ("title", "body", "name", "phone",
                                                                     "id_number", "email"))
    code = query_codes.new_query_code()
    message = Message(
        channel=Message.MAILBOX, kind=kind, title=title, body=body, name=name, phone=phone, id_number=id_number,
        email=email, public_allowed=bool(public), query_code_hash=query_codes.hash_query_code(code),
        received_at=received_at or timezone.now(), passed_on=bool(passed_on_source),
        passed_on_source=passed_on_source.strip()[:100],
    )
    message = _intake(message, actor, f"收到{KIND_LABELS[kind]}信息" + ("（不同意公开显示）" if not public else ""))
    return message, code


@dataclass
class NewMediaResult:
    message: Message
    created: bool


def account_for(platform: str, name: str) -> PlatformAccount:
    account = PlatformAccount.objects.filter(platform=platform.strip(), name=name.strip(), active=True).first()
    if account is None:
        raise InvalidInput(f"未登记的政务新媒体账号：{platform}·{name}。", fields={"account": "账号未登记"})
    return account


@transaction.atomic
def do_submit_new_media(
    *, actor: Any, platform: str, account: str, external_id: str, author: str, content: str,
    posted_at: datetime | None = None, kind: str = "consultation",
) -> NewMediaResult:
    """Take a comment or message from a new-media account (Art. 35–37). The same item (account
    and platform id) twice is taken once. Deadline: 当日 until triage says otherwise (Art. 37)."""
    require(actor, "message.import")
    errors: dict[str, str] = {}
    content = contact.required_text(content, errors, "content", "留言内容", 5000)
    external_id = (external_id or "").strip()[:100]
    if kind not in KIND_LABELS:
        errors["kind"] = "信息类别不正确"
    if errors:
        raise InvalidInput("提交的信息有误：" + "；".join(errors.values()) + "。", fields=errors)
    acct = account_for(platform, account)
    if external_id and (existing := Message.objects.filter(account=acct, external_id=external_id).first()):
        return NewMediaResult(existing, False)
    received_at = posted_at or timezone.now()
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    title = content.splitlines()[0][:40]
    message = Message(
        channel=Message.NEW_MEDIA, kind=kind, title=title, body=content, author=(author or "").strip()[:100],
        account=acct, external_id=external_id, posted_at=received_at, received_at=received_at,
    )
    try:
        with transaction.atomic():
            message = _intake(message, actor, f"收到政务新媒体留言（{acct}）")
    except IntegrityError:
        existing = Message.objects.filter(account=acct, external_id=external_id).first()
        if existing is None:
            raise
        return NewMediaResult(existing, False)
    return NewMediaResult(message, True)


# --- handling -------------------------------------------------------------------------------


def _department(code: str | None) -> Department:
    dept = Department.objects.filter(code=code or "", active=True).first()
    if dept is None:
        raise InvalidInput(f"没有代码为“{code}”的部门。", fields={"department": "部门不存在"})
    return dept


def _required(value: str | None, name: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(message, fields={name: "必填"})
    return value


@ACTIONS.action(NoBody)
def do_route_hostile(message: Message, *, actor: Any = None) -> Message:
    """Illegal or hostile content goes straight to the cyber security corps (Art. 35): at intake by
    the system (``actor`` None), or by the office for a message the intake flagged."""
    if actor is not None:
        require(actor, "message.route", message)
    before, after = message.status, TABLE.target("route_hostile", message.status)
    if not message.hostile:
        raise Conflict("该信息未被识别为违法有害信息。", code="not_hostile")
    cyber = _department(routing.CYBER)
    message.status, message.department, message.routed_on = after, cyber, timezone.localdate()
    message.save(update_fields=["status", "department", "routed_on"])
    record(message, MessageEvent.ROUTE_HOSTILE, actor=actor, from_state=before, to_state=after,
           note="违法有害信息，通报网安部门依法处理（第三十五条）", data={"department": cyber.code})
    return message


@ACTIONS.action(TriageIn)
def do_triage(message: Message, *, actor: Any, complexity: str, department: str | None = None,
              kind: str | None = None) -> Message:
    """The office sets the complexity (and the kind); the deadline is recounted from receipt (Art.
    31, 37). Only the office: a department asks with ``request_reclassification``. With
    ``department`` the office routes the message in the same step."""
    before, _ = check(message, "triage", actor=actor, right="message.triage")
    old = {"kind": message.kind, "complexity": message.complexity, "due_on": str(message.due_on)}
    message.complexity, message.triaged = complexity, True
    if kind:
        message.kind = kind
    _set_due(message)
    message.save()
    record(message, MessageEvent.TRIAGE, actor=actor, from_state=before, to_state=message.status,
           note=f"定性为“{message.kind_label}·{COMPLEXITY_LABELS[complexity]}”，答复期限 {message.due_on}",
           data={"before": old, "complexity": complexity, "kind": message.kind, "due_on": str(message.due_on)})
    if department:
        return do_route(message, actor=actor, department=department)
    return message


@ACTIONS.action(RouteIn)
def do_route(message: Message, *, actor: Any, department: str, note: str = "") -> Message:
    """The office hands the message to the department that owns its business (Art. 29, annex 4).
    Routing again (rerouting) is another event."""
    before, after = check(message, "route", actor=actor, right="message.route")
    dept = _department(department)
    previous = message.department
    message.status, message.department, message.routed_on = after, dept, timezone.localdate()
    message.save(update_fields=["status", "department", "routed_on"])
    event = MessageEvent.REROUTE if previous is not None and previous != dept else MessageEvent.ROUTE
    record(message, event, actor=actor, from_state=before, to_state=after,
           note=(f"由{previous}改派至{dept}" if event == MessageEvent.REROUTE else f"分办至{dept}")
           + (f"：{note}" if note else ""),
           data={"department": dept.code, "previous": previous.code if previous else None,
                 "suggested": message.suggested_department.code if message.suggested_department else None})
    return message


@ACTIONS.action(RequiredNoteIn)
def do_return_to_office(message: Message, *, actor: Any, note: str) -> Message:
    """A department that does not own the business sends the message back for rerouting."""
    before, after = check(message, "return_to_office", actor=actor, right="message.handle")
    note = _required(note, "note", "请说明退回理由。")
    message.status = after
    message.save(update_fields=["status"])
    record(message, MessageEvent.RETURN_TO_OFFICE, actor=actor, from_state=before, to_state=after, note=note)
    return message


@ACTIONS.action(PassedOnIn)
def do_mark_passed_on(message: Message, *, actor: Any, source: str) -> Message:
    """Mark a message passed on by the party and government (e.g. 人民网·地方领导留言板, Art. 29)."""
    before, _ = check(message, "mark_passed_on", actor=actor, right="message.route")
    source = _required(source, "source", "请填写交办来源。")
    message.passed_on, message.passed_on_source = True, source[:100]
    message.save(update_fields=["passed_on", "passed_on_source"])
    record(message, MessageEvent.MARK_PASSED_ON, actor=actor, from_state=before, to_state=before,
           note=f"交办来源：{source}")
    return message


@ACTIONS.action(CollectiveIn)
def do_collective_review(message: Message, *, actor: Any, note: str, on: date | None = None) -> Message:
    """Record the collective study of a passed-on or major, difficult message (Art. 29)."""
    before, _ = check(message, "collective_review", actor=actor, right="message.collective_review")
    message.collective_review_note = _required(note, "note", "请填写集体研究意见。")
    message.collective_review_on = on or timezone.localdate()
    message.save(update_fields=["collective_review_on", "collective_review_note"])
    record(message, MessageEvent.COLLECTIVE_REVIEW, actor=actor, from_state=before, to_state=before,
           note=f"{message.collective_review_on} 集体研究：{message.collective_review_note}")
    return message


@ACTIONS.action(ReclassificationIn)
def do_request_reclassification(message: Message, *, actor: Any, complexity: str, reason: str) -> Message:
    """The handling department asks the office for another complexity (Art. 31): its own deadline
    does not move until the office decides."""
    before, _ = check(message, "request_reclassification", actor=actor, right="message.request_reclassification")
    reason = _required(reason, "reason", "请说明申请调整情节的理由。")
    if message.reclassification_pending:
        raise Conflict("已有一项调整情节的申请待办公室决定。", code="reclassification_pending")
    if complexity == message.complexity:
        raise InvalidInput("申请的情节与当前情节相同。", fields={"complexity": "与当前情节相同"})
    message.reclassification_complexity, message.reclassification_by = complexity, actor
    message.reclassification_reason = reason[:300]
    message.save(update_fields=["reclassification_complexity", "reclassification_reason", "reclassification_by"])
    record(message, MessageEvent.REQUEST_RECLASSIFICATION, actor=actor, from_state=before, to_state=before,
           note=f"申请将情节由“{COMPLEXITY_LABELS[message.complexity]}”调整为“{COMPLEXITY_LABELS[complexity]}”："
                f"{reason}", data={"complexity": complexity})
    return message


@ACTIONS.action(ReclassificationDecisionIn)
def do_decide_reclassification(message: Message, *, actor: Any, approve: bool, note: str = "") -> Message:
    """The office decides a department's request (Art. 31); an approval recounts the deadline from
    receipt, a refusal says why."""
    before, _ = check(message, "decide_reclassification", actor=actor, right="message.triage")
    if not message.reclassification_pending:
        raise Conflict("没有待决定的调整情节申请。", code="no_reclassification_request")
    note = (note or "").strip()
    asked, old_due = message.reclassification_complexity, message.due_on
    if approve:
        message.complexity, message.triaged = asked, True
        _set_due(message)
        event = MessageEvent.APPROVE_RECLASSIFICATION
        text = f"同意调整为“{COMPLEXITY_LABELS[asked]}”，答复期限 {old_due} 改为 {message.due_on}"
    else:
        note = _required(note, "note", "不同意调整时请说明理由。")
        event, text = MessageEvent.REFUSE_RECLASSIFICATION, f"不同意调整为“{COMPLEXITY_LABELS[asked]}”"
    message.reclassification_complexity, message.reclassification_reason = "", ""
    message.reclassification_by = None
    message.save()
    record(message, event, actor=actor, from_state=before, to_state=before, note=text + (f"：{note}" if note else ""),
           data={"complexity": asked, "approved": approve, "due_on": str(message.due_on)})
    return message


def _check_reply(message: Message, content: str) -> str:
    content = _required(content, "content", "请填写答复内容。")
    if message.needs_collective_review and message.collective_review_on is None:
        raise Conflict("该信息为党委政府交办或重大疑难信息，须先记录集体研究意见再答复（第二十九条）。",
                       code="collective_review_required")
    return content


def _answer(actor: Any, message: Message, content: str, event: str, before: str, after: str, note: str) -> None:
    message.status, message.reply, message.replied_at = after, content, timezone.now()
    message.replied_by = message.draft_by or actor
    message.save()
    record(message, event, actor=actor, from_state=before, to_state=after, note=note, public=True)


def _to_head(actor: Any, message: Message, event: str, before: str, note: str) -> None:
    message.status = Message.AWAITING_HEAD
    message.save()
    record(message, event, actor=actor, from_state=before, to_state=message.status, note=note)


HEAD_NOTE = "答复须经部门负责人审批后发出（第二十九条“一把手”负责制）"


@ACTIONS.action(ReplyIn)
def do_reply(message: Message, *, actor: Any, content: str, legal_review: bool = False) -> Message:
    """The owning department answers (Art. 29, 30). A reply that touches laws or policies goes to
    the legal corps first (``legal_review``); a reply to a complaint, a tip-off or a major message
    (``HeadApprovalRule``) waits for the department head; otherwise it is sent at once."""
    to = A if not legal_review and not message.needs_head_approval else (L if legal_review else H)
    before, after = check(message, "reply", actor=actor, right="message.handle", to=to)
    content = _check_reply(message, content)
    if after == A:
        message.draft_by = None
        _answer(actor, message, content, MessageEvent.REPLY, before, after, "已答复")
        return message
    message.draft_reply, message.draft_by, message.head_opinion = content, actor, ""
    if after == L:
        message.status = after
        message.save(update_fields=["status", "draft_reply", "draft_by", "head_opinion"])
        record(message, MessageEvent.SEND_TO_LEGAL, actor=actor, from_state=before, to_state=after,
               note="答复内容涉及法规、政策，提交法制部门审核（第二十九条）")
    else:
        _to_head(actor, message, MessageEvent.SEND_TO_HEAD, before, HEAD_NOTE)
    return message


@ACTIONS.action(LegalReviewIn)
def do_legal_review(message: Message, *, actor: Any, decision: str, opinion: str = "",
                    content: str | None = None) -> Message:
    """The legal corps approves the draft reply (possibly as amended: it is sent, or goes on to the
    department head when the reply needs the head's approval) or returns it."""
    opinion = (opinion or "").strip()
    if decision == "return":
        before, after = check(message, "legal_review", actor=actor, right="message.legal_review", to=T)
        opinion = _required(opinion, "opinion", "退回时请填写审核意见。")
        message.status, message.legal_opinion = after, opinion
        message.save(update_fields=["status", "legal_opinion"])
        record(message, MessageEvent.LEGAL_RETURN, actor=actor, from_state=before, to_state=after, note=opinion)
        return message
    to = H if message.needs_head_approval else A
    before, after = check(message, "legal_review", actor=actor, right="message.legal_review", to=to)
    message.legal_opinion = opinion
    text = (content or "").strip() or message.draft_reply
    note = "法制部门审核通过" + (f"（{opinion}）" if opinion else "")
    if after == H:
        message.draft_reply = text
        _to_head(actor, message, MessageEvent.LEGAL_APPROVE, before, f"{note}，{HEAD_NOTE}")
    else:
        _answer(actor, message, text, MessageEvent.LEGAL_APPROVE, before, after, f"{note}，已答复")
    return message


@ACTIONS.action(HeadDecisionIn)
def do_head_approve(message: Message, *, actor: Any, opinion: str = "") -> Message:
    """The head of the owning department approves the draft: the reply is sent to the sender and,
    if allowed, shown publicly (Art. 29 一把手负责制, Art. 32)."""
    before, after = check(message, "head_approve", actor=actor, right="message.head_approve")
    message.head_opinion, message.head_approved_by = (opinion or "").strip(), actor
    _answer(actor, message, message.draft_reply, MessageEvent.HEAD_APPROVE, before, after,
            "部门负责人审批同意，已答复" + (f"（{message.head_opinion}）" if message.head_opinion else ""))
    return message


@ACTIONS.action(HeadDecisionIn)
def do_head_return(message: Message, *, actor: Any, opinion: str = "") -> Message:
    """The head returns the draft to the handler with an opinion; nothing is sent."""
    before, after = check(message, "head_return", actor=actor, right="message.head_approve")
    message.status, message.head_opinion = after, _required(opinion, "opinion", "退回时请填写审批意见。")
    message.save(update_fields=["status", "head_opinion"])
    record(message, MessageEvent.HEAD_RETURN, actor=actor, from_state=before, to_state=after,
           note=message.head_opinion)
    return message


@ACTIONS.action(ContentIn)
def do_explain_delay(message: Message, *, actor: Any, content: str) -> Message:
    """Art. 31: when the limit cannot be met, explain it to the sender (shown on the status page)."""
    before, _ = check(message, "explain_delay", actor=actor, right="message.explain")
    content = _required(content, "content", "请填写解释说明内容。")
    record(message, MessageEvent.EXPLAIN_DELAY, actor=actor, from_state=before, to_state=before, note=content,
           public=True)
    return message


@ACTIONS.action(MarkIn)
def do_mark(message: Message, *, actor: Any, abusive: bool | None = None, withheld: bool | None = None,
            note: str = "") -> Message:
    """Staff correct the flags: abusive (Art. 35) or withheld from public display (Art. 32: 涉密、
    涉敏感信息)."""
    before, _ = check(message, "mark", actor=actor, right="message.mark")
    changes = {name: bool(value) for name, value in (("abusive", abusive), ("withheld", withheld))
               if value is not None}
    for name, value in changes.items():
        setattr(message, name, value)
    message.save(update_fields=list(changes) or None)
    record(message, MessageEvent.MARK, actor=actor, from_state=before, to_state=before, note=note.strip(),
           data=changes)
    return message


@ACTIONS.action(NoteIn)
def do_close(message: Message, *, actor: Any, note: str = "") -> Message:
    """Art. 35: an abusive message with no real issue in it is not answered (closed, kept)."""
    before, after = check(message, "close", actor=actor, right="message.mark")
    if not message.abusive:
        raise Conflict("只有谩骂性言论可不予答复；有问题反映的应当答复（第三十条、第三十五条）。",
                       code="reply_required")
    message.status, message.closed_reason = after, (note.strip() or "谩骂性言论，不予回复（第三十五条）")[:200]
    message.save(update_fields=["status", "closed_reason"])
    record(message, MessageEvent.CLOSE, actor=actor, from_state=before, to_state=after, note=message.closed_reason)
    return message


@ACTIONS.action(NoteIn)
def do_acknowledge_alert(message: Message, *, actor: Any, note: str = "") -> Message:
    """The office confirms it has passed an emergency report on (Art. 34: 通报有关部门)."""
    before, _ = check(message, "acknowledge_alert", actor=actor, right="message.route")
    if not message.emergency:
        raise Conflict("该信息未被识别为报警信息。", code="not_an_emergency")
    message.emergency_acknowledged = True
    message.save(update_fields=["emergency_acknowledged"])
    record(message, MessageEvent.ACKNOWLEDGE_ALERT, actor=actor, from_state=before, to_state=before,
           note=note.strip() or "已通报有关部门")
    return message


@ACTIONS.action(MaskIn)
def do_add_mask(message: Message, *, actor: Any, fragment: str = "", field: str = "", start: int | None = None,
                end: int | None = None) -> ManualMask:
    """Add a mask by hand before the message goes public (Art. 32): a text fragment, or a span."""
    check(message, "add_mask", actor=actor, right="message.mask")
    fragment = (fragment or "").strip()
    if fragment:
        if len(fragment) > 200:
            raise InvalidInput("屏蔽文字不超过200字。", fields={"fragment": "内容过长"})
        mask = ManualMask(message=message, field=field, fragment=fragment, created_by=actor)
    else:
        text = getattr(message, field, "") if field else ""
        if not field or start is None or end is None or not (0 <= start < end <= len(text)):
            raise InvalidInput("请填写要屏蔽的文字，或选择字段中的起止位置。", fields={"fragment": "必填"})
        mask = ManualMask(message=message, field=field, start=start, end=end, created_by=actor)
    mask.save()
    record(message, MessageEvent.ADD_MASK, actor=actor, note=f"人工屏蔽：{mask.field or '各字段'}",
           data={"mask": mask.pk, "field": mask.field, "start": mask.start, "end": mask.end,
                 "length": len(mask.fragment)})
    return mask


@ACTIONS.action(RemoveMaskIn)
def do_remove_mask(message: Message, *, actor: Any, mask: int) -> Message:
    check(message, "remove_mask", actor=actor, right="message.mask")
    found = ManualMask.objects.filter(pk=mask, message=message).first()
    if found is None:
        raise NotFound("没有这项人工屏蔽。")
    found.delete()
    record(message, MessageEvent.REMOVE_MASK, actor=actor, note="删除人工屏蔽", data={"mask": mask})
    return message


@transaction.atomic
def do_save_word_list(kind: str, *, actor: Any, words: str) -> WordList:
    """The office keeps the intake's word lists (Art. 34, 35); each change is an event naming the
    words added and removed."""
    require(actor, "message.word_lists")
    if kind not in dict(WordList.KINDS):
        raise NotFound("没有这个词表。")
    wordlist, _ = WordList.objects.select_for_update().get_or_create(kind=kind)
    before = wordlist.word_list()
    wordlist.words = "\n".join(sorted({w for w in re.split(r"[\s,，、]+", words or "") if w}))
    wordlist.save()
    record(wordlist, WordListEvent.SAVE_WORD_LIST, actor=actor, note=f"更新词表“{wordlist}”",
           data={"added": sorted(set(wordlist.word_list()) - set(before)),
                 "removed": sorted(set(before) - set(wordlist.word_list()))})
    return wordlist


# --- new-media CSV import (workbench) ---------------------------------------------------------

CSV_COLUMNS = ["platform", "account", "external_id", "author", "content", "posted_at"]
CSV_HEADERS_ZH = {"平台": "platform", "账号": "account", "留言编号": "external_id", "网民昵称": "author",
                  "留言内容": "content", "留言时间": "posted_at"}


@dataclass
class ImportResult:
    created: list[Message] = field(default_factory=list)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def _parse_datetime(value: str) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    for candidate in (value, value.replace("/", "-")):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
    raise ValueError(value)


def import_new_media_csv(text: str, *, actor: Any) -> ImportResult:
    """Import the comments exported from a platform: columns platform, account, external_id,
    author, content, posted_at (or their Chinese headers). Each row stands alone: a bad row is
    reported and skipped, the others are taken."""
    import csv
    import io

    require(actor, "message.import")
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise InvalidInput("CSV 文件为空。", fields={"file": "文件为空"})
    headers = {h: CSV_HEADERS_ZH.get((h or "").strip(), (h or "").strip()) for h in reader.fieldnames}
    missing = [c for c in ("platform", "account", "content") if c not in headers.values()]
    if missing:
        raise InvalidInput(f"CSV 缺少列：{'、'.join(missing)}。", fields={"file": "缺少列"})
    for line, row in enumerate(reader, start=2):
        data = {headers[k]: (v or "").strip() for k, v in row.items() if k in headers}
        try:
            posted_at = _parse_datetime(data.get("posted_at", ""))
        except ValueError:
            result.errors.append(f"第{line}行：留言时间格式不正确")
            continue
        try:
            outcome = do_submit_new_media(
                actor=actor, platform=data.get("platform", ""), account=data.get("account", ""),
                external_id=data.get("external_id", ""), author=data.get("author", ""),
                content=data.get("content", ""), posted_at=posted_at,
            )
        except InvalidInput as exc:
            result.errors.append(f"第{line}行：{exc.message}")
            continue
        if outcome.created:
            result.created.append(outcome.message)
        else:
            result.duplicates += 1
    return result


RATING_COMMENT_MAX = 500


@transaction.atomic
def do_rate(message: Message, *, satisfaction: str, comment: str = "") -> MessageRating:
    """The sender rates the answer once: 满意 / 基本满意 / 不满意 with an optional comment (the share
    of 满意 and 基本满意 is an indicator of the assessment, Art. 42). Only an answered message can be
    rated; a second rating is refused and changes nothing."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.status != Message.ANSWERED:
        raise Conflict("留言答复后才能评价。", code="not_answered")
    if MessageRating.objects.filter(message=message).exists():
        raise Conflict("您已评价过该留言的答复，每条留言只能评价一次。", code="already_rated")
    if satisfaction not in Satisfaction.values:
        raise InvalidInput("请选择满意度：满意、基本满意或不满意。", fields={"satisfaction": "请选择满意度"})
    comment = (comment or "").strip()
    if len(comment) > RATING_COMMENT_MAX:
        raise InvalidInput(f"评价意见不超过{RATING_COMMENT_MAX}字。", fields={"comment": "内容过长"})
    rating = MessageRating.objects.create(message=message, satisfaction=satisfaction, comment=comment)
    record(message, MessageEvent.RATE, actor_label="来信人", from_state=message.status, to_state=message.status,
           note=f"来信人评价：{Satisfaction(satisfaction).label}" + (f"。{comment}" if comment else ""),
           data={"satisfaction": satisfaction}, public=True)
    return rating
