"""To-do items of citizen messages: the office's routing queue and emergency alerts, each
department's messages awaiting a reply, the legal corps' reviews."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from zwgk.interaction.models import Message
from zwgk.org.permissions import can
from zwgk.workbench.todo import TodoItem, provider


@provider
def message_todo(user: Any) -> Iterable[TodoItem]:
    items: list[TodoItem] = []

    def add(qs, reason: str, flag: str = "") -> None:
        for m in qs.only("id", "number", "title", "due_on")[:50]:
            items.append(TodoItem(f"网民信息 {m.number} {m.title}", reverse("interaction_wb:detail", args=[m.number]),
                                  "message", m.due_on, reason=reason, flag=flag))

    if can(user, "message.route"):
        add(Message.objects.filter(emergency=True, emergency_acknowledged=False), "疑似报警，请立即通报有关部门",
            flag="emergency")
        add(Message.objects.filter(status=Message.RECEIVED), "待分办")
        add(Message.objects.filter(status__in=Message.OPEN).exclude(reclassification_complexity=""),
            "调整情节申请待决定")
    if user.department_id and user.has_role("handler", "dept_head"):
        add(Message.objects.filter(department_id=user.department_id, status=Message.ROUTED), "待答复")
    if user.department_id and user.has_role("dept_head", "office_head"):
        add(Message.objects.filter(department_id=user.department_id, status=Message.AWAITING_HEAD),
            "答复待您审批")
    if user.has_role("legal"):
        add(Message.objects.filter(status=Message.AWAITING_LEGAL), "答复待法制审核")
    return items
