"""Background work of the interaction app: the office's alert on an emergency report (Art. 34)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse


def office_addresses() -> list[str]:
    from zwgk.core.models import current_site
    from zwgk.org.models import Staff
    from zwgk.org.permissions import can

    addresses: set[str] = set()
    for staff in Staff.objects.filter(is_active=True).exclude(email="").prefetch_related("roles"):
        if can(staff, "message.route"):
            addresses.add(staff.email)
    site_email = getattr(current_site(), "email", "")
    if site_email:
        addresses.add(site_email)
    return sorted(addresses)


@shared_task
def alert_emergency(message_id: int) -> int:
    """E-mail the office that a message looks like a report for 110 (Art. 34: 通报有关部门).
    The to-do list shows it too until the office acknowledges it."""
    from zwgk.interaction.models import Message

    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return 0
    words = "、".join(message.flagged_words.get("emergency", []))
    link = reverse("interaction_wb:detail", args=[message.number])
    body = (f"网民信息 {message.number}（{message.get_channel_display()}，{message.received_at:%Y-%m-%d %H:%M}）"
            f"疑似报警信息（命中：{words}）。已提示其拨打110，请及时通报有关部门。\n工作台：{link}")
    recipients = office_addresses()
    if not recipients:
        return 0
    return send_mail(f"【报警提示】网民信息 {message.number}", body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task
def remind_overdue() -> int:
    """E-mail each department's handlers and head the messages past their deadline (Art. 31:
    限时办结). Overdue is derived from ``due_on``; returns the number of e-mails sent."""
    from django.utils import timezone

    from zwgk.interaction.models import Message
    from zwgk.org.models import Staff

    today = timezone.localdate()
    overdue = (Message.objects.filter(status__in=Message.OPEN, due_on__lt=today).exclude(department=None)
               .select_related("department").order_by("department_id", "due_on"))
    by_department: dict[int, list[Message]] = {}
    for message in overdue:
        by_department.setdefault(message.department_id, []).append(message)
    sent = 0
    for department_id, messages in by_department.items():
        recipients = sorted(set(Staff.objects.filter(department_id=department_id, is_active=True,
                                                     roles__code__in=["handler", "dept_head"])
                                .exclude(email="").values_list("email", flat=True)))
        if not recipients:
            continue
        lines = [f"{m.number} {m.kind_label} 期限 {m.due_on} {m.title}" for m in messages]
        sent += send_mail(f"【超期提醒】{messages[0].department.name}有{len(messages)}件网民信息已超过答复期限",
                          "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
    return sent
