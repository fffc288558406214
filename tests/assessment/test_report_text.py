"""The annual report's text sections 一, 五 and 六 (条例 Art. 49): the year's figures offered as a
starting text, written by the office, published by its head; published figures are frozen."""

from __future__ import annotations

import io
from datetime import date

import pytest

from zwgk.assessment import report, services
from zwgk.assessment.models import AnnualReport
from zwgk.core.errors import Conflict, Forbidden

pytestmark = pytest.mark.django_db
TEXT = {"overview": "总体情况正文。", "problems": "存在问题正文。", "other": "其他事项正文。"}


def test_the_starting_text_carries_the_years_figures(demo, client, staff):
    data = report.compute(2026)
    start = report.starting_text(data)
    assert f"本年新收政府信息公开申请{data['table_3']['rows']['1']['total']}件" in start["overview"]
    assert "未收取信息处理费" in start["other"]
    client.force_login(staff("clerk"))
    page = client.get("/workbench/applications/report/", {"year": "2026"}).content.decode()
    assert "根据本年数据生成的初稿" in page and start["overview"] in page


def test_the_office_writes_the_fee_and_the_head_publishes_and_the_figures_freeze(demo, staff, register, api_as,
                                                                                 publish_report):
    services.do_save_report_text(2026, actor=staff("clerk"), processing_fee="120.50", **TEXT)
    saved = AnnualReport.objects.get(year=2026)
    with pytest.raises(Forbidden):
        services.REPORT_ACTIONS.perform(saved, "publish", actor=staff("clerk"), body={"on": "2027-01-20"})
    before = api_as("clerk").get("/reports/annual/2026").json()
    publish_report(2026)
    register(date(2026, 6, 1))  # counted now, but the published report does not move
    assert api_as("clerk").get("/reports/annual/2026").json()["table_3"] == before["table_3"]
    assert report.compute(2026)["table_3"]["rows"]["1"]["total"] == before["table_3"]["rows"]["1"]["total"] + 1
    with pytest.raises(Conflict):
        services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    with pytest.raises(Conflict):
        services.do_save_annual_figures(2026, {"licensing": "3"}, actor=staff("clerk"))


def test_the_word_file_has_the_text_sections(demo, staff, client):
    from docx import Document

    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    client.force_login(staff("clerk"))
    document = Document(io.BytesIO(client.get("/workbench/applications/report/2026.docx").content))
    text = [p.text for p in document.paragraphs]
    assert "一、总体情况" in text and "总体情况正文。" in text and "六、其他需要报告的事项" in text


def test_the_publish_button_is_the_office_heads(demo, staff, client):
    from tests.assessment.conftest import review_and_publish

    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    client.force_login(staff("chief"))
    assert "发布2026年度报告" in client.get("/workbench/applications/report/?year=2026").content.decode()
    client.post("/workbench/applications/report/2026/publish/")
    saved = AnnualReport.objects.get(year=2026)
    assert saved.status == AnnualReport.IN_REVIEW and saved.figures is None
    page = client.get("/workbench/applications/report/?year=2026").content.decode()
    assert "已提交发布审核" in page and "发布2026年度报告" not in page
    review_and_publish(saved.entry, staff)
    assert AnnualReport.objects.get(year=2026).status == AnnualReport.PUBLISHED
    page = client.get("/workbench/applications/report/?year=2026").content.decode()
    assert "统计数据为发布时固定的数据" in page and "保存填报数" not in page
