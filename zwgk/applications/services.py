"""Writes on applications for disclosure (Ch. 3): intake and one ``do_<action>`` per action of API.md.

Every action is registered in ``ACTIONS`` (``zwgk.core.actions``) with the schema of its body, and
runs in a transaction on the application re-read under ``select_for_update``; its guard
``check_<action>`` asks the transition table for the target state and ``org.permissions`` for the
right (rules in ``rules.py``), then the once-only rules of the seed. Every change writes one event
(``ApplicationEvent``). Every deadline goes through ``zwgk.workdays.services`` (principle 3), with
the policy profile the case was registered under:

- Art. 15: registered and numbered at once; reply within ``application_reply`` working days of
  receipt; one supplement notice within ``supplement_notice`` working days, the clock stopping
  until resubmission and counting afresh from it; one extension of at most
  ``application_extension`` working days, asked for by whoever works the case and decided by the
  office head in their own session (or extended by the head directly), the applicant told with
  the head's real name; time spent consulting third parties is not counted.
- Art. 16: each outcome carries what its letter needs (reason, article, other body).
- Art. 18: the third party has ``third_party_reply`` working days; a consultation left unanswered
  ends at that deadline (``expired``); after a refusal or no answer the office may still disclose
  in the public interest, with a written notice to the third party.
- Art. 19: the day of receipt by channel. Art. 20: the sign-off chain, each step recording a
  fingerprint of what it approved; the reply issues exactly that. Art. 21: contests.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from zwgk.applications import letters
from zwgk.applications import schemas as s
from zwgk.applications.models import (
    ABANDON_REASONS,
    APPLICANT_TYPES,
    CHANNELS,
    DELIVERIES,
    ID_TYPES,
    ORGANIZATION_TYPES,
    OUTCOMES,
    Application,
    ApplicationEvent,
    Contest,
    ContestResult,
    Decision,
    ExtensionRequest,
    ExtensionState,
    Letter,
    LetterTemplate,
    Outcome,
    ReplyAttachment,
    Review,
    Scan,
    SignOff,
    Stage,
    ThirdPartyConsultation,
    TransferSlip,
)
from zwgk.applications.rules import is_office
from zwgk.core import contact, files, query_codes
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionRefused, TransitionTable
from zwgk.events.services import record
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import can, is_staff_member, require
from zwgk.privacy.ids import is_valid_credit_code, is_valid_resident_id
from zwgk.workdays import services as workdays

A = Application
OPEN = list(A.OPEN)
CLOSED = list(A.CLOSED)
CLOCK_RUNNING = [A.RECEIVED, A.TRANSFERRED, A.IN_SIGNOFF, A.SIGNED_OFF]
TABLE = TransitionTable.build(
    [
        ("request_supplement", [A.RECEIVED], A.AWAITING_SUPPLEMENT),
        ("resubmit", [A.AWAITING_SUPPLEMENT], A.RECEIVED),
        ("transfer", [A.RECEIVED, A.TRANSFERRED], A.TRANSFERRED),
        ("consult_third_party", [A.RECEIVED, A.TRANSFERRED], None),
        ("third_party_replied", [A.RECEIVED, A.TRANSFERRED], None),
        ("decide_public_interest", [A.RECEIVED, A.TRANSFERRED], None),
        ("request_extension", CLOCK_RUNNING, None),
        ("approve_extension", CLOCK_RUNNING, None),
        ("refuse_extension", CLOCK_RUNNING, None),
        ("extend", CLOCK_RUNNING, None),
        ("draft_reply", [A.TRANSFERRED], A.IN_SIGNOFF),
        ("sign_off", [A.IN_SIGNOFF], (A.IN_SIGNOFF, A.SIGNED_OFF, A.TRANSFERRED)),
        ("reply", [A.RECEIVED, A.SIGNED_OFF], A.ANSWERED),
        ("withdraw", OPEN, A.WITHDRAWN),
        ("abandon", OPEN, A.ABANDONED),
        ("record_contest", CLOSED, None),
        ("decide_contest", CLOSED, None),
    ],
    state_labels=dict(A.STATUSES),
    action_labels={
        "request_supplement": "告知补正", "resubmit": "补正后重新提交", "transfer": "转办",
        "consult_third_party": "征求第三方意见", "third_party_replied": "第三方答复",
        "decide_public_interest": "决定公开（公共利益）", "request_extension": "申请延期",
        "approve_extension": "同意延期", "refuse_extension": "不同意延期", "extend": "延期答复",
        "draft_reply": "拟定答复", "sign_off": "审签", "reply": "答复申请人", "withdraw": "撤回申请",
        "abandon": "视为放弃申请", "record_contest": "登记复议诉讼", "decide_contest": "复议诉讼审结",
    },
)
ACTIONS = ActionRegistry(TABLE)
ACTION_LABELS = dict(TABLE.action_labels)
# The actions of the case page's forms; contests have their own section.
CASE_ACTIONS = [name for name in TABLE.rows if name not in ("record_contest", "decide_contest")]
REVIEWS = tuple(Review.values)
NEEDS_REASON = (Outcome.PARTLY_DISCLOSED, Outcome.NOT_DISCLOSED)
CITIZEN = "申请人"
GUARDS: dict[str, Callable[..., str]] = {}
# Applicants who wrote or came in person get a written receipt (受理回执); online ones get the
# portal's receipt page and e-mail or fax senders their own channel's answer.
RECEIPT_CHANNELS = ("in_person", "mail")


# --- intake (Art. 13, 14, 15, 19) -----------------------------------------------------------------

def query_code_matches(application: Application, code: str | None) -> bool:
    return query_codes.query_code_matches(application.query_code_hash, code)


def _choice(value: Any, choices: list[tuple[str, str]]) -> bool:
    return value in {code for code, _ in choices}


def clean_intake(data: dict[str, Any]) -> dict[str, Any]:
    """Check an application against Art. 13: who applies and how to reach them, what is asked for,
    in what form. Raises InvalidInput naming each faulty field in Chinese."""
    errors: dict[str, str] = {}
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    for field, label in (("name", "申请人姓名或名称"), ("id_number", "证件号码"), ("phone", "联系电话"),
                         ("description", "所需信息的描述")):
        clean[field] = contact.required_text(clean.get(field), errors, field, label, 5000)
    if not _choice(clean.get("applicant_type"), APPLICANT_TYPES):
        errors["applicant_type"] = "请选择申请人类型（公民或法人/其他组织）。"
    if not _choice(clean.get("id_type"), ID_TYPES):
        errors["id_type"] = "请选择身份证明类型。"
    if not _choice(clean.get("delivery"), DELIVERIES):
        errors["delivery"] = "请选择获取信息的方式。"
    number = (clean.get("id_number") or "").replace(" ", "")
    if clean.get("id_type") == "resident_id" and number:
        number = number.upper()
        if not is_valid_resident_id(number):
            errors["id_number"] = "居民身份证号码有误，请核对（18位，最后一位为校验码）。"
    elif clean.get("id_type") == "credit_code" and number:
        number = number.upper()
        if not is_valid_credit_code(number):
            errors["id_number"] = "统一社会信用代码有误，请核对（18位，最后一位为校验码）。"
    elif number and not (4 <= len(number) <= 40):
        errors["id_number"] = "证件号码长度不正确。"
    clean["id_number"] = number
    if clean.get("applicant_type") == "legal_person":
        if not clean.get("organization"):
            errors["organization"] = "法人或其他组织申请的，请填写组织名称。"
        if not _choice(clean.get("organization_type"), ORGANIZATION_TYPES):
            errors["organization_type"] = "请选择组织类型。"
    elif clean.get("organization_type") and not _choice(clean.get("organization_type"), ORGANIZATION_TYPES):
        errors["organization_type"] = "组织类型不在允许范围内。"
    contact.check_phone(clean.get("phone"), errors)
    if clean.get("delivery") == "email" and not clean.get("email"):
        errors["email"] = "选择电子邮件方式获取信息的，请填写电子邮箱。"
    if clean.get("delivery") == "paper" and not clean.get("address"):
        errors["address"] = "选择纸质邮寄方式的，请填写通信地址。"
    contact.check_email(clean.get("email"), errors)
    if errors:
        raise InvalidInput("申请内容有误：" + "；".join(errors.values()), fields=errors)
    return clean


@transaction.atomic
def do_submit(data: dict[str, Any], *, actor: Any = None) -> tuple[Application, str]:
    """Store, number and acknowledge an application (Art. 15). Returns it and its query code.

    Online: channel ``online``, received today. Staff register letters, e-mails, faxes and visits
    with their channel and the day of receipt by Art. 19.
    """
    staff = actor if is_staff_member(actor) else None
    channel = data.get("channel") or "online"
    received_on = data.get("received_on")
    if data.get("channel") is not None or received_on is not None:
        if staff is None:
            raise NotAuthenticated("登记来信、来访等申请须由工作人员登录后进行。")
        if not is_office(staff):
            raise Forbidden("只有政务公开办公室可以登记政府信息公开申请。")
        if not _choice(channel, CHANNELS):
            raise InvalidInput("申请渠道不在允许范围内。", fields={"channel": "取值不在允许范围内"})
        if received_on is None:
            raise InvalidInput("请填写收到申请的日期（第十九条）。", fields={"received_on": "必填"})
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise InvalidInput("收到申请日期不能晚于今天。", fields={"received_on": "不能晚于今天"})
    clean = clean_intake(data)
    code = query_codes.new_query_code()
    application = Application(
        query_code_hash=query_codes.hash_query_code(code),
        applicant_type=clean["applicant_type"],
        name=clean["name"],
        id_type=clean["id_type"],
        id_number=clean["id_number"],
        organization=clean.get("organization") or "",
        organization_type=clean.get("organization_type") or "",
        phone=clean["phone"],
        email=clean.get("email") or "",
        address=clean.get("address") or "",
        description=clean["description"],
        purpose=clean.get("purpose") or "",
        delivery=clean["delivery"],
        fee_waiver_requested=bool(clean.get("fee_waiver_requested")),
        channel=channel,
        received_on=received_on,
        registered_by=staff,
    )
    workdays.set_due(application, received_on, _limit(application, "application_reply"))
    # Numbered last before the writes: the counter's row stays locked until the commit, so every
    # read before it would hold up the next citizen's submission (issue 11, the intake's rate).
    application.number = number = next_number("application", received_on.year)
    application.save()
    if channel in RECEIPT_CHANNELS:
        letters.issue(application, "receipt", received_on)
    record(
        application, ApplicationEvent.SUBMIT, actor=staff, actor_label=None if staff else CITIZEN,
        to_state=application.status,
        note=f"收到申请（{dict(CHANNELS)[channel]}），已登记编号 {number}，答复期限 {application.due_on}。",
        data={"channel": channel, "received_on": str(received_on)}, public=True,
    )
    return application, code


# --- guards: may this person do it now? ------------------------------------------------------------

def guard(fn: Callable[..., str]) -> Callable[..., str]:
    """Register ``check_<action>`` so that the workbench can ask which actions are open."""
    GUARDS[fn.__name__.removeprefix("check_")] = fn
    return fn


def _may(application: Application, action: str, actor: Any, right: str, *, to: str | None = None) -> str:
    """The table first (409 ``action_not_allowed``), then the right (403); the target state."""
    if not is_staff_member(actor):
        raise NotAuthenticated()
    target = TABLE.target(action, application.status, to=to)
    if not can(actor, right, application):
        raise Forbidden(f"您不能对此申请进行“{ACTION_LABELS[action]}”操作。")
    return target


def _refuse(message: str) -> Conflict:
    return Conflict(message, code="action_not_allowed")


def pending_stage(application: Application) -> str | None:
    return application.pending_stage()


@guard
def check_request_supplement(application: Application, *, actor: Any) -> str:
    target = _may(application, "request_supplement", actor, "application.register")
    if application.supplement_requested_on is not None:
        raise _refuse("补正告知只能一次性作出（第十五条），本申请已告知过补正。")
    return target


@guard
def check_resubmit(application: Application, *, actor: Any) -> str:
    return _may(application, "resubmit", actor, "application.register")


@guard
def check_transfer(application: Application, *, actor: Any) -> str:
    return _may(application, "transfer", actor, "application.register")


@guard
def check_consult_third_party(application: Application, *, actor: Any) -> str:
    target = _may(application, "consult_third_party", actor, "application.work")
    if application.paused:
        raise _refuse("本申请正在征求第三方意见，须待其答复后再次征求。")
    return target


@guard
def check_third_party_replied(application: Application, *, actor: Any) -> str:
    target = _may(application, "third_party_replied", actor, "application.work")
    if not application.paused:
        raise _refuse("本申请没有正在进行的第三方意见征求。")
    return target


def _public_interest_consultation(application: Application) -> ThirdPartyConsultation | None:
    """The latest consultation that the third party refused or let expire, not yet decided."""
    latest = application.consultations.order_by("-started_on", "-pk").first()
    return latest if latest is not None and latest.may_disclose_in_public_interest else None


@guard
def check_decide_public_interest(application: Application, *, actor: Any) -> str:
    target = _may(application, "decide_public_interest", actor, "application.decide_public_interest")
    if _public_interest_consultation(application) is None:
        raise _refuse("只有第三方不同意公开或者逾期未答复时，才能决定基于公共利益予以公开（第十八条）。")
    return target


def _extension_open(application: Application) -> None:
    if application.extended_days is not None:
        raise _refuse("答复期限只能延长一次（第十五条），本申请已延期。")
    if application.due_start is None:
        raise _refuse("答复期限未在计算中，不能延期。")


@guard
def check_request_extension(application: Application, *, actor: Any) -> str:
    target = _may(application, "request_extension", actor, "application.work")
    _extension_open(application)
    if application.pending_extension() is not None:
        raise _refuse("本申请已有待审批的延期申请。")
    return target


def _decide_extension(application: Application, action: str, actor: Any) -> str:
    """Art. 15 ¶3: the office head answers a pending request, in their own session."""
    target = _may(application, action, actor, "application.approve_extension")
    if application.pending_extension() is None:
        raise _refuse("本申请没有待审批的延期申请。")
    return target


@guard
def check_approve_extension(application: Application, *, actor: Any) -> str:
    return _decide_extension(application, "approve_extension", actor)


@guard
def check_refuse_extension(application: Application, *, actor: Any) -> str:
    return _decide_extension(application, "refuse_extension", actor)


@guard
def check_extend(application: Application, *, actor: Any) -> str:
    target = _may(application, "extend", actor, "application.approve_extension")
    _extension_open(application)
    if application.pending_extension() is not None:
        raise _refuse("本申请有待审批的延期申请，请先同意或不同意该申请。")
    return target


@guard
def check_draft_reply(application: Application, *, actor: Any) -> str:
    target = _may(application, "draft_reply", actor, "application.draft")
    if application.paused:
        raise _refuse("正在征求第三方意见，待第三方答复或期限届满后再答复。")
    return target


@guard
def check_sign_off(application: Application, *, actor: Any, to: str = A.IN_SIGNOFF) -> str:
    return _may(application, "sign_off", actor, "application.sign_off", to=to)


@guard
def check_reply(application: Application, *, actor: Any) -> str:
    target = _may(application, "reply", actor, "application.reply")
    if application.paused:
        raise _refuse("正在征求第三方意见，待第三方答复或期限届满后再答复。")
    return target


@guard
def check_withdraw(application: Application, *, actor: Any) -> str:
    return _may(application, "withdraw", actor, "application.register")


@guard
def check_abandon(application: Application, *, actor: Any) -> str:
    return _may(application, "abandon", actor, "application.register")


def _contest_guard(application: Application, action: str, actor: Any) -> str:
    """Art. 21: the legal corps keeps reconsideration and litigation, once the case is closed."""
    if not can(actor, "application.legal", application):
        require(actor, "application.legal", application)  # 401 for anonymous people
        raise Forbidden("行政复议和行政诉讼由法制总队登记。")
    try:
        return TABLE.target(action, application.status)
    except TransitionRefused:
        raise _refuse("申请尚未办结，不能登记行政复议或诉讼。") from None


@guard
def check_record_contest(application: Application, *, actor: Any) -> str:
    return _contest_guard(application, "record_contest", actor)


@guard
def check_decide_contest(application: Application, *, actor: Any) -> str:
    return _contest_guard(application, "decide_contest", actor)


def available_actions(application: Application, user: Any) -> list[str]:
    """The actions this person may take on the case now (the workbench shows only these)."""
    result = []
    for action in CASE_ACTIONS:
        try:
            GUARDS[action](application, actor=user)
        except (TransitionRefused, Forbidden, Conflict, NotAuthenticated):
            continue
        result.append(action)
    return result


# --- helpers --------------------------------------------------------------------------------------

def _limit(application: Application, name: str) -> int:
    """A time limit of the policy profile the case was registered under."""
    return workdays.limit(name, application.policy_profile)


def supplement_days(application: Application) -> int:
    """Working days from the notice to supplement: the profile's ``supplement_days`` (migration
    0009 sets it in every profile). The seed is silent; the national regulation (Art. 30) asks for
    a reasonable period."""
    return _limit(application, "supplement_days")


def _text(value: Any, field: str, label: str, *, required: bool = True, max_length: int = 5000) -> str:
    value = value.strip() if isinstance(value, str) else ""
    if required and not value:
        raise InvalidInput(f"请填写{label}。", fields={field: "必填"})
    if len(value) > max_length:
        raise InvalidInput(f"{label}过长。", fields={field: "内容过长"})
    return value


def _day(application: Application, on: date, *, not_before: date | None = None) -> date:
    floor = max(d for d in (application.received_on, not_before) if d is not None)
    if on < floor:
        raise InvalidInput(f"日期不能早于 {floor}。", fields={"on": f"不能早于 {floor}"})
    return on


def _save(application: Application, action: str, actor: Any, before: str, target: str, note: str, *,
          public: bool = False, data: dict | None = None) -> Application:
    application.status = target
    application.save()
    record(application, action, actor=actor, from_state=before, to_state=target, note=note, data=data or {},
           public=public)
    return application


def _answer(outcome: str, reason: str | None, legal_basis: str | None, content: str | None,
            other_body: dict[str, str] | None) -> dict[str, Any]:
    """What the letter of ``outcome`` needs (Art. 16), complete, or InvalidInput naming each gap:
    partly_disclosed / not_disclosed a reason and the text; not_ours the other body's name and
    contact. The legal basis is the drafter's text or the article the reason rests on (data)."""
    errors: dict[str, str] = {}
    content = (content or "").strip()
    if outcome in NEEDS_REASON:
        if not reason:
            errors["reason"] = "部分公开或不予公开的，须选择理由（第十六条）"
        if not content:
            errors["content"] = "须写明理由说明或可以公开的内容"
    else:
        reason = ""
    body: dict[str, str] = {}
    if outcome == Outcome.NOT_OURS:
        body = {k: (other_body or {}).get(k, "").strip() for k in ("name", "contact")}
        if not all(body.values()):
            errors["other_body"] = "不属于本机关公开范围的，须写明负责公开该信息的机关名称和联系方式"
    if errors:
        raise InvalidInput("答复内容不完整：" + "；".join(errors.values()) + "。", fields=errors)
    template = LetterTemplate.objects.get(pk=letters.OUTCOME_LETTER[outcome])
    basis = letters.legal_basis(template, reason, (legal_basis or "").strip())
    return {"outcome": outcome, "reason": reason or "", "legal_basis": basis, "content": content,
            "other_body": body}


