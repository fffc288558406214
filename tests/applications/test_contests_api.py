"""Reconsideration and litigation through the API (Art. 21): recorded, and decided when the result
comes, by the legal corps; shown on the staff view of the application; they feed table 四."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.assessment import report
from zwgk.events.models import Event


@pytest.fixture
def answered(register, act):
    return act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")


def test_a_pending_reconsideration_is_decided_later_and_counted(answered, api_as):
    legal = api_as("legal_handler")
    filed = legal.post(f"/applications/{answered.number}/contests",
                       {"kind": "reconsideration", "filed_on": "2026-04-01"})
    assert filed.status_code == 201 and filed.json()["result"] == "pending"
    assert report.table_4(2026)["reconsideration"]["pending"] == 1

    decided = legal.post(f"/applications/{answered.number}/contests/{filed.json()['id']}/decision",
                         {"result": "corrected", "decided_on": "2026-06-15"})
    assert decided.status_code == 200
    assert decided.json() == {**filed.json(), "result": "corrected", "decided_on": "2026-06-15"}
    table = report.table_4(2026)["reconsideration"]
    assert table["corrected"] == 1 and table["pending"] == 0
    assert Event.objects.filter(action="decide_contest").count() == 1
    shown = legal.get(f"/applications/{answered.number}").json()["contests"]
    assert [(c["kind"], c["result"]) for c in shown] == [("reconsideration", "corrected")]


def test_a_decision_before_the_filing_date_is_refused_and_changes_nothing(answered, api_as):
    legal = api_as("legal_handler")
    contest = legal.post(f"/applications/{answered.number}/contests",
                         {"kind": "litigation_direct", "filed_on": "2026-04-01"}).json()
    refused = legal.post(f"/applications/{answered.number}/contests/{contest['id']}/decision",
                         {"result": "upheld", "decided_on": "2026-03-31"})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {"decided_on": "早于提起日期"}
    assert report.table_4(2026)["litigation_direct"]["pending"] == 1


def test_only_the_legal_corps_decides(answered, api_as):
    contest = api_as("legal_handler").post(f"/applications/{answered.number}/contests",
                                           {"kind": "reconsideration", "filed_on": "2026-04-01"}).json()
    refused = api_as("clerk").post(f"/applications/{answered.number}/contests/{contest['id']}/decision",
                                   {"result": "upheld", "decided_on": "2026-05-01"})
    assert refused.status_code == 403


def test_an_unknown_contest_is_404(answered, api_as):
    response = api_as("legal_handler").post(f"/applications/{answered.number}/contests/999/decision",
                                            {"result": "upheld", "decided_on": "2026-05-01"})
    assert response.status_code == 404
