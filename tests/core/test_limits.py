"""Citizens' lookups and public submissions are limited (API.md v1, "Citizens' lookups"): 10 wrong
query codes an hour per address and per number, then 429 in Chinese; submissions per address."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests.applications.conftest import RESIDENT_ID

APPLICATION = {
    "applicant_type": "natural_person", "name": "张明", "id_type": "resident_id", "id_number": RESIDENT_ID,
    "phone": "13909510001", "description": "2025年道路交通事故统计", "delivery": "online",
}
MESSAGE = {"kind": "consultation", "title": "户口迁移咨询", "body": "户口迁移需要什么材料？", "name": "李明",
           "phone": "13995012345", "id_number": "", "email": ""}


def _api_application(client: Client) -> dict:
    response = client.post("/api/v1/applications", APPLICATION, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def test_the_api_lookup_is_429_after_ten_wrong_codes_even_with_the_right_one(demo):
    client = Client()
    receipt = _api_application(client)
    path = f"/api/v1/applications/{receipt['number']}"
    for _ in range(10):
        assert client.get(path, {"query_code": "WRONGCOD"}).status_code == 404
    refused = client.get(path, {"query_code": receipt["query_code"]})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_requests" and "小时" in refused.json()["error"]["message"]
    cache.clear()  # the hour has passed
    assert client.get(path, {"query_code": receipt["query_code"]}).status_code == 200


def test_wrong_codes_from_many_addresses_lock_the_number(demo):
    receipt = _api_application(Client())
    path = f"/api/v1/applications/{receipt['number']}"
    for i in range(10):
        assert Client(REMOTE_ADDR=f"10.1.0.{i}").get(path, {"query_code": "WRONGCOD"}).status_code == 404
    assert Client(REMOTE_ADDR="10.2.0.1").get(path, {"query_code": receipt["query_code"]}).status_code == 429


def test_one_address_guessing_many_numbers_is_locked(demo):
    client = Client(REMOTE_ADDR="10.3.0.1")
    receipt = _api_application(Client())
    for i in range(10):
        client.get(f"/api/v1/messages/TZXX-2026-{i:06d}", {"query_code": "WRONGCOD"})
    response = client.get(f"/api/v1/applications/{receipt['number']}", {"query_code": receipt["query_code"]})
    assert response.status_code == 429
    assert Client(REMOTE_ADDR="10.3.0.2").get(
        f"/api/v1/applications/{receipt['number']}", {"query_code": receipt["query_code"]}).status_code == 200


def test_the_limit_is_a_setting(demo, settings):
    settings.ZWGK_LOOKUP_MAX_FAILURES = 2
    client = Client()
    receipt = _api_application(client)
    path = f"/api/v1/applications/{receipt['number']}"
    client.get(path, {"query_code": "WRONGCOD"})
    client.get(path, {"query_code": "WRONGCOD"})
    assert client.get(path, {"query_code": receipt["query_code"]}).status_code == 429


def test_the_portal_message_lookup_is_by_post_and_limited(demo):
    client = Client()
    response = client.post("/interaction/mailbox/", MESSAGE, follow=True)
    html = response.content.decode()
    number = re.search(r'id="number">([^<]+)<', html).group(1)
    code = re.search(r'id="code">([^<]+)<', html).group(1)
    by_get = client.get("/interaction/mailbox/query/", {"number": number, "code": code})
    assert by_get.status_code == 200 and "办理过程" not in by_get.content.decode()  # the address opens nothing
    assert client.post("/interaction/mailbox/query/", {"number": number, "code": code}).status_code == 200
    for _ in range(10):
        assert client.post("/interaction/mailbox/query/", {"number": number, "code": "WRONGCOD"}).status_code == 404
    refused = client.post("/interaction/mailbox/query/", {"number": number, "code": code})
    assert refused.status_code == 429 and "查询码错误次数过多" in refused.content.decode()


def test_the_portal_application_status_page_posts_the_code_and_is_limited(demo):
    client = Client()
    receipt = _api_application(client)
    page = client.get("/apply/status/").content.decode()
    assert 'method="post"' in page
    for _ in range(10):
        client.post("/apply/status/", {"number": receipt["number"], "query_code": "WRONGCOD"})
    refused = client.post("/apply/status/", {"number": receipt["number"], "query_code": receipt["query_code"]})
    assert refused.status_code == 429 and "查询码错误次数过多" in refused.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/applications", "/api/v1/messages"])
def test_public_api_submissions_are_limited_per_address(demo, settings, path):
    settings.ZWGK_SUBMISSIONS_PER_HOUR = 3
    body = APPLICATION if "applications" in path else {k: v for k, v in MESSAGE.items() if v}
    client = Client(REMOTE_ADDR="10.4.0.1")
    for _ in range(3):
        assert client.post(path, body, content_type="application/json").status_code == 201
    refused = client.post(path, body, content_type="application/json")
    assert refused.status_code == 429 and "提交过于频繁" in refused.json()["error"]["message"]
    other = Client(REMOTE_ADDR="10.4.0.2").post(path, body, content_type="application/json")
    assert other.status_code == 201


def test_portal_submissions_are_limited_per_address(demo, settings):
    from zwgk.interaction.models import Message

    settings.ZWGK_SUBMISSIONS_PER_HOUR = 2
    client = Client()
    for _ in range(2):
        assert client.post("/interaction/mailbox/", MESSAGE).status_code == 302
    count = Message.objects.count()
    refused = client.post("/interaction/mailbox/", MESSAGE)
    assert refused.status_code == 429 and "提交过于频繁" in refused.content.decode()
    assert Message.objects.count() == count
    refused = client.post("/apply/", {**APPLICATION, "email": "", "address": "", "purpose": ""})
    assert refused.status_code == 429
