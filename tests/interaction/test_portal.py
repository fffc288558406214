"""The portal's director's mailbox: form, receipt, status by number and code, public list."""

from __future__ import annotations

import re

from django.test import Client

from zwgk.interaction import services
from zwgk.interaction.models import Message

FORM = {"kind": "consultation", "title": "户口迁移咨询", "body": "户口迁移需要什么材料？", "name": "李明",
        "phone": "13995012345", "id_number": "", "email": ""}


def receipt_of(client: Client, data: dict) -> tuple[str, str, str]:
    response = client.post("/interaction/mailbox/", data, follow=True)
    html = response.content.decode()
    number = re.search(r'id="number">([^<]+)<', html).group(1)
    code = re.search(r'id="code">([^<]+)<', html).group(1)
    return number, code, html


def test_the_form_shows_the_four_kinds_and_the_110_notice(people):
    html = Client().get("/interaction/mailbox/").content.decode()
    for label in ("业务咨询", "监督投诉", "线索举报", "意见建议", "拨打 110"):
        assert label in html


def test_a_citizen_writes_and_gets_a_receipt(people):
    client = Client()
    number, code, html = receipt_of(client, FORM)
    message = Message.objects.get(number=number)
    assert message.public_allowed and message.name == "李明"
    assert services.query_code_matches(message, code)
    assert "拨打 110" not in html  # no emergency


def test_the_receipt_s_query_button_posts_the_code_and_no_address_carries_it(people):
    client = Client()
    number, code, html = receipt_of(client, FORM)
    assert not re.search(r'href="[^"]*' + re.escape(code), html)
    page = client.post("/interaction/mailbox/query/", {"number": number, "code": code})
    assert page.status_code == 200 and number in page.content.decode()
    assert f'name="code" value="{code}"' in html and 'action="/interaction/mailbox/query/"' in html


def test_not_public_choice_is_kept(people):
    number, _, _ = receipt_of(Client(), {**FORM, "not_public": "on"})
    assert Message.objects.get(number=number).public_allowed is False


def test_an_emergency_is_stored_and_the_110_notice_shown(people):
    number, _, html = receipt_of(Client(), {**FORM, "kind": "tip_off", "title": "救命",
                                            "body": "有人持刀闯入邻居家，正在打人"})
    assert "紧急情况请拨打 110" in html
    assert Message.objects.get(number=number).emergency


def test_errors_are_shown_on_the_form(people):
    response = Client().post("/interaction/mailbox/", {**FORM, "id_number": "640104198807150022"})
    assert response.status_code == 422
    assert "校验位" in response.content.decode()
    assert Message.objects.count() == 0


def test_status_page_by_number_and_code(people):
    client = Client()
    number, code, _ = receipt_of(client, FORM)
    ok = client.post("/interaction/mailbox/query/", {"number": number, "code": code})
    assert ok.status_code == 200 and "已受理，待分办" in ok.content.decode()
    assert client.post("/interaction/mailbox/query/", {"number": number, "code": "WRONGCOD"}).status_code == 404


def test_status_page_shows_delay_explanations_and_the_reply(people):
    client = Client()
    number, code, _ = receipt_of(client, FORM)
    message = Message.objects.get(number=number)
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_explain_delay(message, actor=people("public_order_handler"),
                                        content="需要与户籍地核实，请稍候。")
    html = client.post("/interaction/mailbox/query/", {"number": number, "code": code}).content.decode()
    assert "需要与户籍地核实，请稍候。" in html
    message = services.do_reply(message, actor=people("public_order_handler"), content="您好，请携带户口簿办理。")
    html = client.post("/interaction/mailbox/query/", {"number": number, "code": code}).content.decode()
    assert "您好，请携带户口簿办理。" in html and "已答复" in html


def test_public_list_and_feed(people):
    client = Client()
    number, _, _ = receipt_of(client, FORM)
    message = Message.objects.get(number=number)
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_reply(message, actor=people("public_order_handler"), content="李明您好，请携带户口簿办理。")
    html = client.get("/interaction/mailbox/public/").content.decode()
    assert "户口迁移咨询" in html and "李某" in html and "李明" not in html
    feed = client.get("/interaction/mailbox/public/feed.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert number in feed.content.decode() and "李明" not in feed.content.decode()
