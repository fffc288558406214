"""The export format for the credit-sharing platform is documented (docs/integrity-export.md) and
the documented fields, in their order, are exactly what the CSV and JSON lines carry (Art. 22)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from zwgk.assessment import integrity
from zwgk.assessment.models import DishonestyRecord, DishonestySource

DOC = Path(__file__).resolve().parents[2] / "docs" / "integrity-export.md"


def _documented_fields() -> list[str]:
    section = DOC.read_text(encoding="utf-8").split("## 字段")[1].split("\n## ")[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_the_document_lists_the_exported_fields_in_order():
    assert _documented_fields() == integrity.FIELDS


def test_the_document_names_every_source_code():
    text = DOC.read_text(encoding="utf-8")
    assert all(f"`{code}`" in text for code in DishonestySource.values)


@pytest.mark.django_db
def test_both_exports_carry_the_documented_fields_one_record_a_line(staff):
    for number in ("宁公纪〔2026〕1号", "宁公纪〔2026〕2号"):
        integrity.do_record_dishonesty(
            actor=staff("personnel_handler"), officer="traffic_handler", source="accountability_decision",
            decided_on=date(2026, 7, 1), authority="中共宁夏回族自治区公安厅委员会", document_number=number,
            summary="问责：通报批评，\n责令检查。")
    records = DishonestyRecord.objects.order_by("id")
    lines = integrity.to_json_lines(records).decode("utf-8").splitlines()
    assert len(lines) == 2 and [list(json.loads(line)) for line in lines] == [_documented_fields()] * 2
    text = integrity.to_csv(records).decode("utf-8")
    assert len(text.splitlines()) == 3  # a header and one line a record, the line break flattened
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == _documented_fields()
    assert rows[1][_documented_fields().index("summary")] == "问责：通报批评， 责令检查。"
    assert json.loads(lines[0])["summary"] == "问责：通报批评，\n责令检查。"
