"""Browser journey: the office head opens the assessment dashboard on the demo data, reads the
charts and alarms, and follows one indicator of one department to the cases behind it."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_with_demo_figures_leads_to_the_cases_of_an_indicator(page, login):
    from zwgk.assessment import selectors

    login("chief")
    page.goto("/workbench/assessment/?year=2026&period=year")
    assert page.locator("svg").count() == 3
    assert page.get_by_role("heading", name=re.compile("单项否决与预警")).is_visible()
    result = selectors.assess(2026)
    indicator, department = next(
        (ind, code) for ind in ("applications_on_time", "messages_on_time", "entries_on_time", "applications_late")
        for code in (d.code for d in result.departments) if result.count(ind, code))
    expected = result.count(indicator, department)
    link = page.locator(f'a[data-indicator="{indicator}"][data-department="{department}"]')
    assert link.inner_text() == str(expected)
    link.click()
    page.wait_for_url(re.compile(r"/workbench/assessment/cases/"))
    assert page.get_by_text(f"共 {expected} 件").is_visible()
    assert page.locator("table.cases tbody tr").count() == expected
    first_case = page.locator("table.cases tbody tr a").first
    first_case.click()
    page.wait_for_load_state()
    assert page.title()  # the case itself opens for the same reader
    assert "/workbench/" in page.url and "assessment" not in page.url
