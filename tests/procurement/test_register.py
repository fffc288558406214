"""A logistics handler registers a procurement project (Art. 23); others cannot; bad input names
its field and saves nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.procurement.conftest import AGENCY
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.events.models import Event
from zwgk.procurement import services
from zwgk.procurement.models import ProcurementProject

pytestmark = pytest.mark.django_db


def test_a_project_gets_a_number_and_an_event(project):
    assert project.number == "CG-2026-0001" and project.status == ProcurementProject.PLANNED
    assert project.agency_code == AGENCY
    assert Event.objects.for_object(project).get().action == "registered"


def test_only_the_logistics_department_registers(staff):
    with pytest.raises(Forbidden):
        services.do_register(actor=staff("traffic_handler"), title="车辆采购", method="inquiry",
                             budget=Decimal("100"), on=date(2026, 3, 2))


def test_a_wrong_credit_code_and_budget_are_refused(staff):
    with pytest.raises(InvalidInput) as bad:
        services.do_register(actor=staff("logistics_handler"), title="车辆采购", method="inquiry",
                             budget=Decimal("0"), on=date(2026, 3, 2), agency_name="某代理",
                             agency_code=AGENCY[:-1] + ("0" if AGENCY[-1] != "0" else "1"))
    assert set(bad.value.fields) == {"budget", "agency_code"}
    assert not ProcurementProject.objects.exists()
