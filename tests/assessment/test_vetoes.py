"""The State Council's website checks as live alarms (国办秘函〔2019〕19号), thresholds as data: a
warning from half the threshold, a veto past it, each with its section and since when."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.assessment import selectors
from zwgk.assessment.models import AlarmRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched_news(demo):
    """A news section of the publicity department, watched by the 2-week rule, last updated 11/10."""
    from zwgk.catalog import services as catalog
    from zwgk.catalog.models import Category, Section
    from zwgk.org.models import Department

    section = Section.objects.create(code="test_news", name="测试动态", department=Department.objects.get(
        code="publicity"))
    AlarmRule.objects.filter(code="news_sections").update(sections=["test_news"])
    catalog.do_import_entry(index_number="TEST/news/1", title="全区公安机关开展冬季交通安全宣传", publisher="宣传处",
                            published_on=date(2026, 11, 10), section=section,
                            category=Category.objects.get(code="campaigns"), body="<p>正文</p>")
    return section


def _news(on: date) -> list[selectors.Alarm]:
    return [a for a in selectors.vetoes(on) if a.item == "news_sections"]


def test_a_silent_news_section_warns_at_half_its_threshold_and_is_vetoed_past_it(watched_news):
    assert _news(date(2026, 11, 16)) == []
    (warning,) = _news(date(2026, 11, 19))
    assert (warning.level, warning.section, warning.since, warning.days_to_veto) == (
        "warning", "test_news", date(2026, 11, 10), 5)
    (veto,) = _news(date(2026, 12, 1))
    assert (veto.level, veto.days_to_veto) == ("veto", 0) and "测试动态" in veto.detail and "21天" in veto.detail


def test_the_threshold_is_data(watched_news):
    AlarmRule.objects.filter(code="news_sections").update(days=60)
    assert _news(date(2026, 12, 1)) == []


def test_vetoes_in_the_api(watched_news, api_as):
    vetoes = api_as("inspector").get("/assessment/2026").json()["vetoes"]
    news = [v for v in vetoes if v["item"] == "news_sections" and v["section"] == "test_news"]
    assert news and set(news[0]) >= {"item", "section", "since", "detail"} and news[0]["since"] == "2026-11-10"
