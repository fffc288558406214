"""Every deadline can be explained day by day (GET /api/v1/workdays/explain, /workdays/explain/)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workdays.calendars import chinese_calendars
from zwgk.workdays import counting

CALENDARS = chinese_calendars()


@pytest.mark.django_db
def test_national_day_is_skipped_and_the_working_saturday_counted(api):
    body = api.get("/workdays/explain", {"start": "2026-09-30", "days": 15}).json()
    assert body["deadline"] == "2026-10-27" and body["provisional"] is False
    days = {d["date"]: d for d in body["days_counted"]}
    assert days["2026-10-01"] == {"date": "2026-10-01", "weekday": "周四", "counted": None, "reason": "国庆节",
                                  "provisional": False}
    assert days["2026-10-08"]["counted"] == 1 and days["2026-10-10"]["counted"] == 3
    assert days["2026-10-10"]["reason"] == "调休上班（国庆节）"
    assert days["2026-10-11"]["reason"] == "周日" and days["2026-10-11"]["counted"] is None
    assert body["days_counted"][-1] == {"date": "2026-10-27", "weekday": "周二", "counted": 15, "reason": "",
                                        "provisional": False}


@pytest.mark.django_db
def test_the_page_shows_each_day_in_chinese(client):
    page = client.get("/workdays/explain/", {"start": "2026-02-13", "days": "2"}).content.decode()
    assert "2026年2月24日" in page and "春节" in page and "调休上班（春节）" in page and "周六" in page


@pytest.mark.django_db
def test_the_page_names_a_bad_field(client):
    response = client.get("/workdays/explain/", {"start": "2026-13-01", "days": "x"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "起算日应为日期" in page and "工作日数应为0至" in page


@pytest.mark.django_db
def test_a_date_at_the_end_of_the_calendar_is_refused_not_a_server_error(api):
    assert api.get("/workdays/explain", {"start": "9999-12-30", "days": 5}).status_code == 422


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 12, 31)), st.integers(min_value=0, max_value=40))
def test_the_explanation_ends_on_the_deadline_and_numbers_every_working_day(start, days):
    explained = counting.explain(start, days, CALENDARS)
    deadline = counting.add_working_days(start, days, CALENDARS).date
    assert (explained[-1].day if explained else start) == deadline
    assert [d.ordinal for d in explained if d.ordinal] == list(range(1, days + 1))
    assert all(d.reason for d in explained if d.ordinal is None)
