"""Broken links as an indicator (Art. 39, 40: 链接可用): the link checker's findings counted per
department, each one a case of the list, weighted as data."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from zwgk.assessment import selectors
from zwgk.assessment.models import IndicatorCode, IndicatorWeight
from zwgk.catalog.models import Entry
from zwgk.org.models import Department
from zwgk.publishing.models import BrokenLink

pytestmark = pytest.mark.django_db
CHECKED = timezone.make_aware(datetime(2026, 11, 30, 3, 0))


def _broken(entry: Entry | None, url: str, department: Department | None = None) -> BrokenLink:
    return BrokenLink.objects.create(
        url=url, page=entry.get_absolute_url() if entry else "/", entry=entry,
        section=entry.section if entry else None, department=entry.department if entry else department,
        problem="HTTP 404", checked_at=CHECKED)


def test_broken_links_count_for_the_department_holding_them_and_take_points_off(demo):
    entry = Entry.objects.filter(status=Entry.PUBLISHED, department__code="traffic", imported=False).first()
    before = selectors.assess(2026, today=date(2026, 12, 1))
    _broken(entry, "https://example.invalid/gone")
    _broken(entry, "https://example.invalid/moved")
    _broken(None, "https://example.invalid/footer", Department.objects.get(code="office"))
    result = selectors.assess(2026, today=date(2026, 12, 1))
    cases = result.cases[IndicatorCode.BROKEN_LINKS]["traffic"]
    assert [c.reference for c in cases] == ["https://example.invalid/gone", "https://example.invalid/moved"]
    assert cases[0].kind == "失效链接" and cases[0].title == entry.title[:60]
    assert cases[0].url == reverse("catalog_wb:detail", args=[entry.pk])
    assert "HTTP 404" in cases[0].note and entry.section.name in cases[0].note
    assert result.count(IndicatorCode.BROKEN_LINKS, "office") == 1
    points = IndicatorWeight.objects.get(indicator=IndicatorCode.BROKEN_LINKS).points
    assert points == Decimal("0.5")
    assert result.score("traffic") == max(before.score("traffic") - 2 * points, Decimal(0))


def test_a_period_ended_before_the_check_does_not_count_its_findings(demo):
    entry = Entry.objects.filter(status=Entry.PUBLISHED, department__code="traffic", imported=False).first()
    _broken(entry, "https://example.invalid/gone")
    assert selectors.assess(2026, "q3", today=date(2026, 12, 1)).count(IndicatorCode.BROKEN_LINKS, "traffic") == 0
    assert selectors.assess(2026, "m11", today=date(2026, 12, 1)).count(IndicatorCode.BROKEN_LINKS, "traffic") == 1


def test_the_weight_is_data_the_office_may_change(demo):
    entry = Entry.objects.filter(status=Entry.PUBLISHED, department__code="traffic", imported=False).first()
    _broken(entry, "https://example.invalid/gone")
    IndicatorWeight.objects.filter(indicator=IndicatorCode.BROKEN_LINKS).update(points=Decimal(3))
    with_three = selectors.assess(2026, today=date(2026, 12, 1)).score("traffic")
    IndicatorWeight.objects.filter(indicator=IndicatorCode.BROKEN_LINKS).update(points=Decimal(0))
    assert selectors.assess(2026, today=date(2026, 12, 1)).score("traffic") == with_three + 3


def test_the_api_and_the_dashboard_link_to_the_broken_links(demo, api_as, client, staff):
    entry = Entry.objects.filter(status=Entry.PUBLISHED, department__code="traffic", imported=False).first()
    _broken(entry, "https://example.invalid/gone")
    chief = api_as("chief")
    traffic = next(d for d in chief.get("/assessment/2026").json()["departments"] if d["department"] == "traffic")
    link = traffic["indicators"]["broken_links"]
    assert link["value"] == 1
    listed = chief.get(link["cases"].removeprefix("/api/v1")).json()
    assert [r["reference"] for r in listed["results"]] == ["https://example.invalid/gone"]
    client.force_login(staff("chief"))
    page = client.get("/workbench/assessment/cases/", {"department": "traffic", "indicator": "broken_links"})
    assert page.status_code == 200 and "https://example.invalid/gone" in page.content.decode()
