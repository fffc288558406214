"""The assessment dashboard in the workbench: charts drawn on the server as SVG with their tables,
alarms in words, the cases behind every number, a department's own view and XLSX of every table."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _client(staff, username: str) -> Client:
    client = Client()
    client.force_login(staff(username))
    return client


def test_the_office_head_sees_charts_tables_and_alarms_in_words(staff, register):
    register(date(2026, 10, 12))  # open past its deadline on 1 December
    page = _client(staff, "chief").get("/workbench/assessment/", {"year": "2026", "period": "year"})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<svg") == 3 and "<script>" not in html  # no inline script (CSP)
    assert "各部门按期办结率" in html and "按月趋势" in html and "各部门考核指标" in html
    assert 'data-indicator="applications_overdue" data-department="office"' in html
    assert "单项否决与预警" in html


def test_a_number_opens_the_cases_behind_it(staff, register):
    overdue = register(date(2026, 10, 12))
    page = _client(staff, "inspector").get("/workbench/assessment/cases/", {
        "year": "2026", "period": "year", "department": "office", "indicator": "applications_overdue"})
    assert page.status_code == 200 and overdue.number in page.content.decode()
    assert f'href="/workbench/applications/{overdue.number}/"' in page.content.decode()


def test_a_handler_is_refused_and_a_department_head_sees_only_their_own(staff):
    assert _client(staff, "traffic_handler").get("/workbench/assessment/").status_code == 403
    head = _client(staff, "traffic_head")
    own = head.get("/workbench/assessment/")
    assert own.status_code == 302 and own["Location"] == "/workbench/assessment/departments/traffic/"
    assert head.get("/workbench/assessment/departments/traffic/").status_code == 200
    assert head.get("/workbench/assessment/departments/criminal/").status_code == 403
    assert head.get("/workbench/assessment/cases/", {"department": "criminal",
                                                     "indicator": "entries_late"}).status_code == 403


def test_every_table_exports_as_xlsx(staff):
    import openpyxl

    chief = _client(staff, "chief")
    for table, heading in (("departments", "部门"), ("trend", "月份"), ("alarms", "检查项")):
        response = chief.get(f"/workbench/assessment/{table}.xlsx", {"year": "2026", "period": "q4"})
        assert response.status_code == 200 and response["Content-Type"].endswith("spreadsheetml.sheet")
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert sheet["A1"].value == heading
    rows = list(openpyxl.load_workbook(io.BytesIO(chief.get(
        "/workbench/assessment/departments.xlsx").content)).active.iter_rows(values_only=True))
    assert "办公室（政务公开办公室）" in [r[0] for r in rows]
