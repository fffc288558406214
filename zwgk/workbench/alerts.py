"""Telling staff when work reaches them, in the workbench and by e-mail (Art. 15, 20, 31).

The to-do list (``workbench.todo``) already knows what each person owes; an alert is a to-do item
that is new to that person, or new in its state (returned, overdue, due soon). After each event of
a case the people who may now owe its next step are checked, and each new item becomes an alert;
the daily job does the same for everyone, which is how "about to be late" reaches them. With
``ZWGK_STAFF_DIGEST`` the e-mails are gathered into one digest a day instead of one per alert.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q

from zwgk.core.background import queue_after_commit
from zwgk.workbench.models import StaffAlert
from zwgk.workbench.todo import TodoItem, todo_for

# Roles whose holders act on cases of any department (the office, the chain of Art. 20).
CROSS_DEPARTMENT_ROLES = ("clerk", "office_head", "secrecy", "legal", "leader")
# With Celery: the Redis set of events waiting for their staff alerts.
QUEUE = "zwgk:workbench:alert-events"


def _key(item: TodoItem) -> str:
    return f"{item.url}|{item.flag}|{item.reason}"[:300]


def alert(staff: Any, items: Iterable[TodoItem]) -> list[StaffAlert]:
    """Record the items new to ``staff``; return the alerts created."""
    created = []
    for item in items:
        try:
            with transaction.atomic():
                created.append(StaffAlert.objects.create(
                    staff=staff, key=_key(item), title=item.title[:300], reason=(item.flag_label or item.reason)[:200],
                    url=item.url))
        except IntegrityError:
            continue  # told already
    return created


def _email(staff: Any, alerts: list[StaffAlert], subject: str) -> None:
    if not (alerts and staff.email):
        return
    lines = [f"{a.title}（{a.reason}）" if a.reason else a.title for a in alerts]
    send_mail(subject, "\n".join(lines) + "\n\n请登录工作台办理。", None, [staff.email], fail_silently=True)
    StaffAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(emailed=True)


def candidates(cases: Iterable[Any]) -> Any:
    """Staff who may owe the next step of any of ``cases``: their departments' staff and the
    cross-department roles."""
    departments: set[int] = set()
    for case in cases:
        departments.update(d for d in (getattr(case, "department_id", None),
                                       getattr(case, "lead_department_id", None)) if d)
        if hasattr(case, "assisting_departments"):
            departments.update(case.assisting_departments.values_list("pk", flat=True))
    return get_user_model().objects.filter(is_active=True).filter(
        Q(department_id__in=departments) | Q(roles__code__in=CROSS_DEPARTMENT_ROLES)).distinct()


def alert_for_cases(cases: list[Any]) -> int:
    """After events of ``cases``: alert whoever now has one of them on their list for the first
    time. Each person's to-do list is computed once for all the cases together."""
    count = 0
    markers = [f"/{case.number}/" for case in cases]
    for staff in candidates(cases) if cases else ():
        created = alert(staff, [item for item in todo_for(staff) if any(m in item.url for m in markers)])
        count += len(created)
        if not settings.ZWGK_STAFF_DIGEST:
            _email(staff, created, f"【工作提醒】{created[0].title}" if created else "")
    return count


def daily() -> int:
    """The daily job: every person's new items, overdue and due-soon ones included; with the
    digest setting, one e-mail a day listing every alert not yet e-mailed."""
    count = 0
    for staff in get_user_model().objects.filter(is_active=True):
        created = alert(staff, todo_for(staff))
        count += len(created)
        pending = list(staff.alerts.filter(emailed=False, read_at__isnull=True)) if settings.ZWGK_STAFF_DIGEST \
            else created
        _email(staff, pending, f"【工作提醒】您有{len(pending)}项待办需要处理")
    return count


def _is_case_event(event: Any) -> bool:
    return (event.content_type.app_label, event.content_type.model) in (
        ("applications", "application"), ("interaction", "message"))


def on_event(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """post_save receiver of Event: check the case's people after the transaction commits (with
    Celery, one run for a burst of events: a person's to-do list is then computed once for all of
    them, not once per event)."""
    if not created or raw or not _is_case_event(instance):
        return
    from zwgk.workbench.tasks import alert_staff

    queue_after_commit(alert_staff, instance.pk, queue=QUEUE, description=f"staff alerts for event {instance.pk}")


def alert_events(event_ids: list[int]) -> int:
    from zwgk.events.models import Event

    cases: dict[tuple[int, str], Any] = {}
    for event in Event.objects.select_related("content_type").filter(pk__in=event_ids):
        key = (event.content_type_id, event.object_id)
        if key not in cases:
            cases[key] = event.content_type.model_class()._default_manager.filter(pk=event.object_id).first()
    return alert_for_cases([case for case in cases.values() if case is not None])
