"""To-do items of the catalog for the workbench: drafts returned, reviews waiting, entries to publish."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from zwgk.catalog.models import Entry
from zwgk.workbench.todo import TodoItem, provider


@provider
def catalog_todo(user: Any) -> Iterable[TodoItem]:
    items: list[TodoItem] = []
    dept = user.department_id

    def add(qs, label: str) -> None:
        for entry in qs.only("id", "title", "due_on")[:50]:
            items.append(TodoItem(f"{label}：{entry.title}", reverse("catalog_wb:detail", args=[entry.pk]),
                                  "catalog", entry.due_on))

    if dept and user.has_role("dept_head"):
        add(Entry.objects.filter(department_id=dept, status=Entry.IN_REVIEW), "信息审核")
    if user.has_role("secrecy"):
        add(Entry.objects.filter(status=Entry.SECRECY_REVIEW), "保密审查")
    if user.has_role("secrecy", "office_head"):
        # Art. 4: only they may publish over the scan's findings
        add(Entry.objects.filter(status=Entry.APPROVED).exclude(scan_findings=[]), "确认放行检查提示")
    if dept and user.has_role("handler"):
        add(Entry.objects.filter(department_id=dept, status=Entry.APPROVED), "待发布")
        add(Entry.objects.filter(department_id=dept, status=Entry.DRAFT, created_by=user), "草稿")
    return items
