"""答复 and 视为放弃 go through a confirmation page first (issue 13); sign-off approval asks for the
password again when the last check is old (issue 10). Plain form posts: no JavaScript involved."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.sessions import logged_in
from zwgk.security.models import AuditEntry

pytestmark = pytest.mark.django_db




def test_first_reply_post_shows_the_confirmation_and_changes_nothing(signed_off, staff):
    a = signed_off()
    letters = a.letters.count()
    url = f"/workbench/applications/{a.number}/actions/reply/"
    response = logged_in(staff("traffic_handler")).post(url, {"reply-on": "2026-09-29"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "确认答复" in page and a.number in page and "答复书（一）" in page and "已经公开" not in page
    assert 'name="confirmed" value="1"' in page and 'name="reply-on" value="2026-09-29"' in page
    a.refresh_from_db()
    assert a.status == "signed_off" and a.letters.count() == letters


def test_confirmed_reply_post_issues_the_letter(signed_off, staff):
    a = signed_off()
    url = f"/workbench/applications/{a.number}/actions/reply/"
    response = logged_in(staff("traffic_handler")).post(url, {"reply-on": "2026-09-29", "confirmed": "1"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == "answered" and a.letters.filter(template_id="reply_1").exists()


def test_abandon_is_confirmed_before_the_case_closes(register, act, staff):
    a = act(register(date(2026, 9, 1)), "request_supplement", "clerk", on=date(2026, 9, 2), items=["年份"])
    url = f"/workbench/applications/{a.number}/actions/abandon/"
    body = {"abandon-on": "2026-10-20", "abandon-reason": "no_supplement"}
    client = logged_in(staff("clerk"))
    page = client.post(url, body).content.decode()
    assert "确认视为放弃" in page and "逾期不补正" in page
    a.refresh_from_db()
    assert a.status == "awaiting_supplement"
    assert client.post(url, {**body, "confirmed": "1"}).status_code == 302
    a.refresh_from_db()
    assert a.status == "abandoned"


def test_invalid_reply_form_shows_errors_without_a_confirmation(signed_off, staff):
    a = signed_off()
    response = logged_in(staff("traffic_handler")).post(f"/workbench/applications/{a.number}/actions/reply/",
                                                      {"reply-on": ""})
    assert response.status_code == 422 and "确认答复" not in response.content.decode()


def test_sign_off_approval_asks_for_the_password_after_the_window(register, act, staff):
    a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    a = act(a, "draft_reply", "traffic_handler", on=date(2026, 9, 28), outcome="disclosed", content="附统计表。")
    client = logged_in(staff("traffic_head"), checked_minutes_ago=31)
    url = f"/workbench/applications/{a.number}/actions/sign_off/"
    body = {"sign_off-on": "2026-09-28", "sign_off-decision": "approve"}
    page = client.post(url, body).content.decode()
    assert "再次验证密码" in page and 'name="reauth_password"' in page
    assert a.signoffs.count() == 0
    wrong = client.post(url, {**body, "confirmed": "1", "reauth_password": "wrong"})
    assert wrong.status_code == 403 and "密码不正确" in wrong.content.decode() and a.signoffs.count() == 0
    done = client.post(url, {**body, "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert done.status_code == 302 and a.signoffs.filter(decision="approve").count() == 1
    results = list(AuditEntry.objects.filter(kind="reauth", actor="traffic_head").values_list("result", flat=True))
    assert results == ["failure", "success"]


def test_sign_off_return_needs_no_password(register, act, staff):
    a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
    a = act(a, "draft_reply", "traffic_handler", on=date(2026, 9, 28), outcome="disclosed", content="附统计表。")
    response = logged_in(staff("traffic_head"), checked_minutes_ago=31).post(
        f"/workbench/applications/{a.number}/actions/sign_off/",
        {"sign_off-on": "2026-09-28", "sign_off-decision": "return", "sign_off-comment": "请补充"})
    assert response.status_code == 302
