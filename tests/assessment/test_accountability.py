"""Accountability cases of Art. 43: opened by the inspection corps citing an item and the cases the
facts rest on, moved only by the transition table, seen only by the inspection corps and leaders."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from zwgk.assessment import accountability
from zwgk.assessment.models import AccountabilityCase
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_case(register, act, staff):
    """An application whose reconsideration was lost, and the case opened on it."""
    answered = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    case = accountability.do_open(actor=staff("inspector"), item="3", department="office", person="clerk",
                                  facts="答复“本机关不掌握”被行政复议纠正。", on=date(2026, 7, 1),
                                  linked_cases=[answered.number])
    return answered, case


def test_the_registry_covers_the_table():
    assert accountability.ACTIONS.missing() == []


def test_a_case_runs_from_correction_to_the_party_committees_decision(lost_case, staff):
    answered, case = lost_case
    inspector = staff("inspector")
    assert case.number.startswith("WZ-2026-") and case.linked_cases == [answered.number]
    steps = [("order_correction", {"on": "2026-07-02", "content": "责令办公室重新答复。"}),
             ("record_findings", {"on": "2026-07-20", "content": "经会同办公室调查核实，检索不全。"}),
             ("refer", {"on": "2026-07-25", "content": "提请厅党委追究直接责任人员责任。"}),
             ("record_decision", {"on": "2026-08-05", "content": "厅党委会议研究决定。", "outcome": "诫勉谈话"}),
             ("close", {"on": "2026-08-06", "outcome": "诫勉谈话，已整改。"})]
    for action, body in steps:
        case = accountability.ACTIONS.perform(case, action, actor=inspector, body=body)
    assert case.status == AccountabilityCase.CLOSED and case.closed_on == date(2026, 8, 6)
    assert list(Event.objects.for_object(case).order_by("at", "id").values_list("action", flat=True)) == [
        "opened", "order_correction", "record_findings", "refer", "record_decision", "close"]


def test_a_step_out_of_order_or_by_someone_else_is_refused(lost_case, staff):
    _, case = lost_case
    with pytest.raises(TransitionRefused):
        accountability.ACTIONS.perform(case, "refer", actor=staff("inspector"), body={"on": "2026-07-02",
                                                                                       "content": "提请"})
    with pytest.raises(Forbidden):
        accountability.ACTIONS.perform(case, "order_correction", actor=staff("leader"),
                                       body={"on": "2026-07-02", "content": "责令改正"})
    with pytest.raises(InvalidInput) as bad:
        accountability.ACTIONS.perform(case, "order_correction", actor=staff("inspector"), body={"on": "2026-07-02"})
    assert "content" in bad.value.fields
    assert AccountabilityCase.objects.get(pk=case.pk).status == AccountabilityCase.OPEN


def test_facts_must_rest_on_real_cases_and_the_item_on_art_43(staff):
    with pytest.raises(InvalidInput) as bad:
        accountability.do_open(actor=staff("inspector"), item="8", department="office", facts="事实",
                               on=date(2026, 7, 1), linked_cases=["YSQ-2026-99999"])
    assert set(bad.value.fields) == {"item"}
    with pytest.raises(InvalidInput) as bad:
        accountability.do_open(actor=staff("inspector"), item="1", department="office", facts="事实",
                               on=date(2026, 7, 1), linked_cases=["YSQ-2026-99999"])
    assert bad.value.fields == {"linked_cases": "编号不存在"}
    assert not AccountabilityCase.objects.exists()


def test_only_the_inspection_corps_and_leaders_see_the_cases(lost_case, staff):
    _, case = lost_case
    for username, status in (("inspector", 200), ("leader", 200), ("chief", 403), ("traffic_head", 403)):
        client = Client()
        client.force_login(staff(username))
        assert client.get("/workbench/assessment/accountability/").status_code == status, username
        assert client.get(f"/workbench/assessment/accountability/{case.number}/").status_code in (status, 404)


def test_the_workbench_opens_and_moves_a_case(staff, register):
    client = Client()
    client.force_login(staff("inspector"))
    page = client.post("/workbench/assessment/accountability/", {
        "item": "4", "department": "traffic", "facts": "网民留言超期未答复并造成不良影响。", "on": "2026-11-02"})
    case = AccountabilityCase.objects.get()
    assert page.status_code == 302 and case.department.code == "traffic"
    client.post(f"/workbench/assessment/accountability/{case.number}/actions/order_correction/", {
        "order_correction-on": "2026-11-03", "order_correction-content": "责令交警总队三日内答复。"})
    case.refresh_from_db()
    assert case.status == AccountabilityCase.CORRECTION_ORDERED
    detail = client.get(f"/workbench/assessment/accountability/{case.number}/").content.decode()
    assert "责令交警总队三日内答复" in detail and "调查核实" in detail


def test_the_inspection_corps_opens_a_case_from_the_cases_of_an_indicator(staff, register):
    overdue = register(date(2026, 10, 12))
    client = Client()
    client.force_login(staff("inspector"))
    page = client.get("/workbench/assessment/cases/", {"year": "2026", "department": "office",
                                                       "indicator": "applications_overdue"}).content.decode()
    link = page.split('href="/workbench/assessment/accountability/?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    form = client.get(f"/workbench/assessment/accountability/?{link}").content.decode()
    assert overdue.number in form and 'value="3" selected' in form.replace("\n", "")
    case = accountability.do_open(actor=staff("inspector"), item="3", department="office", facts="超期未办结。",
                                  on=date(2026, 12, 1), linked_cases=[overdue.number])
    detail = client.get(f"/workbench/assessment/accountability/{case.number}/").content.decode()
    assert f'<a href="/workbench/applications/{overdue.number}/">{overdue.number}</a>' in detail
