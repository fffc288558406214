"""The annual report in the workbench: the page, and downloads served to the signed-in person."""

from __future__ import annotations

import io

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _client(staff, username: str) -> Client:
    client = Client()
    client.force_login(staff(username))
    return client


def test_annual_report_page(staff):
    page = _client(staff, "clerk").get("/workbench/applications/report/", {"year": "2026"})
    assert page.status_code == 200 and "本年新收" in page.content.decode()
    assert _client(staff, "traffic_handler").get("/workbench/applications/report/").status_code == 403


def test_the_download_links_of_the_page_give_the_office_head_the_files(staff):
    import openpyxl
    from docx import Document

    chief = _client(staff, "chief")
    page = chief.get("/workbench/applications/report/", {"year": "2026"}).content.decode()
    assert 'href="/workbench/applications/report/2026.xlsx"' in page
    assert 'href="/workbench/applications/report/2026.docx"' in page
    assert "/api/v1/" not in page
    xlsx = chief.get("/workbench/applications/report/2026.xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].endswith("spreadsheetml.sheet")
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).worksheets[1]["D2"].value == "申请人情况"
    docx = chief.get("/workbench/applications/report/2026.docx")
    assert docx.status_code == 200 and len(Document(io.BytesIO(docx.content)).tables) == 3


def test_downloads_need_the_right_to_read_the_report(staff):
    assert _client(staff, "traffic_handler").get("/workbench/applications/report/2026.xlsx").status_code == 403
    anonymous = Client().get("/workbench/applications/report/2026.docx")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
