"""The API contract of citizen messages (API.md "Citizen messages")."""

from __future__ import annotations

import pytest

from tests.conftest import ApiClient

BODY = {"kind": "complaint", "title": "派出所民警态度差", "body": "民警态度恶劣，推诿刁难。", "name": "孙丽",
        "phone": "13709518888", "id_number": "640104198807150023", "email": "sunli@example.org", "public": True}


@pytest.fixture
def anon(people) -> ApiClient:
    return ApiClient()


def test_submit_answers_201_with_the_receipt(anon):
    response = anon.post("/messages", BODY)
    assert response.status_code == 201, response.content
    data = response.json()
    assert set(data) >= {"number", "query_code", "status", "received_on", "due_on", "department"}
    assert data["status"] == "received"
    assert data["department"] == "inspection"  # the responsible department by the routing table
    assert data["due_on"] > data["received_on"]


def test_public_defaults_to_true_and_optional_fields_may_be_left_out(anon):
    body = {k: v for k, v in BODY.items() if k not in ("id_number", "email", "public")}
    assert anon.post("/messages", body).status_code == 201


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "praise"}, "kind"),
    ({"id_number": "640104198807150022"}, "id_number"),
    ({"title": ""}, "title"),
    ({"colour": "red"}, "colour"),
])
def test_bad_input_is_422_with_the_field(anon, change, field):
    response = anon.post("/messages", {**BODY, **change})
    assert response.status_code == 422
    assert field in response.json()["error"]["fields"]


def test_the_sender_follows_with_the_query_code_and_a_wrong_code_is_404(anon):
    receipt = anon.post("/messages", BODY).json()
    ok = anon.get(f"/messages/{receipt['number']}", {"query_code": receipt["query_code"]})
    assert ok.status_code == 200 and ok.json()["body"] == BODY["body"]
    assert "phone" not in ok.json() or ok.json()["phone"] is None
    assert anon.get(f"/messages/{receipt['number']}", {"query_code": "AAAAAAAA"}).status_code == 404
    assert anon.get("/messages/TZXX-2026-999999", {"query_code": receipt["query_code"]}).status_code == 404
    assert anon.get(f"/messages/{receipt['number']}").status_code == 404


def test_staff_triage_route_reply_and_explain(anon, token_client):
    number = anon.post("/messages", {**BODY, "kind": "consultation", "title": "户口迁移",
                                     "body": "户口迁移需要什么材料？"}).json()["number"]
    clerk = token_client("clerk")
    r = clerk.post(f"/messages/{number}/actions/triage", {"complexity": "complex", "department": "public_order"})
    assert r.status_code == 200, r.content
    assert r.json()["complexity"] == "complex" and r.json()["department"] == "public_order"
    assert r.json()["status"] == "routed"
    handler = token_client("public_order_handler")
    r = handler.post(f"/messages/{number}/actions/explain_delay", {"content": "正在核实，请耐心等待。"})
    assert r.status_code == 200 and r.json()["explanations"][0]["content"] == "正在核实，请耐心等待。"
    r = handler.post(f"/messages/{number}/actions/reply", {"content": "您好，需携带户口簿和身份证。"})
    assert r.status_code == 200 and r.json()["status"] == "answered"
    again = handler.post(f"/messages/{number}/actions/reply", {"content": "再次答复"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "action_not_allowed"


def test_route_action_and_outsiders_get_404(anon, token_client):
    number = anon.post("/messages", BODY).json()["number"]
    assert token_client("traffic_handler").get(f"/messages/{number}").status_code == 404
    r = token_client("clerk").post(f"/messages/{number}/actions/route", {"department": "inspection"})
    assert r.status_code == 200 and r.json()["department"] == "inspection"
    assert token_client("inspection_handler").get(f"/messages/{number}").status_code == 200
    assert token_client("traffic_handler").post(f"/messages/{number}/actions/reply",
                                                {"content": "x"}).status_code == 404


def test_unknown_department_and_unknown_action(anon, token_client):
    number = anon.post("/messages", BODY).json()["number"]
    clerk = token_client("clerk")
    assert clerk.post(f"/messages/{number}/actions/route", {"department": "nowhere"}).status_code == 422
    assert clerk.post(f"/messages/{number}/actions/fly", {}).status_code == 404
    assert clerk.post(f"/messages/{number}/actions/triage", {"complexity": "hard"}).status_code == 422
    assert clerk.post(f"/messages/{number}/actions/route", {"department": "traffic", "x": 1}).status_code == 422


def test_actions_need_staff(anon):
    number = anon.post("/messages", BODY).json()["number"]
    assert anon.post(f"/messages/{number}/actions/route", {"department": "traffic"}).status_code in (401, 404)


def test_public_list_shows_answered_messages_allowed_by_the_sender(anon, token_client):
    shown = anon.post("/messages", BODY).json()["number"]
    hidden = anon.post("/messages", {**BODY, "public": False}).json()["number"]
    pending = anon.post("/messages", BODY).json()["number"]
    clerk, handler, head = token_client("clerk"), token_client("inspection_handler"), token_client("inspection_head")
    for number in (shown, hidden):
        clerk.post(f"/messages/{number}/actions/route", {"department": "inspection"})
        r = handler.post(f"/messages/{number}/actions/reply", {"content": "孙丽您好，已核查整改。"})
        assert r.json()["status"] == "awaiting_head"  # a complaint: the head approves first (Art. 29)
        assert anon.get(f"/messages/public/{number}").status_code == 404
        assert head.post(f"/messages/{number}/actions/head_approve", {}).json()["status"] == "answered"
    data = anon.get("/messages/public", {"page": 1}).json()
    numbers = [item["number"] for item in data["results"]]
    assert numbers == [shown] and data["count"] == 1
    assert hidden not in numbers and pending not in numbers
    item = data["results"][0]
    assert "孙丽" not in str(item) and "13709518888" not in str(item)
    assert anon.get("/messages/public", {"page": 0}).status_code == 422


def test_legal_review_flow_over_the_api(anon, token_client):
    number = anon.post("/messages", {**BODY, "kind": "consultation"}).json()["number"]
    token_client("clerk").post(f"/messages/{number}/actions/route", {"department": "traffic"})
    r = token_client("traffic_handler").post(f"/messages/{number}/actions/reply",
                                            {"content": "依据法规答复。", "legal_review": True})
    assert r.json()["status"] == "awaiting_legal"
    r = token_client("legal_head").post(f"/messages/{number}/actions/legal_review", {"decision": "approve"})
    assert r.status_code == 200 and r.json()["status"] == "answered"


def test_the_same_idempotency_key_creates_one_message(anon):
    from zwgk.interaction.models import Message

    first = anon.post("/messages", BODY, headers={"Idempotency-Key": "k-1"})
    again = anon.post("/messages", BODY, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["number"] == again.json()["number"] and Message.objects.count() == 1


def test_staff_queues_over_the_api(anon, token_client):
    number = anon.post("/messages", BODY).json()["number"]
    routing = token_client("clerk").get("/messages", {"queue": "routing"})
    assert routing.status_code == 200 and [m["number"] for m in routing.json()] == [number]
    assert routing.json()[0]["masked"]["body"]  # the public version beside the original
    assert token_client("traffic_handler").get("/messages", {"queue": "routing"}).status_code == 404
    assert anon.get("/messages", {"queue": "routing"}).status_code == 401


def test_the_contract_is_in_the_openapi_document(anon):
    paths = anon.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/messages", "/api/v1/messages/public", "/api/v1/messages/{number}",
                 "/api/v1/messages/{number}/actions/{action}", "/api/v1/newmedia/items"):
        assert path in paths
