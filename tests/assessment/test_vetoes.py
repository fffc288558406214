"""The State Council's website checks as live alarms (国办秘函〔2019〕19号), thresholds as data: a
warning from half the threshold, a veto past it, each with its section and since when."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.assessment import selectors
from zwgk.assessment.models import AlarmRule, AnnualReport
from zwgk.org.models import Staff

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
    catalog.do_import_entry(actor=Staff.objects.get(username="clerk"),
                            index_number="TEST/news/1", title="全区公安机关开展冬季交通安全宣传", publisher="宣传处",
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


def _probes(ok: int, failed: int, on: date) -> None:
    from datetime import datetime, time

    from django.utils import timezone

    from zwgk.assessment.models import ProbeResult

    at = timezone.make_aware(datetime.combine(on, time(9, 0)))
    ProbeResult.objects.bulk_create(
        [ProbeResult(at=at, url="https://gat.example.cn/", status=200, seconds=0.4, ok=True) for _ in range(ok)]
        + [ProbeResult(at=at, url="https://gat.example.cn/", seconds=15.0, ok=False, error="timed out")
           for _ in range(failed)])


def _portal(on: date) -> list[selectors.Alarm]:
    return [a for a in selectors.vetoes(on) if a.item == "portal_unreachable"]


@pytest.mark.parametrize(("failed", "level"), [(1, None), (3, "warning"), (5, "veto")])
def test_the_portal_is_vetoed_at_five_percent_failed_probes_in_a_week(demo, failed, level):
    _probes(100 - failed, failed, date(2026, 11, 28))
    _probes(1, 0, date(2026, 11, 20))  # outside the week of 1 December: not counted
    found = _portal(date(2026, 12, 1))
    assert [a.level for a in found] == ([level] if level else [])
    if level:
        assert found[0].since == date(2026, 11, 28) and "100次" in found[0].detail


def test_the_probe_counts_a_page_that_does_not_answer_as_a_failure(db, settings):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from zwgk.assessment import probe

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write("宁夏回族自治区公安厅".encode())

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        good = probe.probe(f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    assert good.ok and good.status == 200
    bad = probe.probe(f"http://127.0.0.1:{server.server_port}/")  # nobody listens any more
    assert not bad.ok and bad.error
    settings.ZWGK_PORTAL_URL = ""
    assert probe.probe() is None  # no public address configured: nothing to probe


def test_last_years_annual_report_is_an_alarm_from_january_and_a_veto_after_the_31st(demo, staff):
    from tests.assessment.conftest import review_and_publish
    from zwgk.assessment import services

    def annual(on: date) -> list[tuple[str, int | None]]:
        return [(a.level, a.days_to_veto) for a in selectors.vetoes(on) if a.item == "annual_report"]

    assert annual(date(2027, 1, 2)) == [("warning", 29)]
    assert annual(date(2027, 2, 1)) == [("veto", 0)]
    services.do_save_report_text(2026, actor=staff("clerk"), overview="一", problems="五", other="六")
    report = AnnualReport.objects.get(year=2026)
    services.REPORT_ACTIONS.perform(report, "publish", actor=staff("chief"), body={"on": "2027-01-20"})
    assert annual(date(2027, 2, 1)) == [("veto", 0)]  # submitted to the review is not published
    report.refresh_from_db()
    review_and_publish(report.entry, staff)
    assert annual(date(2027, 2, 1)) == []
