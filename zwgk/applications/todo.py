"""The workbench to-do items that applications owe a person (Art. 15, 20)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from zwgk.applications.models import Application
from zwgk.workbench.todo import TodoItem, provider


@provider
def application_todo(user: Any) -> Iterable[TodoItem]:
    from zwgk.applications.selectors import owes, visible_to

    if not user.is_authenticated:
        return []
    items = []
    for application in visible_to(user).filter(status__in=Application.OPEN):
        if owes(user, application):
            items.append(TodoItem(
                title=f"依申请公开 {application.number}（{application.get_status_display()}）",
                url=reverse("applications_wb:case", args=[application.number]),
                kind="application",
                due_on=application.due_on,
            ))
    return items
