"""Numbers for cases: unique per kind and year, never reused (Art. 15: 登记、编号)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from zwgk.core.models import Counter, NumberPattern


@transaction.atomic
def next_number(kind: str, year: int, **context: object) -> str:
    """Take the next serial of ``kind`` in ``year`` and format it with the kind's pattern.

    The counter row is locked (PostgreSQL) or the write transaction is exclusive (SQLite,
    IMMEDIATE mode), so two submissions never get the same serial.
    """
    pattern = NumberPattern.objects.get(pk=kind).pattern
    Counter.objects.get_or_create(kind=kind, year=year)
    Counter.objects.filter(kind=kind, year=year).update(value=F("value") + 1)
    serial = Counter.objects.select_for_update().get(kind=kind, year=year).value
    return pattern.format(year=year, serial=serial, **context)
