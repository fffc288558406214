"""Writes on citizen messages: one function per action (DESIGN.md principle 4).

Each checks the actor's right and the source state (``TABLE``), changes the row inside a
transaction and writes an event. Art. 28–32 (director's mailbox), Art. 34–37 (new media).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from zwgk.core import contact, query_codes
from zwgk.core.errors import Conflict, InvalidInput, NotFound
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionTable
from zwgk.events.services import record
from zwgk.interaction import routing
from zwgk.interaction.models import (
    COMPLEXITY_LABELS,
    KIND_LABELS,
    ManualMask,
    Message,
    PlatformAccount,
    WordList,
)
from zwgk.org.models import Department
from zwgk.org.permissions import require
from zwgk.workdays import services as workdays

logger = logging.getLogger(__name__)
R, T, L, A, C = Message.RECEIVED, Message.ROUTED, Message.AWAITING_LEGAL, Message.ANSWERED, Message.CLOSED
ALL = (R, T, L, A, C)
TABLE = TransitionTable.build(
    [
        ("triage", [R, T], None),
        ("route", [R, T], T),
        ("return_to_office", [T], R),
        ("mark_passed_on", [R, T], None),
        ("collective_review", [R, T], None),
        ("reply", [T], A),
        ("send_to_legal", [T], L),
        ("legal_approve", [L], A),
        ("legal_return", [L], T),
        ("explain_delay", [R, T, L], None),
        ("close", [R, T], C),
        ("mark", ALL, None),
        ("acknowledge_alert", ALL, None),
        ("add_mask", ALL, None),
        ("remove_mask", ALL, None),
    ],
    state_labels=dict(Message.STATUSES),
    action_labels={
        "triage": "定性", "route": "分办", "return_to_office": "退回办公室", "mark_passed_on": "标记交办",
        "collective_review": "集体研究", "reply": "答复", "send_to_legal": "提交法制审核",
        "legal_approve": "法制审核通过", "legal_return": "法制审核退回", "explain_delay": "解释说明",
        "close": "不予答复办结", "mark": "标记", "acknowledge_alert": "报警提示处置", "add_mask": "添加屏蔽",
        "remove_mask": "删除屏蔽",
    },
)
ACTION_LABELS = TABLE.action_labels
EMERGENCY_ADVICE = "如遇紧急情况，请立即拨打110报警电话。政务网站和政务新媒体原则上不受理报警信息（第三十四条）。"


def query_code_matches(message: Message, code: str | None) -> bool:
    return query_codes.query_code_matches(message.query_code_hash, code)


def _step(message: Message, action: str) -> tuple[str, str]:
    before = message.status
    return before, TABLE.target(action, before)


def _limit(message: Message) -> int:
    """Art. 31 (mailbox: by kind and complexity) or Art. 37 (new media: 当日 / 3 / 7)."""
    profile = workdays.policy()
    if message.channel == Message.NEW_MEDIA:
        return int(profile.new_media_reply[message.complexity])
    return int(profile.message_reply[message.kind][message.complexity])


def _set_due(message: Message) -> None:
    workdays.set_due(message, message.received_on, _limit(message))


def _alert_office(message: Message) -> None:
    """Art. 34: the office is told at once (e-mail after commit; the to-do list shows it too)."""
    from django.conf import settings

    from zwgk.interaction.tasks import alert_emergency

    def run_here() -> None:
        try:
            alert_emergency(message.pk)
        except Exception:  # a mail server being down must not fail the citizen's submission
            logger.exception("emergency alert for %s could not be sent", message.number)

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        # the embedded default: run in-process, without a Celery result object
        transaction.on_commit(run_here)
    else:
        transaction.on_commit(lambda: alert_emergency.delay(message.pk))


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
    _set_due(message)
    kind = "newmedia" if message.channel == Message.NEW_MEDIA else "message"
    message.number = next_number(kind, message.received_on.year)
    message.save()
    label = "网民" if actor is None else None
    record(message, "submit", actor=actor, actor_label=label, to_state=message.status, note=note, public=True,
           data={"due_on": str(message.due_on), "flags": flags})
    if message.emergency:
        record(message, "emergency_flagged", actor_label=routing_label(), note="疑似报警信息，已提示拨打110并通报办公室"
               "（第三十四条）：" + "、".join(flags[WordList.EMERGENCY]))
        _alert_office(message)
    if message.hostile and suggestion.department is not None and suggestion.department.code == routing.CYBER:
        before = message.status
        message.status, message.department = Message.ROUTED, suggestion.department
        message.routed_on = message.received_on
        message.save(update_fields=["status", "department", "routed_on"])
        record(message, "route", actor_label=routing_label(), from_state=before, to_state=message.status,
               note="违法有害信息，通报网安部门依法处理（第三十五条）", data={"department": routing.CYBER})
    return message


def routing_label() -> str:
    return "系统"


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
    _intake(message, actor, f"收到{KIND_LABELS[kind]}信息" + ("（不同意公开显示）" if not public else ""))
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
    actor: Any, *, platform: str, account: str, external_id: str, author: str, content: str,
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
            _intake(message, actor, f"收到政务新媒体留言（{acct}）")
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


@transaction.atomic
def do_triage(actor: Any, message: Message, complexity: str, department: str | None = None,
              kind: str | None = None) -> Message:
    """Set the complexity (and, for the office, the kind); the deadline is recounted from receipt
    (Art. 31, 37). With ``department`` the office routes the message in the same step."""
    require(actor, "message.triage", message)
    if complexity not in COMPLEXITY_LABELS:
        raise InvalidInput("情节应为 simple、complex 或 major。", fields={"complexity": "取值不在允许范围内"})
    if kind is not None and kind not in KIND_LABELS:
        raise InvalidInput("信息类别不正确。", fields={"kind": "取值不在允许范围内"})
    before, _ = _step(message, "triage")
    old_due, old = message.due_on, (message.kind, message.complexity)
    message.complexity, message.triaged = complexity, True
    if kind:
        message.kind = kind
    _set_due(message)
    message.save()
    record(message, "triage", actor=actor, from_state=before, to_state=message.status,
           note=f"定性为“{message.kind_label}·{COMPLEXITY_LABELS[complexity]}”，答复期限 {message.due_on}",
           data={"before": {"kind": old[0], "complexity": old[1], "due_on": str(old_due)},
                 "complexity": complexity, "kind": message.kind, "due_on": str(message.due_on)})
    if department:
        do_route(actor, message, department)
    return message


@transaction.atomic
def do_route(actor: Any, message: Message, department: str, note: str = "") -> Message:
    """The office hands the message to the department that owns its business (Art. 29, annex 4).
    Routing again (rerouting) is another event."""
    require(actor, "message.route", message)
    dept = _department(department)
    before, after = _step(message, "route")
    previous = message.department
    message.status, message.department, message.routed_on = after, dept, timezone.localdate()
    message.save(update_fields=["status", "department", "routed_on"])
    action = "reroute" if previous is not None and previous != dept else "route"
    record(message, action, actor=actor, from_state=before, to_state=after,
           note=(f"由{previous}改派至{dept}" if action == "reroute" else f"分办至{dept}")
           + (f"：{note}" if note else ""),
           data={"department": dept.code, "previous": previous.code if previous else None,
                 "suggested": message.suggested_department.code if message.suggested_department else None})
    return message


@transaction.atomic
def do_return_to_office(actor: Any, message: Message, note: str) -> Message:
    """A department that does not own the business sends the message back for rerouting."""
    require(actor, "message.handle", message)
    if not (note or "").strip():
        raise InvalidInput("请说明退回理由。", fields={"note": "必填"})
    before, after = _step(message, "return_to_office")
    message.status = after
    message.save(update_fields=["status"])
    record(message, "return_to_office", actor=actor, from_state=before, to_state=after, note=note.strip())
    return message


@transaction.atomic
def do_mark_passed_on(actor: Any, message: Message, source: str) -> Message:
    """Mark a message passed on by the party and government (e.g. 人民网·地方领导留言板, Art. 29)."""
    require(actor, "message.route", message)
    source = (source or "").strip()
    if not source:
        raise InvalidInput("请填写交办来源。", fields={"source": "必填"})
    before, _ = _step(message, "mark_passed_on")
    message.passed_on, message.passed_on_source = True, source[:100]
    message.save(update_fields=["passed_on", "passed_on_source"])
    record(message, "mark_passed_on", actor=actor, from_state=before, to_state=before, note=f"交办来源：{source}")
    return message


@transaction.atomic
def do_collective_review(actor: Any, message: Message, note: str, on: date | None = None) -> Message:
    """Record the collective study of a passed-on or major, difficult message (Art. 29)."""
    require(actor, "message.collective_review", message)
    if not (note or "").strip():
        raise InvalidInput("请填写集体研究意见。", fields={"note": "必填"})
    before, _ = _step(message, "collective_review")
    message.collective_review_on = on or timezone.localdate()
    message.collective_review_note = note.strip()
    message.save(update_fields=["collective_review_on", "collective_review_note"])
    record(message, "collective_review", actor=actor, from_state=before, to_state=before,
           note=f"{message.collective_review_on} 集体研究：{message.collective_review_note}")
    return message


def _check_reply(message: Message, content: str) -> str:
    content = (content or "").strip()
    if not content:
        raise InvalidInput("请填写答复内容。", fields={"content": "必填"})
    if message.needs_collective_review and message.collective_review_on is None:
        raise Conflict("该信息为党委政府交办或重大疑难信息，须先记录集体研究意见再答复（第二十九条）。",
                       code="collective_review_required")
    return content


def _answer(actor: Any, message: Message, content: str, action: str, before: str, after: str, note: str) -> None:
    message.status, message.reply, message.replied_at, message.replied_by = after, content, timezone.now(), actor
    message.save()
    record(message, action, actor=actor, from_state=before, to_state=after, note=note, public=True)


@transaction.atomic
def do_reply(actor: Any, message: Message, content: str, legal_review: bool = False) -> Message:
    """The owning department answers (Art. 29, 30). A reply that touches laws or policies goes to
    the legal corps first (``legal_review``): status ``awaiting_legal`` until it approves."""
    require(actor, "message.handle", message)
    content = _check_reply(message, content)
    if legal_review:
        before, after = _step(message, "send_to_legal")
        message.status, message.draft_reply, message.draft_by = after, content, actor
        message.save(update_fields=["status", "draft_reply", "draft_by"])
        record(message, "send_to_legal", actor=actor, from_state=before, to_state=after,
               note="答复内容涉及法规、政策，提交法制部门审核（第二十九条）")
        return message
    before, after = _step(message, "reply")
    _answer(actor, message, content, "reply", before, after, "已答复")
    return message


@transaction.atomic
def do_legal_review(actor: Any, message: Message, decision: str, opinion: str = "",
                    content: str | None = None) -> Message:
    """The legal corps approves the draft reply (it is sent, possibly as amended) or returns it."""
    require(actor, "message.legal_review", message)
    opinion = (opinion or "").strip()
    if decision == "approve":
        before, after = _step(message, "legal_approve")
        message.legal_opinion = opinion
        text = (content or "").strip() or message.draft_reply
        _answer(actor, message, text, "legal_approve", before, after,
                "法制部门审核通过，已答复" + (f"（{opinion}）" if opinion else ""))
        return message
    if decision == "return":
        if not opinion:
            raise InvalidInput("退回时请填写审核意见。", fields={"opinion": "必填"})
        before, after = _step(message, "legal_return")
        message.status, message.legal_opinion = after, opinion
        message.save(update_fields=["status", "legal_opinion"])
        record(message, "legal_return", actor=actor, from_state=before, to_state=after, note=opinion)
        return message
    raise InvalidInput("审核结论应为 approve 或 return。", fields={"decision": "取值不在允许范围内"})


@transaction.atomic
def do_explain_delay(actor: Any, message: Message, content: str) -> Message:
    """Art. 31: when the limit cannot be met, explain it to the sender (shown on the status page)."""
    require(actor, "message.explain", message)
    content = (content or "").strip()
    if not content:
        raise InvalidInput("请填写解释说明内容。", fields={"content": "必填"})
    before, _ = _step(message, "explain_delay")
    record(message, "explain_delay", actor=actor, from_state=before, to_state=before, note=content, public=True)
    return message


@transaction.atomic
def do_mark(actor: Any, message: Message, *, abusive: bool | None = None, withheld: bool | None = None,
            note: str = "") -> Message:
    """Staff correct the flags: abusive (Art. 35) or withheld from public display (Art. 32: 涉密、
    涉敏感信息)."""
    require(actor, "message.mark", message)
    before, _ = _step(message, "mark")
    changes = {}
    if abusive is not None:
        changes["abusive"] = bool(abusive)
    if withheld is not None:
        changes["withheld"] = bool(withheld)
    for name, value in changes.items():
        setattr(message, name, value)
    message.save(update_fields=list(changes) or None)
    record(message, "mark", actor=actor, from_state=before, to_state=before, note=note.strip(), data=changes)
    return message


@transaction.atomic
def do_close(actor: Any, message: Message, note: str = "") -> Message:
    """Art. 35: an abusive message with no real issue in it is not answered (closed, kept)."""
    require(actor, "message.mark", message)
    if not message.abusive:
        raise Conflict("只有谩骂性言论可不予答复；有问题反映的应当答复（第三十条、第三十五条）。",
                       code="reply_required")
    before, after = _step(message, "close")
    message.status, message.closed_reason = after, (note.strip() or "谩骂性言论，不予回复（第三十五条）")[:200]
    message.save(update_fields=["status", "closed_reason"])
    record(message, "close", actor=actor, from_state=before, to_state=after, note=message.closed_reason)
    return message


@transaction.atomic
def do_acknowledge_alert(actor: Any, message: Message, note: str = "") -> Message:
    """The office confirms it has passed an emergency report on (Art. 34: 通报有关部门)."""
    require(actor, "message.route", message)
    if not message.emergency:
        raise Conflict("该信息未被识别为报警信息。", code="not_an_emergency")
    before, _ = _step(message, "acknowledge_alert")
    message.emergency_acknowledged = True
    message.save(update_fields=["emergency_acknowledged"])
    record(message, "acknowledge_alert", actor=actor, from_state=before, to_state=before,
           note=note.strip() or "已通报有关部门")
    return message


@transaction.atomic
def do_add_mask(actor: Any, message: Message, *, fragment: str = "", field: str = "", start: int | None = None,
                end: int | None = None) -> ManualMask:
    """Add a mask by hand before the message goes public (Art. 32): a text fragment, or a span."""
    require(actor, "message.mask", message)
    _step(message, "add_mask")
    fragment = (fragment or "").strip()
    if field and field not in dict(ManualMask.FIELDS):
        raise InvalidInput("字段应为 title、body 或 reply。", fields={"field": "取值不在允许范围内"})
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
    record(message, "add_mask", actor=actor, note=f"人工屏蔽：{mask.field or '各字段'}",
           data={"mask": mask.pk, "field": mask.field, "start": mask.start, "end": mask.end,
                 "length": len(mask.fragment)})
    return mask


@transaction.atomic
def do_remove_mask(actor: Any, mask: ManualMask) -> None:
    message = mask.message
    require(actor, "message.mask", message)
    _step(message, "remove_mask")
    pk = mask.pk
    mask.delete()
    record(message, "remove_mask", actor=actor, note="删除人工屏蔽", data={"mask": pk})


@transaction.atomic
def do_save_word_list(actor: Any, kind: str, words: str) -> WordList:
    require(actor, "message.word_lists")
    if kind not in dict(WordList.KINDS):
        raise NotFound("没有这个词表。")
    wordlist, _ = WordList.objects.get_or_create(kind=kind)
    before = wordlist.word_list()
    wordlist.words = "\n".join(sorted({w for w in re.split(r"[\s,，、]+", words or "") if w}))
    wordlist.save()
    record(wordlist, "save_word_list", actor=actor, note=f"更新词表“{wordlist}”",
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


def import_new_media_csv(actor: Any, text: str) -> ImportResult:
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
                actor, platform=data.get("platform", ""), account=data.get("account", ""),
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
