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
from django.core.cache import cache
from django.db.models import Q
from django_redis import get_redis_connection

from zwgk.core.background import after_commit
from zwgk.workbench.models import StaffAlert
from zwgk.workbench.todo import TodoItem, todo_for

# Roles whose holders act on cases of any department (the office, the chain of Art. 20).
CROSS_DEPARTMENT_ROLES = ("clerk", "office_head", "secrecy", "legal", "leader")
# With Celery: events waiting for the drain, the mark of a drain already scheduled, and its delay.
QUEUE_KEY = "zwgk:workbench:alert-events"
SCHEDULED_KEY = "workbench:alert-drain-scheduled"
DRAIN_DELAY_SECONDS = 1


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
    """post_save receiver of Event: check the case's people after the transaction commits.

    In the embedded default the check runs in-process at once. With Celery the event joins a
    queue in Redis that one task drains a moment later: a burst of public submissions (issue 11)
    then costs one to-do computation per person, not one per person and submission.
    """
    if not created or raw or not _is_case_event(instance):
        return
    from zwgk.workbench.tasks import alert_staff

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        after_commit(alert_staff, [instance.pk], description=f"staff alerts for event {instance.pk}")
    else:
        transaction.on_commit(lambda: queue_event(instance.pk), robust=True)


def queue_event(event_id: int) -> None:
    """Add an event to the queue and schedule one drain unless one is already due."""
    from zwgk.workbench.tasks import alert_staff

    get_redis_connection().sadd(QUEUE_KEY, event_id)
    if cache.add(SCHEDULED_KEY, 1, timeout=DRAIN_DELAY_SECONDS * 10):
        alert_staff.apply_async(countdown=DRAIN_DELAY_SECONDS)


def take_queued() -> list[int]:
    """Empty the queue. The scheduled mark is cleared first, so an event queued from now on
    schedules the next drain and none is left waiting."""
    cache.delete(SCHEDULED_KEY)
    client = get_redis_connection()
    ids: list[int] = []
    while batch := client.spop(QUEUE_KEY, 1000):
        ids.extend(int(i) for i in batch)
    return ids


def alert_events(event_ids: list[int]) -> int:
    from zwgk.events.models import Event

    cases: dict[tuple[int, str], Any] = {}
    for event in Event.objects.select_related("content_type").filter(pk__in=event_ids):
        key = (event.content_type_id, event.object_id)
        if key not in cases:
            cases[key] = event.content_type.model_class()._default_manager.filter(pk=event.object_id).first()
    return alert_for_cases([case for case in cases.values() if case is not None])
