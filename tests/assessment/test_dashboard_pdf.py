"""The dashboard as a PDF for a meeting (Art. 42): Chinese, A4, the page's figures, charts and
tables, linked from the dashboard, for the same readers."""

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


def _text(content: bytes) -> tuple[str, list]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader.pages


def test_the_dashboard_links_to_a_pdf_with_its_figures_charts_and_tables(demo, staff, register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")  # late
    chief = _client(staff, "chief")
    page = chief.get("/workbench/assessment/", {"year": "2026"}).content.decode()
    assert 'href="/workbench/assessment/dashboard.pdf?year=2026&amp;period=year"' in page or \
        'href="/workbench/assessment/dashboard.pdf?year=2026&period=year"' in page
    response = chief.get("/workbench/assessment/dashboard.pdf", {"year": "2026", "period": "year"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text, pages = _text(response.content)
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    for words in ("政务公开考核评估", "2026年全年", "单项否决与预警", "各部门按期办结率", "各部门超期件数",
                  "各部门考核指标", "按月趋势", "负面清单扣分标准", "依申请公开超期答复", "失效链接", "政务公开办公室"):
        assert words in text.replace("\n", ""), words


def test_the_pdf_carries_the_same_scores_as_the_api(demo, staff, api_as, register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    office = next(d for d in api_as("chief").get("/assessment/2026").json()["departments"]
                  if d["department"] == "office")
    content = _client(staff, "chief").get("/workbench/assessment/dashboard.pdf", {"year": "2026"}).content
    text = _text(content)[0]
    assert f"{office['score']:g}" in text
    assert office["indicators"]["applications_late"]["value"] >= 1


def test_a_department_head_gets_their_own_departments_pdf_and_a_handler_none(demo, staff):
    head = _client(staff, "traffic_head")
    own = head.get("/workbench/assessment/dashboard.pdf", {"year": "2026", "department": "traffic"})
    assert own.status_code == 200
    text = _text(own.content)[0].replace("\n", "")
    from zwgk.org.models import Department

    assert f"{Department.objects.get(code='traffic').name} · 政务公开考核评估" in text
    assert Department.objects.get(code="office").name not in text
    assert head.get("/workbench/assessment/dashboard.pdf", {"year": "2026"}).status_code == 403
    assert head.get("/workbench/assessment/dashboard.pdf", {"department": "office"}).status_code == 403
    assert _client(staff, "traffic_handler").get("/workbench/assessment/dashboard.pdf").status_code == 403
