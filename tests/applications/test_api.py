"""The API contract of applications (API.md "Applications for disclosure")."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from tests.applications.conftest import CREDIT_CODE, OTHER_ID, person
from zwgk.applications.models import Application
from zwgk.events.models import Event


@pytest.fixture
def submitted(api, demo):
    response = api.post("/applications", person())
    assert response.status_code == 201, response.content
    return response.json()


def test_submission_returns_number_code_and_due_date(submitted):
    assert submitted["number"].startswith(f"YSQ-{timezone.localdate().year}-")
    assert len(submitted["query_code"]) >= 6
    assert submitted["status"] == "received"
    assert submitted["received_on"] == timezone.localdate().isoformat()
    assert submitted["due_on"] > submitted["received_on"]
    assert submitted["channel"] == "online"


def test_numbers_follow_the_pattern_in_sequence(api, demo):
    first = api.post("/applications", person()).json()["number"]
    second = api.post("/applications", person()).json()["number"]
    year, serial = first.split("-")[1:]
    assert second == f"YSQ-{year}-{int(serial) + 1:05d}"


def test_idempotency_key_returns_the_same_number(api, demo):
    headers = {"Idempotency-Key": "k-123"}
    one = api.post("/applications", person(), headers=headers)
    count = Application.objects.count()
    two = api.post("/applications", person(), headers=headers)
    assert one.status_code == two.status_code == 201
    assert one.json()["number"] == two.json()["number"]
    assert Application.objects.count() == count


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"id_number": "640104198503121230"}, "id_number"),
        ({"applicant_type": "legal_person", "id_type": "credit_code", "id_number": "91640100MA76ABCD10",
          "organization": "某公司", "organization_type": "commercial"}, "id_number"),
        ({"applicant_type": "legal_person", "id_type": "credit_code", "id_number": CREDIT_CODE}, "organization"),
        ({"description": ""}, "description"),
        ({"delivery": "paper"}, "address"),
        ({"delivery": "carrier_pigeon"}, "delivery"),
        ({"nickname": "x"}, "nickname"),
    ],
)
def test_bad_applications_are_refused_with_the_field_named(api, demo, overrides, field):
    count = Application.objects.count()
    response = api.post("/applications", person(**overrides))
    assert response.status_code == 422
    body = response.json()["error"]
    assert field in body["fields"]
    assert body["message"]
    assert Application.objects.count() == count


def test_legal_person_with_valid_credit_code_is_accepted(api, demo):
    response = api.post("/applications", person(applicant_type="legal_person", id_type="credit_code",
                                                id_number=CREDIT_CODE, organization="某律所",
                                                organization_type="legal_service"))
    assert response.status_code == 201


def test_other_id_types_are_allowed(api, demo):
    assert api.post("/applications", person(id_type="passport", id_number="E12345678")).status_code == 201


def test_citizen_may_not_set_channel_or_date(api, demo):
    response = api.post("/applications", person(channel="mail", received_on="2026-03-02"))
    assert response.status_code == 401


def test_handler_may_not_register(api_as):
    response = api_as("traffic_handler").post("/applications", person(channel="mail", received_on="2026-03-02"))
    assert response.status_code == 403


def test_clerk_registers_a_letter_with_its_date_of_receipt(api_as):
    response = api_as("clerk").post("/applications", person(channel="mail", received_on="2026-09-28"))
    assert response.status_code == 201
    body = response.json()
    assert body["number"].startswith("YSQ-2026-")
    assert (body["received_on"], body["due_on"], body["channel"]) == ("2026-09-28", "2026-10-23", "mail")


def test_status_with_query_code(api, submitted):
    response = api.get(f"/applications/{submitted['number']}", {"query_code": submitted["query_code"]})
    assert response.status_code == 200
    body = response.json()
    for key in ("number", "status", "received_on", "due_on", "paused", "extended", "departments", "events", "letters"):
        assert key in body
    assert body["events"][0]["action"] == "submit"
    assert set(body["events"][0]) == {"at", "action", "by", "note"}
    assert "id_number" not in body and "name" not in body


def test_wrong_query_code_is_404_like_a_wrong_number(api, submitted):
    wrong_code = api.get(f"/applications/{submitted['number']}", {"query_code": "WRONG"})
    wrong_number = api.get("/applications/YSQ-2026-99999", {"query_code": submitted["query_code"]})
    no_code = api.get(f"/applications/{submitted['number']}")
    assert wrong_code.status_code == wrong_number.status_code == no_code.status_code == 404
    assert wrong_code.json() == wrong_number.json()


def test_department_outside_the_case_gets_404(api_as, submitted):
    number = submitted["number"]
    today = timezone.localdate().isoformat()
    assert api_as("clerk").post(f"/applications/{number}/actions/transfer",
                                {"on": today, "lead": "traffic"}).status_code == 200
    assert api_as("traffic_handler").get(f"/applications/{number}").status_code == 200
    assert api_as("criminal_handler").get(f"/applications/{number}").status_code == 404
    assert api_as("criminal_handler").post(f"/applications/{number}/actions/draft_reply",
                                           {"on": today, "outcome": "disclosed"}).status_code == 404


def _registered(api_as, received_on="2026-09-28"):
    return api_as("clerk").post("/applications", person(channel="mail", received_on=received_on)).json()["number"]


def test_the_whole_procedure_through_the_api(api_as):
    number = _registered(api_as)
    clerk = api_as("clerk")
    r = clerk.post(f"/applications/{number}/actions/transfer",
                   {"on": "2026-09-29", "lead": "traffic", "assisting": ["public_order"]})
    assert r.status_code == 200
    assert [d["code"] for d in r.json()["departments"]] == ["traffic", "public_order"]
    handler = api_as("traffic_handler")
    r = handler.post(f"/applications/{number}/actions/request_extension",
                     {"on": "2026-10-20", "days": 10, "reason": "信息量大"})
    assert r.status_code == 200 and not r.json()["extended"] and r.json()["due_on"] == "2026-10-23"
    assert r.json()["extension_requests"][0]["state"] == "pending"
    r = api_as("chief").post(f"/applications/{number}/actions/approve_extension", {"on": "2026-10-21"})
    assert r.status_code == 200 and r.json()["extended"] and r.json()["due_on"] == "2026-11-06"
    r = handler.post(f"/applications/{number}/actions/draft_reply",
                     {"on": "2026-10-21", "outcome": "not_disclosed", "reason": "security_stability",
                      "content": "理由见附件。", "reviews": ["secrecy"]})
    assert r.status_code == 200 and r.json()["status"] == "in_signoff"
    for username in ("traffic_head", "secrecy", "clerk", "leader"):
        r = api_as(username).post(f"/applications/{number}/actions/sign_off",
                                  {"on": "2026-10-22", "decision": "approve"})
        assert r.status_code == 200, (username, r.content)
    assert r.json()["status"] == "signed_off"
    r = handler.post(f"/applications/{number}/actions/reply", {"on": "2026-10-23"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "answered" and body["outcome"] == "not_disclosed"
    letter = next(x for x in body["letters"] if x["name"] == "答复书（二）")
    pdf = handler.get(f"/applications/{number}/letters/{letter['id']}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = handler.get(f"/applications/{number}/letters/{letter['id']}.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_refused_action_changes_nothing(api_as):
    number = _registered(api_as)
    clerk = api_as("clerk")
    before = (Application.objects.get(number=number).status, Event.objects.count())
    r = clerk.post(f"/applications/{number}/actions/sign_off", {"on": "2026-09-29", "decision": "approve"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "action_not_allowed"
    r = clerk.post(f"/applications/{number}/actions/request_supplement", {"on": "2026-10-30", "items": ["年份"]})
    assert r.status_code == 409
    r = clerk.post(f"/applications/{number}/actions/extend", {"on": "2026-10-20", "days": 10, "reason": "量大"})
    assert r.status_code == 403
    r = api_as("chief").post(f"/applications/{number}/actions/extend",
                             {"on": "2026-10-20", "days": 10, "reason": "量大", "approved_by": "clerk"})
    assert r.status_code == 422 and "approved_by" in r.json()["error"]["fields"]
    application = Application.objects.get(number=number)
    assert (application.status, Event.objects.count()) == before
    assert application.due_on == date(2026, 10, 23) and application.extended_days is None


def test_unknown_action_and_unknown_fields(api_as):
    number = _registered(api_as)
    clerk = api_as("clerk")
    assert clerk.post(f"/applications/{number}/actions/teleport", {"on": "2026-09-29"}).status_code == 404
    r = clerk.post(f"/applications/{number}/actions/withdraw", {"on": "2026-09-29", "reason": "撤回", "extra": 1})
    assert r.status_code == 422 and "extra" in r.json()["error"]["fields"]
    r = clerk.post(f"/applications/{number}/actions/withdraw", {"on": "not-a-date", "reason": "撤回"})
    assert r.status_code == 422 and "on" in r.json()["error"]["fields"]


def test_actions_need_a_token(api, api_as):
    number = _registered(api_as)
    assert api.post(f"/applications/{number}/actions/withdraw", {"on": "2026-09-29", "reason": "x"}).status_code == 401


def test_handler_gets_403_for_an_office_action_on_own_case(api_as):
    number = _registered(api_as)
    api_as("clerk").post(f"/applications/{number}/actions/transfer", {"on": "2026-09-29", "lead": "traffic"})
    r = api_as("traffic_handler").post(f"/applications/{number}/actions/withdraw", {"on": "2026-09-29", "reason": "x"})
    assert r.status_code == 403


def test_citizen_sees_public_events_and_letters_only(api, api_as, submitted):
    number = submitted["number"]
    today = timezone.localdate().isoformat()
    api_as("clerk").post(f"/applications/{number}/actions/transfer", {"on": today, "lead": "traffic"})
    api_as("traffic_handler").post(f"/applications/{number}/actions/draft_reply", {"on": today, "outcome": "disclosed"})
    body = api.get(f"/applications/{number}", {"query_code": submitted["query_code"]}).json()
    assert [e["action"] for e in body["events"]] == ["submit", "transfer"]
    assert body["letters"] == []  # the transfer slip is internal
    slip = Application.objects.get(number=number).letters.get()
    r = api.get(f"/applications/{number}/letters/{slip.pk}.pdf", {"query_code": submitted["query_code"]})
    assert r.status_code == 404


def test_paused_flag_and_third_party(api_as):
    number = _registered(api_as, "2026-09-15")
    clerk = api_as("clerk")
    r = clerk.post(f"/applications/{number}/actions/consult_third_party",
                   {"on": "2026-09-29", "party": "某公司", "contact": "0951-1"})
    assert r.status_code == 200 and r.json()["paused"] is True
    r = clerk.post(f"/applications/{number}/actions/third_party_replied",
                   {"on": "2026-10-12", "consent": True, "opinion": "同意"})
    assert r.json()["paused"] is False and r.json()["due_on"] == "2026-10-19"


def test_supplement_through_the_api_nulls_the_due_date(api_as):
    number = _registered(api_as, "2026-02-10")
    r = api_as("clerk").post(f"/applications/{number}/actions/request_supplement",
                             {"on": "2026-02-26", "items": ["请说明文号"]})
    assert r.status_code == 200
    assert (r.json()["status"], r.json()["due_on"]) == ("awaiting_supplement", None)
    r = api_as("clerk").post(f"/applications/{number}/actions/resubmit", {"on": "2026-03-02"})
    assert (r.json()["status"], r.json()["due_on"]) == ("received", "2026-03-23")


def test_abandon_and_withdraw(api_as):
    clerk = api_as("clerk")
    number = _registered(api_as)
    r = clerk.post(f"/applications/{number}/actions/abandon", {"on": "2026-10-30", "reason": "fee_unpaid"})
    assert r.status_code == 200 and r.json()["status"] == "abandoned"
    r = clerk.post(f"/applications/{_registered(api_as)}/actions/abandon", {"on": "2026-10-30", "reason": "bored"})
    assert r.status_code == 422


def test_staff_list_queues(api_as):
    number = _registered(api_as)
    r = api_as("clerk").get("/applications", {"queue": "intake"})
    assert r.status_code == 200 and number in [x["number"] for x in r.json()["results"]]
    assert api_as("criminal_handler").get("/applications", {"queue": "all"}).json()["count"] == 0


def test_duplicates_endpoint(api_as):
    clerk = api_as("clerk")
    first = clerk.post("/applications", person(channel="mail", received_on="2026-03-02", id_number=OTHER_ID)).json()
    clerk.post("/applications", person(channel="mail", received_on="2026-04-01", id_number=OTHER_ID,
                                       description="出入境证件办理窗口设置情况"))
    second = clerk.post("/applications", person(channel="mail", received_on="2026-09-28", id_number=OTHER_ID,
                                                 description="2025年全区道路交通事故统计年报全文")).json()
    r = api_as("clerk").get(f"/applications/{second['number']}/duplicates")
    assert r.status_code == 200 and [x["number"] for x in r.json()] == [first["number"]]
