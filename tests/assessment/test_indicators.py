"""Indicators per department and period (Art. 42), counted from cases, scored from weights kept as
data, every one linking to the cases behind it; only the office head, inspectors and leaders see them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zwgk.assessment import selectors
from zwgk.assessment.models import IndicatorWeight

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)


def _office(body: dict) -> dict:
    return next(d for d in body["departments"] if d["department"] == "office")


def test_a_handler_or_clerk_gets_403_and_the_office_head_inspector_and_leader_see_it(api_as, api):
    assert api.get("/assessment/2026").status_code == 401
    for username in ("traffic_handler", "clerk", "traffic_head"):
        assert api_as(username).get("/assessment/2026").status_code == 403
    for username in ("chief", "inspector", "leader"):
        body = api_as(username).get("/assessment/2026", {"period": "q3"}).json()
        assert {"departments", "vetoes"} <= set(body)
        office = _office(body)
        assert set(office) >= {"department", "score", "indicators"}
        assert set(office["indicators"]["applications_late"]) == {"value", "cases"}


def test_a_wrong_period_is_refused(api_as):
    assert api_as("chief").get("/assessment/2026", {"period": "q5"}).status_code == 422


def test_periods_cover_their_days():
    assert selectors.period_range(2026, "year") == (date(2026, 1, 1), date(2026, 12, 31))
    assert selectors.period_range(2026, "q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert selectors.period_range(2026, "m2") == (date(2026, 2, 1), date(2026, 2, 28))
    assert selectors.period_range(2026, "q4") == (date(2026, 10, 1), date(2026, 12, 31))


def _open(client, url: str):
    """Follow a ``cases`` link as the same reader (the link is an absolute path of the API)."""
    assert url.startswith("/api/v1/")
    return client.get(url.removeprefix("/api/v1"))


def _values(client, period: str = "year") -> dict[str, int]:
    return {name: ind["value"] for name, ind in
            _office(client.get("/assessment/2026", {"period": period}).json())["indicators"].items()}


def test_applications_on_time_late_and_overdue_count_and_open_their_cases(register, act, api_as):
    chief = api_as("chief")
    before, before_q1 = _values(chief), _values(chief, "q1")
    on_time = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    late = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    assert late.closed_on > late.due_on
    overdue = register(date(2026, 10, 12))  # due in November, still open on 1 December
    body = chief.get("/assessment/2026").json()
    office = _office(body)
    values = {name: ind["value"] for name, ind in office["indicators"].items()}
    counts = {name: value for name, value in values.items() if name not in selectors.SHARES}  # not shares
    added = {name: counts[name] - before[name] for name in counts}
    assert {k: v for k, v in added.items() if v} == {"applications_on_time": 1, "applications_late": 1,
                                                    "applications_overdue": 1}
    weights = {w.indicator: w.points for w in IndicatorWeight.objects.all()}
    lost = sum(weights[name] * value for name, value in counts.items())
    assert Decimal(str(office["score"])) == max(Decimal(100) - lost, Decimal(0))
    cases = _open(chief, office["indicators"]["applications_late"]["cases"]).json()
    assert cases["count"] == values["applications_late"] == len(cases["results"])
    late_case = next(c for c in cases["results"] if c["reference"] == late.number)
    assert late_case["url"] == f"/workbench/applications/{late.number}/"
    overdue_cases = _open(chief, office["indicators"]["applications_overdue"]["cases"]).json()["results"]
    assert overdue.number in [c["reference"] for c in overdue_cases]
    assert on_time.number not in [c["reference"] for c in overdue_cases + cases["results"]]
    q1 = _values(chief, "q1")
    assert q1["applications_on_time"] - before_q1["applications_on_time"] == 1
    assert q1["applications_late"] == before_q1["applications_late"]


def test_a_corrected_reconsideration_is_lost_for_the_lead_department(register, act, staff):
    from zwgk.applications import services

    answered = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    services.do_record_contest(answered, actor=staff("legal_handler"), kind="reconsideration",
                               filed_on=date(2026, 4, 1), result="corrected", decided_on=date(2026, 6, 15))
    result = selectors.assess(2026, "q2", today=TODAY)
    assert answered.number in [c.reference for c in result.cases["contests_lost"]["office"]]
    assert answered.number not in [c.reference for c in selectors.assess(2026, "q1", today=TODAY).cases[
        "contests_lost"]["office"]]


def test_the_score_follows_the_weights_kept_as_data(register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    IndicatorWeight.objects.update(points=0)
    IndicatorWeight.objects.filter(indicator="applications_late").update(points=Decimal("7.5"))
    result = selectors.assess(2026, today=TODAY)
    late = result.count("applications_late", "office")
    assert late >= 1
    assert result.score("office") == max(Decimal(100) - Decimal("7.5") * late, Decimal(0))


def test_the_demo_data_gives_figures_for_every_indicator_family(demo):
    result = selectors.assess(2026, today=TODAY)
    totals = {ind: sum(len(v) for v in result.cases[ind].values()) for ind in result.cases}
    assert totals.get("entries_on_time", 0) + totals.get("entries_late", 0) >= 0
    assert all(0 <= result.score(d.code) <= 100 for d in result.departments)


def test_a_case_whose_clock_stands_still_for_a_third_party_is_not_overdue(register, act):
    waiting = register(date(2026, 10, 12))
    act(waiting, "transfer", "clerk", on=date(2026, 10, 12), lead="traffic")
    act(waiting, "consult_third_party", "traffic_handler", on=date(2026, 10, 13), party="宁夏某运输公司")
    overdue = {c.reference for c in selectors.assess(2026, today=TODAY).cases["applications_overdue"]["traffic"]}
    assert waiting.number not in overdue
    plain = act(register(date(2026, 10, 12)), "transfer", "clerk", on=date(2026, 10, 12), lead="traffic")
    overdue = {c.reference for c in selectors.assess(2026, today=TODAY).cases["applications_overdue"]["traffic"]}
    assert plain.number in overdue
