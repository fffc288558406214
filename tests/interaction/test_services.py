"""The guards of the message services: who may act, from which state, and what each writes."""

from __future__ import annotations

import pytest
from django.core import mail

from zwgk.core.errors import Conflict, Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.interaction import services
from zwgk.interaction.models import Message


def actions(message: Message) -> list[str]:
    return list(Event.objects.for_object(message).values_list("action", flat=True))


def test_a_message_is_numbered_and_logged_at_once(make):
    message = make()
    assert message.number.startswith("TZXX-2026-")
    assert message.pk and actions(message) == ["submit"]
    assert services.query_code_matches(message, message.query_code)
    assert not services.query_code_matches(message, "WRONG123")


def test_bad_input_is_refused_with_the_field_named(people):
    with pytest.raises(InvalidInput) as exc:
        services.do_submit(kind="consultation", title="", body="内容", name="李明", phone="13995012345",
                           id_number="640104198807150022")
    assert set(exc.value.fields) == {"title", "id_number"}
    assert Message.objects.count() == 0


def test_a_message_is_answered_once(make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_reply(message, actor=people("public_order_handler"), content="答复")
    with pytest.raises(TransitionRefused):
        message = services.do_reply(message, actor=people("public_order_handler"), content="再答复")
    with pytest.raises(TransitionRefused):
        message = services.do_route(message, actor=people("clerk"), department="traffic")


def test_the_office_cannot_answer_before_routing(make, people):
    with pytest.raises(Forbidden):
        services.do_reply(make(), actor=people("clerk"), content="答复")


def test_only_the_office_routes(make, people):
    with pytest.raises(Forbidden):
        services.do_route(make(), actor=people("traffic_handler"), department="traffic")


def test_another_department_cannot_reply(make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    with pytest.raises(Forbidden):
        message = services.do_reply(message, actor=people("traffic_handler"), content="答复")
    message = services.do_reply(message, actor=people("public_order_handler"), content="您好，答复如下。")
    assert message.status == Message.ANSWERED and message.replied_by.username == "public_order_handler"


def test_rerouting_is_an_event(make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="traffic")
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    assert actions(message)[-2:] == ["route", "reroute"]
    assert message.department.code == "public_order"


def test_a_department_returns_what_is_not_its_business(make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="traffic")
    message = services.do_return_to_office(message, actor=people("traffic_handler"), note="非本部门职责")
    assert message.status == Message.RECEIVED


def test_a_reply_touching_laws_goes_to_the_legal_corps_first(make, people):
    message = make()
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_reply(message, actor=people("public_order_handler"),
                                content="依据有关法规答复如下。", legal_review=True)
    assert message.status == Message.AWAITING_LEGAL and message.reply == ""
    with pytest.raises(Forbidden):
        message = services.do_legal_review(message, actor=people("traffic_head"), decision="approve")
    message = services.do_legal_review(message, actor=people("legal_head"), decision="return", opinion="请补充法规名称")
    assert message.status == Message.ROUTED
    message = services.do_reply(message, actor=people("public_order_handler"),
                                content="依据《户口登记条例》答复如下。", legal_review=True)
    message = services.do_legal_review(message, actor=people("legal_handler"), decision="approve", opinion="同意")
    assert message.status == Message.ANSWERED and message.reply == "依据《户口登记条例》答复如下。"


def test_passed_on_messages_need_collective_review_before_reply(make, people):
    message = make()
    message = services.do_mark_passed_on(message, actor=people("clerk"), source="人民网·地方领导留言板")
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    with pytest.raises(Conflict):
        message = services.do_reply(message, actor=people("public_order_handler"), content="答复")
    message = services.do_collective_review(message, actor=people("public_order_head"),
                                            note="经集体研究，答复如下口径。")
    message = services.do_reply(message, actor=people("public_order_handler"), content="答复")
    assert message.status == Message.ANSWERED


def test_major_messages_need_collective_review_too(make, people):
    message = make()
    message = services.do_triage(message, actor=people("clerk"), complexity="major", department="public_order")
    with pytest.raises(Conflict):
        message = services.do_reply(message, actor=people("public_order_handler"), content="答复")


def test_delay_explanation_is_shown_to_the_sender(make, people):
    message = make(kind="tip_off")
    message = services.do_route(message, actor=people("clerk"), department="criminal")
    message = services.do_explain_delay(message, actor=people("criminal_handler"),
                                        content="因侦查工作需要，暂不宜答复。")
    event = Event.objects.for_object(message).get(action="explain_delay")
    assert event.public and event.note == "因侦查工作需要，暂不宜答复。"
    assert message.status == Message.ROUTED


def test_only_abusive_messages_may_be_closed_without_reply(make, people):
    plain = make()
    with pytest.raises(Conflict):
        plain = services.do_close(plain, actor=people("clerk"))
    abusive = make(body="你们这帮狗东西")
    assert abusive.abusive
    abusive = services.do_close(abusive, actor=people("clerk"))
    assert abusive.status == Message.CLOSED and not abusive.shown_publicly


def test_abusive_message_with_a_real_issue_can_still_be_answered(make, people):
    message = make(body="他妈的，路口红绿灯坏了三天没人管")
    message = services.do_route(message, actor=people("clerk"), department="traffic")
    message = services.do_reply(message, actor=people("traffic_handler"), content="您好，已安排维修。")
    assert message.status == Message.ANSWERED


def test_emergency_alerts_the_office_by_mail_and_todo(make, people, django_capture_on_commit_callbacks):
    from zwgk.core.models import current_site
    from zwgk.workbench.todo import todo_for

    clerk = people("clerk")
    clerk.email = "clerk@example.org"
    clerk.save()
    with django_capture_on_commit_callbacks(execute=True):
        message = make(kind="tip_off", title="救命", body="有人持刀闯入邻居家正在打人")
    assert message.emergency
    (alert,) = [m for m in mail.outbox if "clerk@example.org" in m.to and "报警" in m.subject]
    assert message.number in alert.subject
    assert any(message.number in item.title for item in todo_for(clerk))
    message = services.do_acknowledge_alert(message, actor=clerk, note="已通报110指挥中心")
    assert not any("报警" in item.title and message.number in item.title for item in todo_for(clerk))
    assert current_site() is not None


def test_manual_masks_are_kept_and_applied(make, people):
    from zwgk.interaction.masking import public_text

    message = make(body="我家住在光明小区门口的老槐树旁边")
    services.do_add_mask(message, actor=people("clerk"), fragment="老槐树")
    services.do_add_mask(message, actor=people("clerk"), field="body", start=0, end=2)
    text = public_text(message)
    assert "老槐树" not in text.body and not text.body.startswith("我家")
    with pytest.raises(InvalidInput):
        services.do_add_mask(message, actor=people("clerk"), field="body", start=5, end=500)


def test_overdue_reminders_go_to_the_owning_department(make, people):
    from django.core.management import call_command

    handler = people("public_order_handler")
    handler.email = "zhian@example.org"
    handler.save()
    message = make(on="2026-01-05")
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    call_command("message_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["zhian@example.org"]
    assert message.number in mail.outbox[0].body
