"""Bad-credit records of suppliers and tender agencies (Art. 23: 不良信用记录公示), by their unified
social credit code (GB 32100), submitted for review in the 采购诚信 section."""

from __future__ import annotations

from datetime import date

import pytest

from tests.procurement.conftest import AGENCY, SUPPLIER
from zwgk.catalog.models import Entry
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.events.models import Event
from zwgk.procurement import services
from zwgk.procurement.models import SupplierCreditRecord

pytestmark = pytest.mark.django_db


def _record(staff, username="logistics_handler", **overrides):
    data = {"party_kind": "supplier", "name": "宁夏安视科技有限公司", "credit_code": SUPPLIER,
            "conduct": "提供虚假材料谋取中标。", "penalty": "列入不良行为记录名单，一年内禁止参加政府采购活动",
            "authority": "宁夏回族自治区财政厅", "document_number": "宁财采罚〔2026〕5号",
            "decided_on": date(2026, 8, 3), "valid_until": date(2027, 8, 2)}
    data.update(overrides)
    return services.do_record_credit(actor=staff(username), **data)


def test_a_record_is_kept_and_its_notice_submitted_in_procurement_credit(staff, project):
    credit = _record(staff, project=project.number)
    assert credit.project == project and credit.entry.status == Entry.IN_REVIEW
    assert credit.entry.section.code == "procurement_credit" and SUPPLIER in credit.entry.body
    assert Event.objects.for_object(credit).get().action == "recorded"


def test_a_tender_agency_is_recorded_too(staff):
    assert _record(staff, party_kind="tender_agency", name="宁夏正信招标代理有限公司",
                   credit_code=AGENCY.lower()).credit_code == AGENCY


def test_a_wrong_credit_code_and_dates_are_refused_and_nothing_saved(staff):
    with pytest.raises(InvalidInput) as bad:
        _record(staff, credit_code=SUPPLIER[:-1] + ("1" if SUPPLIER[-1] != "1" else "2"),
                valid_until=date(2026, 1, 1), project="CG-2026-9999")
    assert set(bad.value.fields) == {"credit_code", "valid_until", "project"}
    assert not SupplierCreditRecord.objects.exists()
    assert not Entry.objects.filter(title__contains="宁夏安视科技有限公司").exists()


def test_others_cannot_record(staff):
    with pytest.raises(Forbidden):
        _record(staff, username="inspector")
