"""GET /api/v1/workdays/deadline and /workdays/{date} on 2026's real calendar (API.md)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "days", "deadline"),
    [
        ("2026-09-30", 15, "2026-10-27"),  # National Day week skipped, Saturday 10/10 works
        ("2026-09-18", 1, "2026-09-20"),  # Sunday 9/20 is a working day
        ("2026-10-09", 1, "2026-10-10"),  # Saturday 10/10 is a working day
        ("2026-02-13", 1, "2026-02-14"),  # Saturday 2/14 works before Spring Festival
        ("2026-02-14", 1, "2026-02-24"),  # 2/15–2/23 Spring Festival
        ("2026-02-27", 1, "2026-02-28"),  # Saturday 2/28 works
        ("2026-01-01", 1, "2026-01-04"),  # New Year holiday, Sunday 1/4 works
        ("2026-05-08", 1, "2026-05-09"),  # Saturday 5/9 works
        ("2026-10-01", 0, "2026-10-01"),
    ],
)
def test_deadline_follows_the_2026_calendar(api, start, days, deadline):
    response = api.get("/workdays/deadline", {"start": start, "days": days})
    assert response.status_code == 200
    assert response.json() == {"start": start, "days": days, "deadline": deadline, "provisional": False}


def test_deadline_in_an_unknown_year_is_provisional(api):
    body = api.get("/workdays/deadline", {"start": "2027-12-30", "days": 2}).json()
    assert body == {"start": "2027-12-30", "days": 2, "deadline": "2028-01-03", "provisional": True}


def test_deadline_with_negative_days_is_refused_in_chinese(api):
    response = api.get("/workdays/deadline", {"start": "2026-10-01", "days": -1})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert "days" in error["fields"]


def test_deadline_with_a_bad_date_names_the_field(api):
    response = api.get("/workdays/deadline", {"start": "2026-13-01", "days": 3})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"start": "应为日期（YYYY-MM-DD）"}


def test_national_day_is_named(api):
    assert api.get("/workdays/2026-10-01").json() == {"date": "2026-10-01", "workday": False, "name": "国庆节"}


def test_working_sunday_is_a_workday(api):
    assert api.get("/workdays/2026-09-20").json()["workday"] is True


def test_ordinary_saturday_is_not_a_workday(api):
    assert api.get("/workdays/2026-11-28").json() == {"date": "2026-11-28", "workday": False, "name": None}
