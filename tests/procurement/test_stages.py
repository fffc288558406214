"""The stages of a project (Art. 23: 采购公告、采购结果、合同、履约验收), each an action of the
table and an event, each submitting its public text for review in the 政府采购 section."""

from __future__ import annotations

import pytest

from tests.procurement.conftest import ACCEPTANCE, CONTRACT, NOTICE, RESULT, SUPPLIER, perform
from zwgk.catalog.models import Entry
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.procurement import services
from zwgk.procurement.models import ProcurementProject

pytestmark = pytest.mark.django_db


def _entries(project):
    return Entry.objects.filter(title__startswith=project.title)


def test_every_row_of_the_table_has_its_action():
    assert services.ACTIONS.missing() == []


def test_the_whole_course_submits_four_entries_for_review(staff, project):
    for action, body in (("publish_notice", NOTICE), ("publish_result", RESULT), ("record_contract", CONTRACT),
                         ("record_acceptance", ACCEPTANCE)):
        project = perform(staff, project, action, **body)
    assert project.status == ProcurementProject.ACCEPTED and project.supplier_code == SUPPLIER
    entries = [project.notice_entry, project.result_entry, project.contract_entry, project.acceptance_entry]
    assert all(e.status == Entry.IN_REVIEW and e.section.code == "procurement" for e in entries)
    assert "宁夏安视科技有限公司" in project.result_entry.body and "1,198,000.00元" in project.result_entry.body
    assert list(Event.objects.for_object(project).order_by("id").values_list("action", flat=True)) == [
        "registered", "publish_notice", "publish_result", "record_contract", "record_acceptance"]


def test_a_stage_out_of_order_is_refused(staff, project):
    with pytest.raises(TransitionRefused):
        perform(staff, project, "publish_result", **RESULT)
    assert not _entries(project)


def test_a_bid_deadline_before_the_notice_is_refused_and_nothing_changes(staff, project):
    with pytest.raises(InvalidInput) as bad:
        perform(staff, project, "publish_notice", **{**NOTICE, "bid_deadline": "2026-03-04"})
    assert "bid_deadline" in bad.value.fields
    project.refresh_from_db()
    assert project.status == ProcurementProject.PLANNED and not _entries(project)


def test_a_supplier_with_a_wrong_credit_code_is_refused(staff, project):
    project = perform(staff, project, "publish_notice", **NOTICE)
    with pytest.raises(InvalidInput) as bad:
        perform(staff, project, "publish_result", **{**RESULT, "supplier_code": "91640100710612345X"})
    assert "supplier_code" in bad.value.fields
    project.refresh_from_db()
    assert project.status == ProcurementProject.NOTICED and project.result_entry is None


def test_an_acceptance_before_the_contract_is_refused(staff, project):
    for action, body in (("publish_notice", NOTICE), ("publish_result", RESULT), ("record_contract", CONTRACT)):
        project = perform(staff, project, action, **body)
    with pytest.raises(InvalidInput) as bad:
        perform(staff, project, "record_acceptance", **{**ACCEPTANCE, "acceptance_on": "2026-04-01"})
    assert "acceptance_on" in bad.value.fields


def test_a_project_is_terminated_before_a_result_only(staff, project):
    project = perform(staff, project, "terminate", reason="有效投标不足三家，废标。")
    assert project.status == ProcurementProject.TERMINATED
    with pytest.raises(TransitionRefused):
        perform(staff, project, "terminate", reason="再终止")


def test_the_department_head_cannot_record_stages(staff, project):
    with pytest.raises(Forbidden):
        perform(staff, project, "publish_notice", username="logistics_head", **NOTICE)


def test_the_head_reviews_and_publishes_the_notice_as_any_entry(staff, project):
    from zwgk.catalog import services as catalog

    entry = perform(staff, project, "publish_notice", **NOTICE).notice_entry
    entry = catalog.ACTIONS.perform(entry, "review", actor=staff("logistics_head"),
                                    body={"decision": "approve", "opinion": "同意"})
    entry = catalog.ACTIONS.perform(entry, "publish", actor=staff("logistics_handler"), body={})
    assert entry.status == Entry.PUBLISHED and entry.index_number
