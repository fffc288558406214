"""The sign-off chain of Art. 20 and who may draft and answer."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.applications import services
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused

pytestmark = pytest.mark.django_db
D = date(2026, 9, 28)


@pytest.fixture
def transferred(register, act):
    return lambda: act(register(D), "transfer", "clerk", on=D, lead="traffic", assisting=["public_order"])


def test_only_the_lead_departments_handler_drafts(transferred, act):
    a = transferred()
    with pytest.raises(Forbidden):
        act(a, "draft_reply", "public_order_handler", on=D, outcome="disclosed")
    a = act(a, "draft_reply", "traffic_handler", on=D, outcome="disclosed")
    assert a.status == "in_signoff"


def test_chain_without_reviews_is_head_office_leader(transferred, act):
    a = act(transferred(), "draft_reply", "traffic_handler", on=D, outcome="disclosed")
    stages = []
    for username in ("traffic_head", "clerk", "leader"):
        stages.append(services.pending_stage(a))
        a = act(a, "sign_off", username, on=D, decision="approve")
    assert stages == ["dept_head", "office", "leader"]
    assert a.status == "signed_off"


def test_chain_with_reviews_passes_secrecy_and_legal_before_the_office(transferred, act):
    a = act(transferred(), "draft_reply", "traffic_handler", on=D, outcome="disclosed", reviews=["legal", "secrecy"])
    a = act(a, "sign_off", "traffic_head", on=D, decision="approve")
    assert services.pending_stage(a) == "secrecy"
    with pytest.raises(Forbidden):
        act(a, "sign_off", "clerk", on=D, decision="approve")
    a = act(a, "sign_off", "secrecy", on=D, decision="approve")
    assert services.pending_stage(a) == "legal"
    a = act(a, "sign_off", "legal_head", on=D, decision="approve")
    assert services.pending_stage(a) == "office"


def test_the_wrong_person_cannot_sign(transferred, act):
    a = act(transferred(), "draft_reply", "traffic_handler", on=D, outcome="disclosed")
    for username in ("traffic_handler", "public_order_head", "leader", "clerk"):
        with pytest.raises(Forbidden):
            act(a, "sign_off", username, on=D, decision="approve")


def test_return_sends_the_draft_back_to_the_handler(transferred, act):
    a = act(transferred(), "draft_reply", "traffic_handler", on=D, outcome="disclosed")
    a = act(a, "sign_off", "traffic_head", on=D, decision="approve")
    with pytest.raises(InvalidInput):
        act(a, "sign_off", "clerk", on=D, decision="return")
    a = act(a, "sign_off", "clerk", on=D, decision="return", comment="请补充理由")
    assert a.status == "transferred"
    a = act(a, "draft_reply", "traffic_handler", on=D, outcome="partly_disclosed", reason="third_party_rights",
            content="删除第三方信息后提供。")
    assert services.pending_stage(a) == "dept_head"  # a new round starts at the head


def test_lead_department_replies_once_the_chain_approved(signed_off, act):
    a = signed_off()
    with pytest.raises(Forbidden):
        act(a, "reply", "public_order_handler", on=D)
    a = act(a, "reply", "traffic_handler", on=D)
    assert a.status == "answered" and a.outcome == "disclosed"
    assert a.letters.get(template_id="reply_1").public


def test_reply_before_the_chain_is_refused(transferred, act):
    a = act(transferred(), "draft_reply", "traffic_handler", on=D, outcome="disclosed")
    with pytest.raises(TransitionRefused):
        act(a, "reply", "traffic_handler", on=D)


def test_available_actions_follow_role_and_state(transferred, staff):
    a = transferred()
    assert "draft_reply" in services.available_actions(a, staff("traffic_handler"))
    assert "transfer" not in services.available_actions(a, staff("traffic_handler"))
    assert "draft_reply" not in services.available_actions(a, staff("clerk"))
    assert services.available_actions(a, staff("public_order_handler")) == []
