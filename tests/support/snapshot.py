"""The demo data loaded once and copied back: ``load_demo`` is a second or two of ORM work (events,
audit entries, word segmentation), asked for by hundreds of tests on each database. Inside a test's
transaction the database before the load is the same from test to test, so the rows the load
changed are recorded the first time and written back, as they were, in the tests after.

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

Rows = dict[type[models.Model], list[tuple]]


def _models() -> list[type[models.Model]]:
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and not model._meta.swapped]


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def _rows() -> Rows:
    """Every row of every table, in primary-key order."""
    return {model: list(model._base_manager.order_by("pk").values_list(*(f.attname for f in _fields(model))))
            for model in _models()}


def _key(before: Rows) -> str:
    project = {name: getattr(settings, name) for name in dir(settings) if name.startswith("ZWGK_")}
    text = repr((connection.vendor, timezone.localdate(), sorted(project.items()),
                 sorted((model._meta.label, rows) for model, rows in before.items())))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Recording:
    changed: Rows  # the tables the load changed, whole, as it left them

    def restore(self) -> None:
        """Write the recorded tables back as they were: raw inserts, so no ``auto_now`` field and
        no ``save()`` override touches them; the sequences follow the inserted keys."""
        for model in self.changed:
            model._base_manager.all()._raw_delete(connection.alias)
        for model, rows in self.changed.items():
            fields = _fields(model)
            objs = [_instance(model, fields, row) for row in rows]
            size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
            for start in range(0, len(objs), size):
                model._base_manager._insert(objs[start:start + size], fields=fields, raw=True, using=connection.alias)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(self.changed)):
                cursor.execute(sql)


def _instance(model: type[models.Model], fields: list[models.Field], row: tuple) -> Any:
    obj = model.__new__(model)
    obj._state = models.base.ModelState()
    for field, value in zip(fields, row, strict=True):
        obj.__dict__[field.attname] = value
    return obj


_recordings: dict[str, Recording] = {}


def load_demo(load: Any) -> None:
    """Run ``load`` (the ``load_demo`` command) the first time for this state, copy it back after."""
    before = _rows()
    key = _key(before)
    recording = _recordings.get(key)
    if recording is not None:
        recording.restore()
        return
    load()
    after = _rows()
    _recordings[key] = Recording({model: rows for model, rows in after.items() if rows != before[model]})
