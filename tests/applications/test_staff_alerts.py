"""Staff are told when work reaches them, in the workbench and by e-mail, once per item and state;
with the digest setting, in one e-mail a day."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from tests.settings import TEST_REDIS_URL
from zwgk.workbench.models import StaffAlert

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(staff):
    person = staff("traffic_handler")
    person.email = "jiaojing@example.org"
    person.save()
    return person


def test_a_transfer_tells_the_lead_department_s_handler_once(register, act, handler,
                                                              django_capture_on_commit_callbacks):
    a = register(date(2026, 9, 28), email="", delivery="pickup")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        a = act(a, "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    (alert,) = StaffAlert.objects.filter(staff=handler)
    assert a.number in alert.title
    assert [m.to for m in mail.outbox if a.number in m.subject] == [["jiaojing@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        act(a, "consult_third_party", "clerk", on=date(2026, 9, 29), party="宁夏某运输公司")
    assert StaffAlert.objects.filter(staff=handler).count() == 1


def test_the_workbench_shows_new_work_once(register, act, handler, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    client.force_login(handler)
    first = client.get("/workbench/").content.decode()
    assert "新到达的工作（1）" in first and a.number in first
    assert "新到达的工作" not in client.get("/workbench/").content.decode()


def test_the_digest_setting_sends_one_mail_a_day(register, act, handler, settings,
                                                 django_capture_on_commit_callbacks):
    settings.ZWGK_STAFF_DIGEST = True
    a = register(date(2026, 9, 28), email="", delivery="pickup")
    with django_capture_on_commit_callbacks(execute=True):
        a = act(a, "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    assert not [m for m in mail.outbox if m.to == ["jiaojing@example.org"]]
    call_command("staff_alerts", stdout=open("/dev/null", "w"))
    (digest,) = [m for m in mail.outbox if m.to == ["jiaojing@example.org"]]
    assert "待办" in digest.subject and a.number in digest.body


@pytest.mark.redis
def test_a_burst_of_events_is_alerted_by_one_drain_that_reads_each_list_once(
        register, act, handler, settings, monkeypatch, django_capture_on_commit_callbacks):
    """With Celery, events queue in Redis and one scheduled task alerts them all (issue 11)."""
    from django_redis import get_redis_connection

    from zwgk.core.background import QUEUE_DELAY_SECONDS
    from zwgk.workbench import alerts, tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache",
                                   "LOCATION": TEST_REDIS_URL}}
    redis = get_redis_connection()
    redis.delete(alerts.QUEUE, f"{alerts.QUEUE}:scheduled")
    scheduled = []
    monkeypatch.setattr(tasks.alert_staff, "apply_async", lambda **kw: scheduled.append(kw))
    monkeypatch.setattr("zwgk.events.tasks.notify_citizen.apply_async", lambda **kw: None)
    first, second = register(date(2026, 9, 28)), register(date(2026, 9, 28))
    with django_capture_on_commit_callbacks(execute=True):
        first = act(first, "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    with django_capture_on_commit_callbacks(execute=True):
        second = act(second, "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    assert scheduled == [{"countdown": QUEUE_DELAY_SECONDS}]
    assert not StaffAlert.objects.filter(staff=handler).exists()

    lists = []
    real_todo_for = alerts.todo_for
    monkeypatch.setattr(alerts, "todo_for", lambda person: lists.append(person.pk) or real_todo_for(person))
    tasks.alert_staff()
    assert sorted(n for a in StaffAlert.objects.filter(staff=handler) for n in (first.number, second.number)
                  if n in a.title) == sorted([first.number, second.number])
    assert len(lists) == len(set(lists))
    assert redis.scard(alerts.QUEUE) == 0
    with django_capture_on_commit_callbacks(execute=True):
        act(second, "consult_third_party", "clerk", on=date(2026, 9, 29), party="宁夏某运输公司")
    assert len(scheduled) == 2  # the drain cleared the mark: the next event schedules the next drain
