"""The one shape of a case (issue 8) for citizen messages: the table is the truth, every action is
a registered ``do_*`` reached through one pipeline, guards read locked rows, events have Chinese
names, and the policy profile is recorded on the message."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, transaction
from django.test import Client

from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.events.services import EVENT_NAMES, event_label, record
from zwgk.interaction import schemas, services
from zwgk.interaction.models import Complexity, Message, MessageKind, MessageStatus


def test_the_table_states_are_the_message_statuses():
    assert services.TABLE.states() == set(MessageStatus.values)
    assert set(services.TABLE.state_labels) == set(MessageStatus.values)


def test_every_action_row_is_registered_and_reachable():
    assert services.ACTIONS.missing() == []
    reached, frontier = {MessageStatus.RECEIVED.value}, [MessageStatus.RECEIVED.value]
    while frontier:
        state = frontier.pop()
        for action in services.TABLE.allowed(state):
            target = services.TABLE.rows[action][1]
            for after in target if isinstance(target, tuple) else [target or state]:
                if after not in reached:
                    reached.add(after)
                    frontier.append(after)
    assert reached == set(MessageStatus.values)
    for action, (sources, _) in services.TABLE.rows.items():
        assert sources & reached, action


def test_the_api_literals_come_from_the_model_choices():
    assert set(schemas.Kind.__args__) == set(MessageKind.values)
    assert set(schemas.ComplexityValue.__args__) == set(Complexity.values)
    assert Message._meta.get_field("kind").choices == MessageKind.choices
    assert Message._meta.get_field("status").choices == MessageStatus.choices


def test_every_event_name_has_a_chinese_label_and_others_are_refused(make):
    names = EVENT_NAMES[Message]
    assert all(not label.isascii() for label in names.labels)
    message = make()
    with pytest.raises(ValueError):
        record(message, "triaged")
    assert event_label(Event.objects.for_object(message).get()) == "收到来信"


def test_the_staff_timeline_shows_the_chinese_label(make, people):
    message = make()
    services.do_route(message, actor=people("clerk"), department="public_order")
    client = Client()
    client.force_login(people("clerk"))
    timeline = client.get(f"/workbench/messages/{message.number}/").content.decode().split("办理记录")[1]
    assert "收到来信" in timeline and "分办" in timeline
    assert " submit " not in timeline and " route " not in timeline


def test_a_hostile_message_is_routed_through_the_table_with_its_event(people):
    from tests.interaction.conftest import at

    result = services.do_submit_new_media(actor=people("clerk"), platform="微博", account="宁夏公安",
                                          external_id="h1", author="某代理", content="低价出售枪支，私信详谈",
                                          posted_at=at("2026-11-26"))
    message = result.message
    assert message.status == Message.ROUTED and message.department.code == "cyber"
    event = Event.objects.for_object(message).get(action="route_hostile")
    assert (event.from_state, event.to_state) == ("received", "routed")
    with pytest.raises(TransitionRefused):  # only from "received", as the table says
        services.do_route_hostile(message, actor=people("clerk"))


def test_the_workbench_and_the_api_share_the_body_schema(make, people, token_client):
    message = make()
    client = Client()
    client.force_login(people("clerk"))
    page = client.post(f"/workbench/messages/{message.number}/", {"step": "triage", "complexity": "hard"},
                       follow=True).content.decode()
    assert "complexity" in page and "取值不在允许范围内" in page
    api = token_client("clerk").post(f"/messages/{message.number}/actions/triage", {"complexity": "hard"})
    assert api.status_code == 422 and "complexity" in api.json()["error"]["fields"]
    message.refresh_from_db()
    assert not message.triaged


def test_word_lists_are_read_only_in_the_admin(people, rf):
    from django.contrib.admin.sites import site

    from zwgk.interaction.models import WordList

    request = rf.get("/admin/")
    request.user = people("clerk")
    admin = site._registry[WordList]
    assert not admin.has_change_permission(request) and not admin.has_add_permission(request)
    assert not admin.has_delete_permission(request)


def test_the_policy_profile_is_recorded_and_later_settings_do_not_move_old_deadlines(make, people, settings):
    from zwgk.workdays.models import PolicyProfile

    seed = PolicyProfile.objects.get(pk=settings.ZWGK_POLICY_PROFILE)
    old = make(kind="consultation", on="2026-09-30")
    assert old.policy_profile_id == seed.pk
    longer = {kind: {c: 15 for c in Complexity.values} for kind in MessageKind.values}
    PolicyProfile.objects.create(code="longer", name="测试", limits=seed.limits, message_reply=longer,
                                 new_media_reply=seed.new_media_reply)
    settings.ZWGK_POLICY_PROFILE = "longer"
    old = services.do_triage(old, actor=people("clerk"), complexity="complex")
    assert old.due_on == date(2026, 10, 10)  # still 3 working days (Art. 31, the profile it came under)
    new = make(kind="consultation", on="2026-09-30")
    assert new.policy_profile_id == "longer" and new.due_on > date(2026, 10, 10)


def test_due_soon_and_overdue_come_from_the_working_day_engine(make, monkeypatch):
    from zwgk.interaction import models

    message = make(kind="complaint", on="2026-09-30")  # due 2026-10-15
    monkeypatch.setattr(models.timezone, "localdate", lambda *a: date(2026, 10, 14))
    assert message.due_state() == "due_soon" and message.due_label == "即将到期"
    monkeypatch.setattr(models.timezone, "localdate", lambda *a: date(2026, 10, 16))
    assert message.due_state() == "overdue" and message.overdue
    monkeypatch.setattr(models.timezone, "localdate", lambda *a: date(2026, 10, 1))
    assert message.due_state() == "due" and message.due_label == ""


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_clerks_replying_at_once_give_one_reply_and_one_refusal(reference_data, make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    handler, head = people("public_order_handler"), people("public_order_head")
    first_locked, outcomes = threading.Event(), {}

    def first() -> None:
        try:
            with transaction.atomic():
                services.ACTIONS.perform(message, "reply", actor=handler, body={"content": "第一份答复"})
                first_locked.set()
                threading.Event().wait(0.5)  # hold the row lock while the second one tries
            outcomes["first"] = "replied"
        finally:
            connection.close()

    def second() -> None:
        first_locked.wait(5)
        try:
            services.ACTIONS.perform(message, "reply", actor=head, body={"content": "第二份答复"})
            outcomes["second"] = "replied"
        except TransitionRefused as exc:
            outcomes["second"] = exc.message
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes["first"] == "replied"
    assert "已答复" in outcomes["second"] and "不能进行“答复”操作" in outcomes["second"]
    message.refresh_from_db()
    assert message.reply == "第一份答复"
    assert Event.objects.for_object(message).filter(action="reply").count() == 1
