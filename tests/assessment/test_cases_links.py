"""Each indicator links to the list of the cases behind it, and that link opens the list for the
same reader (Art. 42; API.md "Assessment"): in the workbench a workbench page, in the API the API's
list."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _client(staff, username: str) -> Client:
    client = Client()
    client.force_login(staff(username))
    return client


def test_the_dashboards_cases_links_are_workbench_pages_that_open_for_the_same_reader(demo, staff, register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    chief = _client(staff, "chief")
    page = chief.get("/workbench/assessment/", {"year": "2026"}).content.decode()
    links = re.findall(r'<a href="([^"]+)" data-indicator="([a-z_]+)" data-department="([a-z_]+)">(\d+)</a>', page)
    assert links and "/api/v1/" not in page
    for href, indicator, department, count in links[:5]:
        assert href.startswith("/workbench/assessment/cases/?")
        assert f"indicator={indicator}" in href and f"department={department}" in href
        opened = chief.get(href.replace("&amp;", "&"))
        assert opened.status_code == 200
        assert f"共 {count} 件" in opened.content.decode()


def test_a_department_heads_own_page_links_open_for_them_and_no_other_department(demo, staff, register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    head = _client(staff, "office_head")
    page = head.get("/workbench/assessment/departments/office/", {"year": "2026"}).content.decode()
    hrefs = re.findall(r'<a href="(/workbench/assessment/cases/[^"]+)" data-indicator', page)
    assert hrefs
    assert head.get(hrefs[0].replace("&amp;", "&")).status_code == 200
    assert head.get("/workbench/assessment/cases/", {"department": "traffic", "indicator": "applications_late"}
                    ).status_code == 403


def test_the_apis_cases_url_stays_the_apis_and_opens_with_the_same_token(demo, api_as, register, act):
    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 4, 20), outcome="not_held")
    chief = api_as("chief")
    office = next(d for d in chief.get("/assessment/2026").json()["departments"] if d["department"] == "office")
    link = office["indicators"]["applications_late"]
    assert link["cases"].startswith("/api/v1/assessment/2026/cases?")
    listed = chief.get(link["cases"].removeprefix("/api/v1"))
    assert listed.status_code == 200 and listed.json()["count"] == link["value"] >= 1
    assert api_as("traffic_handler").get(link["cases"].removeprefix("/api/v1")).status_code == 403
