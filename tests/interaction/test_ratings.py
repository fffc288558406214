"""The sender rates an answered message once (满意 / 基本满意 / 不满意, with a comment), on the query
page and through the API; staff see the rating on the message."""

from __future__ import annotations

import pytest

from tests.conftest import ApiClient
from zwgk.events.models import Event
from zwgk.interaction import services
from zwgk.interaction.models import Message, MessageRating

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(make, people):
    message = make(on="2026-09-30")
    code = message.query_code
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    services.ACTIONS.perform(message, "reply", actor=people("public_order_handler"),
                             body={"content": "户口迁移需携带户口簿和身份证。"})
    message = Message.objects.get(pk=message.pk)
    assert message.status == "answered"
    message.query_code = code
    return message


def _query(client, message):
    return client.post("/interaction/mailbox/query/", {"number": message.number, "code": message.query_code})


def _rate(client, message, satisfaction="basically_satisfied", comment="答复及时，但材料清单可以更详细。"):
    return client.post("/interaction/mailbox/query/rating/", {
        "number": message.number, "code": message.query_code, "satisfaction": satisfaction, "comment": comment})


def test_the_query_page_of_an_answered_message_offers_the_rating(client, answered):
    page = _query(client, answered).content.decode()
    assert "对答复进行评价" in page and "基本满意" in page and "不满意" in page


def test_the_sender_rates_once_with_a_comment_and_an_event(client, answered):
    response = _rate(client, answered)
    assert response.status_code == 200 and "感谢您的评价" in response.content.decode()
    rating = MessageRating.objects.get(message=answered)
    assert rating.satisfaction == "basically_satisfied" and rating.comment == "答复及时，但材料清单可以更详细。"
    event = Event.objects.for_object(answered).get(action="rate")
    assert event.public and "基本满意" in event.note
    page = _query(client, answered).content.decode()
    assert "对答复进行评价" not in page and "您的评价" in page


def test_a_second_rating_is_refused_and_changes_nothing(client, answered):
    _rate(client, answered)
    response = _rate(client, answered, satisfaction="dissatisfied", comment="")
    assert response.status_code == 409 and "只能评价一次" in response.content.decode()
    assert MessageRating.objects.get(message=answered).satisfaction == "basically_satisfied"


def test_an_unanswered_message_cannot_be_rated(client, make):
    message = make()
    response = _rate(client, message)
    assert response.status_code == 409 and "答复后才能评价" in response.content.decode()
    assert not MessageRating.objects.exists()


def test_a_missing_choice_is_refused_in_chinese(client, answered):
    response = _rate(client, answered, satisfaction="")
    assert response.status_code == 422 and "请选择满意度" in response.content.decode()
    assert not MessageRating.objects.exists()


def test_the_api_takes_a_rating_with_the_query_code(answered):
    api = ApiClient()
    response = api.post(f"/messages/{answered.number}/rating",
                        {"query_code": answered.query_code, "satisfaction": "satisfied"})
    assert response.status_code == 201, response.content
    assert response.json()["rating"]["satisfaction_label"] == "满意"
    again = api.post(f"/messages/{answered.number}/rating",
                     {"query_code": answered.query_code, "satisfaction": "dissatisfied"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_rated"
    wrong = api.post(f"/messages/{answered.number}/rating", {"query_code": "WRONG", "satisfaction": "satisfied"})
    assert wrong.status_code == 404
    bad = api.post(f"/messages/{answered.number}/rating",
                   {"query_code": answered.query_code, "satisfaction": "great"})
    assert bad.status_code == 422


def test_staff_see_the_rating_on_the_message(client, answered, people):
    _rate(client, answered, satisfaction="dissatisfied", comment="没有回答我的问题。")
    client.force_login(people("public_order_handler"))
    page = client.get(f"/workbench/messages/{answered.number}/").content.decode()
    assert "来信人评价" in page and "不满意" in page and "没有回答我的问题。" in page
