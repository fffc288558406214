"""Art. 22 "对存在政务失信记录的民警按照相关规定限制评优评先": a record within its source's bar
(data) keeps the officer and the department from being proposed; the list says why."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from zwgk.assessment import integrity
from zwgk.assessment.models import DishonestySourceRule, HonourNomination
from zwgk.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _sanction(staff, decided_on=date(2026, 1, 31)):
    return integrity.do_record_dishonesty(
        actor=staff("personnel_handler"), officer="traffic_handler", source="disciplinary_sanction",
        decided_on=decided_on, authority="宁夏回族自治区公安厅", document_number="宁公纪〔2026〕3号",
        summary="违规办理车辆登记，给予记过处分。")


def _propose(staff, on=date(2026, 11, 16), **who):
    return integrity.do_propose_honour(actor=staff("personnel_handler"), year=2026, title="优秀公务员", on=on,
                                       reason="工作成绩突出", **who)


def test_months_are_added_to_the_calendar_clamped_to_the_month():
    assert integrity.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert integrity.add_months(date(2026, 11, 30), 24) == date(2028, 11, 30)
    assert integrity.bar_until(date(2026, 5, 1), 0) is None


def test_an_officer_with_a_record_in_the_period_is_refused(staff):
    _sanction(staff)
    with pytest.raises(InvalidInput) as bad:
        _propose(staff, officer="traffic_handler")
    assert "officer" in bad.value.fields and "宁公纪〔2026〕3号" in bad.value.message
    assert not HonourNomination.objects.exists()


def test_the_department_of_such_an_officer_is_refused_too(staff):
    _sanction(staff)
    with pytest.raises(InvalidInput) as bad:
        _propose(staff, department="traffic")
    assert "department" in bad.value.fields


def test_after_the_bar_the_officer_may_be_proposed(staff):
    _sanction(staff, decided_on=date(2024, 1, 31))  # 24 months: the bar ends on 2026-01-31
    nomination = _propose(staff, officer="traffic_handler", on=date(2026, 2, 1))
    assert nomination.officer.username == "traffic_handler"


def test_a_source_without_a_bar_does_not_limit_honours(staff):
    DishonestySourceRule.objects.filter(source="disciplinary_sanction").update(honours_months=0)
    _sanction(staff)
    assert _propose(staff, department="traffic").department.code == "traffic"


def test_a_proposal_names_exactly_one_nominee(staff):
    with pytest.raises(InvalidInput) as bad:
        _propose(staff)
    assert "officer" in bad.value.fields


def test_the_eligibility_list_shows_each_department_with_the_reason(staff):
    _sanction(staff, decided_on=date(2026, 1, 5))
    rows = {e.department.code: e for e in integrity.eligibility(date(2026, 6, 1))}
    assert not rows["traffic"].eligible and rows["office"].eligible
    assert "宁公纪〔2026〕3号" in rows["traffic"].bars[0].reason
    client = Client()
    client.force_login(staff("inspector"))
    page = client.get("/workbench/assessment/integrity/honours/").content.decode()
    assert "不得推荐" in page and "宁公纪〔2026〕3号" in page


def test_the_register_form_refuses_with_the_reason(staff):
    _sanction(staff, decided_on=date(2026, 1, 5))
    client = Client()
    client.force_login(staff("personnel_handler"))
    response = client.post("/workbench/assessment/integrity/honours/", {
        "year": 2026, "title": "优秀公务员", "officer": "traffic_handler", "department": "",
        "reason": "成绩突出", "on": "2026-06-01"})
    assert response.status_code == 422 and "限制评优评先" in response.content.decode()
    assert not HonourNomination.objects.exists()


def test_the_honours_page_is_not_for_other_departments(staff):
    client = Client()
    client.force_login(staff("traffic_head"))
    assert client.get("/workbench/assessment/integrity/honours/").status_code == 403
