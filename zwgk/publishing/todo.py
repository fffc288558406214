"""Tamper alerts not yet confirmed are on the to-do list of the technology bureau and the cyber
security corps (Art. 40)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from zwgk.org.permissions import can
from zwgk.publishing.models import TamperAlert
from zwgk.workbench.todo import TodoItem, provider


@provider
def tamper_todo(user: Any) -> Iterable[TodoItem]:
    if not can(user, "publishing.view_alerts"):
        return []
    open_alerts = TamperAlert.objects.filter(acknowledged_at__isnull=True)
    return [TodoItem(f"网页防篡改告警：{a.get_kind_display()} {a.path}", reverse("publishing_wb:alerts"), "publishing")
            for a in open_alerts[:50]]
