"""The workbench pages of procurement: the logistics department works them; the inspection corps
reads; other departments get 403."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.procurement.conftest import NOTICE, SUPPLIER
from zwgk.procurement.models import ProcurementProject, SupplierCreditRecord

pytestmark = pytest.mark.django_db


def _client(staff, username):
    client = Client()
    client.force_login(staff(username))
    return client


def test_a_handler_registers_a_project_by_the_form(staff):
    response = _client(staff, "logistics_handler").post("/workbench/procurement/", {
        "title": "警用无人机采购", "method": "consultation", "budget": "560000", "agency_name": "", "agency_code": "",
        "on": "2026-05-11"})
    project = ProcurementProject.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/procurement/{project.number}/")


def test_a_bad_form_names_the_field_in_chinese(staff):
    response = _client(staff, "logistics_handler").post("/workbench/procurement/", {
        "title": "警用无人机采购", "method": "consultation", "budget": "560000", "agency_name": "某代理",
        "agency_code": "XYZ", "on": "2026-05-11"})
    assert response.status_code == 422 and "统一社会信用代码有误" in response.content.decode()
    assert not ProcurementProject.objects.exists()


def test_a_stage_is_recorded_from_the_project_page(staff, project):
    client = _client(staff, "logistics_handler")
    assert "发布采购公告" in client.get(f"/workbench/procurement/{project.number}/").content.decode()
    response = client.post(f"/workbench/procurement/{project.number}/actions/publish_notice/",
                           {f"publish_notice-{k}": v for k, v in NOTICE.items()})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == ProcurementProject.NOTICED


def test_a_refused_stage_shows_the_reason(staff, project):
    response = _client(staff, "logistics_handler").post(
        f"/workbench/procurement/{project.number}/actions/publish_notice/",
        {f"publish_notice-{k}": v for k, v in {**NOTICE, "bid_deadline": "2026-03-01"}.items()})
    assert response.status_code == 422 and "应晚于公告日期" in response.content.decode()


def test_a_credit_record_by_the_form(staff):
    response = _client(staff, "logistics_handler").post("/workbench/procurement/credit/", {
        "party_kind": "supplier", "name": "宁夏安视科技有限公司", "credit_code": SUPPLIER, "conduct": "虚假材料",
        "penalty": "一年内禁止参加政府采购活动", "authority": "自治区财政厅", "document_number": "宁财采罚〔2026〕5号",
        "decided_on": "2026-08-03", "valid_until": "", "project": ""})
    assert response.status_code == 302 and SupplierCreditRecord.objects.count() == 1


@pytest.mark.parametrize(("username", "status"), [("logistics_head", 200), ("inspector", 200),
                                                  ("traffic_handler", 403)])
def test_who_sees_the_pages(staff, project, username, status):
    client = _client(staff, username)
    pages = ("/workbench/procurement/", "/workbench/procurement/credit/", f"/workbench/procurement/{project.number}/")
    for url in pages:
        assert client.get(url).status_code == status


def test_a_reader_cannot_post(staff, project):
    response = _client(staff, "inspector").post(f"/workbench/procurement/{project.number}/actions/terminate/",
                                                {"terminate-reason": "x"})
    assert response.status_code == 403
