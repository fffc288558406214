"""Numbers for cases: unique per kind and year, never reused (Art. 15: 登记、编号)."""

from __future__ import annotations

from django.db import connection

from zwgk.core.models import Counter, NumberPattern


def _take(kind: str, year: int) -> tuple[int, str] | None:
    """Increment the counter and read it back with the kind's pattern in one statement
    (UPDATE … RETURNING with a subquery, PostgreSQL and SQLite ≥ 3.35); None when the row does not
    exist yet."""
    table = connection.ops.quote_name(Counter._meta.db_table)
    patterns = connection.ops.quote_name(NumberPattern._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET value = value + 1 WHERE kind = %s AND year = %s "
                       f"RETURNING value, (SELECT pattern FROM {patterns} WHERE kind = %s)", [kind, year, kind])
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def next_number(kind: str, year: int, **context: object) -> str:
    """Take the next serial of ``kind`` in ``year`` and format it with the kind's pattern.

    The UPDATE locks the counter row until the caller's transaction ends (PostgreSQL), or the
    write transaction is exclusive (SQLite, IMMEDIATE mode), so two submissions never get the same
    serial. One statement (the pattern read with it) and no savepoint: every public submission takes a
    number, and the row lock is held until its commit (issue 11, intake throughput).
    """
    taken = _take(kind, year)
    if taken is None:
        NumberPattern.objects.get(pk=kind)  # an unknown kind is an error, not a new counter
        Counter.objects.get_or_create(kind=kind, year=year)
        taken = _take(kind, year)
    serial, pattern = taken
    return pattern.format(year=year, serial=serial, **context)
