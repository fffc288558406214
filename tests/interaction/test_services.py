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
    services.do_route(people("clerk"), message, "public_order")
    services.do_reply(people("public_order_handler"), message, "答复")
    with pytest.raises(TransitionRefused):
        services.do_reply(people("public_order_handler"), message, "再答复")
    with pytest.raises(TransitionRefused):
        services.do_route(people("clerk"), message, "traffic")


def test_the_office_cannot_answer_before_routing(make, people):
    with pytest.raises(Forbidden):
        services.do_reply(people("clerk"), make(), "答复")


def test_only_the_office_routes(make, people):
    with pytest.raises(Forbidden):
        services.do_route(people("traffic_handler"), make(), "traffic")


def test_another_department_cannot_reply(make, people):
    message = make()
    services.do_route(people("clerk"), message, "public_order")
    with pytest.raises(Forbidden):
        services.do_reply(people("traffic_handler"), message, "答复")
    services.do_reply(people("public_order_handler"), message, "您好，答复如下。")
    assert message.status == Message.ANSWERED and message.replied_by.username == "public_order_handler"


def test_rerouting_is_an_event(make, people):
    message = make()
    services.do_route(people("clerk"), message, "traffic")
    services.do_route(people("clerk"), message, "public_order")
    assert actions(message)[-2:] == ["route", "reroute"]
    assert message.department.code == "public_order"


def test_a_department_returns_what_is_not_its_business(make, people):
    message = make()
    services.do_route(people("clerk"), message, "traffic")
    services.do_return_to_office(people("traffic_handler"), message, "非本部门职责")
    assert message.status == Message.RECEIVED


def test_a_reply_touching_laws_goes_to_the_legal_corps_first(make, people):
    message = make()
    services.do_route(people("clerk"), message, "public_order")
    services.do_reply(people("public_order_handler"), message, "依据有关法规答复如下。", legal_review=True)
    assert message.status == Message.AWAITING_LEGAL and message.reply == ""
    with pytest.raises(Forbidden):
        services.do_legal_review(people("traffic_head"), message, "approve")
    services.do_legal_review(people("legal_head"), message, "return", "请补充法规名称")
    assert message.status == Message.ROUTED
    services.do_reply(people("public_order_handler"), message, "依据《户口登记条例》答复如下。", legal_review=True)
    services.do_legal_review(people("legal_handler"), message, "approve", "同意")
    assert message.status == Message.ANSWERED and message.reply == "依据《户口登记条例》答复如下。"


def test_passed_on_messages_need_collective_review_before_reply(make, people):
    message = make()
    services.do_mark_passed_on(people("clerk"), message, "人民网·地方领导留言板")
    services.do_route(people("clerk"), message, "public_order")
    with pytest.raises(Conflict):
        services.do_reply(people("public_order_handler"), message, "答复")
    services.do_collective_review(people("public_order_head"), message, "经集体研究，答复如下口径。")
    services.do_reply(people("public_order_handler"), message, "答复")
    assert message.status == Message.ANSWERED


def test_major_messages_need_collective_review_too(make, people):
    message = make()
    services.do_triage(people("clerk"), message, "major", "public_order")
    with pytest.raises(Conflict):
        services.do_reply(people("public_order_handler"), message, "答复")


def test_delay_explanation_is_shown_to_the_sender(make, people):
    message = make(kind="tip_off")
    services.do_route(people("clerk"), message, "criminal")
    services.do_explain_delay(people("criminal_handler"), message, "因侦查工作需要，暂不宜答复。")
    event = Event.objects.for_object(message).get(action="explain_delay")
    assert event.public and event.note == "因侦查工作需要，暂不宜答复。"
    assert message.status == Message.ROUTED


def test_only_abusive_messages_may_be_closed_without_reply(make, people):
    plain = make()
    with pytest.raises(Conflict):
        services.do_close(people("clerk"), plain)
    abusive = make(body="你们这帮狗东西")
    assert abusive.abusive
    services.do_close(people("clerk"), abusive)
    assert abusive.status == Message.CLOSED and not abusive.shown_publicly


def test_abusive_message_with_a_real_issue_can_still_be_answered(make, people):
    message = make(body="他妈的，路口红绿灯坏了三天没人管")
    services.do_route(people("clerk"), message, "traffic")
    services.do_reply(people("traffic_handler"), message, "您好，已安排维修。")
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
    assert len(mail.outbox) == 1 and "clerk@example.org" in mail.outbox[0].to
    assert message.number in mail.outbox[0].subject
    assert any(message.number in item.title for item in todo_for(clerk))
    services.do_acknowledge_alert(clerk, message, "已通报110指挥中心")
    assert not any("报警" in item.title and message.number in item.title for item in todo_for(clerk))
    assert current_site() is not None


def test_manual_masks_are_kept_and_applied(make, people):
    from zwgk.interaction.masking import public_text

    message = make(body="我家住在光明小区门口的老槐树旁边")
    services.do_add_mask(people("clerk"), message, fragment="老槐树")
    services.do_add_mask(people("clerk"), message, field="body", start=0, end=2)
    text = public_text(message)
    assert "老槐树" not in text.body and not text.body.startswith("我家")
    with pytest.raises(InvalidInput):
        services.do_add_mask(people("clerk"), message, field="body", start=5, end=500)


def test_overdue_reminders_go_to_the_owning_department(make, people):
    from django.core.management import call_command

    handler = people("public_order_handler")
    handler.email = "zhian@example.org"
    handler.save()
    message = make(on="2026-01-05")
    services.do_route(people("clerk"), message, "public_order")
    call_command("message_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["zhian@example.org"]
    assert message.number in mail.outbox[0].body
