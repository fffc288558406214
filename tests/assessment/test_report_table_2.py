"""Table 二 of the annual report: the department's normative documents counted from the catalog,
the figures other systems hold entered by the office (国办公开办函〔2021〕30号)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zwgk.assessment import report, services
from zwgk.assessment.models import AnnualFigure
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def law(demo, staff):
    """Import a catalog entry of Art. 8 item (一) into the legal corps' section."""
    from zwgk.catalog import services as catalog
    from zwgk.catalog.models import Category, Section

    section = Section.objects.filter(department__code="legal").first()
    laws = Category.objects.get(code="laws")

    def make(n: int, published_on: date, document_number: str = "", **extra):
        return catalog.do_import_entry(index_number=f"TEST/{n}", title=f"规范性文件{n}", publisher="公安厅法制总队",
                                       published_on=published_on, section=section, category=laws,
                                       body="<p>正文</p>", document_number=document_number,
                                       actor=staff("legal_handler"), **extra)

    return make


def test_normative_documents_are_counted_from_the_catalog(law, staff, monkeypatch):
    from datetime import datetime

    from zwgk.catalog import services as catalog

    before = {year: report.table_2(year)["normative_documents"] for year in (2025, 2026)}  # the demo's own
    law(1, date(2026, 3, 2), "宁公规〔2026〕1号")
    old = law(2, date(2024, 5, 6), "宁公规〔2024〕3号")
    law(3, date(2026, 4, 1))  # no document number: an explanation, not a document
    law(4, date(2026, 4, 2), "公安部令第1号", repost_source="公安部网站")  # a repost
    law(5, date(2027, 1, 5), "宁公规〔2027〕1号")  # after the year's end
    repealed_at = datetime(2026, 10, 9, 10, 0, tzinfo=datetime.now().astimezone().tzinfo)
    monkeypatch.setattr("django.utils.timezone.now", lambda: repealed_at)
    catalog.do_set_validity(old, actor=staff("legal_head"), validity="repealed")
    for year, added in ((2026, {"issued": 1, "repealed": 1, "valid": 1}), (2025, {"issued": 0, "repealed": 0,
                                                                                   "valid": 1})):
        after = report.table_2(year)["normative_documents"]
        assert {k: after[k] - before[year][k] for k in after} == added


def test_the_office_enters_the_other_figures_and_each_change_is_an_event(demo, staff):
    services.do_save_annual_figures(2026, actor=staff("clerk"), values={"licensing": "1520", "penalties": "36",
                                                            "fees": "12.35", "enforcement": ""})
    table = report.table_2(2026)
    assert table["licensing"] == {"decisions": 1520} and table["penalties"] == {"decisions": 36}
    assert table["enforcement"] == {"decisions": 0} and table["fees"] == {"amount": 12.35}
    assert table["rules"] == {"issued": 0, "repealed": 0, "valid": 0}
    services.do_save_annual_figures(2026, actor=staff("chief"), values={"licensing": "1521", "penalties": "36"})
    events = Event.objects.filter(action="figure_saved").order_by("at", "id")
    assert [(e.from_state, e.to_state) for e in events] == [("", "1520"), ("", "36"), ("", "12.35"), ("1520", "1521")]


def test_a_wrong_figure_saves_none_and_names_the_item(demo, staff):
    with pytest.raises(InvalidInput) as refused:
        services.do_save_annual_figures(2026, actor=staff("clerk"), values={"licensing": "100", "penalties": "3.5",
                                                                "fees": "-1"})
    assert refused.value.fields == {"penalties": "应为整数", "fees": "应为不小于0的数字"}
    assert "行政处罚：本年处理决定数量" in refused.value.message
    assert AnnualFigure.objects.count() == 0


def test_only_the_office_enters_figures(demo, staff):
    for username in ("inspector", "leader", "traffic_head"):
        with pytest.raises(Forbidden):
            services.do_save_annual_figures(2026, actor=staff(username), values={"licensing": "1"})


def test_table_2_in_the_api_and_the_exports(demo, staff, api_as):
    import io

    import openpyxl

    services.do_save_annual_figures(2026, actor=staff("clerk"), values={"fees": "8.5", "licensing": "7"})
    clerk = api_as("clerk")
    assert clerk.get("/reports/annual/2026").json()["table_2"]["fees"] == {"amount": 8.5}
    sheet = openpyxl.load_workbook(io.BytesIO(clerk.get("/reports/annual/2026.xlsx").content)).worksheets[0]
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["行政许可", 7] in rows and ["行政事业性收费", 8.5] in rows


def test_workbench_form_saves_figures_and_refuses_bad_ones(demo, client, staff):
    client.force_login(staff("clerk"))
    client.post("/workbench/applications/report/2026/figures/", {"licensing": "12", "fees": "1.5"})
    assert AnnualFigure.objects.get(year=2026, item="licensing").value == Decimal(12)
    page = client.post("/workbench/applications/report/2026/figures/", {"licensing": "十二"}, follow=True)
    assert "行政许可：本年处理决定数量：应为数字" in page.content.decode()
    assert AnnualFigure.objects.get(year=2026, item="licensing").value == Decimal(12)
    assert 'value="1.5"' in client.get("/workbench/applications/report/?year=2026").content.decode()
