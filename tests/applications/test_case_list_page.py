"""The workbench's list page of applications and its XLSX export (issue 13)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from zwgk.security.models import AuditEntry


@pytest.fixture
def clerk(client, staff):
    client.force_login(staff("clerk"))
    return client


def test_the_page_searches_by_name_and_keeps_the_form(clerk, register):
    register(date(2026, 9, 28), name="王芳")
    register(date(2026, 9, 29), name="赵磊")
    html = clerk.get("/workbench/applications/search/", {"q": "王芳"}).content.decode()
    assert "王芳" in html and "赵磊" not in html and 'value="王芳"' in html and "共 1 件" in html


def test_a_bad_filter_is_a_chinese_message_not_a_server_error(clerk):
    response = clerk.get("/workbench/applications/search/", {"status": "lost", "received_from": "2026-13-01"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "筛选条件有误" in html and "状态" in html and "收到日期（起）" in html


def test_the_export_is_the_filtered_list_with_safe_cells_and_an_audit_entry(clerk, register):
    register(date(2026, 9, 28), name="=HYPERLINK(\"http://x\")")
    register(date(2026, 9, 29), name="赵磊")
    response = clerk.get("/workbench/applications/search.xlsx", {"q": "HYPERLINK"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "状态", "申请人") and len(rows) == 2
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")"
    entry = AuditEntry.objects.filter(kind="personal_data_export").latest("seq")
    assert entry.actor == "clerk" and entry.detail["count"] == 1 and entry.detail["filters"] == {"q": "HYPERLINK"}
