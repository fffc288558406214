"""A correction (更正) of a published annual report: a new entry through the same review, the
original kept with its frozen figures and a link to the correction, the correction's figures
frozen apart when it is published (条例 Art. 49, 50)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.assessment.conftest import review_and_publish
from zwgk.assessment import report, services
from zwgk.assessment.models import AnnualReport, ReportCorrection
from zwgk.catalog.models import Entry
from zwgk.core.errors import InvalidInput
from zwgk.core.transitions import TransitionRefused

pytestmark = pytest.mark.django_db
TEXT = {"overview": "总体情况正文。", "problems": "存在问题正文。", "other": "其他事项正文。"}


def test_a_report_not_yet_published_is_not_corrected(demo, staff):
    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    saved = AnnualReport.objects.get(year=2026)
    with pytest.raises(TransitionRefused):
        services.REPORT_ACTIONS.perform(saved, "correct", actor=staff("chief"), body={"reason": "表三有误"})


def test_a_correction_goes_through_review_and_keeps_the_originals_figures(demo, staff, register, client,
                                                                        publish_report, api_as):
    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    original = publish_report(2026)
    saved = AnnualReport.objects.get(year=2026)
    frozen = saved.figures
    register(date(2026, 6, 1))  # a case registered late: the published table 三 was one short
    with pytest.raises(InvalidInput):
        services.REPORT_ACTIONS.perform(saved, "correct", actor=staff("chief"), body={"reason": " "})
    correction = services.REPORT_ACTIONS.perform(saved, "correct", actor=staff("chief"), body={
        "reason": "表三“本年新收”漏计1件，予以更正。"})
    entry = correction.entry
    assert entry.pk != original.pk and entry.status == Entry.IN_REVIEW and "更正" in entry.title
    assert "更正说明" in entry.body and "漏计1件" in entry.body and entry.attachments.count() == 2
    assert correction.figures is None and report.annual(2026) == frozen

    review_and_publish(entry, staff)
    correction = ReportCorrection.objects.get(pk=correction.pk)
    saved.refresh_from_db()
    assert saved.figures == frozen  # the original's stay as published
    rows = correction.figures["table_3"]["rows"]
    assert rows["1"]["total"] == frozen["table_3"]["rows"]["1"]["total"] + 1
    assert report.annual(2026) == correction.figures
    assert api_as("clerk").get("/reports/annual/2026").json()["table_3"] == correction.figures["table_3"]

    original.refresh_from_db()
    assert original.status == Entry.PUBLISHED and original.replaced_by_id == entry.pk
    page = client.get(original.get_absolute_url()).content.decode()
    assert "本信息已发布更正" in page and entry.get_absolute_url() in page
    register(date(2026, 7, 1))
    assert ReportCorrection.objects.get(pk=correction.pk).figures == correction.figures


def test_the_workbench_offers_the_correction_once_published(demo, staff, client, publish_report):
    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    publish_report(2026)
    client.force_login(staff("chief"))
    assert "提交更正" in client.get("/workbench/applications/report/?year=2026").content.decode()
    client.post("/workbench/applications/report/2026/correct/", {"reason": "第六部分信息处理费金额有误。",
                                                                 "other": "本年收取信息处理费0元。"})
    correction = ReportCorrection.objects.get()
    assert correction.other == "本年收取信息处理费0元。" and correction.overview == TEXT["overview"]
    page = client.get("/workbench/applications/report/?year=2026").content.decode()
    assert "第六部分信息处理费金额有误。" in page and correction.entry.title in page
