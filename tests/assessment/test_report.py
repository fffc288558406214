"""The annual report's tables 三 and 四: rows and columns of API.md; in every column 1 + 2 = 3.7 + 4."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.applications.conftest import CREDIT_CODE
from zwgk.applications.models import Contest
from zwgk.assessment import report

pytestmark = pytest.mark.django_db

ENDINGS = [
    ("reply", {"outcome": "disclosed"}, "3.1"),
    ("reply", {"outcome": "not_disclosed", "reason": "internal_affairs", "content": "属于内部事务信息。"}, "3.3.5"),
    ("reply", {"outcome": "not_held"}, "3.4.1"),
    ("reply", {"outcome": "duplicate"}, "3.5.2"),
    ("reply", {"outcome": "archived"}, "3.6.3"),
    ("abandon", {"reason": "fee_unpaid"}, "3.6.2"),
    ("withdraw", {"reason": "撤回"}, "3.6.3"),
]


def _balanced(rows: dict) -> bool:
    return all(rows["1"][c] + rows["2"][c] == rows["3.7"][c] + rows["4"][c] for c in report.COLUMNS)


def test_rows_and_columns_are_the_contracts(api_as):
    body = api_as("clerk").get("/reports/annual/2026").json()
    assert set(body) >= {"year", "table_2", "table_3", "table_4"}
    rows = body["table_3"]["rows"]
    assert list(rows) == [code for code, _ in report.ROWS]
    assert {"1", "2", "3.1", "3.2", "3.3.1", "3.3.8", "3.4.3", "3.5.5", "3.6.1", "3.6.3", "3.7", "4"} <= set(rows)
    assert list(rows["1"]) == ["natural_person", "commercial", "research", "public_interest", "legal_service",
                               "other", "total"]
    assert _balanced(rows)
    assert set(body["table_4"]) == {"reconsideration", "litigation_direct", "litigation_after"}
    assert set(body["table_4"]["reconsideration"]) == {"upheld", "corrected", "other", "pending", "total"}


def test_report_needs_report_view(api_as, api):
    assert api.get("/reports/annual/2026").status_code == 401
    assert api_as("traffic_handler").get("/reports/annual/2026").status_code == 403
    assert api_as("inspector").get("/reports/annual/2026").status_code == 200


def test_exports_merge_the_headers_and_labels_as_the_state_council_form(api_as):
    import io

    import openpyxl
    from docx import Document

    clerk = api_as("clerk")
    xlsx = clerk.get("/reports/annual/2026.xlsx")
    docx = clerk.get("/reports/annual/2026.docx")
    assert xlsx.status_code == docx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    _sheet2, sheet3, sheet4 = book.worksheets
    merged = {str(r) for r in sheet3.merged_cells.ranges}
    assert "D2:J2" in merged  # 申请人情况 over the seven columns
    assert "E3:I3" in merged  # 法人或其他组织 over its five kinds
    assert "A7:A28" in merged  # 三、本年度办理结果 down its 22 rows
    assert "B9:B16" in merged  # （三）不予公开 down its eight reasons
    assert sheet3["D2"].value == "申请人情况" and sheet3["C9"].value == "1.属于国家秘密"
    assert sheet3["J5"].value == report.table_3(2026)["rows"]["1"]["total"]
    assert "F2:O2" in {str(r) for r in sheet4.merged_cells.ranges}  # 行政诉讼 over both kinds
    _table2, table3, table4 = Document(io.BytesIO(docx.content)).tables
    assert table3.cell(5, 0).text == table3.cell(26, 0).text == "三、本年度办理结果"
    assert [table4.cell(1, c).text for c in (0, 5, 10)] == ["行政复议", "未经复议直接起诉", "复议后起诉"]


def test_workbench_report_page_shows_the_merged_form(demo, client, staff):
    client.force_login(staff("clerk"))
    page = client.get("/workbench/applications/report/?year=2026").content.decode()
    assert '<th scope="col" colspan="7">申请人情况</th>' in page
    assert '<th scope="row" class="row-label" rowspan="22">三、本年度办理结果</th>' in page


def test_outcomes_land_in_their_rows_and_columns(register, act):
    before = report.table_3(2025)["rows"]
    for action, body, _row in ENDINGS:
        a = register(date(2025, 6, 2))
        act(a, action, "clerk", on=date(2025, 6, 3), **body)
    a = register(date(2025, 6, 2), applicant_type="legal_person", id_type="credit_code", id_number=CREDIT_CODE,
                 organization="某律所", organization_type="legal_service")
    act(a, "reply", "clerk", on=date(2025, 6, 3), outcome="partly_disclosed", reason="third_party_rights",
        content="删除个人信息后提供。")
    rows = report.table_3(2025)["rows"]
    for *_, row in ENDINGS:
        assert rows[row]["natural_person"] >= 1
    assert rows["3.2"]["legal_service"] - before["3.2"]["legal_service"] == 1
    assert rows["3.3.5"]["natural_person"] == 1 and rows["3.6.3"]["natural_person"] == 2
    assert _balanced(rows)


def test_carried_over_cases_count_in_row_2_and_4(register, act):
    a = register(date(2025, 12, 22))
    b = register(date(2025, 12, 29))
    act(b, "reply", "clerk", on=date(2026, 1, 5), outcome="disclosed")
    rows_2025 = report.table_3(2025)["rows"]
    rows_2026 = report.table_3(2026)["rows"]
    assert rows_2025["4"]["total"] >= 2
    assert rows_2026["2"]["total"] >= 2
    assert _balanced(rows_2025) and _balanced(rows_2026)
    assert a.status == "received"


@pytest.mark.parametrize("seed", range(3))
def test_random_histories_always_balance(register, act, seed):
    rng = random.Random(seed)
    for _ in range(12):
        received = date(2025, 1, 2) + timedelta(days=rng.randrange(0, 700))
        received = min(received, date(2026, 11, 27))
        org = rng.choice([None, "commercial", "research", "public_interest", "legal_service", "other"])
        kwargs = {} if org is None else {"applicant_type": "legal_person", "id_type": "credit_code",
                                         "id_number": CREDIT_CODE, "organization": "某单位", "organization_type": org}
        a = register(received, **kwargs)
        if rng.random() < 0.7:
            action, body, _ = rng.choice(ENDINGS)
            on = min(received + timedelta(days=rng.randrange(0, 40)), date(2026, 11, 27))
            act(a, action, "clerk", on=on, **body)
    for year in (2025, 2026):
        assert _balanced(report.table_3(year)["rows"])


def test_table_4_counts_contests(register, act, staff):
    from zwgk.applications import services

    a = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    legal = staff("legal_handler")
    services.do_record_contest(a, actor=legal, kind="reconsideration", filed_on=date(2026, 4, 1), result="upheld",
                               decided_on=date(2026, 6, 1))
    services.do_record_contest(a, actor=legal, kind="litigation_after", filed_on=date(2026, 7, 1))
    table = report.table_4(2026)
    assert table["reconsideration"]["upheld"] == 1 and table["reconsideration"]["total"] == 1
    assert table["litigation_after"]["pending"] == 1 and table["litigation_direct"]["total"] == 0
    assert Contest.objects.count() == 2


def test_contest_is_kept_by_the_legal_corps(register, act, staff):
    from zwgk.applications import services
    from zwgk.core.errors import Forbidden

    a = act(register(date(2026, 3, 2)), "reply", "clerk", on=date(2026, 3, 3), outcome="not_held")
    with pytest.raises(Forbidden):
        services.do_record_contest(a, actor=staff("clerk"), kind="reconsideration", filed_on=date(2026, 4, 1))


def test_the_demo_years_report_balances_in_every_column(demo):
    from zwgk.applications.models import Application

    assert Application.objects.filter(received_on__year=2026).exists()
    for year in (2025, 2026):
        rows = report.compute(year)["table_3"]["rows"]
        assert _balanced(rows), year
        assert all(rows["3.7"][c] == sum(rows[r][c] for r in report.ENDING_ROWS) for c in report.COLUMNS)
    assert report.compute(2026)["table_3"]["rows"]["1"]["total"] > 0
