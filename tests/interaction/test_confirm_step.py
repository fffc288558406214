"""答复 of a message is confirmed on the step that sends it (issue 13); the head's approval asks for
the password again when the last check is old (issue 10)."""

from __future__ import annotations

from tests.support.sessions import logged_in
from zwgk.interaction import services
from zwgk.interaction.models import Message


def test_a_reply_sent_at_once_is_confirmed_first(make, people):
    message = services.do_route(make(), actor=people("clerk"), department="public_order")
    client = logged_in(people("public_order_handler"))
    url = f"/workbench/messages/{message.number}/"
    page = client.post(url, {"step": "reply", "content": "请携带户口簿到派出所办理。"}).content.decode()
    assert "确认答复" in page and message.number in page and "请携带户口簿到派出所办理。" in page
    assert "公开显示" in page
    message.refresh_from_db()
    assert message.status != Message.ANSWERED and message.reply == ""
    client.post(url, {"step": "reply", "content": "请携带户口簿到派出所办理。", "confirmed": "1"})
    message.refresh_from_db()
    assert message.status == Message.ANSWERED and message.reply == "请携带户口簿到派出所办理。"


def test_a_reply_sent_on_to_the_head_needs_no_confirmation_but_the_approval_does(make, people):
    message = services.do_route(make(kind="complaint", body="民警态度差"), actor=people("clerk"),
                                department="public_order")
    url = f"/workbench/messages/{message.number}/"
    logged_in(people("public_order_handler")).post(url, {"step": "reply", "content": "已核查整改。"})
    message.refresh_from_db()
    assert message.status == Message.AWAITING_HEAD
    head = logged_in(people("public_order_head"), checked_minutes_ago=40)
    page = head.post(url, {"step": "head_approve", "opinion": "同意"}).content.decode()
    assert "确认答复" in page and "已核查整改。" in page and 'name="reauth_password"' in page
    message.refresh_from_db()
    assert message.status == Message.AWAITING_HEAD
    head.post(url, {"step": "head_approve", "opinion": "同意", "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    message.refresh_from_db()
    assert message.status == Message.ANSWERED and message.reply == "已核查整改。"
