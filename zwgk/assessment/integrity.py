"""Government integrity (Ch. 4, Art. 22): the personnel office records officers' dishonesty
(judgments, administrative penalties, disciplinary sanctions, accountability decisions, refusals to
perform a court judgment) into their credit file, exported for the regional credit-sharing platform
(自治区信用信息共享平台) in a documented format, one record a line:

CSV (UTF-8 with a header row) and JSON lines, the same fields in this order::

    record_id, officer_username, officer_name, department, source, source_label, decided_on,
    authority, document_number, summary, publishable

``source`` is one of ``DishonestySource``; ``decided_on`` is ISO 8601; ``publishable`` true marks
what may be published (masked) on 信用宁夏. The format is documented for the platform's operators in
``docs/integrity-export.md`` (a test holds the document to ``FIELDS``).

The rest of Art. 22: the records show in the officer's file (``person_file``); a record within the
bar of its source's rule (``DishonestySourceRule``, data) keeps the officer and the department from
being proposed for honours (``eligibility``, ``do_propose_honour``); and the personnel office
publishes on the portal's 政务诚信 channel, masked, only what its source allows by law
(``do_publish``/``do_withdraw`` through ``PUBLICATION``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models, transaction
from pydantic import Field

from zwgk.assessment.models import (
    AccountabilityCase,
    DishonestyRecord,
    DishonestySource,
    DishonestySourceRule,
    HonourNomination,
)
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import InvalidInput
from zwgk.core.exports import safe_record
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import event_names, record
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import require
from zwgk.privacy.mask import mask_text, mask_value

FIELDS = ["record_id", "officer_username", "officer_name", "department", "source", "source_label", "decided_on",
          "authority", "document_number", "summary", "publishable"]


@event_names(DishonestyRecord)
class DishonestyEvent(models.TextChoices):
    RECORDED = "recorded", "录入失信记录"
    PUBLISH = "publish", "在门户网站公开"
    WITHDRAW = "withdraw", "撤回公开"


@event_names(HonourNomination)
class HonourEvent(models.TextChoices):
    PROPOSED = "proposed", "推荐评先评优"


R = DishonestyRecord
PUBLICATION = TransitionTable.build(
    [("publish", [R.UNPUBLISHED, R.WITHDRAWN], R.PUBLISHED), ("withdraw", [R.PUBLISHED], R.WITHDRAWN)],
    state_labels=dict(R.PUBLICATIONS), action_labels={"publish": "公开", "withdraw": "撤回公开"},
)
ACTIONS = ActionRegistry(PUBLICATION)


def source_rules() -> dict[str, DishonestySourceRule]:
    return {r.source: r for r in DishonestySourceRule.objects.all()}


def may_publish(source: str) -> bool:
    """Only what the law makes public may be published (Art. 22 "依法依规"): the source's rule."""
    rule_ = DishonestySourceRule.objects.filter(source=source).first()
    return bool(rule_ and rule_.may_publish)


def do_record_dishonesty(*, actor: Any, officer: str, source: str, decided_on: date, authority: str,
                         document_number: str, summary: str, publishable: bool = False) -> DishonestyRecord:
    """Record one dishonesty of an officer (Art. 22); every field is checked, nothing saved on error."""
    require(actor, "integrity.manage")
    staff = Staff.objects.filter(username=officer).first()
    errors = {name: text for name, text, bad in (
        ("officer", "没有这个民警", staff is None),
        ("source", "取值不在允许范围内", source not in DishonestySource.values),
        ("authority", "必填", not authority.strip()),
        ("document_number", "必填", not document_number.strip()),
        ("summary", "必填", not summary.strip()),
        ("publishable", "该来源的失信记录依法不予公开", publishable and source in DishonestySource.values
         and not may_publish(source)),
    ) if bad}
    if errors:
        raise InvalidInput("失信记录信息有误（" + "；".join(f"{k}：{v}" for k, v in errors.items()) + "）。",
                           fields=errors)
    entry = DishonestyRecord.objects.create(
        officer=staff, source=source, decided_on=decided_on, authority=authority.strip(),
        document_number=document_number.strip(), summary=summary.strip(), publishable=publishable,
        recorded_by=actor)
    record(entry, DishonestyEvent.RECORDED, actor=actor, note=f"{entry.get_source_display()}：{entry.document_number}")
    return entry


