"""Government integrity (Ch. 4, Art. 22): the personnel office records officers' dishonesty
(judgments, administrative penalties, disciplinary sanctions, accountability decisions, refusals to
perform a court judgment) into their credit file, exported for the regional credit-sharing platform
(自治区信用信息共享平台) in a documented format, one record a line:

CSV (UTF-8 with a header row) and JSON lines, the same fields in this order::

    record_id, officer_username, officer_name, department, source, source_label, decided_on,
    authority, document_number, summary, publishable

``source`` is one of ``DishonestySource``; ``decided_on`` is ISO 8601; ``publishable`` true marks
what may be published (masked) on 信用宁夏.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from django.db import models

from zwgk.assessment.models import DishonestyRecord, DishonestySource
from zwgk.core.errors import InvalidInput
from zwgk.core.exports import safe_record
from zwgk.events.services import event_names, record
from zwgk.org.models import Staff
from zwgk.org.permissions import require

FIELDS = ["record_id", "officer_username", "officer_name", "department", "source", "source_label", "decided_on",
          "authority", "document_number", "summary", "publishable"]


@event_names(DishonestyRecord)
class DishonestyEvent(models.TextChoices):
    RECORDED = "recorded", "录入失信记录"


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


def to_csv(records: models.QuerySet[DishonestyRecord]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows(records):
        writer.writerow(safe_record(row))
    return out.getvalue().encode("utf-8")


def to_json_lines(records: models.QuerySet[DishonestyRecord]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(records)).encode("utf-8")
