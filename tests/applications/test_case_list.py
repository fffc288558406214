"""The applications' case list (issue 13): search, filters, sorting, visibility, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.applications import selectors
from zwgk.applications.schemas import ApplicationListQuery
from zwgk.core import case_lists
from zwgk.core.errors import InvalidInput

TODAY = date(2026, 11, 2)


def _numbers(user, **params) -> list[str]:
    """The numbers found among this module's cases (the demo data holds others)."""
    query = case_lists.parse(ApplicationListQuery, params)
    return [a.number for a in selectors.search(user, query, today=TODAY) if a.description.startswith("测")]


@pytest.fixture
def cases(register, act):
    """Three applications: one overdue at traffic, one running at criminal, one answered."""
    old = act(register(date(2026, 9, 1), name="王芳", phone="13800001111", description="测：2025年交通违法处罚统计"),
              "transfer", "clerk", on=date(2026, 9, 2), lead="traffic")
    new = act(register(date(2026, 10, 26), name="赵磊", description="测：看守所建设规划"),
              "transfer", "clerk", on=date(2026, 10, 26), lead="criminal")
    done = act(register(date(2026, 10, 9), name="王强", description="测：年报"), "reply", "clerk",
               on=date(2026, 10, 12), outcome="disclosed", content="附统计表。")
    return old, new, done


def test_search_matches_name_phone_number_and_words_of_the_description(cases, staff):
    old, new, _done = cases
    clerk = staff("clerk")
    assert _numbers(clerk, q="王芳") == [old.number]
    assert _numbers(clerk, q="0000111") == [old.number]
    assert _numbers(clerk, q=new.number) == [new.number]
    assert _numbers(clerk, q="看守所 规划") == [new.number]
    assert _numbers(clerk, q="看守所 交通") == []


def test_filters_status_department_dates_overdue_and_due_within(cases, staff):
    old, new, done = cases
    clerk = staff("clerk")
    assert _numbers(clerk, status="answered") == [done.number]
    assert _numbers(clerk, department="criminal") == [new.number]
    assert _numbers(clerk, received_from="2026-10-01", received_to="2026-10-31", sort="received") == [
        done.number, new.number]
    assert _numbers(clerk, overdue="true") == [old.number]
    assert old.number not in _numbers(clerk, overdue="false")
    # Received 26 October: due 20 working days later, so within 20 working days of 2 November.
    assert _numbers(clerk, due_within="20") == [new.number]
    assert _numbers(clerk, due_within="3") == []


def test_sorting_by_number_both_ways(cases, staff):
    clerk = staff("clerk")
    ascending = _numbers(clerk, sort="number")
    assert ascending == sorted(ascending) and _numbers(clerk, sort="-number") == ascending[::-1]


def test_a_department_finds_only_its_own_cases(cases, staff):
    old, _new, _done = cases
    assert _numbers(staff("traffic_handler")) == [old.number]
    assert _numbers(staff("criminal_handler"), q="王芳") == []


def test_bad_filter_values_name_the_field_in_chinese(demo):
    with pytest.raises(InvalidInput) as caught:
        case_lists.parse(ApplicationListQuery, {"status": "lost", "due_within": "many", "department": "nowhere"})
    assert set(caught.value.fields) == {"status", "due_within", "department"}
    assert "状态" in caught.value.message and "几个工作日内到期" in caught.value.message
    with pytest.raises(InvalidInput) as caught:
        case_lists.parse(ApplicationListQuery, {"received_from": "2026-10-31", "received_to": "2026-10-01"})
    assert "收到日期（止）不能早于收到日期（起）" in caught.value.message


def test_empty_form_fields_filter_nothing(cases, staff):
    assert len(_numbers(staff("clerk"), q="", status="", department="", overdue="", due_within="", page="")) == 3
