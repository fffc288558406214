"""Querysets compiled to SQL once and then read many times with new parameter values.

Why by hand: building a queryset and compiling it (``filter``, ``select_related``, ``as_sql``) is
most of what a public page costs Django on a cache miss. The entry page's one query took 1.1 ms of
CPU to build, compile and read, against 0.15 ms to run the same SQL and make the same objects
(issue 11: the pages from Django alone at twice the baseline's speed). Django keeps no compiled
queries and no library adds it, so this does the two steps Django's own ``ModelIterable`` does
(execute the compiled SQL; make each instance with ``from_db`` and its ``select_related``
objects), with the compiler Django made for the same queryset.

A parameter is given to ``build`` as a placeholder string, which must reach the SQL as one
parameter, unchanged (string fields compared for equality: an index number, a code). The plan is
made once per database alias and reused by every thread: it is read, never changed (its compiler
lends only its column converters; each call runs the SQL on the calling thread's connection).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[int, ...]  # where each placeholder's value goes in ``params``
    compiler: Any
    model: type[Model]
    init_list: tuple[str, ...]
    model_columns: slice
    populators: tuple[Any, ...]
    annotations: tuple[tuple[str, int], ...]


class CompiledQuery(Generic[M]):
    """``CompiledQuery(lambda code: Section.objects.filter(code=code))("news")`` gives what
    ``list(Section.objects.filter(code="news"))`` gives, compiling the SQL only the first time."""

    def __init__(self, build: Callable[..., QuerySet[M]]) -> None:
        self._build = build
        self._plans: dict[str, _Plan] = {}

    def __call__(self, *values: str, using: str = "default") -> list[M]:
        plan = self._plans.get(using) or self._plan(len(values), using)
        params = list(plan.params)
        for slot, value in zip(plan.slots, values, strict=True):
            params[slot] = value
        with connections[using].cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        found: list[M] = []
        for row in plan.compiler.results_iter([rows]):
            obj = plan.model.from_db(using, plan.init_list, row[plan.model_columns])
            for populator in plan.populators:
                populator.populate(row, obj)
            for name, position in plan.annotations:
                setattr(obj, name, row[position])
            found.append(obj)  # type: ignore[arg-type]
        return found

    def first(self, *values: str, using: str = "default") -> M | None:
        """The first object ``__call__`` gives, or None."""
        found = self(*values, using=using)
        return found[0] if found else None

    def _plan(self, arity: int, using: str) -> _Plan:
        placeholders = [f"\x00zwgk-parameter-{n}\x00" for n in range(arity)]
        queryset = self._build(*placeholders)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots = []
        for placeholder in placeholders:
            where = [n for n, p in enumerate(params) if p == placeholder]
            if len(where) != 1:
                raise ValueError(f"a parameter of a compiled query must be one SQL parameter ({len(where)} found)")
            slots.append(where[0])
        info = compiler.klass_info
        first, last = info["select_fields"][0], info["select_fields"][-1] + 1
        plan = _Plan(
            sql=sql, params=tuple(params), slots=tuple(slots), compiler=compiler, model=info["model"],
            init_list=tuple(column[0].target.attname for column in compiler.select[first:last]),
            model_columns=slice(first, last),
            populators=tuple(get_related_populators(info, compiler.select, using)),
            annotations=tuple(compiler.annotation_col_map.items()),
        )
        self._plans[using] = plan
        return plan
