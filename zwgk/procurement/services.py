"""The actions on procurement (Art. 23), one ``do_*`` each: a logistics handler registers a project
and records its stages (notice → result → contract → performance and acceptance, or termination),
and the bad-credit records of suppliers and tender agencies. Every status change comes from
``TABLE`` through ``ACTIONS`` and writes an event; a stage meant for the public is drafted as a
catalog entry in its section and submitted for review at once (see the app's docstring)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils.html import escape
from pydantic import Field

from zwgk.catalog import services as catalog
from zwgk.catalog.models import Entry
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import InvalidInput
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import event_names, record
from zwgk.org.permissions import require
from zwgk.privacy.ids import is_valid_credit_code
from zwgk.procurement.models import PartyKind, ProcurementMethod, ProcurementProject, SupplierCreditRecord

P = ProcurementProject
SECTION = "procurement"  # 政府采购 (annex 4: kept by 警保部)
CREDIT_SECTION = "procurement_credit"  # 采购诚信, channel 政务诚信
CATEGORY = "procurement"  # Art. 8 (八) 政府集中采购项目的目录、审批及实施情况

TABLE = TransitionTable.build(
    [
        ("publish_notice", [P.PLANNED], P.NOTICED),
        ("publish_result", [P.NOTICED], P.AWARDED),
        ("record_contract", [P.AWARDED], P.CONTRACTED),
        ("record_acceptance", [P.CONTRACTED], P.ACCEPTED),
        ("terminate", [P.PLANNED, P.NOTICED], P.TERMINATED),
    ],
    state_labels=dict(P.STATUSES),
    action_labels={"publish_notice": "发布采购公告", "publish_result": "公告采购结果",
                   "record_contract": "登记合同", "record_acceptance": "登记履约验收", "terminate": "终止采购"},
)
ACTIONS = ActionRegistry(TABLE)


@event_names(ProcurementProject)
class ProjectEvent(models.TextChoices):
    REGISTERED = "registered", "登记采购项目"
    PUBLISH_NOTICE = "publish_notice", "发布采购公告"
    PUBLISH_RESULT = "publish_result", "公告采购结果"
    RECORD_CONTRACT = "record_contract", "登记合同"
    RECORD_ACCEPTANCE = "record_acceptance", "登记履约验收"
    TERMINATE = "terminate", "终止采购"


@event_names(SupplierCreditRecord)
class CreditEvent(models.TextChoices):
    RECORDED = "recorded", "录入不良信用记录"


def _refuse(what: str, errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(f"{what}有误（" + "；".join(f"{k}：{v}" for k, v in errors.items()) + "）。",
                           fields=errors)


def check_credit_code(code: str, field: str, errors: dict[str, str], *, required: bool = True) -> str:
    """A unified social credit code, checked by its GB 32100 check character."""
    code = code.strip().upper()
    if not code:
        if required:
            errors[field] = "必填"
    elif not is_valid_credit_code(code):
        errors[field] = "统一社会信用代码有误（校验位不符）"
    return code


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}元"


def _body(rows: list[tuple[str, Any]], text: str = "") -> str:
    """The public text of a stage: a table of its structured data, then any free text."""
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v if v is not None else '')}</td></tr>"
                    for k, v in rows)
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<table><tbody>{cells}</tbody></table>{paragraphs}"


def _submit_entry(actor: Any, section: str, title: str, body: str) -> Entry:
    """Draft the public text in its section and send it to the department head for content and
    secrecy review (Art. 4); the head publishes it through the catalog as every entry."""
    entry = catalog.do_create_draft(actor=actor, title=title, section=section, category=CATEGORY, body=body,
                                    disclosure_attribute=Entry.PUBLIC)
    return catalog.do_submit(entry, actor=actor)


def _head(project: P) -> list[tuple[str, Any]]:
    return [("项目编号", project.number), ("项目名称", project.title), ("采购方式", project.get_method_display()),
            ("预算金额", _money(project.budget))]


# -- registration ---------------------------------------------------------------------------------------


class ProjectBody(StrictSchema):
    title: str = Field(min_length=1, max_length=200)
    method: ProcurementMethod
    budget: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    agency_name: str = Field(default="", max_length=200)
    agency_code: str = Field(default="", max_length=18)
    on: date


@transaction.atomic
def do_register(*, actor: Any, title: str, method: str, budget: Decimal, on: date, agency_name: str = "",
                agency_code: str = "") -> ProcurementProject:
    """Register a project (立项) with its number, method and budget; a tender agency, if any, by its
    unified social credit code."""
    require(actor, "procurement.manage")
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "必填"
    if method not in ProcurementMethod.values:
        errors["method"] = "取值不在允许范围内"
    if budget is None or budget <= 0:
        errors["budget"] = "应大于零"
    code = check_credit_code(agency_code, "agency_code", errors, required=bool(agency_name.strip()))
    if code and not agency_name.strip():
        errors["agency_name"] = "填写了代理机构代码，请填写代理机构名称"
    _refuse("采购项目信息", errors)
    project = ProcurementProject.objects.create(
        number=next_number("procurement", on.year), title=title.strip(), method=method, budget=budget,
        agency_name=agency_name.strip(), agency_code=code, created_by=actor)
    record(project, ProjectEvent.REGISTERED, actor=actor, to_state=project.status,
           note=f"{project.title}；预算{_money(budget)}")
    return project


# -- the stages -----------------------------------------------------------------------------------------


def _check(project: P, action: str, actor: Any) -> str:
    require(actor, "procurement.manage", project)
    return TABLE.target(action, project.status)


def _step(project: P, action: str, actor: Any, note: str, **changes: Any) -> P:
    _check(project, action, actor)
    before = project.status
    project.status = TABLE.target(action, before)
    for name, value in changes.items():
        setattr(project, name, value)
    project.save()
    record(project, action, actor=actor, from_state=before, to_state=project.status, note=note)
    return project


class NoticeBody(StrictSchema):
    notice_on: date
    bid_deadline: date
    notice_text: str = Field(min_length=1, max_length=20000)


@ACTIONS.action(NoticeBody)
def do_publish_notice(project: P, *, actor: Any, notice_on: date, bid_deadline: date, notice_text: str) -> P:
    """采购公告: the notice with the deadline for bids, submitted for publication in 政府采购."""
    _check(project, "publish_notice", actor)
    _refuse("采购公告", {"bid_deadline": "应晚于公告日期"} if bid_deadline <= notice_on else {})
    entry = _submit_entry(actor, SECTION, f"{project.title}采购公告", _body(
        [*_head(project), ("公告日期", notice_on.isoformat()), ("投标（响应）截止日期", bid_deadline.isoformat()),
         ("采购代理机构", project.agency_name)], notice_text))
    return _step(project, "publish_notice", actor, f"公告日期 {notice_on.isoformat()}", notice_on=notice_on,
                 bid_deadline=bid_deadline, notice_text=notice_text.strip(), notice_entry=entry)


class ResultBody(StrictSchema):
    result_on: date
    supplier_name: str = Field(min_length=1, max_length=200)
    supplier_code: str = Field(min_length=1, max_length=18)
    award_amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)


@ACTIONS.action(ResultBody)
def do_publish_result(project: P, *, actor: Any, result_on: date, supplier_name: str, supplier_code: str,
                      award_amount: Decimal) -> P:
    """采购结果: the winning supplier (by credit code) and the amount, after the bids closed."""
    _check(project, "publish_result", actor)
    errors: dict[str, str] = {}
    if project.bid_deadline and result_on < project.bid_deadline:
        errors["result_on"] = "不能早于投标截止日期"
    code = check_credit_code(supplier_code, "supplier_code", errors)
    if not supplier_name.strip():
        errors["supplier_name"] = "必填"
    _refuse("采购结果", errors)
    entry = _submit_entry(actor, SECTION, f"{project.title}采购结果公告", _body(
        [*_head(project), ("结果公告日期", result_on.isoformat()), ("中标（成交）供应商", supplier_name.strip()),
         ("统一社会信用代码", code), ("中标（成交）金额", _money(award_amount))]))
    return _step(project, "publish_result", actor, f"{supplier_name.strip()}；{_money(award_amount)}",
                 result_on=result_on, supplier_name=supplier_name.strip(), supplier_code=code,
                 award_amount=award_amount, result_entry=entry)


class ContractBody(StrictSchema):
    contract_on: date
    contract_number: str = Field(min_length=1, max_length=100)
    contract_amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    performance_from: date
    performance_to: date


@ACTIONS.action(ContractBody)
def do_record_contract(project: P, *, actor: Any, contract_on: date, contract_number: str,
                       contract_amount: Decimal, performance_from: date, performance_to: date) -> P:
    """合同: signed with the winning supplier after the result, with the period of performance."""
    _check(project, "record_contract", actor)
    errors: dict[str, str] = {}
    if project.result_on and contract_on < project.result_on:
        errors["contract_on"] = "不能早于结果公告日期"
    if performance_to < performance_from:
        errors["performance_to"] = "不能早于履约开始日期"
    if not contract_number.strip():
        errors["contract_number"] = "必填"
    _refuse("合同信息", errors)
    entry = _submit_entry(actor, SECTION, f"{project.title}合同公告", _body(
        [*_head(project), ("合同编号", contract_number.strip()), ("合同签订日期", contract_on.isoformat()),
         ("供应商", project.supplier_name), ("合同金额", _money(contract_amount)),
         ("履约期限", f"{performance_from.isoformat()}至{performance_to.isoformat()}")]))
    return _step(project, "record_contract", actor, f"合同{contract_number.strip()}；{_money(contract_amount)}",
                 contract_on=contract_on, contract_number=contract_number.strip(), contract_amount=contract_amount,
                 performance_from=performance_from, performance_to=performance_to, contract_entry=entry)


class AcceptanceBody(StrictSchema):
    acceptance_on: date
    acceptance_passed: bool
    acceptance_note: str = Field(min_length=1, max_length=5000)


@ACTIONS.action(AcceptanceBody)
def do_record_acceptance(project: P, *, actor: Any, acceptance_on: date, acceptance_passed: bool,
                         acceptance_note: str) -> P:
    """履约验收: the purchaser's acceptance of the performance (Art. 23: 落实采购人主体责任，加强对
    履约验收环节信用情况的监督); a failed acceptance is published as such."""
    _check(project, "record_acceptance", actor)
    _refuse("履约验收信息", {"acceptance_on": "不能早于合同签订日期"}
            if project.contract_on and acceptance_on < project.contract_on else {})
    entry = _submit_entry(actor, SECTION, f"{project.title}履约验收结果公告", _body(
        [*_head(project), ("合同编号", project.contract_number), ("供应商", project.supplier_name),
         ("验收日期", acceptance_on.isoformat()), ("验收结论", "合格" if acceptance_passed else "不合格")],
        acceptance_note))
    return _step(project, "record_acceptance", actor, "验收合格" if acceptance_passed else "验收不合格",
                 acceptance_on=acceptance_on, acceptance_passed=acceptance_passed,
                 acceptance_note=acceptance_note.strip(), acceptance_entry=entry)


class TerminateBody(StrictSchema):
    reason: str = Field(min_length=1, max_length=2000)


@ACTIONS.action(TerminateBody)
def do_terminate(project: P, *, actor: Any, reason: str) -> P:
    """终止 (废标): before a result; the reason is kept in the record."""
    return _step(project, "terminate", actor, reason.strip(), terminated_reason=reason.strip())


# -- bad-credit records (不良信用记录) -----------------------------------------------------------------------


class CreditBody(StrictSchema):
    party_kind: PartyKind
    name: str = Field(min_length=1, max_length=200)
    credit_code: str = Field(min_length=1, max_length=18)
    conduct: str = Field(min_length=1, max_length=5000)
    penalty: str = Field(min_length=1, max_length=300)
    authority: str = Field(min_length=1, max_length=100)
    document_number: str = Field(min_length=1, max_length=100)
    decided_on: date
    valid_until: date | None = None
    project: str = ""


@transaction.atomic
def do_record_credit(*, actor: Any, party_kind: str, name: str, credit_code: str, conduct: str, penalty: str,
                     authority: str, document_number: str, decided_on: date, valid_until: date | None = None,
                     project: str = "") -> SupplierCreditRecord:
    """Record a bad-credit record of a supplier or a tender agency and submit its public notice
    (不良信用记录公示, Art. 23) in 采购诚信."""
    require(actor, "procurement.manage")
    errors: dict[str, str] = {}
    if party_kind not in PartyKind.values:
        errors["party_kind"] = "取值不在允许范围内"
    code = check_credit_code(credit_code, "credit_code", errors)
    for field_name, value in (("name", name), ("conduct", conduct), ("penalty", penalty), ("authority", authority),
                              ("document_number", document_number)):
        if not value.strip():
            errors[field_name] = "必填"
    if valid_until is not None and valid_until < decided_on:
        errors["valid_until"] = "不能早于认定日期"
    linked = ProcurementProject.objects.filter(number=project.strip()).first() if project.strip() else None
    if project.strip() and linked is None:
        errors["project"] = "没有这个采购项目"
    _refuse("不良信用记录", errors)
    credit = SupplierCreditRecord.objects.create(
        party_kind=party_kind, name=name.strip(), credit_code=code, conduct=conduct.strip(), penalty=penalty.strip(),
        authority=authority.strip(), document_number=document_number.strip(), decided_on=decided_on,
        valid_until=valid_until, project=linked, recorded_by=actor)
    credit.entry = _submit_entry(actor, CREDIT_SECTION, f"{credit.get_party_kind_display()}不良信用记录：{credit.name}",
                                 _body([("主体类型", credit.get_party_kind_display()), ("名称", credit.name),
                                        ("统一社会信用代码", code), ("不良行为", credit.conduct),
                                        ("处理结果", credit.penalty), ("作出机关", credit.authority),
                                        ("文书编号", credit.document_number), ("认定日期", decided_on.isoformat()),
                                        ("公示截止日期", valid_until.isoformat() if valid_until else ""),
                                        ("关联采购项目", linked.number if linked else "")]))
    credit.save(update_fields=["entry"])
    record(credit, CreditEvent.RECORDED, actor=actor, note=f"{credit.name}：{credit.document_number}")
    return credit
