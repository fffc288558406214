"""The annual report through the normal publishing review (条例 Art. 49, 50; Art. 4 here): the
office head's "publish" submits an entry of the annual-report section with the report in the State
Council's layout and its DOCX and XLSX; the figures freeze when that entry is published."""

from __future__ import annotations

import io
from datetime import date

import pytest

from zwgk.assessment import report, selectors, services
from zwgk.assessment.models import AnnualReport
from zwgk.catalog import services as catalog
from zwgk.catalog.models import Entry
from zwgk.core.errors import Conflict

pytestmark = pytest.mark.django_db
TEXT = {"overview": "总体情况正文。", "problems": "存在问题正文。", "other": "其他事项正文。"}


def _submit(staff) -> AnnualReport:
    services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    saved = AnnualReport.objects.get(year=2026)
    services.REPORT_ACTIONS.perform(saved, "publish", actor=staff("chief"), body={"on": "2027-01-20"})
    saved.refresh_from_db()
    return saved


def test_the_demo_years_report_balances_in_every_column_and_exports(demo, register, act):
    import openpyxl
    from docx import Document

    act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    register(date(2026, 11, 2))
    rows = report.compute(2026)["table_3"]["rows"]
    assert rows["1"]["total"] >= 2
    for column in report.COLUMNS:
        assert rows["1"][column] + rows["2"][column] == rows["3.7"][column] + rows["4"][column], column
    data = report.compute(2026)
    book = openpyxl.load_workbook(io.BytesIO(report.to_xlsx(data)))
    assert [s.title for s in book.worksheets] == [report.TITLE_2, report.TITLE_3, report.TITLE_4]
    assert len(Document(io.BytesIO(report.to_docx(data, "宁夏回族自治区公安厅", TEXT))).tables) == 3


def test_publishing_submits_an_entry_of_the_annual_report_section_and_freezes_only_at_its_publication(
        demo, staff, register, client):
    saved = _submit(staff)
    entry = saved.entry
    assert saved.status == AnnualReport.IN_REVIEW and saved.figures is None
    assert entry.status == Entry.IN_REVIEW and entry.section.code == catalog.ANNUAL_REPORT_SECTION
    assert "2026年政府信息公开工作年度报告" in entry.title
    assert "本年新收政府信息公开申请数量" in entry.body and "总体情况正文。" in entry.body
    assert sorted(a.name for a in entry.attachments.all()) == ["annual-report-2026.docx", "annual-report-2026.xlsx"]
    assert entry.ledger.count() == 0
    assert [a.level for a in selectors.vetoes(date(2027, 1, 20)) if a.item == "annual_report"] == ["warning"]

    head = staff("office_head")
    catalog.ACTIONS.perform(entry, "review", actor=head, body={"decision": "approve"})
    register(date(2026, 6, 1))  # the figures are not frozen at approval
    saved.refresh_from_db()
    assert saved.status == AnnualReport.IN_REVIEW and saved.figures is None
    catalog.ACTIONS.perform(entry, "publish", actor=head, body={})
    saved.refresh_from_db()
    assert saved.status == AnnualReport.PUBLISHED and saved.figures == report.annual(2026)
    assert saved.figures["table_3"]["rows"]["1"]["total"] == report.compute(2026)["table_3"]["rows"]["1"]["total"]
    assert [a for a in selectors.vetoes(date(2027, 2, 1)) if a.item == "annual_report"] == []
    entry.refresh_from_db()
    assert entry.ledger.filter(decision="approve").exists()

    page = client.get(entry.get_absolute_url())
    text = page.content.decode()
    assert page.status_code == 200 and "三、收到和处理政府信息公开申请情况" in text
    assert "annual-report-2026.docx" in text and "annual-report-2026.xlsx" in text


def test_a_report_returned_by_the_review_is_submitted_again_as_the_same_entry(demo, staff):
    saved = _submit(staff)
    with pytest.raises(Conflict):
        services.REPORT_ACTIONS.perform(saved, "publish", actor=staff("chief"), body={"on": "2027-01-20"})
    with pytest.raises(Conflict):  # the reviewer reads what will be published
        services.do_save_report_text(2026, actor=staff("clerk"), **TEXT)
    with pytest.raises(Conflict):
        services.do_save_annual_figures(2026, {"licensing": "3"}, actor=staff("clerk"))
    catalog.ACTIONS.perform(saved.entry, "review", actor=staff("office_head"),
                            body={"decision": "return", "opinion": "请补充第五部分。"})
    services.do_save_report_text(2026, actor=staff("clerk"), **(TEXT | {"problems": "补充后的存在问题。"}))
    services.REPORT_ACTIONS.perform(saved, "publish", actor=staff("chief"), body={"on": "2027-01-21"})
    again = AnnualReport.objects.get(year=2026)
    assert again.entry_id == saved.entry_id and again.entry.status == Entry.IN_REVIEW
    assert "补充后的存在问题。" in again.entry.body and again.entry.attachments.count() == 2
    assert Entry.objects.filter(section__code=catalog.ANNUAL_REPORT_SECTION, status=Entry.IN_REVIEW).count() == 1
