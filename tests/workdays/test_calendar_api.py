"""Calendar upkeep through the API: only staff with the calendar permission change it."""

import pytest

from tests.support.models import Timer
from zwgk.events.models import Event
from zwgk.workdays import services

NOTICE_2026 = (__import__("pathlib").Path(__file__).parent / "fixtures" / "notice-2026.txt").read_text()


def test_calendar_of_2026_lists_holidays_and_working_weekends(api):
    body = api.get("/calendar/2026").json()
    assert body["known"] is True
    assert {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"} == set(body["workdays"])
    assert "2026-10-01" in body["holidays"] and body["names"]["2026-10-01"] == "国庆节"


def test_unknown_year_is_reported_not_raised(api):
    body = api.get("/calendar/2027").json()
    assert body == {"year": 2027, "known": False, "source": None, "holidays": [], "workdays": [], "names": {}}


def test_calendar_put_needs_a_token(api):
    response = api.put("/calendar/2027", {"holidays": [], "workdays": []})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_calendar_put_is_refused_to_a_clerk(api_as):
    response = api_as("clerk").put("/calendar/2027", {"holidays": [], "workdays": []})
    assert response.status_code == 403


def test_sysadmin_saves_2027_and_provisional_deadlines_are_recounted_with_an_event(api_as):
    timer = Timer(label="case")
    services.set_due(timer, __import__("datetime").date(2027, 9, 30), 3)
    timer.save()
    assert timer.due_provisional and str(timer.due_on) == "2027-10-05"
    response = api_as("sysadmin").put(
        "/calendar/2027",
        {"holidays": [f"2027-10-0{d}" for d in range(1, 8)], "workdays": ["2027-09-26"],
         "names": {"2027-10-01": "国庆节"}},
    )
    assert response.status_code == 200, response.content
    assert response.json()["recounted"] == 1
    timer.refresh_from_db()
    assert str(timer.due_on) == "2027-10-12" and timer.due_provisional is False
    event = Event.objects.for_object(timer).get()
    assert event.action == "deadline_recounted" and event.data["before"] == "2027-10-05"


def test_a_working_weekday_is_refused_and_nothing_changes(api_as):
    before = api_as("sysadmin").get("/calendar/2026").json()
    response = api_as("sysadmin").put("/calendar/2026", {"holidays": [], "workdays": ["2026-10-12"]})
    assert response.status_code == 422
    assert "workdays" in response.json()["error"]["fields"]
    assert api_as("sysadmin").get("/calendar/2026").json() == before


def test_unknown_fields_are_rejected(api_as):
    response = api_as("sysadmin").put("/calendar/2027", {"holidays": [], "workdays": [], "extra": 1})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"extra": "不允许的字段"}


def test_parse_notice_returns_the_days_without_saving(api_as):
    response = api_as("chief").post("/calendar/parse-notice", {"text": NOTICE_2026})
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2026
    assert body["workdays"] == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    assert "2026-02-15" in body["holidays"] and "2026-02-23" in body["holidays"]
    assert len(body["holidays"]) == 3 + 9 + 3 + 5 + 3 + 3 + 7


def test_parse_notice_with_garbage_names_the_text_field(api_as):
    response = api_as("chief").post("/calendar/parse-notice", {"text": "今天天气很好"})
    assert response.status_code == 422
    assert "text" in response.json()["error"]["fields"]


@pytest.mark.parametrize("profile", ["seed-2018", "national-2019"])
def test_policy_lists_the_limits_in_force(api, settings, profile):
    settings.ZWGK_POLICY_PROFILE = profile
    body = api.get("/policy").json()
    expected = (15, 15, 7, 15, 5) if profile == "seed-2018" else (20, 20, 7, 15, 20)
    assert (body["application_reply"], body["application_extension"], body["supplement_notice"],
            body["third_party_reply"], body["publication"]) == expected
    assert body["message_reply"]["complaint"] == {"simple": 7, "complex": 15, "major": 15}
    assert body["message_reply"]["tip_off"] == {"simple": 3, "complex": 7, "major": 7}
