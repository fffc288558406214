"""Writes on applications for disclosure (Ch. 3): intake and one function per action of API.md.

Each action has a guard (``check_<action>``: may this person do it now?) and a ``do_<action>`` that
validates the body, changes the row inside a transaction and writes one event (DESIGN.md
principle 4). Every deadline goes through ``zwgk.workdays.services`` (principle 3):

- Art. 15: registered and numbered at once; reply within ``application_reply`` working days of
  receipt; one supplement notice within ``supplement_notice`` working days, the clock stopping
  until resubmission and counting afresh from it; one extension of at most
  ``application_extension`` working days with the office head's consent, the applicant told;
  time spent consulting third parties is not counted.
- Art. 18: the third party has ``third_party_reply`` working days; a consultation left unanswered
  ends at that deadline.
- Art. 19: the day of receipt by channel. Art. 20: the sign-off chain. Art. 16: the outcomes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from zwgk.applications import letters
from zwgk.applications.models import (
    ABANDON_REASONS,
    APPLICANT_TYPES,
    CHANNELS,
    DELIVERIES,
    ID_TYPES,
    NOT_DISCLOSED_REASONS,
    ORGANIZATION_TYPES,
    OUTCOMES,
    AnnualFigure,
    Application,
    Contest,
    Scan,
    SignOff,
    ThirdPartyConsultation,
    TransferSlip,
)
from zwgk.applications.rules import is_lead, is_office
from zwgk.core import query_codes
from zwgk.core.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionRefused, TransitionTable
from zwgk.events.services import record
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import is_staff_member, require
from zwgk.privacy.ids import is_valid_credit_code, is_valid_resident_id
from zwgk.workdays import services as workdays

A = Application
OPEN = list(A.OPEN)
TABLE = TransitionTable.build(
    [
        ("request_supplement", [A.RECEIVED], A.AWAITING_SUPPLEMENT),
        ("resubmit", [A.AWAITING_SUPPLEMENT], A.RECEIVED),
        ("transfer", [A.RECEIVED, A.TRANSFERRED], A.TRANSFERRED),
        ("consult_third_party", [A.RECEIVED, A.TRANSFERRED], None),
        ("third_party_replied", [A.RECEIVED, A.TRANSFERRED], None),
        ("extend", [A.RECEIVED, A.TRANSFERRED, A.IN_SIGNOFF, A.SIGNED_OFF], None),
        ("draft_reply", [A.TRANSFERRED], A.IN_SIGNOFF),
        ("sign_off", [A.IN_SIGNOFF], None),
        ("reply", [A.RECEIVED, A.SIGNED_OFF], A.ANSWERED),
        ("withdraw", OPEN, A.WITHDRAWN),
        ("abandon", OPEN, A.ABANDONED),
    ],
    state_labels=dict(A.STATUSES),
    action_labels={
        "request_supplement": "告知补正", "resubmit": "补正后重新提交", "transfer": "转办",
        "consult_third_party": "征求第三方意见", "third_party_replied": "第三方答复", "extend": "延期答复",
        "draft_reply": "拟定答复", "sign_off": "审签", "reply": "答复申请人", "withdraw": "撤回申请",
        "abandon": "视为放弃申请",
    },
)
ACTIONS = list(TABLE.rows)
ACTION_LABELS = dict(TABLE.action_labels)
REVIEWS = ("secrecy", "legal")
OUTCOME_CODES = {code for code, _ in OUTCOMES}
REASON_CODES = [code for code, _ in NOT_DISCLOSED_REASONS]
CITIZEN = "申请人"
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
        if not clean.get(field):
            errors[field] = f"请填写{label}。"
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
    phone = clean.get("phone") or ""
    if (phone and not all(c.isdigit() or c in "-+ ()" for c in phone)) or (phone and len(phone) < 7):
        errors["phone"] = "联系电话格式不正确。"
    if clean.get("delivery") == "email" and not clean.get("email"):
        errors["email"] = "选择电子邮件方式获取信息的，请填写电子邮箱。"
    if clean.get("delivery") == "paper" and not clean.get("address"):
        errors["address"] = "选择纸质邮寄方式的，请填写通信地址。"
    email = clean.get("email") or ""
    if email and ("@" not in email or "." not in email.split("@")[-1]):
        errors["email"] = "电子邮箱格式不正确。"
    if len(clean.get("description") or "") > 5000:
        errors["description"] = "描述过长（不超过5000字）。"
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
    number = next_number("application", received_on.year)
    code = query_codes.new_query_code()
    application = Application(
        number=number,
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
    workdays.set_due(application, received_on, workdays.limit("application_reply"))
    application.save()
    if channel in RECEIPT_CHANNELS:
        letters.issue(application, "receipt", received_on)
    record(
        application, "submit", actor=staff, actor_label=None if staff else CITIZEN, to_state=application.status,
        note=f"收到申请（{dict(CHANNELS)[channel]}），已登记编号 {number}，答复期限 {application.due_on}。",
        data={"channel": channel, "received_on": str(received_on)}, public=True,
    )
    return application, code


# --- guards: who may do what now -------------------------------------------------------------------

def _state(application: Application, action: str) -> str:
    return TABLE.target(action, application.status)


def pending_stage(application: Application) -> str | None:
    """The next stage of the Art. 20 chain in the current round, or None when all approved."""
    if application.status != A.IN_SIGNOFF:
        return None
    stages = ["dept_head", *[r for r in REVIEWS if r in (application.draft_reviews or [])], "office", "leader"]
    done = set(
        application.signoffs.filter(round=application.signoff_round, decision="approve").values_list("stage", flat=True)
    )
    return next((stage for stage in stages if stage not in done), None)


def _fits_stage(user: Any, application: Application, stage: str | None) -> bool:
    if stage == "dept_head":
        return user.has_role("dept_head") and is_lead(user, application)
    if stage == "secrecy":
        return user.has_role("secrecy")
    if stage == "legal":
        return "application.legal" in user.permission_codes()
    if stage == "office":
        return is_office(user)
    if stage == "leader":
        return user.has_role("leader")
    return False


def _is_lead_handler(user: Any, application: Application) -> bool:
    return user.has_role("handler") and is_lead(user, application)


def _is_lead_staff(user: Any, application: Application) -> bool:
    return user.has_role("handler", "dept_head") and is_lead(user, application)


def check(application: Application, action: str, user: Any) -> str:
    """Raise unless ``user`` may do ``action`` on ``application`` now; return the target state.

    The transition table is asked first (409 ``action_not_allowed``), then the actor's role (403),
    then the once-only rules of Art. 15 (409).
    """
    if not is_staff_member(user):
        raise NotAuthenticated()
    target = _state(application, action)
    office = is_office(user)
    allowed: dict[str, Callable[[], bool]] = {
        "request_supplement": lambda: office,
        "resubmit": lambda: office,
        "transfer": lambda: office,
        "consult_third_party": lambda: office or _is_lead_staff(user, application),
        "third_party_replied": lambda: office or _is_lead_staff(user, application),
        "extend": lambda: office or _is_lead_staff(user, application),
        "draft_reply": lambda: _is_lead_handler(user, application),
        "sign_off": lambda: _fits_stage(user, application, pending_stage(application)),
        "reply": lambda: office if application.status == A.RECEIVED else _is_lead_staff(user, application),
        "withdraw": lambda: office,
        "abandon": lambda: office,
    }
    if not allowed[action]():
        raise Forbidden(f"您不能对此申请进行“{ACTION_LABELS[action]}”操作。")
    paused = application.paused
    if action == "request_supplement" and application.supplement_requested_on is not None:
        raise Conflict("补正告知只能一次性作出（第十五条），本申请已告知过补正。", code="action_not_allowed")
    if action == "extend" and application.extended_days is not None:
        raise Conflict("答复期限只能延长一次（第十五条），本申请已延期。", code="action_not_allowed")
    if action == "consult_third_party" and paused:
        raise Conflict("本申请正在征求第三方意见，须待其答复后再次征求。", code="action_not_allowed")
    if action == "third_party_replied" and not paused:
        raise Conflict("本申请没有正在进行的第三方意见征求。", code="action_not_allowed")
    if action in ("draft_reply", "reply") and paused:
        raise Conflict("正在征求第三方意见，待第三方答复或期限届满后再答复。", code="action_not_allowed")
    return target


def available_actions(application: Application, user: Any) -> list[str]:
    """The actions this person may take on the case now (the workbench shows only these)."""
    result = []
    for action in ACTIONS:
        try:
            check(application, action, user)
        except (TransitionRefused, Forbidden, Conflict, NotAuthenticated):
            continue
        result.append(action)
    return result


# --- helpers --------------------------------------------------------------------------------------

def _text(body: dict[str, Any], field: str, label: str, *, required: bool = True, max_length: int = 5000) -> str:
    value = body.get(field)
    value = value.strip() if isinstance(value, str) else ""
    if required and not value:
        raise InvalidInput(f"请填写{label}。", fields={field: "必填"})
    if len(value) > max_length:
        raise InvalidInput(f"{label}过长。", fields={field: "内容过长"})
    return value


def _on(application: Application, body: dict[str, Any], *, not_before: date | None = None) -> date:
    on = body.get("on")
    if not isinstance(on, date):
        raise InvalidInput("请填写日期（YYYY-MM-DD）。", fields={"on": "必填"})
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


def _outcome(body: dict[str, Any]) -> tuple[str, str]:
    outcome = body.get("outcome")
    if outcome not in OUTCOME_CODES:
        raise InvalidInput("请选择答复类型（第十六条）。", fields={"outcome": "取值不在允许范围内"})
    reason = body.get("reason") or ""
    if outcome == "not_disclosed":
        if reason not in REASON_CODES:
            raise InvalidInput("不予公开的，须选择不予公开的理由。", fields={"reason": "取值不在允许范围内"})
    elif reason and reason not in REASON_CODES:
        raise InvalidInput("理由不在允许范围内。", fields={"reason": "取值不在允许范围内"})
    else:
        reason = ""
    return outcome, reason


# --- actions --------------------------------------------------------------------------------------

@transaction.atomic
def do_request_supplement(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 15 ¶2: one written notice, within ``supplement_notice`` working days of receipt; the
    clock stops (``due_on`` null) until the applicant resubmits."""
    target = check(application, "request_supplement", actor)
    on = _on(application, body)
    latest = workdays.deadline(application.received_on, workdays.limit("supplement_notice")).date
    if on > latest:
        raise Conflict(f"补正告知应在收到申请后{workdays.limit('supplement_notice')}个工作日内（{latest}前）作出。",
                       code="supplement_too_late")
    items = body.get("items")
    if not isinstance(items, list) or not [i for i in items if isinstance(i, str) and i.strip()]:
        raise InvalidInput("请列明需要补正的事项。", fields={"items": "至少一项"})
    before = application.status
    application.supplement_requested_on = on
    application.supplement_items = [i.strip() for i in items if isinstance(i, str) and i.strip()]
    workdays.clear_due(application)
    application.status = target
    application.save()
    letters.issue(application, "supplement", on)
    record(application, "request_supplement", actor=actor, from_state=before, to_state=target,
           note="申请内容不明确，已一次性书面告知补正：" + "；".join(application.supplement_items)
           + "。补正前答复期限暂停计算。",
           data={"on": str(on), "items": application.supplement_items}, public=True)
    return application


