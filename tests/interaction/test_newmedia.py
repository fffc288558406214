"""New-media items (Ch. 6): API, CSV import, emergencies and hostile content."""

from __future__ import annotations

from datetime import date

from zwgk.interaction import services
from zwgk.interaction.models import Message

ITEM = {"account": "宁夏公安", "platform": "微博", "external_id": "wb-1", "author": "塞上江南",
        "content": "电动自行车车牌怎么办理？", "posted_at": "2026-09-30T19:30:00+08:00"}


def test_an_item_is_taken_once_with_a_same_day_deadline(token_client):
    clerk = token_client("clerk")
    first = clerk.post("/newmedia/items", ITEM)
    assert first.status_code == 201, first.content
    data = first.json()
    assert data["number"].startswith("XMT-2026-") and data["due_on"] == "2026-09-30"
    assert data["department"] == "traffic"
    again = clerk.post("/newmedia/items", ITEM)
    assert again.status_code == 200 and again.json()["number"] == data["number"]
    assert Message.objects.count() == 1


def test_unknown_accounts_and_anonymous_callers_are_refused(token_client, api):
    assert token_client("clerk").post("/newmedia/items", {**ITEM, "account": "别人的号"}).status_code == 422
    assert api.post("/newmedia/items", ITEM).status_code == 401
    assert token_client("traffic_handler").post("/newmedia/items", ITEM).status_code == 403
    assert token_client("publicity_handler").post("/newmedia/items", ITEM).status_code == 201


def test_an_emergency_on_new_media_is_flagged(token_client):
    data = token_client("clerk").post("/newmedia/items", {**ITEM, "external_id": "wb-2",
                                                          "content": "救命！有人持刀抢劫"}).json()
    assert data["emergency"] is True and "110" in data["advice"]


def test_hostile_content_goes_to_the_cyber_corps(token_client):
    data = token_client("clerk").post("/newmedia/items", {**ITEM, "external_id": "wb-3",
                                                          "content": "低价出售枪支，私信详谈"}).json()
    assert data["hostile"] and data["department"] == "cyber" and data["status"] == "routed"


def test_csv_import_reports_each_bad_row(people):
    text = ("platform,account,external_id,author,content,posted_at\n"
            "微博,宁夏公安,c1,甲,户口本丢了怎么补办？,2026-10-09 08:00\n"
            "微博,宁夏公安,c1,甲,户口本丢了怎么补办？,2026-10-09 08:00\n"
            "微博,没有的号,c2,乙,问题,2026-10-09 08:00\n"
            "微博,宁夏公安,c3,丙,驾照怎么换,昨天\n")
    result = services.import_new_media_csv(text, actor=people("clerk"))
    assert len(result.created) == 1 and result.duplicates == 1 and len(result.errors) == 2
    message = result.created[0]
    assert message.received_on == date(2026, 10, 9) and message.due_on == date(2026, 10, 9)
    assert message.department is None and message.suggested_department.code == "public_order"
