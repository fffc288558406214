"""Accountability (Art. 43): the inspection corps opens a case against a department (and, where
known, the person directly responsible) citing the item (一)–(七) and the facts with the cases they
rest on, orders correction (责令改正), investigates with the office, asks the party committee
(提请厅党委) and records its decision. Every status change comes from ``TABLE`` through
``ACTIONS`` and writes an event; only the inspection corps and leaders see these cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models, transaction
from pydantic import Field

from zwgk.applications.models import Application
from zwgk.assessment.models import AccountabilityCase, Art43Item
from zwgk.catalog.models import Entry
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import InvalidInput
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import event_names, record
from zwgk.interaction.models import Message
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import require

C = AccountabilityCase
TABLE = TransitionTable.build(
    [
        ("order_correction", [C.OPEN], C.CORRECTION_ORDERED),
        ("record_findings", [C.OPEN, C.CORRECTION_ORDERED], C.FINDINGS_MADE),
        ("refer", [C.FINDINGS_MADE], C.REFERRED),
        ("record_decision", [C.REFERRED], C.DECIDED),
        ("close", [C.OPEN, C.CORRECTION_ORDERED, C.FINDINGS_MADE, C.DECIDED], C.CLOSED),
    ],
    state_labels=dict(C.STATUSES),
    action_labels={"order_correction": "责令改正", "record_findings": "调查核实", "refer": "提请厅党委",
                   "record_decision": "登记厅党委决定", "close": "结案"},
)
ACTIONS = ActionRegistry(TABLE)


@event_names(AccountabilityCase)
class AccountabilityEvent(models.TextChoices):
    OPENED = "opened", "立案"
    ORDER_CORRECTION = "order_correction", "责令改正"
    RECORD_FINDINGS = "record_findings", "调查核实"
    REFER = "refer", "提请厅党委"
    RECORD_DECISION = "record_decision", "厅党委决定"
    CLOSE = "close", "结案"


class StepBody(StrictSchema):
    on: date
    content: str = Field(min_length=1, max_length=5000)


class DecisionBody(StepBody):
    outcome: str = Field(min_length=1, max_length=2000)


class CloseBody(StrictSchema):
    on: date
    outcome: str = Field(min_length=1, max_length=2000)


def check_linked_cases(references: list[str]) -> list[str]:
    """The facts rest on real cases: application or message numbers, or catalog index numbers."""
    cleaned = [r.strip() for r in references if r.strip()]
    unknown = [r for r in cleaned if not (Application.objects.filter(number=r).exists()
                                          or Message.objects.filter(number=r).exists()
                                          or Entry.objects.filter(index_number=r).exists())]
    if unknown:
        raise InvalidInput(f"关联办件不存在：{'、'.join(unknown)}。", fields={"linked_cases": "编号不存在"})
    return cleaned


@transaction.atomic
def do_open(*, actor: Any, item: str, department: str, facts: str, on: date, person: str = "",
            linked_cases: list[str] | None = None) -> AccountabilityCase:
    """Open a case (立案): the Art. 43 item, the department, the person if known, the facts."""
    require(actor, "accountability.manage")
    errors: dict[str, str] = {}
    if item not in Art43Item.values:
        errors["item"] = "应为第四十三条第（一）至（七）项之一"
    dept = Department.objects.filter(code=department).first()
    if dept is None:
        errors["department"] = "没有这个部门"
    staff = Staff.objects.filter(username=person).first() if person else None
    if person and staff is None:
        errors["person"] = "没有这个工作人员"
    if not facts.strip():
        errors["facts"] = "必填"
    if errors:
        raise InvalidInput("问责案件信息有误（" + "；".join(f"{k}：{v}" for k, v in errors.items()) + "）。",
                           fields=errors)
    case = AccountabilityCase.objects.create(
        number=next_number("accountability", on.year), item=item, department=dept, person=staff,
        facts=facts.strip(), linked_cases=check_linked_cases(linked_cases or []), opened_on=on, opened_by=actor)
    record(case, AccountabilityEvent.OPENED, actor=actor, to_state=case.status,
           note=f"{case.get_item_display()}；{case.facts}", data={"linked_cases": case.linked_cases})
    return case


def _step(case: AccountabilityCase, action: str, actor: Any, on: date, note: str, **changes: Any) -> C:
    require(actor, "accountability.manage", case)
    if on < case.opened_on:
        raise InvalidInput("日期不能早于立案日期。", fields={"on": "早于立案日期"})
    before = case.status
    case.status = TABLE.target(action, before)
    for name, value in changes.items():
        setattr(case, name, value)
    case.save()
    record(case, action, actor=actor, from_state=before, to_state=case.status, note=note, data={"on": str(on)})
    return case


@ACTIONS.action(StepBody)
def do_order_correction(case: C, *, actor: Any, on: date, content: str) -> C:
    """责令改正 (Art. 43): what the department must correct."""
    return _step(case, "order_correction", actor, on, content)


@ACTIONS.action(StepBody)
def do_record_findings(case: C, *, actor: Any, on: date, content: str) -> C:
    """The findings of the investigation made with the office (会同办公室调查核实)."""
    return _step(case, "record_findings", actor, on, content)


@ACTIONS.action(StepBody)
def do_refer(case: C, *, actor: Any, on: date, content: str) -> C:
    """提请公安厅党委 to hold the department's head or the person directly responsible accountable."""
    return _step(case, "refer", actor, on, content)


@ACTIONS.action(DecisionBody)
def do_record_decision(case: C, *, actor: Any, on: date, content: str, outcome: str) -> C:
    """The party committee's decision and the outcome for the people concerned."""
    return _step(case, "record_decision", actor, on, content, outcome=outcome)


@ACTIONS.action(CloseBody)
def do_close(case: C, *, actor: Any, on: date, outcome: str) -> C:
    return _step(case, "close", actor, on, outcome, outcome=outcome, closed_on=on)


def linked_case_links(case: AccountabilityCase) -> list[tuple[str, str | None]]:
    """Each case the facts rest on, with the workbench page that opens it."""
    from django.urls import reverse

    links: list[tuple[str, str | None]] = []
    for ref in case.linked_cases:
        if Application.objects.filter(number=ref).exists():
            links.append((ref, reverse("applications_wb:case", args=[ref])))
        elif Message.objects.filter(number=ref).exists():
            links.append((ref, reverse("interaction_wb:detail", args=[ref])))
        else:
            entry = Entry.objects.filter(index_number=ref).only("pk").first()
            links.append((ref, reverse("catalog_wb:detail", args=[entry.pk]) if entry else None))
    return links


def visible_cases(user: Any) -> models.QuerySet[AccountabilityCase]:
    require(user, "accountability.view")
    return AccountabilityCase.objects.select_related("department", "person")
