"""The batch sign-off page (issue 13, Art. 20): every answer awaiting the signer, each with its
preview, signed or returned in one POST, each case on its own."""

from __future__ import annotations

from datetime import date

import pytest

from tests.applications.conftest import act, register  # noqa: F401  (fixtures)
from zwgk.applications import services
from zwgk.applications.models import Application

ON = date(2026, 10, 12)


@pytest.fixture
def at_leader(register, act):  # noqa: F811
    """Answers drafted and signed up to the supervising leader's step."""

    def make(content: str) -> Application:
        a = act(register(date(2026, 10, 9)), "transfer", "clerk", on=ON, lead="traffic")
        a = act(a, "draft_reply", "traffic_handler", on=ON, outcome="disclosed", content=content)
        for username in ("traffic_head", "clerk"):
            a = act(a, "sign_off", username, on=ON, decision="approve")
        return a

    return make


@pytest.fixture
def leader(client, staff):
    client.force_login(staff("leader"))
    return client


def _seen(application: Application) -> str:
    return services.fingerprint(services.draft_answer(application))


def test_the_page_lists_each_answer_awaiting_the_signer_with_its_preview(leader, at_leader, register, act):  # noqa: F811
    first, second = at_leader("随本答复书提供统计年报一份。"), at_leader("附2025年事故统计表。")
    elsewhere = act(register(date(2026, 10, 9)), "transfer", "clerk", on=ON, lead="traffic")
    elsewhere = act(elsewhere, "draft_reply", "traffic_handler", on=ON, outcome="disclosed", content="在部门负责人处。")
    html = leader.get("/workbench/sign-off/").content.decode()
    assert first.number in html and second.number in html and elsewhere.number not in html
    assert "随本答复书提供统计年报一份。" in html and "附2025年事故统计表。" in html
    assert f"/workbench/applications/{first.number}/preview.pdf" in html


def test_two_answers_are_signed_in_one_pass_and_a_refused_one_does_not_block_them(leader, at_leader, staff):
    first, second, third = at_leader("一"), at_leader("二"), at_leader("三")
    services.ACTIONS.perform(third, "sign_off", actor=staff("leader"), body={"on": ON, "decision": "approve"})
    response = leader.post("/workbench/sign-off/", {
        "numbers": [first.number, third.number, second.number], "decision": "approve",
        **{f"seen-{a.number}": _seen(a) for a in (first, second, third)},
    })
    html = response.content.decode()
    assert response.status_code == 200 and "已审签 2 件，未能审签 1 件" in html
    assert Application.objects.get(pk=first.pk).status == Application.SIGNED_OFF
    assert Application.objects.get(pk=second.pk).status == Application.SIGNED_OFF
    assert "分管厅领导审签：已同意" in html


def test_a_return_needs_a_reason_and_changes_nothing_without_one(leader, at_leader):
    first = at_leader("一")
    response = leader.post("/workbench/sign-off/", {"numbers": [first.number], "decision": "return",
                                                    f"seen-{first.number}": _seen(first)})
    assert response.status_code == 422 and "退回理由" in response.content.decode()
    assert Application.objects.get(pk=first.pk).status == Application.IN_SIGNOFF
    response = leader.post("/workbench/sign-off/", {
        "numbers": [first.number], "decision": "return", "comment": "请补充法律依据。",
        f"seen-{first.number}": _seen(first)})
    assert "已退回承办人修改" in response.content.decode()
    assert Application.objects.get(pk=first.pk).status == Application.TRANSFERRED


def test_an_answer_changed_after_it_was_read_is_not_signed(leader, at_leader):
    first = at_leader("一")
    response = leader.post("/workbench/sign-off/", {"numbers": [first.number], "decision": "approve",
                                                    f"seen-{first.number}": "0" * 64})
    assert "未审签" in response.content.decode() and "请重新审阅" in response.content.decode()
    assert Application.objects.get(pk=first.pk).status == Application.IN_SIGNOFF


def test_someone_outside_the_chain_has_no_batch_page(client, staff):
    client.force_login(staff("traffic_handler"))
    assert client.get("/workbench/sign-off/").status_code in (403, 404)


def test_batch_approval_asks_for_the_password_when_the_last_check_is_old(at_leader, staff):
    from tests.support.sessions import logged_in

    first = at_leader("一")
    client = logged_in(staff("leader"), checked_minutes_ago=31)
    body = {"numbers": [first.number], "decision": "approve", f"seen-{first.number}": _seen(first)}
    html = client.post("/workbench/sign-off/", body).content.decode()
    assert "再次验证密码" in html and 'name="reauth_password"' in html
    assert Application.objects.get(pk=first.pk).status == Application.IN_SIGNOFF
    done = client.post("/workbench/sign-off/", {**body, "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert "已审签 1 件" in done.content.decode()
    assert Application.objects.get(pk=first.pk).status == Application.SIGNED_OFF
