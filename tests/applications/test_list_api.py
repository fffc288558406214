"""GET /api/v1/applications with the case list's parameters (issue 13)."""

from __future__ import annotations

from datetime import date


def test_the_api_searches_and_filters_with_the_same_selector(api_as, register, act):
    a = act(register(date(2026, 9, 1), name="王芳"), "transfer", "clerk", on=date(2026, 9, 2), lead="traffic")
    register(date(2026, 10, 26), name="赵磊")
    clerk = api_as("clerk")
    body = clerk.get("/applications", {"q": "王芳", "status": "", "overdue": "true"}).json()
    assert body["count"] == 1 and body["results"][0]["number"] == a.number and body["results"][0]["overdue"]
    found = clerk.get("/applications", {"department": "traffic", "sort": "-received"}).json()["results"]
    assert a.number in [r["number"] for r in found] and all(r["lead"] == "traffic" for r in found)
    assert api_as("criminal_handler").get("/applications", {"q": "王芳"}).json()["count"] == 0


def test_bad_parameters_answer_422_naming_the_parameter(api_as):
    response = api_as("clerk").get("/applications", {"due_within": "soon", "sort": "sideways"})
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"due_within", "sort"}
    response = api_as("clerk").get("/applications", {"department": "nowhere"})
    assert response.status_code == 422 and "department" in response.json()["error"]["message"]


def test_the_parameters_are_in_the_openapi_document(api):
    operation = api.get("/openapi.json").json()["paths"]["/api/v1/applications"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "status", "department", "channel", "applicant_type", "received_from", "received_to", "overdue",
            "due_within", "sort", "page"} <= names


def test_the_older_order_parameter_still_sorts(api_as, register):
    first, second = register(date(2026, 9, 1)), register(date(2026, 9, 2))
    found = [r["number"] for r in api_as("clerk").get("/applications", {"order": "-received_on"}).json()["results"]]
    assert found.index(second.number) < found.index(first.number)
