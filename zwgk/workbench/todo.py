"""The personal to-do list: each app registers a provider of the items it owes a person."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class TodoItem:
    title: str
    url: str
    kind: str
    due_on: date | None = None


Provider = Callable[[Any], Iterable[TodoItem]]
PROVIDERS: list[Provider] = []


def provider(fn: Provider) -> Provider:
    PROVIDERS.append(fn)
    return fn


def todo_for(user: Any) -> list[TodoItem]:
    """Everything owed by ``user``, soonest deadline first (items without one last)."""
    items = [item for fn in PROVIDERS for item in fn(user)]
    return sorted(items, key=lambda item: (item.due_on is None, item.due_on or date.max, item.title))