def rows(records: models.QuerySet[DishonestyRecord]) -> list[dict[str, Any]]:
    return [{
        "record_id": r.pk, "officer_username": r.officer.username, "officer_name": r.officer.display_name,
        "department": r.officer.department.name if r.officer.department else "", "source": r.source,
        "source_label": r.get_source_display(), "decided_on": r.decided_on.isoformat(), "authority": r.authority,
        "document_number": r.document_number, "summary": r.summary, "publishable": r.publishable,
    } for r in records.select_related("officer__department")]


def _one_line(value: Any) -> Any:
    """A CSV record stays on one line (the platform reads line by line): line breaks inside a text
    become spaces there; the JSON lines keep the exact text (``\n`` escaped)."""
    return " ".join(value.splitlines()) if isinstance(value, str) else value


def to_csv(records: models.QuerySet[DishonestyRecord]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows(records):
        writer.writerow(safe_record({k: _one_line(v) for k, v in row.items()}))
    return out.getvalue().encode("utf-8")


def to_json_lines(records: models.QuerySet[DishonestyRecord]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(records)).encode("utf-8")


# -- publication on the portal (Art. 22: 依法依规逐步公开, masked) -------------------------------------------


class PublishBody(StrictSchema):
    on: date


class WithdrawBody(StrictSchema):
    reason: str = Field(min_length=1, max_length=500)


@ACTIONS.action(PublishBody)
def do_publish(entry: DishonestyRecord, *, actor: Any, on: date) -> DishonestyRecord:
    """The personnel office publishes a record that may be published by law, masked on the portal."""
    require(actor, "integrity.manage", entry)
    target = PUBLICATION.target("publish", entry.publication)
    if not (entry.publishable and may_publish(entry.source)):
        raise InvalidInput(f"“{entry.get_source_display()}”类或未标注可依法公开的失信记录不能公开。",
                           fields={"publishable": "依法不予公开"})
    before, entry.publication, entry.published_on = entry.publication, target, on
    entry.save(update_fields=["publication", "published_on"])
    record(entry, DishonestyEvent.PUBLISH, actor=actor, from_state=before, to_state=target,
           note=f"公开日期 {on.isoformat()}")
    return entry


@ACTIONS.action(WithdrawBody)
def do_withdraw(entry: DishonestyRecord, *, actor: Any, reason: str) -> DishonestyRecord:
    """Withdraw a published record from the portal (it stays in the file and the export)."""
    require(actor, "integrity.manage", entry)
    target = PUBLICATION.target("withdraw", entry.publication)
    before, entry.publication = entry.publication, target
    entry.save(update_fields=["publication"])
    record(entry, DishonestyEvent.WITHDRAW, actor=actor, from_state=before, to_state=target, note=reason.strip())
    return entry


def masked_name(name: str) -> str:
    return mask_value("name", name)


def public_records() -> list[dict[str, Any]]:
    """The published records as the portal shows them: the officer's name masked (surname only),
    the facts masked by the project's masking (Art. 32 means: never an ID number or a phone)."""
    found = []
    for r in DishonestyRecord.objects.filter(publication=R.PUBLISHED).select_related("officer__department"):
        name = r.officer.display_name
        found.append({
            "officer": masked_name(name), "department": r.officer.department.name if r.officer.department else "",
            "source": r.get_source_display(), "decided_on": r.decided_on, "authority": r.authority,
            "document_number": r.document_number, "published_on": r.published_on,
            "summary": mask_text(r.summary, extra_names=[name]).replace(name, masked_name(name)),
        })
    return found


# -- honours (Art. 22: 限制评优评先) ----------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months (the bar is counted in months, not working days), clamped to
    the month's last day: 2026-01-31 + 1 month = 2026-02-28."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def bar_until(decided_on: date, months: int) -> date | None:
    """The last day on which a record decided on ``decided_on`` bars honours; None: no bar."""
    return add_months(decided_on, months) if months > 0 else None


@dataclass
class Bar:
    record: DishonestyRecord
    until: date

    @property
    def reason(self) -> str:
        r = self.record
        return (f"{r.officer.display_name}有政务失信记录（{r.get_source_display()}，{r.document_number}，"
                f"{r.decided_on.isoformat()}认定），{self.until.isoformat()}前限制评优评先")


@dataclass
class Eligibility:
    department: Department
    bars: list[Bar] = field(default_factory=list)
    officers: list[tuple[Staff, list[Bar]]] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.bars


def bars(on: date, records: models.QuerySet[DishonestyRecord] | None = None) -> list[Bar]:
    """The records that bar honours on ``on``: decided by then and within their source's bar."""
    rules = source_rules()
    found = []
    qs = records if records is not None else DishonestyRecord.objects.all()
    for r in qs.filter(decided_on__lte=on).select_related("officer__department"):
        rule_ = rules.get(r.source)
        until = bar_until(r.decided_on, rule_.honours_months) if rule_ else None
        if until is not None and on <= until:
            found.append(Bar(r, until))
    return found


def eligibility(on: date) -> list[Eligibility]:
    """Each active department with the reasons it may not be proposed on ``on`` (a barred officer
    makes the department ineligible too) and its barred officers."""
    by_department: dict[int | None, list[Bar]] = {}
    for bar in bars(on):
        by_department.setdefault(bar.record.officer.department_id, []).append(bar)
    result = []
    for dept in Department.objects.filter(active=True).order_by("id"):
        dept_bars = by_department.get(dept.pk, [])
        officers: dict[int, tuple[Staff, list[Bar]]] = {}
        for bar in dept_bars:
            officers.setdefault(bar.record.officer_id, (bar.record.officer, []))[1].append(bar)
        result.append(Eligibility(dept, dept_bars, list(officers.values())))
    return result


@transaction.atomic
def do_propose_honour(*, actor: Any, year: int, title: str, on: date, reason: str, officer: str = "",
                      department: str = "") -> HonourNomination:
    """Register a proposal for an honour (评先评优), refused while the officer (or, for a department,
    any of its officers) has a dishonesty record within its bar (Art. 22)."""
    require(actor, "integrity.manage")
    staff = Staff.objects.select_related("department").filter(username=officer).first() if officer else None
    dept = Department.objects.filter(code=department).first() if department else None
    errors: dict[str, str] = {}
    if bool(officer) == bool(department):
        errors["officer"] = "请填写推荐民警或推荐部门之一"
    if officer and staff is None:
        errors["officer"] = "没有这个民警"
    if department and dept is None:
        errors["department"] = "没有这个部门"
    if not title.strip():
        errors["title"] = "必填"
    if not reason.strip():
        errors["reason"] = "必填"
    if year < 2000 or year > on.year + 1:
        errors["year"] = "年度有误"
    if errors:
        raise InvalidInput("评先评优推荐信息有误（" + "；".join(f"{k}：{v}" for k, v in errors.items()) + "）。",
                           fields=errors)
    scope = DishonestyRecord.objects.filter(officer=staff) if staff else DishonestyRecord.objects.filter(
        officer__department=dept)
    found = bars(on, scope)
    if found:
        name = "officer" if staff else "department"
        raise InvalidInput("不得推荐评先评优：" + "；".join(b.reason for b in found) + "（第二十二条）。",
                           fields={name: "存在政务失信记录，限制评优评先"})
    nomination = HonourNomination.objects.create(
        year=year, title=title.strip(), officer=staff, department=dept, reason=reason.strip(), proposed_on=on,
        proposed_by=actor)
    record(nomination, HonourEvent.PROPOSED, actor=actor,
           note=f"{nomination.title}：{staff.display_name if staff else dept.name}")
    return nomination


# -- the person's file (人员档案) ---------------------------------------------------------------------------


def person_file(username: str) -> dict[str, Any] | None:
    """An officer's file: department, roles, dishonesty records, accountability cases naming them,
    honour proposals and today's bars (Art. 22: "形成信用档案")."""
    staff = Staff.objects.select_related("department").filter(username=username).first()
    if staff is None:
        return None
    records = DishonestyRecord.objects.filter(officer=staff).select_related("recorded_by")
    return {
        "person": staff, "roles": list(staff.roles.order_by("code").values_list("name", flat=True)),
        "records": list(records),
        "cases": list(AccountabilityCase.objects.filter(person=staff).select_related("department")),
        "nominations": list(HonourNomination.objects.filter(officer=staff)),
    }
