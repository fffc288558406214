"""Decisions by those who hold the right (issue 9): the office decides a message's complexity (Art.
31) and the department head approves replies to complaints, tip-offs and major messages before
they are sent and shown (Art. 29, 一把手负责制)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from zwgk.core.errors import Conflict, Forbidden, InvalidInput
from zwgk.events.models import Event
from zwgk.interaction import services
from zwgk.interaction.models import HeadApprovalRule, Message


def routed(make, people, dept: str = "public_order", **extra) -> Message:
    message = make(**extra)
    return services.do_route(message, actor=people("clerk"), department=dept)


def test_a_handler_can_no_longer_lengthen_its_own_deadline(make, people, token_client):
    message = routed(make, people, kind="complaint", on="2026-09-30")
    assert message.due_on == date(2026, 10, 15)
    with pytest.raises(Forbidden):
        services.do_triage(message, actor=people("public_order_handler"), complexity="complex")
    api = token_client("public_order_handler").post(f"/messages/{message.number}/actions/triage",
                                                    {"complexity": "complex"})
    assert api.status_code == 403
    message.refresh_from_db()
    assert message.complexity == "simple" and message.due_on == date(2026, 10, 15)


def test_a_department_asks_and_the_office_decides_the_complexity(make, people):
    message = routed(make, people, kind="complaint", on="2026-09-30")
    handler, clerk = people("public_order_handler"), people("clerk")
    message = services.do_request_reclassification(message, actor=handler, complexity="complex",
                                                   reason="涉及多个派出所，需调查核实")
    assert message.reclassification_pending and message.due_on == date(2026, 10, 15)  # nothing moves yet
    with pytest.raises(Conflict):
        services.do_request_reclassification(message, actor=handler, complexity="major", reason="再次申请")
    with pytest.raises(Forbidden):
        services.do_decide_reclassification(message, actor=handler, approve=True)
    message = services.do_decide_reclassification(message, actor=clerk, approve=True, note="同意")
    assert message.complexity == "complex" and message.due_on == date(2026, 10, 27)
    assert not message.reclassification_pending
    actions = list(Event.objects.for_object(message).values_list("action", flat=True))
    assert actions[-2:] == ["request_reclassification", "approve_reclassification"]


def test_the_office_refuses_a_request_with_a_reason(make, people):
    message = routed(make, people, on="2026-09-30")
    message = services.do_request_reclassification(message, actor=people("public_order_handler"),
                                                   complexity="major", reason="情况复杂")
    with pytest.raises(InvalidInput) as exc:
        services.do_decide_reclassification(message, actor=people("clerk"), approve=False)
    assert "note" in exc.value.fields
    message = services.do_decide_reclassification(message, actor=people("clerk"), approve=False,
                                                  note="属一般咨询，按简单情节办理")
    assert message.complexity == "simple" and not message.reclassification_pending
    with pytest.raises(Conflict):
        services.do_decide_reclassification(message, actor=people("clerk"), approve=True)


def test_a_reclassification_request_over_the_api_and_in_the_workbench(make, people, token_client):
    message = routed(make, people, on="2026-09-30")
    r = token_client("public_order_handler").post(f"/messages/{message.number}/actions/request_reclassification",
                                                  {"complexity": "complex", "reason": "需要户籍地核实"})
    assert r.status_code == 200 and r.json()["reclassification"]["complexity"] == "complex"
    clerk = Client()
    clerk.force_login(people("clerk"))
    page = clerk.get(f"/workbench/messages/{message.number}/").content.decode()
    assert "需要户籍地核实" in page and "同意调整" in page
    clerk.post(f"/workbench/messages/{message.number}/", {"step": "decide_reclassification", "approve": "1"})
    message.refresh_from_db()
    assert message.complexity == "complex" and message.due_on == date(2026, 10, 10)


@pytest.mark.parametrize("kind", ["complaint", "tip_off"])
def test_a_reply_to_a_complaint_or_tip_off_waits_for_the_department_head(make, people, kind):
    message = routed(make, people, kind=kind)
    message = services.do_reply(message, actor=people("public_order_handler"), content="您好，已核查处理。")
    assert message.status == Message.AWAITING_HEAD and message.reply == "" and not message.shown_publicly
    assert Client().get(f"/interaction/mailbox/public/{message.number}/").status_code == 404
    for outsider in ("public_order_handler", "traffic_head", "clerk"):
        with pytest.raises(Forbidden):
            services.do_head_approve(message, actor=people(outsider))
    message = services.do_head_approve(message, actor=people("public_order_head"), opinion="同意")
    assert message.status == Message.ANSWERED and message.reply == "您好，已核查处理。"
    assert message.head_approved_by.username == "public_order_head" and message.shown_publicly
    assert Client().get(f"/interaction/mailbox/public/{message.number}/").status_code == 200


def test_the_head_returns_a_draft_and_the_handler_redrafts(make, people):
    message = routed(make, people, kind="complaint")
    handler, head = people("public_order_handler"), people("public_order_head")
    message = services.do_reply(message, actor=handler, content="初稿")
    with pytest.raises(InvalidInput):
        services.do_head_return(message, actor=head)
    message = services.do_head_return(message, actor=head, opinion="请写明整改措施")
    assert message.status == Message.ROUTED and message.head_opinion == "请写明整改措施" and message.reply == ""
    message = services.do_reply(message, actor=handler, content="修改稿：已责令整改")
    message = services.do_head_approve(message, actor=head)
    assert message.reply == "修改稿：已责令整改"


def test_any_reply_to_a_major_message_needs_the_head_and_consultations_do_not(make, people):
    plain = routed(make, people)
    plain = services.do_reply(plain, actor=people("public_order_handler"), content="您好。")
    assert plain.status == Message.ANSWERED
    major = make()
    major = services.do_triage(major, actor=people("clerk"), complexity="major", department="public_order")
    major = services.do_collective_review(major, actor=people("public_order_head"), note="经集体研究答复")
    major = services.do_reply(major, actor=people("public_order_handler"), content="您好。")
    assert major.status == Message.AWAITING_HEAD


def test_a_complaint_reviewed_by_the_legal_corps_still_goes_to_the_head(make, people):
    message = routed(make, people, kind="complaint")
    message = services.do_reply(message, actor=people("public_order_handler"), content="依据法规答复。",
                                legal_review=True)
    message = services.do_legal_review(message, actor=people("legal_head"), decision="approve")
    assert message.status == Message.AWAITING_HEAD
    message = services.do_head_approve(message, actor=people("public_order_head"))
    assert message.status == Message.ANSWERED


def test_which_kinds_need_the_head_is_policy_data(make, people):
    assert {(r.kind, r.complexity) for r in HeadApprovalRule.objects.all()} == {
        ("complaint", ""), ("tip_off", ""), ("", "major")}
    HeadApprovalRule.objects.filter(kind="tip_off").delete()
    message = routed(make, people, kind="tip_off")
    message = services.do_reply(message, actor=people("public_order_handler"), content="已转核查。")
    assert message.status == Message.ANSWERED


def test_the_head_approves_over_the_api_and_others_are_refused(make, people, token_client):
    message = routed(make, people, dept="inspection", kind="complaint")
    r = token_client("inspection_handler").post(f"/messages/{message.number}/actions/reply", {"content": "已整改。"})
    assert r.json()["status"] == "awaiting_head" and r.json()["needs_head_approval"] is True
    assert "head_approve" in r.json()["allowed_actions"]
    assert token_client("traffic_head").post(f"/messages/{message.number}/actions/head_approve",
                                             {}).status_code == 404
    assert token_client("inspection_handler").post(f"/messages/{message.number}/actions/head_approve",
                                                   {}).status_code == 403
    r = token_client("inspection_head").post(f"/messages/{message.number}/actions/head_approve", {"opinion": "同意"})
    assert r.status_code == 200 and r.json()["status"] == "answered"
    assert [e["label"] for e in r.json()["events"]][-1] == "部门负责人审批同意"
