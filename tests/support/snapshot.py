"""The demo data loaded once and copied back: ``load_demo`` is a second or two of ORM work (events,
audit entries, word segmentation), asked for by hundreds of tests on each database. Inside a test's
transaction the database before the load is the same from test to test, so the rows the load
changed are recorded the first time and written back, as they were, in the tests after. Tables of
no model (SQLite's full-text index, written by raw SQL) are copied row by row too.

A recording is used only where it is the same load: the same rows before it, the same day
(``on_day``), the same project settings; never in a transactional test (its database is flushed and
reseeded) nor where publishing on change is on (the load writes the static tree there)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

Table = type[models.Model] | str  # a model, or the name of a table of no model
Rows = dict[Table, list[tuple]]


def _models() -> list[type[models.Model]]:
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and not model._meta.swapped]


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def _raw_tables() -> list[str]:
    """Tables of no model, less SQLite's shadow tables of a virtual table (its index kept there)."""
    known = {model._meta.db_table for model in _models()}
    names = [name for name in connection.introspection.table_names() if name not in known]
    virtual = [name for name in names if _is_virtual(name)]
    return [name for name in names if not any(name.startswith(f"{v}_") for v in virtual)]


def _is_virtual(name: str) -> bool:
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [name])
        row = cursor.fetchone()
    return bool(row and row[0] and row[0].upper().startswith("CREATE VIRTUAL TABLE"))


def _select(name: str) -> str:
    rowid = "rowid, " if connection.vendor == "sqlite" else ""  # an FTS5 row is found by its rowid
    return f"SELECT {rowid}* FROM {connection.ops.quote_name(name)}"


def all_rows() -> Rows:
    """Every row of every table, in primary-key order (row order for a table of no model)."""
    rows: Rows = {model: list(model._base_manager.order_by("pk").values_list(*(f.attname for f in _fields(model))))
                  for model in _models()}
    with connection.cursor() as cursor:
        for name in _raw_tables():
            cursor.execute(_select(name))
            columns = tuple(c[0] for c in cursor.description)
            rows[name] = [columns, *sorted(cursor.fetchall(), key=repr)]
    return rows


def _key(before: Rows) -> str:
    project = {name: getattr(settings, name) for name in dir(settings) if name.startswith("ZWGK_")}
    text = repr((connection.vendor, timezone.localdate(), sorted(project.items()),
                 sorted((_label(table), rows) for table, rows in before.items())))
    return hashlib.sha256(text.encode()).hexdigest()


def _label(table: Table) -> str:
    return table if isinstance(table, str) else table._meta.label


@dataclass
class Recording:
    changed: Rows  # the tables the load changed, whole, as it left them

    @classmethod
    def between(cls, before: Rows, after: Rows) -> Recording:
        return cls({table: rows for table, rows in after.items() if rows != before[table]})

    def restore(self) -> None:
        """Write the recorded tables back as they were: raw inserts, so no ``auto_now`` field and
        no ``save()`` override touches them; the sequences follow the inserted keys."""
        models_ = [table for table in self.changed if not isinstance(table, str)]
        for model in models_:
            model._base_manager.all()._raw_delete(connection.alias)
        for model in models_:
            fields = _fields(model)
            objs = [_instance(model, fields, row) for row in self.changed[model]]
            size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
            for start in range(0, len(objs), size):
                model._base_manager._insert(objs[start:start + size], fields=fields, raw=True, using=connection.alias)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models_):
                cursor.execute(sql)
            for name in (table for table in self.changed if isinstance(table, str)):
                columns, *rows = self.changed[name]
                quoted = connection.ops.quote_name(name)
                cursor.execute(f"DELETE FROM {quoted}")
                names = ", ".join(map(connection.ops.quote_name, columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)


def _instance(model: type[models.Model], fields: list[models.Field], row: tuple) -> Any:
    obj = model.__new__(model)
    obj._state = models.base.ModelState()
    for field, value in zip(fields, row, strict=True):
        obj.__dict__[field.attname] = value
    return obj


_recordings: dict[str, Recording] = {}


def load_demo(load: Any) -> None:
    """Run ``load`` (the ``load_demo`` command) the first time for this state, copy it back after."""
    before = all_rows()
    key = _key(before)
    recording = _recordings.get(key)
    if recording is not None:
        recording.restore()
        return
    load()
    _recordings[key] = Recording.between(before, all_rows())