@transaction.atomic
def do_resubmit(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 15 ¶2: the period counts from the day the office receives the resubmitted application."""
    target = check(application, "resubmit", actor)
    on = _on(application, body, not_before=application.supplement_requested_on)
    before = application.status
    application.resubmitted_on = on
    workdays.set_due(application, on, workdays.limit("application_reply"))
    return _save(application, "resubmit", actor, before, target,
                 f"收到补正后重新提交的申请，答复期限自 {on} 起重新计算，至 {application.due_on}。",
                 public=True, data={"on": str(on), "due_on": str(application.due_on)})


@transaction.atomic
def do_transfer(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 15 ¶3, Art. 20 ¶3: the transfer slip (转办单) names the lead and assisting departments."""
    target = check(application, "transfer", actor)
    on = _on(application, body)
    lead = Department.objects.filter(code=body.get("lead"), active=True).first()
    if lead is None:
        raise InvalidInput("请选择主办部门。", fields={"lead": "部门不存在"})
    codes = body.get("assisting") or []
    if not isinstance(codes, list):
        raise InvalidInput("协办部门应为列表。", fields={"assisting": "应为列表"})
    assisting = list(Department.objects.filter(code__in=codes, active=True).exclude(pk=lead.pk))
    unknown = set(codes) - {d.code for d in assisting} - {lead.code}
    if unknown:
        raise InvalidInput(f"协办部门不存在：{'、'.join(sorted(unknown))}。", fields={"assisting": "部门不存在"})
    before = application.status
    slip = TransferSlip.objects.create(application=application, transferred_on=on, lead=lead, by=actor,
                                       note=(body.get("note") or "").strip())
    slip.assisting.set(assisting)
    application.lead_department = lead
    application.transferred_on = on
    application.save()
    application.assisting_departments.set(assisting)
    letters.issue(application, "transfer_slip", on, public=False)
    names = "、".join(d.name for d in assisting)
    return _save(application, "transfer", actor, before, target,
                 f"已填写转办单，转{lead.name}主办" + (f"，{names}协办" if names else "") + "。",
                 public=True, data={"on": str(on), "lead": lead.code, "assisting": [d.code for d in assisting]})


@transaction.atomic
def do_consult_third_party(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 18: written consultation; the third party answers within ``third_party_reply`` working
    days; Art. 15 ¶5: the time is not counted in the reply period (the clock pauses)."""
    target = check(application, "consult_third_party", actor)
    on = _on(application, body)
    party = _text(body, "party", "第三方名称", max_length=200)
    contact = _text(body, "contact", "第三方联系方式", required=False, max_length=200)
    consultation = ThirdPartyConsultation(application=application, party=party, contact=contact, started_on=on,
                                          by=actor)
    workdays.set_due(consultation, on, workdays.limit("third_party_reply"))
    consultation.save()
    letters.issue(application, "third_party", on, public=False, party=party, party_due_on=consultation.due_on)
    return _save(application, "consult_third_party", actor, application.status, target,
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


@transaction.atomic
def do_third_party_replied(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    target = check(application, "third_party_replied", actor)
    consultation = application.open_consultation()
    on = _on(application, body, not_before=consultation.started_on)
    consent = body.get("consent")
    if not isinstance(consent, bool):
        raise InvalidInput("请说明第三方是否同意公开。", fields={"consent": "应为是或否（true/false）"})
    consultation.replied_on = on
    consultation.consent = consent
    consultation.opinion = _text(body, "opinion", "第三方意见", required=False)
    days = _end_consultation(application, consultation, on)
    expiry = "（第三方逾期答复，不计时期间算至其答复期限届满之日）" if consultation.ended_by_expiry else ""
    return _save(application, "third_party_replied", actor, application.status, target,
                 f"收到第三方意见，恢复计时；不计时{days}个工作日{expiry}，答复期限顺延至 {application.due_on}。",
                 public=True, data={"on": str(on), "consent": consent, "paused_days": days,
                                    "due_on": str(application.due_on)})


@transaction.atomic
def do_expire_consultation(consultation: ThirdPartyConsultation, today: date) -> bool:
    """Art. 18: a third party that did not answer by its deadline: the pause ends by expiry."""
    consultation = ThirdPartyConsultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.ended_on is not None or consultation.due_on is None or consultation.due_on >= today:
        return False
    application = consultation.application
    days = _end_consultation(application, consultation, consultation.due_on)
    application.save()
    record(application, "third_party_expired", from_state=application.status, to_state=application.status,
           note=f"第三方逾期未答复，{consultation.due_on}起恢复计时；不计时{days}个工作日，"
           f"答复期限顺延至 {application.due_on}。",
           data={"paused_days": days, "due_on": str(application.due_on)}, public=True)
    return True


@transaction.atomic
def do_extend(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 15 ¶3: once, at most ``application_extension`` working days, with the consent of the
    head of the disclosure office; the applicant is told."""
    target = check(application, "extend", actor)
    on = _on(application, body)
    days = body.get("days")
    most = workdays.limit("application_extension")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= most:
        raise InvalidInput(f"延期天数应为1至{most}个工作日。", fields={"days": f"应为1至{most}"})
    reason = _text(body, "reason", "延期理由")
    approver = Staff.objects.filter(username=body.get("approved_by") or "", is_active=True).first()
    if approver is None or "application.approve_extension" not in approver.permission_codes():
        raise InvalidInput("延期须经政务公开办公室负责人同意，请填写批准人（办公室负责人账号）。",
                           fields={"approved_by": "须为政务公开办公室负责人"})
    if application.due_start is None:
        raise Conflict("答复期限未在计算中，不能延期。", code="action_not_allowed")
    before_due = application.due_on
    application.extended_days = days
    application.extension_reason = reason
    application.extension_approved_by = approver
    workdays.extend_due(application, days)
    application.save()
    letters.issue(application, "extension", on)
    return _save(application, "extend", actor, application.status, target,
                 f"经{approver.display_name}同意，答复期限延长{days}个工作日，"
                 f"由 {before_due} 延至 {application.due_on}。"
                 f"已告知申请人。理由：{reason}",
                 public=True, data={"on": str(on), "days": days, "approved_by": approver.username,
                                    "due_on": str(application.due_on)})


@transaction.atomic
def do_draft_reply(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 16, 20: the lead department's handler proposes the answer; the sign-off chain starts."""
    target = check(application, "draft_reply", actor)
    on = _on(application, body)
    outcome, reason = _outcome(body)
    reviews = body.get("reviews") or []
    if not isinstance(reviews, list) or set(reviews) - set(REVIEWS):
        raise InvalidInput("审核环节只能为 secrecy（涉密审核）、legal（涉法审核）。",
                           fields={"reviews": "取值不在允许范围内"})
    before = application.status
    application.draft_outcome, application.draft_reason = outcome, reason
    application.draft_content = _text(body, "content", "答复内容", required=False)
    application.draft_reviews = [r for r in REVIEWS if r in reviews]
    application.draft_by = actor
    application.drafted_on = on
    application.signoff_round += 1
    return _save(application, "draft_reply", actor, before, target,
                 f"拟定答复意见：{dict(OUTCOMES)[outcome]}，提交审签。",
                 data={"on": str(on), "outcome": outcome, "reason": reason, "reviews": application.draft_reviews})


@transaction.atomic
def do_sign_off(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 20: 部门负责人审核 → 厅保密办、法制总队审核（需要时）→ 办公室核稿 → 分管厅领导审签;
    a return sends the draft back to the handler."""
    target = check(application, "sign_off", actor)
    on = _on(application, body)
    decision = body.get("decision")
    if decision not in ("approve", "return"):
        raise InvalidInput("审签意见应为同意（approve）或退回（return）。", fields={"decision": "取值不在允许范围内"})
    comment = _text(body, "comment", "退回理由", required=decision == "return")
    stage = pending_stage(application)
    SignOff.objects.create(application=application, round=application.signoff_round, stage=stage, decision=decision,
                           comment=comment, on=on, by=actor)
    label = dict(SignOff.STAGES)[stage]
    before = application.status
    if decision == "return":
        target = A.TRANSFERRED
        note = f"{label}：退回承办人修改。{comment}"
    elif pending_stage(application) is None:
        target = A.SIGNED_OFF
        note = f"{label}：同意。审签完毕，由主办部门答复申请人。"
    else:
        note = f"{label}：同意。" + (comment or "")
    return _save(application, "sign_off", actor, before, target, note,
                 data={"on": str(on), "stage": stage, "decision": decision})


@transaction.atomic
def do_reply(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    """Art. 15 ¶1 (on-the-spot answer by the office at first review) or Art. 20 (the lead
    department answers once the chain approved): closes the clock and issues the letter of Art. 16."""
    target = check(application, "reply", actor)
    on = _on(application, body)
    before = application.status
    if before == A.RECEIVED:
        outcome, reason = _outcome(body)
        content = _text(body, "content", "答复内容", required=False)
    else:
        outcome, reason = application.draft_outcome, application.draft_reason
        if body.get("outcome") not in (None, outcome):
            raise Conflict("答复类型与审签通过的答复意见不一致；如需修改，请重新拟定并审签。",
                           code="action_not_allowed")
        content = _text(body, "content", "答复内容", required=False) or application.draft_content
    application.outcome, application.reason, application.reply_content = outcome, reason, content
    application.closed_on = on
    application.status = target
    application.save()
    letter = letters.issue(application, letters.OUTCOME_LETTER[outcome], on, content=content)
    record(application, "reply", actor=actor, from_state=before, to_state=target,
           note=f"已答复申请人：{dict(OUTCOMES)[outcome]}（{letter.name}）。",
           data={"on": str(on), "outcome": outcome, "reason": reason, "letter": letter.pk}, public=True)
    return application


@transaction.atomic
def do_withdraw(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    target = check(application, "withdraw", actor)
    on = _on(application, body)
    reason = _text(body, "reason", "撤回理由")
    before = application.status
    for consultation in application.consultations.filter(ended_on__isnull=True):
        _end_consultation(application, consultation, on)
    application.closed_on, application.closing_note = on, reason
    return _save(application, "withdraw", actor, before, target, f"申请人撤回申请：{reason}", public=True,
                 data={"on": str(on)})


@transaction.atomic
def do_abandon(application: Application, actor: Any, body: dict[str, Any]) -> Application:
    target = check(application, "abandon", actor)
    on = _on(application, body)
    reason = body.get("reason")
    if reason not in dict(ABANDON_REASONS):
        raise InvalidInput("理由应为 no_supplement（逾期不补正）或 fee_unpaid（逾期未缴费）。",
                           fields={"reason": "取值不在允许范围内"})
    if reason == "no_supplement" and application.status != A.AWAITING_SUPPLEMENT:
        raise Conflict("只有待补正的申请才能以逾期不补正视为放弃。", code="action_not_allowed")
    before = application.status
    for consultation in application.consultations.filter(ended_on__isnull=True):
        _end_consultation(application, consultation, on)
    application.closed_on, application.closing_note = on, reason
    return _save(application, "abandon", actor, before, target, f"视为放弃申请：{dict(ABANDON_REASONS)[reason]}。",
                 public=True, data={"on": str(on), "reason": reason})


DO: dict[str, Callable[[Application, Any, dict[str, Any]], Application]] = {
    "request_supplement": do_request_supplement,
    "resubmit": do_resubmit,
    "transfer": do_transfer,
    "consult_third_party": do_consult_third_party,
    "third_party_replied": do_third_party_replied,
    "extend": do_extend,
    "draft_reply": do_draft_reply,
    "sign_off": do_sign_off,
    "reply": do_reply,
    "withdraw": do_withdraw,
    "abandon": do_abandon,
}


def perform(application: Application, action: str, actor: Any, body: dict[str, Any]) -> Application:
    """Run one action (the API and the workbench both come here)."""
    if action not in DO:
        raise TransitionRefused(action, application.status, f"未知的操作：{action}。")
    return DO[action](application, actor, body)


# --- scans and contests ---------------------------------------------------------------------------

SCAN_TYPES = {
    b"%PDF-": ("application/pdf", "pdf"),
    b"\x89PNG\r\n\x1a\n": ("image/png", "png"),
    b"\xff\xd8\xff": ("image/jpeg", "jpg"),
    b"II*\x00": ("image/tiff", "tif"),
    b"MM\x00*": ("image/tiff", "tif"),
}
SCAN_MAX_BYTES = 20 * 1024 * 1024


def check_scan(data: bytes) -> tuple[str, str]:
    """A scan is accepted by its content (PDF, PNG, JPEG, TIFF) and size, never by its name."""
    if not data:
        raise InvalidInput("文件为空。", fields={"file": "文件为空"})
    if len(data) > SCAN_MAX_BYTES:
        raise InvalidInput("文件过大（不超过20MB）。", fields={"file": "不超过20MB"})
    for magic, kind in SCAN_TYPES.items():
        if data.startswith(magic):
            return kind
    raise InvalidInput("只能上传 PDF、PNG、JPEG 或 TIFF 格式的扫描件。", fields={"file": "文件类型不允许"})


@transaction.atomic
def do_attach_scan(application: Application, actor: Any, name: str, data: bytes) -> Scan:
    """Attach a scan of the paper application, letter, fax or visit record (Art. 14, 19)."""
    from django.core.files.base import ContentFile

    if not is_office(actor):
        raise Forbidden("只有政务公开办公室可以上传申请材料扫描件。")
    content_type, ext = check_scan(data)
    stem = (name.rsplit(".", 1)[0] or "scan")[:80]
    scan = Scan(application=application, name=f"{stem}.{ext}", content_type=content_type, size=len(data),
                uploaded_by=actor)
    scan.file.save(f"{secrets.token_hex(8)}.{ext}", ContentFile(data), save=False)
    scan.save()
    record(application, "attach_scan", actor=actor, from_state=application.status, to_state=application.status,
           note=f"上传申请材料扫描件：{scan.name}", data={"scan": scan.pk})
    return scan


@transaction.atomic
def do_record_contest(application: Application, actor: Any, body: dict[str, Any]) -> Contest:
    """Art. 21: the legal corps records a reconsideration or litigation and, later, its result."""
    if "application.legal" not in actor.permission_codes():
        raise Forbidden("行政复议和行政诉讼由法制总队登记。")
    if application.status not in A.CLOSED:
        raise Conflict("申请尚未办结，不能登记行政复议或诉讼。", code="action_not_allowed")
    kind = body.get("kind")
    if kind not in dict(Contest.KINDS):
        raise InvalidInput("请选择类型。", fields={"kind": "取值不在允许范围内"})
    result = body.get("result") or "pending"
    if result not in dict(Contest.RESULTS):
        raise InvalidInput("请选择结果。", fields={"result": "取值不在允许范围内"})
    filed_on = body.get("filed_on")
    if not isinstance(filed_on, date):
        raise InvalidInput("请填写提起日期。", fields={"filed_on": "必填"})
    decided_on = body.get("decided_on")
    if result != "pending":
        check_decided_on(filed_on, decided_on)
    contest = Contest.objects.create(application=application, kind=kind, filed_on=filed_on, result=result,
                                     decided_on=decided_on if result != "pending" else None,
                                     note=(body.get("note") or "").strip(), recorded_by=actor)
    record(application, "record_contest", actor=actor, from_state=application.status, to_state=application.status,
           note=f"登记{dict(Contest.KINDS)[kind]}（{filed_on}）：{dict(Contest.RESULTS)[result]}。",
           data={"contest": contest.pk, "kind": kind, "result": result})
    return contest


def check_decided_on(filed_on: date, decided_on: Any) -> None:
    if not isinstance(decided_on, date):
        raise InvalidInput("已审结的，请填写审结日期。", fields={"decided_on": "必填"})
    if decided_on < filed_on:
        raise InvalidInput("审结日期不能早于提起日期。", fields={"decided_on": "早于提起日期"})


@transaction.atomic
def do_decide_contest(contest: Contest, actor: Any, result: str, decided_on: date | None) -> Contest:
    """Art. 21: the result of a reconsideration or litigation, when it comes (table 四)."""
    if "application.legal" not in actor.permission_codes():
        raise Forbidden("行政复议和行政诉讼由法制总队登记。")
    if result not in dict(Contest.RESULTS) or result == "pending":
        raise InvalidInput("请选择审结结果。", fields={"result": "取值不在允许范围内"})
    check_decided_on(contest.filed_on, decided_on)
    contest.result, contest.decided_on = result, decided_on
    contest.save()
    record(contest.application, "decide_contest", actor=actor,
           note=f"{contest.get_kind_display()}审结：{contest.get_result_display()}。",
           data={"contest": contest.pk, "result": result})
    return contest


def check_annual_figures(values: dict[str, Any]) -> dict[str, Decimal]:
    """Counts are whole numbers, the fee amount (万元) has at most four decimals; none is negative.
    Empty items are left as they are."""
    labels = dict(AnnualFigure.ITEMS)
    counts = dict(AnnualFigure.COUNTS)
    checked: dict[str, Decimal] = {}
    errors: dict[str, str] = {}
    for item, raw in values.items():
        if item not in labels:
            errors[item] = "不是年度报告的填报项目"
            continue
        if raw is None or str(raw).strip() == "":
            continue
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            errors[item] = "应为数字"
            continue
        if not value.is_finite() or value < 0:
            errors[item] = "应为不小于0的数字"
        elif item in counts and value != value.to_integral_value():
            errors[item] = "应为整数"
        elif value.as_tuple().exponent < -4 or value >= Decimal(10) ** 10:  # type: ignore[operator]
            errors[item] = "超出范围（最多四位小数）"
        else:
            checked[item] = value
    if errors:
        named = "；".join(f"{labels.get(item, item)}：{text}" for item, text in errors.items())
        raise InvalidInput(f"年度报告填报数有误（{named}）。", fields=errors)
    return checked


@transaction.atomic
def do_save_annual_figures(actor: Any, year: int, values: dict[str, Any]) -> list[AnnualFigure]:
    """The office enters the figures of table 二 that other systems hold; each change is an event."""
    require(actor, "application.report_figures")
    if not 2000 <= year <= 2200:
        raise InvalidInput("年度应在2000年至2200年之间。", fields={"year": "超出范围"})
    changed = []
    for item, value in check_annual_figures(values).items():
        figure = AnnualFigure.objects.select_for_update().filter(year=year, item=item).first()
        before = figure.value if figure else None
        if before == value:
            continue
        if figure is None:
            figure = AnnualFigure(year=year, item=item)
        figure.value, figure.updated_by = value, actor
        figure.save()
        shown = AnnualFigure.plain(value)
        record(figure, "figure_saved", actor=actor, from_state="" if before is None else AnnualFigure.plain(before),
               to_state=shown, note=f"{year}年{figure.get_item_display()}：{shown}")
        changed.append(figure)
    return changed
