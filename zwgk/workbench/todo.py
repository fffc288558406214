"""The personal to-do list: each app registers a provider of the items it owes a person.

What needs action first comes first, and says so in words as well as in red: emergencies (报警,
Art. 34), overdue items and items returned with a comment, then the rest by deadline. Each item
says why it is there (``reason``); "overdue" and "due soon" are derived from the deadline here,
never stored (DESIGN.md principle 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

# Flags that put an item at the top, in this order, with the words shown beside it.
FLAGS = {"emergency": "报警", "overdue": "已超期", "returned": "已退回", "due_soon": "即将到期"}


@dataclass(frozen=True)
class TodoItem:
    title: str
    url: str
    kind: str
    due_on: date | None = None
    reason: str = ""  # why it is here: 待您审签, 退回修改：…, 待分办 …
    flag: str = ""  # one of FLAGS set by the provider (emergency, returned); overdue is derived

    @property
    def flag_label(self) -> str:
        return FLAGS.get(self.flag, "")

    @property
    def urgent(self) -> bool:
        return self.flag in ("emergency", "overdue", "returned")


Provider = Callable[[Any], Iterable[TodoItem]]
PROVIDERS: list[Provider] = []


def provider(fn: Provider) -> Provider:
    PROVIDERS.append(fn)
    return fn


def todo_for(user: Any, today: date | None = None) -> list[TodoItem]:
    """Everything owed by ``user``: flagged items first (emergency, overdue, returned, due soon),
    then by deadline, soonest first (items without one last)."""
    from dataclasses import replace

    from django.utils import timezone

    from zwgk.workdays.services import due_state, soon_limit

    today = today or timezone.localdate()
    soon = soon_limit(today)
    items = []
    for item in (item for fn in PROVIDERS for item in fn(user)):
        if not item.flag:
            state = due_state(item.due_on, today, soon=soon)
            item = replace(item, flag=state if state in FLAGS else "")
        items.append(item)
    order = list(FLAGS)
    return sorted(items, key=lambda item: (order.index(item.flag) if item.flag else len(order), item.due_on is None,
                                           item.due_on or date.max, item.title))
