"""The catalog's API as API.md fixes it: paths, field names, enumerations, errors."""

from __future__ import annotations

import pytest

from tests.catalog.conftest import SEED_NUMBER

pytestmark = pytest.mark.django_db
ITEM_FIELDS = {"index_number", "title", "publisher", "published_on", "disclosure_mode", "category", "section", "url"}


def test_list_has_count_and_items_with_the_contract_fields(api, demo):
    body = api.get("/catalog").json()
    assert body["count"] >= 300
    assert len(body["results"]) == 20
    for item in body["results"]:
        assert ITEM_FIELDS <= set(item)
    dates = [item["published_on"] for item in body["results"]]
    assert dates == sorted(dates, reverse=True)


def test_item_by_index_number_has_body_and_attachments(api, demo):
    item = api.get("/catalog/item", {"index_number": SEED_NUMBER}).json()
    assert ITEM_FIELDS | {"body", "attachments"} <= set(item)
    assert item["title"] == "宁夏公安厅政务公开工作实施办法"
    assert item["publisher"] == "公安厅办公室"
    assert item["published_on"] == "2018-09-11"
    assert item["disclosure_mode"] == "proactive" and item["disclosure_mode_label"] == "主动公开"
    assert "第四十五条 本办法自发布之日起实施。" in item["body"]
    assert item["attachments"] == []
    assert item["url"].endswith(f"/catalog/item/{SEED_NUMBER}/")


def test_unknown_index_number_is_404_in_the_error_format(api, demo):
    response = api.get("/catalog/item", {"index_number": "nope/2018-000000"})
    assert response.status_code == 404
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_sections_name_their_department(api, demo):
    sections = api.get("/catalog/sections").json()
    news = next(s for s in sections if s["code"] == "news")
    assert news["name"] == "公安要闻" and news["department"] == "publicity"
    assert {"code", "name", "department"} <= set(news)


def test_categories_are_the_22_items_of_art_8(api, demo):
    categories = api.get("/catalog/categories").json()
    assert len(categories) == 22
    assert categories[16] == {"code": "wanted", "name": "通缉令"}


def test_filters_combine(api, demo):
    body = api.get("/catalog", {"section": "news", "year": 2024}).json()
    assert body["count"] > 0
    assert all(i["section"] == "news" and i["published_on"].startswith("2024") for i in body["results"])
    assert api.get("/catalog", {"category": "wanted", "section": "news"}).json()["count"] == 0


def test_drafts_are_invisible_without_staff_rights(api, draft):
    entry = draft(title="尚未发布的草稿标题")
    assert api.get(f"/catalog/drafts/{entry['id']}").status_code == 401
    assert api.get("/catalog", {"q": "尚未发布的草稿标题"}).json()["count"] == 0


def test_a_handler_may_draft_only_for_own_sections(handler):
    response = handler.post("/catalog/drafts", {"title": "采购公告", "section": "procurement",
                                                "category": "procurement",
                                                "body": "正文", "disclosure_attribute": "public"})
    assert response.status_code == 403


def test_a_head_may_not_draft(head):
    response = head.post("/catalog/drafts", {"title": "要闻", "section": "news", "category": "campaigns",
                                             "body": "正文", "disclosure_attribute": "public"})
    assert response.status_code == 403


def test_other_departments_get_404_for_a_draft(draft, api_as):
    entry = draft()
    assert api_as("traffic_handler").get(f"/catalog/drafts/{entry['id']}").status_code == 404
    assert api_as("clerk").get(f"/catalog/drafts/{entry['id']}").status_code == 200


def test_unknown_fields_and_bad_enumerations_are_422(handler):
    base = {"title": "要闻", "section": "news", "category": "campaigns", "body": "正文",
            "disclosure_attribute": "public"}
    response = handler.post("/catalog/drafts", {**base, "colour": "red"})
    assert response.status_code == 422 and "colour" in response.json()["error"]["fields"]
    response = handler.post("/catalog/drafts", {**base, "disclosure_attribute": "secret"})
    assert response.status_code == 422 and "disclosure_attribute" in response.json()["error"]["fields"]
    response = handler.post("/catalog/drafts", {**base, "section": "nowhere"})
    assert response.status_code == 422 and "section" in response.json()["error"]["fields"]


def test_draft_answer_has_status_due_on_scan_and_ledger(draft, handler):
    entry = draft()
    body = handler.get(f"/catalog/drafts/{entry['id']}").json()
    assert body["status"] == "draft"
    assert {"id", "status", "due_on", "scan", "ledger"} <= set(body)


def test_actions_refuse_wrong_states_and_unknown_actions(draft, handler):
    entry = draft()
    response = handler.post(f"/catalog/drafts/{entry['id']}/actions/publish", {})
    assert response.status_code == 409 and response.json()["error"]["code"] == "action_not_allowed"
    assert handler.post(f"/catalog/drafts/{entry['id']}/actions/explode", {}).status_code == 404
    response = handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {"extra": 1})
    assert response.status_code == 422


def test_review_body_is_validated(draft, handler, head):
    entry = draft()
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    response = head.post(f"/catalog/drafts/{entry['id']}/actions/review", {"decision": "maybe"})
    assert response.status_code == 422 and "decision" in response.json()["error"]["fields"]


def test_keyset_next_cursor_pages_through(api, demo):
    first = api.get("/catalog").json()
    second = api.get("/catalog", {"after": first["next"]}).json()
    assert not {i["index_number"] for i in first["results"]} & {i["index_number"] for i in second["results"]}
    by_page = api.get("/catalog", {"page": 2}).json()
    assert [i["index_number"] for i in by_page["results"]] == [i["index_number"] for i in second["results"]]
