"""Reading the audit log (Art. 40): the system administrator and the inspection corps filter it by
time, account and kind, page through it and export it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, time

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from zwgk.core.exports import safe_row
from zwgk.security.models import AuditEntry

PAGE_SIZE = 100
EXPORT_HEADER = ["序号", "时间", "操作人", "地址", "类别", "对象", "结果", "详情", "哈希"]


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def entries(*, since: date | None = None, until: date | None = None, actor: str = "", kind: str = "") -> QuerySet:
    """Entries newest first; ``until`` includes its whole day."""
    qs = AuditEntry.objects.all()
    if since:
        qs = qs.filter(at__gte=_start(since))
    if until:
        qs = qs.filter(at__lt=_start(until) + timezone.timedelta(days=1))
    if actor:
        qs = qs.filter(actor=actor)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-seq")


def page_of(qs: QuerySet, page: int) -> Page:
    return Paginator(qs, PAGE_SIZE).get_page(page)


def as_row(entry: AuditEntry) -> dict:
    return {"at": timezone.localtime(entry.at), "actor": entry.actor, "ip": entry.ip, "kind": entry.kind,
            "object": entry.object, "result": entry.result}


def csv_lines(qs: QuerySet) -> Iterator[str]:
    """The entries as CSV (UTF-8 with BOM for spreadsheet programs), one line at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(EXPORT_HEADER)
    for entry in qs.iterator(chunk_size=2000):
        writer.writerow(safe_row([entry.seq, timezone.localtime(entry.at).isoformat(), entry.actor, entry.ip or "",
                                  entry.get_kind_display(), entry.object, entry.get_result_display(), entry.detail,
                                  entry.hash]))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