def fingerprint(answer: dict[str, Any]) -> str:
    """sha256 of what a sign-off approves: outcome, reason, legal basis, content, other body, and
    the attached files (name and SHA-256 of each; the key is left out when there are none, so that
    fingerprints of answers without attachments are what they always were)."""
    keys = ("outcome", "reason", "legal_basis", "content", "other_body")
    approved = {k: answer.get(k) or "" for k in keys}
    if answer.get("attachments"):
        approved["attachments"] = [list(pair) for pair in answer["attachments"]]
    text = json.dumps(approved, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pending_attachments(application: Application) -> list[list[str]]:
    """[name, sha256] of the files attached to the answer being drafted (not yet sent)."""
    return [[a.name, a.sha256] for a in application.reply_attachments.filter(letter__isnull=True)]


def draft_answer(application: Application) -> dict[str, Any]:
    return {"outcome": application.draft_outcome, "reason": application.draft_reason,
            "legal_basis": application.draft_legal_basis, "content": application.draft_content,
            "other_body": application.draft_other_body or {}, "attachments": pending_attachments(application)}


# Art. 16 (一)(二)(五): the answers that give information, and so may carry it as attached files.
DISCLOSING = (Outcome.ALREADY_PUBLIC, Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED)
REPLY_ATTACHMENT_TYPES = {files.PDF: "pdf", files.DOCX: "docx", files.XLSX: "xlsx", files.PNG: "png",
                          files.JPEG: "jpg", files.TIFF: "tif"}
REPLY_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def _check_attachments_fit(application: Application, outcome: str) -> list[list[str]]:
    attached = pending_attachments(application)
    if attached and outcome not in DISCLOSING:
        raise InvalidInput("只有予以公开、部分公开或已主动公开的答复可以附送政府信息文件；请先删除答复附件。",
                           fields={"attachments": "此答复类型不能附送文件"})
    return attached


def check_reply_attachments(application: Application, *, actor: Any) -> None:
    """Files are attached while the answer is drafted: by the lead department before draft_reply,
    or by the office before an on-the-spot reply. Once the sign-off chain has begun they are
    fixed (Art. 20: the fingerprint covers them); a change needs a return and a new draft."""
    if not is_staff_member(actor):
        raise NotAuthenticated()
    if application.status == A.TRANSFERRED:
        right = "application.draft"
    elif application.status == A.RECEIVED:
        right = "application.register"
    else:
        raise _refuse("答复附件只能在拟定答复前添加或删除；送审后不能更改，如需修改请退回后重新拟定答复。")
    if not can(actor, right, application):
        raise Forbidden("您不能更改本申请的答复附件。")


@transaction.atomic
def do_attach_reply_file(application: Application, *, actor: Staff, name: str, data: bytes) -> ReplyAttachment:
    """Attach a file of the disclosed information to the answer being drafted (Art. 16)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_reply_attachments(application, actor=actor)
    content_type, ext = check_file(name, data, REPLY_ATTACHMENT_TYPES, REPLY_ATTACHMENT_MAX_BYTES, "答复附件",
                                   field="attachments")
    stem = (name.rsplit(".", 1)[0].strip() or "附件")[:120]
    attachment = ReplyAttachment(application=application, name=f"{stem}.{ext}", content_type=content_type,
                                 size=len(data), sha256=hashlib.sha256(data).hexdigest(), uploaded_by=actor)
    _stored_file(attachment.file, data, ext)
    attachment.save()
    record(application, ApplicationEvent.ATTACH_REPLY_FILE, actor=actor, from_state=application.status,
           to_state=application.status, note=f"添加答复附件：{attachment.name}",
           data={"attachment": attachment.pk, "sha256": attachment.sha256})
    return attachment


@transaction.atomic
def do_remove_reply_file(application: Application, *, actor: Staff, attachment_id: int) -> None:
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_reply_attachments(application, actor=actor)
    attachment = application.reply_attachments.filter(pk=attachment_id, letter__isnull=True).first()
    if attachment is None:
        raise NotFound("没有这个答复附件。")
    name = attachment.name
    attachment.delete()
    record(application, ApplicationEvent.REMOVE_REPLY_FILE, actor=actor, from_state=application.status,
           to_state=application.status, note=f"删除答复附件：{name}", data={"attachment": attachment_id})


ANSWER_LABELS = {"outcome": "答复类型", "reason": "理由", "legal_basis": "法律依据", "content": "答复内容",
                 "other_body": "负责公开的机关"}


def preview(application: Application, on: date | None = None) -> Letter:
    """The letter of the current draft as it will be sent (unsaved): what each reviewer reads."""
    answer = draft_answer(application)
    return letters.build(application, letters.OUTCOME_LETTER[answer["outcome"]], on or timezone.localdate(),
                         basis=answer["legal_basis"], content=answer["content"], outcome=answer["outcome"],
                         reason=answer["reason"], other_body=answer["other_body"],
                         attachments=_titles(application))


def _titles(application: Application) -> list[str]:
    return [a.title for a in application.reply_attachments.filter(letter__isnull=True)]


# --- actions --------------------------------------------------------------------------------------

@ACTIONS.action(s.SupplementIn)
def do_request_supplement(application: Application, *, actor: Staff, on: date, items: list[str]) -> Application:
    """Art. 15 ¶2: one written notice, within ``supplement_notice`` working days of receipt; the
    clock stops (``due_on`` null) until the applicant resubmits."""
    target = check_request_supplement(application, actor=actor)
    on = _day(application, on)
    days = _limit(application, "supplement_notice")
    latest = workdays.deadline(application.received_on, days).date
    if on > latest:
        raise Conflict(f"补正告知应在收到申请后{days}个工作日内（{latest}前）作出。", code="supplement_too_late")
    items = [i.strip() for i in items if i.strip()]
    if not items:
        raise InvalidInput("请列明需要补正的事项。", fields={"items": "至少一项"})
    before = application.status
    application.supplement_requested_on = on
    application.supplement_items = items
    # The notice states the last day to supplement (national regulation Art. 30: a reasonable period).
    application.supplement_due_on = workdays.deadline(on, supplement_days(application)).date
    workdays.clear_due(application)
    application.status = target
    application.save()
    letters.issue(application, "supplement", on)
    record(application, ApplicationEvent.REQUEST_SUPPLEMENT, actor=actor, from_state=before, to_state=target,
           note="申请内容不明确，已一次性书面告知补正：" + "；".join(items)
           + f"。请于 {application.supplement_due_on} 前补正，逾期不补正的视为放弃申请。补正前答复期限暂停计算。",
           data={"on": str(on), "items": items, "supplement_due_on": str(application.supplement_due_on)},
           public=True)
    return application


def _restart_clock(application: Application, on: date, actor: Any, note: str, **data: Any) -> Application:
    """Art. 15 ¶2: the period counts afresh from the day the resubmitted application is received."""
    target = TABLE.target("resubmit", application.status)
    before = application.status
    application.resubmitted_on = on
    workdays.set_due(application, on, _limit(application, "application_reply"))
    application.status = target
    application.save()
    record(application, ApplicationEvent.RESUBMIT, actor=actor, actor_label=None if actor else CITIZEN,
           from_state=before, to_state=target,
           note=f"{note}答复期限自 {on} 起重新计算，至 {application.due_on}。", public=True,
           data={"on": str(on), "due_on": str(application.due_on), **data})
    return application


@ACTIONS.action(s.On)
def do_resubmit(application: Application, *, actor: Staff, on: date) -> Application:
    """Art. 15 ¶2: the office registers a supplement received on paper (or by other channels)."""
    check_resubmit(application, actor=actor)
    on = _day(application, on, not_before=application.supplement_requested_on)
    return _restart_clock(application, on, actor, "收到补正后重新提交的申请，")


SUPPLEMENT_TYPES = {files.PDF: "pdf", files.PNG: "png", files.JPEG: "jpg", files.TIFF: "tif",
                    files.DOCX: "docx"}
SUPPLEMENT_MAX_FILES = 5
SUPPLEMENT_MAX_BYTES = 10 * 1024 * 1024


def check_file(name: str, data: bytes, types: dict[str, str], max_bytes: int, what: str,
               field: str = "files") -> tuple[str, str]:
    """``(content type, extension)`` of an accepted upload: the one upload gate
    (``core.files.check_upload``) judges it by its content and size and refuses hostile content."""
    labels = {kind: ext.upper() for kind, ext in types.items()}
    _, kind = files.check_upload(name, data, allowed=labels, max_bytes=max_bytes, field=field, what=what)
    return kind, types[kind]


def supplement_open(application: Application, today: date) -> bool:
    """The applicant may still supplement online: the notice is pending and its deadline not passed."""
    return (application.status == A.AWAITING_SUPPLEMENT and application.supplement_due_on is not None
            and today <= application.supplement_due_on)


def _stored_file(model_file: Any, data: bytes, ext: str) -> None:
    from django.core.files.base import ContentFile

    model_file.save(f"{secrets.token_hex(8)}.{ext}", ContentFile(data), save=False)


@transaction.atomic
def do_supplement_online(application: Application, *, text: str, uploads: list[tuple[str, bytes]],
                         today: date | None = None) -> Application:
    """Art. 15 ¶2: the applicant supplements from the status page (number + query code) before the
    deadline the notice states: the text and files are stored and the clock restarts from today.
    Every file is checked before anything is stored, so a refusal leaves nothing behind."""
    from zwgk.applications.models import Supplement, SupplementFile

    today = today or timezone.localdate()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != A.AWAITING_SUPPLEMENT:
        raise _refuse("本申请不在待补正状态，无需补正。")
    if not supplement_open(application, today):
        raise _refuse(f"补正期限（{application.supplement_due_on}）已过，不能再在线补正。")
    text = _text(text, "text", "补正内容")
    if len(uploads) > SUPPLEMENT_MAX_FILES:
        raise InvalidInput(f"补正材料最多上传{SUPPLEMENT_MAX_FILES}个文件。", fields={"files": "文件过多"})
    checked = [(name, data, *check_file(name, data, SUPPLEMENT_TYPES, SUPPLEMENT_MAX_BYTES, "补正材料"))
               for name, data in uploads]
    supplement = Supplement.objects.create(application=application, text=text, received_on=today)
    for name, data, content_type, ext in checked:
        row = SupplementFile(supplement=supplement, name=f"{(name.rsplit('.', 1)[0] or '材料')[:80]}.{ext}",
                             content_type=content_type, size=len(data))
        _stored_file(row.file, data, ext)
        row.save()
    count = f"，附材料{len(checked)}份" if checked else ""
    return _restart_clock(application, today, None, f"申请人在线补正{count}，", supplement=supplement.pk)


@transaction.atomic
def do_close_unsupplemented(application: Application, today: date) -> bool:
    """The daily job: a case whose supplement deadline passed without a supplement is closed as
    abandoned (视为放弃, national regulation Art. 30; Art. 15 ¶2), with its letter naming the notice
    and the deadline; the applicant is told through the case's event."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    due = application.supplement_due_on
    if application.status != A.AWAITING_SUPPLEMENT or due is None or due >= today:
        return False
    _abandon_unsupplemented(application, None, today)
    return True


def _abandon_unsupplemented(application: Application, actor: Any, on: date) -> Application:
    target = TABLE.target("abandon", application.status)
    notice = application.letters.filter(template_id="supplement").order_by("-issued_on", "-pk").first()
    application.closed_on, application.closing_note = on, "no_supplement"
    before = application.status
    application.status = target
    application.save()
    letter = letters.issue(application, "abandoned", on,
                           supplement_number=f"（{notice.document_number}）" if notice and notice.document_number
                           else "")
    record(application, ApplicationEvent.ABANDON, actor=actor, from_state=before, to_state=target,
           note=f"补正期限（{application.supplement_due_on}）届满未补正，视为放弃申请（{letter.name}）。",
           public=True, data={"on": str(on), "reason": "no_supplement", "letter": letter.pk})
    return application


@ACTIONS.action(s.TransferIn)
def do_transfer(application: Application, *, actor: Staff, on: date, lead: str, assisting: list[str] | None = None,
                note: str | None = None) -> Application:
    """Art. 15 ¶3, Art. 20 ¶3: the transfer slip (转办单) names the lead and assisting departments."""
    target = check_transfer(application, actor=actor)
    on = _day(application, on)
    lead_department = Department.objects.filter(code=lead, active=True).first()
    if lead_department is None:
        raise InvalidInput("请选择主办部门。", fields={"lead": "部门不存在"})
    codes = assisting or []
    helpers = list(Department.objects.filter(code__in=codes, active=True).exclude(pk=lead_department.pk))
    unknown = set(codes) - {d.code for d in helpers} - {lead_department.code}
    if unknown:
        raise InvalidInput(f"协办部门不存在：{'、'.join(sorted(unknown))}。", fields={"assisting": "部门不存在"})
    before = application.status
    slip = TransferSlip.objects.create(application=application, transferred_on=on, lead=lead_department, by=actor,
                                       note=(note or "").strip())
    slip.assisting.set(helpers)
    application.lead_department = lead_department
    application.transferred_on = on
    application.save()
    application.assisting_departments.set(helpers)
    letters.issue(application, "transfer_slip", on, public=False)
    names = "、".join(d.name for d in helpers)
    return _save(application, ApplicationEvent.TRANSFER, actor, before, target,
                 f"已填写转办单，转{lead_department.name}主办" + (f"，{names}协办" if names else "") + "。",
                 public=True,
                 data={"on": str(on), "lead": lead_department.code, "assisting": [d.code for d in helpers]})


@ACTIONS.action(s.ConsultIn)
def do_consult_third_party(application: Application, *, actor: Staff, on: date, party: str,
                           contact: str = "") -> Application:
    """Art. 18: written consultation; the third party answers within ``third_party_reply`` working
    days; Art. 15 ¶5: the time is not counted in the reply period (the clock pauses)."""
    target = check_consult_third_party(application, actor=actor)
    on = _day(application, on)
    party = _text(party, "party", "第三方名称", max_length=200)
    contact = _text(contact, "contact", "第三方联系方式", required=False, max_length=200)
    consultation = ThirdPartyConsultation(application=application, party=party, contact=contact, started_on=on,
                                          by=actor)
    workdays.set_due(consultation, on, _limit(application, "third_party_reply"))
    consultation.save()
    letters.issue(application, "third_party", on, public=False, party=party, party_due_on=consultation.due_on)
    return _save(application, ApplicationEvent.CONSULT_THIRD_PARTY, actor, application.status, target,
                 f"申请涉及第三方权益，已书面征求第三方意见（第三方答复期限 {consultation.due_on}），"
                 "征求意见期间不计入答复期限。", public=True,
                 data={"on": str(on), "party_due_on": str(consultation.due_on)})


def _end_consultation(application: Application, consultation: ThirdPartyConsultation, on: date) -> int:
    """End the pause on ``on``: the reply period moves later by the working days in (start, end],
    where a pause ending by expiry counts only to the third party's deadline (Art. 15, 18)."""
    end = min(on, consultation.due_on) if consultation.due_on else on
    days, _ = workdays.working_days_between(consultation.started_on, end)
    consultation.ended_on = on
    consultation.ended_by_expiry = bool(consultation.due_on and on > consultation.due_on)
    consultation.counted_days = days
    consultation.save()
    if application.due_start is not None and days:
        workdays.extend_due(application, days)
    application.paused_days += days
    return days


@ACTIONS.action(s.RepliedIn)
def do_third_party_replied(application: Application, *, actor: Staff, on: date, consent: bool,
                           opinion: str = "") -> Application:
    target = check_third_party_replied(application, actor=actor)
    consultation = application.open_consultation()
    on = _day(application, on, not_before=consultation.started_on)
    consultation.replied_on = on
    consultation.consent = consent
    consultation.opinion = _text(opinion, "opinion", "第三方意见", required=False)
    days = _end_consultation(application, consultation, on)
    expiry = "（第三方逾期答复，不计时期间算至其答复期限届满之日）" if consultation.ended_by_expiry else ""
    return _save(application, ApplicationEvent.THIRD_PARTY_REPLIED, actor, application.status, target,
                 f"收到第三方意见，恢复计时；不计时{days}个工作日{expiry}，答复期限顺延至 {application.due_on}。",
                 public=True, data={"on": str(on), "consent": consent, "paused_days": days,
                                    "due_on": str(application.due_on)})


@transaction.atomic
def do_expire_consultation(consultation: ThirdPartyConsultation, today: date) -> bool:
    """Art. 18: a third party that did not answer by its deadline: the pause ends by expiry."""
    application = Application.objects.select_for_update().get(pk=consultation.application_id)
    consultation = ThirdPartyConsultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.ended_on is not None or consultation.due_on is None or consultation.due_on >= today:
        return False
    days = _end_consultation(application, consultation, consultation.due_on)
    application.save()
    record(application, ApplicationEvent.THIRD_PARTY_EXPIRED, from_state=application.status,
           to_state=application.status,
           note=f"第三方逾期未答复，{consultation.due_on}起恢复计时；不计时{days}个工作日，"
           f"答复期限顺延至 {application.due_on}。",
           data={"paused_days": days, "due_on": str(application.due_on)}, public=True)
    return True


@ACTIONS.action(s.PublicInterestIn)
def do_decide_public_interest(application: Application, *, actor: Staff, on: date, reason: str) -> Application:
    """Art. 18: the third party refused or did not answer, but the office finds that not
    disclosing would seriously harm the public interest: it discloses, and tells the third party
    in writing what it will disclose and why (its own letter)."""
    target = check_decide_public_interest(application, actor=actor)
    consultation = _public_interest_consultation(application)
    on = _day(application, on, not_before=consultation.started_on)
    reason = _text(reason, "reason", "决定公开的理由")
    if consultation.ended_on is None:  # expired, not yet closed by the nightly run
        _end_consultation(application, consultation, on)
    consultation.public_interest_on, consultation.public_interest_reason = on, reason
    consultation.public_interest_by = actor
    consultation.save()
    answer = "第三方逾期未答复" if consultation.ended_by_expiry else "第三方不同意公开"
    letters.issue(application, "public_interest", on, public=False, party=consultation.party,
                  started_on=consultation.started_on, answer_text=f"{answer}。", content=reason)
    return _save(application, ApplicationEvent.DECIDE_PUBLIC_INTEREST, actor, application.status, target,
                 f"{answer}，经审查认为不公开可能对公共利益造成重大影响，决定予以公开，已书面告知第三方。理由：{reason}",
                 data={"on": str(on), "consultation": consultation.pk})


def _extension_days(application: Application, days: int) -> int:
    most = _limit(application, "application_extension")
    if not 1 <= days <= most:
        raise InvalidInput(f"延期天数应为1至{most}个工作日。", fields={"days": f"应为1至{most}"})
    return days


def _before_due(application: Application, on: date, what: str) -> None:
    """Art. 15 ¶3: an extension is asked for and granted while the period runs, not after."""
    if application.due_on is not None and on > application.due_on:
        raise InvalidInput(f"答复期限（{application.due_on}）已过，不能再{what}（第十五条）。",
                           fields={"on": f"晚于答复期限 {application.due_on}"})


def _apply_extension(application: Application, *, actor: Staff, on: date, days: int, reason: str,
                     action: str, requested_by: Staff | None = None) -> Application:
    """The head's consent takes effect: the period moves, the applicant is told who agreed."""
    before_due = application.due_on
    application.extended_days, application.extension_reason = days, reason
    application.extension_approved_by = actor
    workdays.extend_due(application, days)
    application.save()
    letters.issue(application, "extension", on)
    asked = f"{requested_by.display_name}申请，" if requested_by else ""
    return _save(application, action, actor, application.status, application.status,
                 f"{asked}经政务公开办公室负责人{actor.display_name}同意，答复期限延长{days}个工作日，"
                 f"由 {before_due} 延至 {application.due_on}。已告知申请人。理由：{reason}",
                 public=True, data={"on": str(on), "days": days, "approved_by": actor.username,
                                    "due_on": str(application.due_on)})


@ACTIONS.action(s.ExtensionRequestIn)
def do_request_extension(application: Application, *, actor: Staff, on: date, days: int,
                         reason: str) -> Application:
    """Art. 15 ¶3: whoever works the case asks; nothing moves until the office head agrees."""
    check_request_extension(application, actor=actor)
    on = _day(application, on)
    days = _extension_days(application, days)
    reason = _text(reason, "reason", "延期理由")
    _before_due(application, on, "申请延期")
    ExtensionRequest.objects.create(application=application, days=days, reason=reason, requested_on=on,
                                    requested_by=actor)
    return _save(application, ApplicationEvent.REQUEST_EXTENSION, actor, application.status, application.status,
                 f"申请延长答复期限{days}个工作日，待政务公开办公室负责人审批。理由：{reason}",
                 data={"on": str(on), "days": days})


@ACTIONS.action(s.On)
def do_approve_extension(application: Application, *, actor: Staff, on: date) -> Application:
    """Art. 15 ¶3: the office head consents, in their own session; the applicant is told."""
    check_approve_extension(application, actor=actor)
    request = application.extension_requests.select_for_update().get(state=ExtensionState.PENDING)
    on = _day(application, on, not_before=request.requested_on)
    _before_due(application, on, "批准延期")
    request.state, request.decided_on, request.decided_by = ExtensionState.APPROVED, on, actor
    request.save()
    return _apply_extension(application, actor=actor, on=on, days=request.days, reason=request.reason,
                            action=ApplicationEvent.APPROVE_EXTENSION, requested_by=request.requested_by)


@ACTIONS.action(s.RefuseExtensionIn)
def do_refuse_extension(application: Application, *, actor: Staff, on: date, reason: str) -> Application:
    """Art. 15 ¶3: the office head does not consent; the period stays as it is."""
    check_refuse_extension(application, actor=actor)
    request = application.extension_requests.select_for_update().get(state=ExtensionState.PENDING)
    on = _day(application, on, not_before=request.requested_on)
    reason = _text(reason, "reason", "不同意的理由")
    request.state, request.decided_on, request.decided_by = ExtensionState.REFUSED, on, actor
    request.decision_reason = reason
    request.save()
    return _save(application, ApplicationEvent.REFUSE_EXTENSION, actor, application.status, application.status,
                 f"政务公开办公室负责人不同意延期，答复期限仍为 {application.due_on}。理由：{reason}",
                 data={"on": str(on), "request": request.pk})


@ACTIONS.action(s.ExtendIn)
def do_extend(application: Application, *, actor: Staff, on: date, days: int, reason: str,
              approved_by: str | None = None) -> Application:
    """Art. 15 ¶3: the office head extends directly, once, by at most ``application_extension``
    working days; the acting account is the approver (``approved_by`` may only name it)."""
    check_extend(application, actor=actor)
    if approved_by not in (None, "", actor.username):
        raise InvalidInput("延期由政务公开办公室负责人本人在其账号中批准；批准人须为当前登录的账号。",
                           fields={"approved_by": "须为当前登录的办公室负责人账号"})
    on = _day(application, on)
    days = _extension_days(application, days)
    reason = _text(reason, "reason", "延期理由")
    _before_due(application, on, "延期")
    return _apply_extension(application, actor=actor, on=on, days=days, reason=reason,
                            action=ApplicationEvent.EXTEND)


@ACTIONS.action(s.DraftIn)
def do_draft_reply(application: Application, *, actor: Staff, on: date, outcome: str, reason: str | None = None,
                   legal_basis: str | None = None, content: str | None = None,
                   other_body: dict[str, str] | None = None, reviews: list[str] | None = None) -> Application:
    """Art. 16, 20: the lead department's handler proposes the answer, complete with what its
    letter needs; a new sign-off round starts at the department head."""
    target = check_draft_reply(application, actor=actor)
    on = _day(application, on)
    answer = _answer(outcome, reason, legal_basis, content, other_body)
    answer["attachments"] = _check_attachments_fit(application, answer["outcome"])
    before = application.status
    application.draft_outcome, application.draft_reason = answer["outcome"], answer["reason"]
    application.draft_legal_basis, application.draft_content = answer["legal_basis"], answer["content"]
    application.draft_other_body = answer["other_body"]
    application.draft_reviews = [r for r in REVIEWS if r in (reviews or [])]
    application.draft_by = actor
    application.drafted_on = on
    application.signoff_round += 1
    return _save(application, ApplicationEvent.DRAFT_REPLY, actor, before, target,
                 f"拟定答复意见：{dict(OUTCOMES)[outcome]}，提交审签。",
                 data={"on": str(on), "outcome": outcome, "reason": answer["reason"],
                       "reviews": application.draft_reviews, "fingerprint": fingerprint(answer)})


@ACTIONS.action(s.SignOffIn)
def do_sign_off(application: Application, *, actor: Staff, on: date, decision: str,
                comment: str | None = None) -> Application:
    """Art. 20: 部门负责人审核 → 厅保密办、法制总队审核（需要时）→ 办公室核稿 → 分管厅领导审签;
    each step records the fingerprint of the answer it approved; a return sends the draft back to
    the handler."""
    check_sign_off(application, actor=actor)
    on = _day(application, on)
    comment = _text(comment, "comment", "退回理由", required=decision == Decision.RETURN)
    stage = application.pending_stage()
    SignOff.objects.create(application=application, round=application.signoff_round, stage=stage, decision=decision,
                           comment=comment, on=on, by=actor, fingerprint=fingerprint(draft_answer(application)))
    label = Stage(stage).label
    if decision == Decision.RETURN:
        to, note = A.TRANSFERRED, f"{label}：退回承办人修改。{comment}"
    elif application.pending_stage() is None:
        to, note = A.SIGNED_OFF, f"{label}：同意。审签完毕，由主办部门答复申请人。"
    else:
        to, note = A.IN_SIGNOFF, f"{label}：同意。" + comment
    target = TABLE.target("sign_off", application.status, to=to)
    return _save(application, ApplicationEvent.SIGN_OFF, actor, application.status, target, note,
                 data={"on": str(on), "stage": stage, "decision": decision})


def _signed_answer(application: Application, given: dict[str, Any]) -> dict[str, Any]:
    """Art. 20: after the chain, the reply issues exactly what every step approved. A field given
    that differs is refused (422 naming it); a change goes back through draft_reply."""
    answer = draft_answer(application)
    for field, value in given.items():
        if value is None:
            continue
        same = (value.strip() if isinstance(value, str) else value) == answer[field]
        if not same:
            raise InvalidInput(f"{ANSWER_LABELS[field]}与审签通过的答复不一致；如需修改，请重新拟定答复并重新审签。",
                               fields={field: "与审签通过的内容不一致"})
    approvals = application.signoffs.filter(round=application.signoff_round, decision=Decision.APPROVE)
    if {a.fingerprint for a in approvals} != {fingerprint(answer)}:
        raise _refuse("答复内容与审签记录不符，请重新拟定答复并重新审签。")
    return answer


@ACTIONS.action(s.ReplyIn)
def do_reply(application: Application, *, actor: Staff, on: date, outcome: str | None = None,
             reason: str | None = None, legal_basis: str | None = None, content: str | None = None,
             other_body: dict[str, str] | None = None) -> Application:
    """Art. 15 ¶1 (on-the-spot answer by the office at first review) or Art. 20 (the lead
    department answers once the chain approved, exactly what it approved): closes the clock and
    issues the letter of Art. 16."""
    target = check_reply(application, actor=actor)
    on = _day(application, on)
    before = application.status
    if before == A.RECEIVED:
        if outcome is None:
            raise InvalidInput("请选择答复类型（第十六条）。", fields={"outcome": "必填"})
        answer = _answer(outcome, reason, legal_basis, content, other_body)
        answer["attachments"] = _check_attachments_fit(application, answer["outcome"])
    else:
        answer = _signed_answer(application, {"outcome": outcome, "reason": reason, "legal_basis": legal_basis,
                                              "content": content, "other_body": other_body})
    application.outcome, application.reason = answer["outcome"], answer["reason"]
    application.legal_basis, application.reply_content = answer["legal_basis"], answer["content"]
    application.other_body = answer["other_body"]
    application.closed_on = on
    application.status = target
    application.save()
    letter = letters.issue(application, letters.OUTCOME_LETTER[answer["outcome"]], on, basis=answer["legal_basis"],
                           content=answer["content"], attachments=_titles(application))
    application.reply_attachments.filter(letter__isnull=True).update(letter=letter)
    record(application, ApplicationEvent.REPLY, actor=actor, from_state=before, to_state=target,
           note=f"已答复申请人：{dict(OUTCOMES)[answer['outcome']]}（{letter.name}）。",
           data={"on": str(on), "outcome": answer["outcome"], "reason": answer["reason"], "letter": letter.pk,
                 "fingerprint": fingerprint(answer)}, public=True)
    return application


def _end_open_consultations(application: Application, on: date) -> None:
    for consultation in application.consultations.select_for_update().filter(ended_on__isnull=True):
        _end_consultation(application, consultation, on)


@ACTIONS.action(s.WithdrawIn)
def do_withdraw(application: Application, *, actor: Staff, on: date, reason: str) -> Application:
    target = check_withdraw(application, actor=actor)
    on = _day(application, on)
    reason = _text(reason, "reason", "撤回理由")
    before = application.status
    _end_open_consultations(application, on)
    application.closed_on, application.closing_note = on, reason
    return _save(application, ApplicationEvent.WITHDRAW, actor, before, target, f"申请人撤回申请：{reason}",
                 public=True, data={"on": str(on)})


@ACTIONS.action(s.AbandonIn)
def do_abandon(application: Application, *, actor: Staff, on: date, reason: str) -> Application:
    target = check_abandon(application, actor=actor)
    on = _day(application, on)
    if reason == "no_supplement" and application.status != A.AWAITING_SUPPLEMENT:
        raise _refuse("只有待补正的申请才能以逾期不补正视为放弃。")
    if reason == "no_supplement":
        due = application.supplement_due_on
        if due is not None and on <= due:
            raise _refuse(f"补正期限至 {due}，期限届满前不能以逾期不补正视为放弃。")
        return _abandon_unsupplemented(application, actor, on)
    before = application.status
    _end_open_consultations(application, on)
    application.closed_on, application.closing_note = on, reason
    return _save(application, ApplicationEvent.ABANDON, actor, before, target,
                 f"视为放弃申请：{dict(ABANDON_REASONS)[reason]}。", public=True,
                 data={"on": str(on), "reason": reason})


# --- scans and contests ---------------------------------------------------------------------------

SCAN_TYPES = {files.PDF: "pdf", files.PNG: "png", files.JPEG: "jpg", files.TIFF: "tif"}


def scan_max_bytes() -> int:
    return int(getattr(settings, "ZWGK_SCAN_MAX_MB", 20)) * 1024 * 1024


def check_scan(data: bytes, name: str = "扫描件") -> tuple[str, str]:
    """A scan is accepted by its content (PDF, PNG, JPEG, TIFF) and size, never by its name."""
    return check_file(name, data, SCAN_TYPES, scan_max_bytes(), "扫描件", field="file")


@transaction.atomic
def do_attach_scan(application: Application, *, actor: Staff, name: str, data: bytes) -> Scan:
    """Attach a scan of the paper application, letter, fax or visit record (Art. 14, 19)."""
    from django.core.files.base import ContentFile

    if not can(actor, "application.register", application):
        raise Forbidden("只有政务公开办公室可以上传申请材料扫描件。")
    content_type, ext = check_scan(data, name)
    stem = (files.safe_name(name, "scan").rsplit(".", 1)[0] or "scan")[:80]
    scan = Scan(application=application, name=f"{stem}.{ext}", content_type=content_type, size=len(data),
                uploaded_by=actor)
    scan.file.save(f"{secrets.token_hex(8)}.{ext}", ContentFile(data), save=False)
    scan.save()
    record(application, ApplicationEvent.ATTACH_SCAN, actor=actor, from_state=application.status,
           to_state=application.status, note=f"上传申请材料扫描件：{scan.name}", data={"scan": scan.pk})
    return scan


def check_decided_on(filed_on: date, decided_on: date | None) -> None:
    if decided_on is None:
        raise InvalidInput("已审结的，请填写审结日期。", fields={"decided_on": "必填"})
    if decided_on < filed_on:
        raise InvalidInput("审结日期不能早于提起日期。", fields={"decided_on": "早于提起日期"})


@ACTIONS.action(s.ContestIn)
def do_record_contest(application: Application, *, actor: Staff, kind: str, filed_on: date,
                      result: str = ContestResult.PENDING, decided_on: date | None = None,
                      note: str | None = None) -> Contest:
    """Art. 21: the legal corps records a reconsideration or litigation and, later, its result."""
    check_record_contest(application, actor=actor)
    if result != ContestResult.PENDING:
        check_decided_on(filed_on, decided_on)
    contest = Contest.objects.create(application=application, kind=kind, filed_on=filed_on, result=result,
                                     decided_on=decided_on if result != ContestResult.PENDING else None,
                                     note=(note or "").strip(), recorded_by=actor)
    record(application, ApplicationEvent.RECORD_CONTEST, actor=actor, from_state=application.status,
           to_state=application.status,
           note=f"登记{contest.get_kind_display()}（{filed_on}）：{contest.get_result_display()}。",
           data={"contest": contest.pk, "kind": kind, "result": result})
    return contest


@ACTIONS.action(s.ContestDecisionIn)
def do_decide_contest(application: Application, *, actor: Staff, contest: int, result: str,
                      decided_on: date) -> Contest:
    """Art. 21: the result of a reconsideration or litigation, when it comes (table 四); logged
    like a status change."""
    check_decide_contest(application, actor=actor)
    row = application.contests.select_for_update().filter(pk=contest).first()
    if row is None:
        raise NotFound("没有这条行政复议或诉讼记录。")
    check_decided_on(row.filed_on, decided_on)
    before = row.result
    row.result, row.decided_on = result, decided_on
    row.save()
    record(application, ApplicationEvent.DECIDE_CONTEST, actor=actor, from_state=application.status,
           to_state=application.status, note=f"{row.get_kind_display()}审结：{row.get_result_display()}。",
           data={"contest": row.pk, "result": result, "before": before})
    return row
