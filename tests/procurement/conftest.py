"""Procurement fixtures: valid unified social credit codes and a registered project."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zwgk.privacy.ids import credit_code_check_char
from zwgk.procurement import services


def credit_code(first17: str = "91640100710612345") -> str:
    return first17 + credit_code_check_char(first17)


SUPPLIER = credit_code()
AGENCY = credit_code("91640000227690123")


@pytest.fixture
def project(staff):
    return services.do_register(actor=staff("logistics_handler"), title="全区公安视频监控设备采购",
                                method="open_tender", budget=Decimal("1280000.00"), on=date(2026, 3, 2),
                                agency_name="宁夏正信招标代理有限公司", agency_code=AGENCY)


def perform(staff, project, action, username="logistics_handler", **body):
    return services.ACTIONS.perform(project, action, actor=staff(username), body=body)


NOTICE = {"notice_on": "2026-03-05", "bid_deadline": "2026-03-26", "notice_text": "欢迎合格供应商参加投标。"}
RESULT = {"result_on": "2026-03-30", "supplier_name": "宁夏安视科技有限公司", "supplier_code": SUPPLIER,
          "award_amount": "1198000.00"}
CONTRACT = {"contract_on": "2026-04-08", "contract_number": "NXGA-CG-2026-011", "contract_amount": "1198000.00",
            "performance_from": "2026-04-10", "performance_to": "2026-06-30"}
ACCEPTANCE = {"acceptance_on": "2026-07-06", "acceptance_passed": True,
              "acceptance_note": "设备到货安装调试完毕，验收合格。"}
