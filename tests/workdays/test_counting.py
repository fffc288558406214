"""The counting rule (API.md "The counting rule"; Civil Code Art. 201; seed Art. 15, 18, 26, 31).

Example dates are of the 2026 calendar (State Council notice of 2025-11-04, fixture
``notice-2026.txt``): 元旦 1/1–1/3 with Sunday 1/4 working; 春节 2/15–2/23 with Saturdays 2/14 and
2/28 working; 清明 4/4–4/6; 劳动节 5/1–5/5 with Saturday 5/9 working; 端午 6/19–6/21; 中秋 9/25–9/27;
国庆 10/1–10/7 with Sunday 9/20 and Saturday 10/10 working. 2027 is not known yet.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workdays.calendars import chinese_calendars
from zwgk.workdays.counting import (
    Deadline,
    YearCalendar,
    add_working_days,
    holiday_name,
    is_workday,
    workday_name,
    working_days_between,
)

CALENDARS = chinese_calendars()
FIRST_KNOWN = date(min(CALENDARS), 1, 1)
LAST_KNOWN = date(max(CALENDARS), 12, 31)

known_dates = st.dates(min_value=FIRST_KNOWN, max_value=date(2026, 6, 30))
any_dates = st.dates(min_value=date(2002, 1, 1), max_value=date(2028, 12, 31))
day_counts = st.integers(min_value=0, max_value=300)


def deadline(start: date, days: int) -> date:
    return add_working_days(start, days, CALENDARS).date


# --- examples from the 2026 calendar ----------------------------------------------------------


def test_fifteen_working_days_from_national_day_eve() -> None:
    # 10/1–10/7 holidays; 10/8 (1), 10/9 (2), Sat 10/10 (3), 10/12–16 (4–8), 10/19–23 (9–13),
    # 10/26 (14), 10/27 (15).
    assert add_working_days(date(2026, 9, 30), 15, CALENDARS) == Deadline(date(2026, 10, 27), False)


def test_working_saturday_10_10_counts() -> None:
    assert deadline(date(2026, 10, 9), 1) == date(2026, 10, 10)
    assert deadline(date(2026, 10, 9), 2) == date(2026, 10, 12)
    assert is_workday(date(2026, 10, 10), CALENDARS) == (True, True)


def test_sunday_9_20_is_a_working_day() -> None:
    assert is_workday(date(2026, 9, 20), CALENDARS) == (True, True)
    assert deadline(date(2026, 9, 19), 1) == date(2026, 9, 20)
    assert workday_name(date(2026, 9, 20), CALENDARS) == "国庆节"
    assert holiday_name(date(2026, 9, 20), CALENDARS) is None


def test_ordinary_weekend_does_not_count() -> None:
    assert deadline(date(2026, 3, 6), 1) == date(2026, 3, 9)
    assert is_workday(date(2026, 3, 7), CALENDARS) == (False, True)


def test_start_on_a_holiday_counts_from_next_working_day() -> None:
    assert deadline(date(2026, 10, 1), 1) == date(2026, 10, 8)
    assert deadline(date(2026, 10, 3), 1) == date(2026, 10, 8)
    assert deadline(date(2026, 10, 7), 1) == date(2026, 10, 8)
    assert deadline(date(2026, 10, 3), 15) == date(2026, 10, 27)


def test_start_on_a_weekend_counts_from_next_working_day() -> None:
    assert deadline(date(2026, 3, 7), 1) == date(2026, 3, 9)
    assert deadline(date(2026, 3, 8), 1) == date(2026, 3, 9)


def test_spring_festival_saturdays_work_and_the_week_is_off() -> None:
    assert deadline(date(2026, 2, 13), 1) == date(2026, 2, 14)  # Saturday, working
    assert deadline(date(2026, 2, 13), 2) == date(2026, 2, 24)  # 2/15–2/23 off
    assert deadline(date(2026, 2, 13), 6) == date(2026, 2, 28)  # Saturday, working
    assert deadline(date(2026, 2, 13), 7) == date(2026, 3, 2)
    assert all(not is_workday(date(2026, 2, d), CALENDARS)[0] for d in range(15, 24))
    assert holiday_name(date(2026, 2, 17), CALENDARS) == "春节"


def test_sunday_1_4_works_after_new_year_across_the_year_boundary() -> None:
    assert add_working_days(date(2025, 12, 31), 1, CALENDARS) == Deadline(date(2026, 1, 4), False)
    assert deadline(date(2025, 12, 31), 2) == date(2026, 1, 5)
    assert holiday_name(date(2026, 1, 2), CALENDARS) == "元旦"


def test_labour_day_and_working_saturday_5_9() -> None:
    assert deadline(date(2026, 4, 30), 1) == date(2026, 5, 6)
    assert deadline(date(2026, 5, 8), 1) == date(2026, 5, 9)
    assert is_workday(date(2026, 5, 9), CALENDARS) == (True, True)


def test_holiday_names() -> None:
    assert holiday_name(date(2026, 10, 1), CALENDARS) == "国庆节"
    assert holiday_name(date(2026, 9, 26), CALENDARS) == "中秋节"
    assert holiday_name(date(2026, 4, 5), CALENDARS) == "清明节"
    assert holiday_name(date(2026, 6, 19), CALENDARS) == "端午节"
    assert holiday_name(date(2026, 3, 3), CALENDARS) is None
    assert holiday_name(date(2026, 3, 7), CALENDARS) is None  # a plain Saturday
    assert holiday_name(date(2027, 10, 1), CALENDARS) is None  # unknown year
    assert workday_name(date(2026, 10, 1), CALENDARS) is None


def test_day_itself_never_counts() -> None:
    assert deadline(date(2026, 3, 2), 1) == date(2026, 3, 3)  # Monday → Tuesday
    assert deadline(date(2026, 10, 10), 1) == date(2026, 10, 12)  # working Saturday → Monday
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2), CALENDARS) == (0, False)


def test_zero_days_is_the_start_itself() -> None:
    assert add_working_days(date(2026, 10, 1), 0, CALENDARS) == Deadline(date(2026, 10, 1), False)
    assert add_working_days(date(2027, 10, 1), 0, CALENDARS) == Deadline(date(2027, 10, 1), False)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1, CALENDARS)


def test_unknown_year_is_weekends_only_and_provisional() -> None:
    # 2027-10-01 is a Friday; weekends-only: 10/1 (1), 10/4–8 (2–6), 10/11–15 (7–11), 10/18–21 (12–15).
    assert add_working_days(date(2027, 9, 30), 15, CALENDARS) == Deadline(date(2027, 10, 21), True)
    assert is_workday(date(2027, 10, 1), CALENDARS) == (True, False)
    assert is_workday(date(2027, 10, 2), CALENDARS) == (False, False)


def test_count_running_into_an_unknown_year_is_provisional() -> None:
    # 2026-12-31 Thu (1), 2027-01-01 Fri (2, weekends-only), 2027-01-04 Mon (3).
    assert add_working_days(date(2026, 12, 30), 1, CALENDARS) == Deadline(date(2026, 12, 31), False)
    assert add_working_days(date(2026, 12, 30), 3, CALENDARS) == Deadline(date(2027, 1, 4), True)


def test_start_in_an_unknown_year_is_not_itself_a_reason_for_provisional() -> None:
    calendars = {2026: CALENDARS[2026]}
    assert add_working_days(date(2025, 12, 31), 1, calendars) == Deadline(date(2026, 1, 4), False)


def test_next_years_notice_decides_the_previous_december() -> None:
    # The 2019 notice gave 2018-12-30/31 off and made Saturday 2018-12-29 a working day.
    calendars = {
        2018: YearCalendar(2018, {}, {}),
        2019: YearCalendar(
            2019,
            holidays={date(2018, 12, 30): "元旦", date(2018, 12, 31): "元旦", date(2019, 1, 1): "元旦"},
            workdays={date(2018, 12, 29): "元旦"},
        ),
    }
    assert is_workday(date(2018, 12, 29), calendars) == (True, True)
    assert is_workday(date(2018, 12, 31), calendars) == (False, True)
    assert holiday_name(date(2018, 12, 31), calendars) == "元旦"
    assert add_working_days(date(2018, 12, 28), 2, calendars) == Deadline(date(2019, 1, 2), False)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 27), CALENDARS) == (15, False)
    assert working_days_between(date(2026, 10, 1), date(2026, 10, 7), CALENDARS) == (0, False)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 28), CALENDARS) == (6, False)
    assert working_days_between(date(2026, 10, 9), date(2026, 10, 10), CALENDARS) == (1, False)
    assert working_days_between(date(2026, 10, 27), date(2026, 9, 30), CALENDARS) == (0, False)
    assert working_days_between(date(2026, 12, 30), date(2027, 1, 4), CALENDARS) == (3, True)


# --- agreement with chinesecalendar -------------------------------------------------------------


def test_agrees_with_chinesecalendar_on_every_known_day() -> None:
    day = FIRST_KNOWN
    while day <= LAST_KNOWN:
        assert is_workday(day, CALENDARS) == (chinese_calendar.is_workday(day), True), day
        day += timedelta(days=1)


# --- properties ---------------------------------------------------------------------------------


@given(start=known_dates, days=st.integers(min_value=1, max_value=300))
def test_deadline_is_always_a_working_day(start: date, days: int) -> None:
    result = add_working_days(start, days, CALENDARS)
    assert result.date > start
    assert is_workday(result.date, CALENDARS)[0]


@given(start=any_dates, m=day_counts, n=day_counts)
def test_adding_m_then_n_is_adding_m_plus_n(start: date, m: int, n: int) -> None:
    first = add_working_days(start, m, CALENDARS)
    second = add_working_days(first.date, n, CALENDARS)
    total = add_working_days(start, m + n, CALENDARS)
    assert second.date == total.date
    assert (first.provisional or second.provisional) == total.provisional


@given(a=any_dates, b=any_dates, days=day_counts)
def test_monotonic_in_start_date(a: date, b: date, days: int) -> None:
    early, late = sorted((a, b))
    assert deadline(early, days) <= deadline(late, days)


@given(start=any_dates, days=day_counts)
def test_between_counts_back_what_was_added(start: date, days: int) -> None:
    result = add_working_days(start, days, CALENDARS)
    assert working_days_between(start, result.date, CALENDARS) == (days, result.provisional)
    if days:
        before = result.date - timedelta(days=1)
        assert working_days_between(start, before, CALENDARS)[0] == days - 1


@settings(deadline=None)
@given(
    start=st.dates(min_value=date(2016, 1, 1), max_value=date(2027, 12, 31)),
    days=day_counts,
    missing=st.sets(st.integers(min_value=2017, max_value=2026), max_size=4),
)
def test_provisional_iff_an_unknown_year_is_touched(start: date, days: int, missing: set[int]) -> None:
    calendars = {year: cal for year, cal in CALENDARS.items() if year not in missing}
    result = add_working_days(start, days, calendars)
    touched = range((start + timedelta(days=1)).year, result.date.year + 1) if days else range(0)
    assert result.provisional == any(year not in calendars for year in touched)
