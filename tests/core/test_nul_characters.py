"""A NUL character anywhere a citizen or a client can put one is refused with a clear message and
changes nothing; PostgreSQL would otherwise fail the request with a server error."""

from __future__ import annotations

from django.test import Client

from zwgk.interaction.models import Message

ITEM = {"account": "宁夏公安", "platform": "微博", "external_id": "wb-nul", "author": "塞上江南",
        "content": "车牌\x00怎么办理？", "posted_at": "2026-09-30T19:30:00+08:00"}


def test_a_nul_in_an_api_body_is_refused_naming_the_field(api_as):
    count = Message.objects.count()
    response = api_as("clerk").post("/newmedia/items", ITEM)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"content": "含有空字符（NUL）"}
    assert Message.objects.count() == count


def test_a_nul_in_an_api_path_is_refused(api_as):
    response = api_as("chief").get("/messages/public/ZX%00-1")
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "validation_error", "message": "请求的地址含有不允许的空字符（NUL）。", "fields": {"地址": "含有空字符"}
    }


def test_a_nul_in_a_portal_query_is_refused_in_chinese(demo):
    response = Client().get("/catalog/", {"q": "公安\x00"})
    assert response.status_code == 400
    assert response.content.decode() == "请求的q含有不允许的空字符（NUL）。"


def test_a_nul_in_the_idempotency_key_is_refused(api_as):
    response = api_as("clerk").post("/newmedia/items", {**ITEM, "content": "车牌"},
                                    headers={"Idempotency-Key": "k\x00"})
    assert response.status_code == 400
