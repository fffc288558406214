"""Officers' dishonesty records (Art. 22): kept by the personnel office, exported for the regional
credit-sharing platform as CSV and JSON lines in the documented field order."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.test import Client

from zwgk.assessment import integrity
from zwgk.assessment.models import DishonestyRecord
from zwgk.core.errors import Forbidden, InvalidInput

pytestmark = pytest.mark.django_db


def _record(staff, **overrides):
    data = {"officer": "traffic_handler", "source": "disciplinary_sanction", "decided_on": date(2026, 5, 20),
            "authority": "宁夏回族自治区公安厅", "document_number": "宁公纪〔2026〕12号",
            "summary": "=违规办理车辆登记，给予警告处分。", "publishable": False}
    data.update(overrides)
    return integrity.do_record_dishonesty(actor=staff("personnel_handler"), **data)


def test_the_personnel_office_records_and_others_cannot(staff):
    record = _record(staff)
    assert record.officer.username == "traffic_handler" and record.get_source_display() == "纪律处分"
    with pytest.raises(Forbidden):
        integrity.do_record_dishonesty(actor=staff("traffic_head"), officer="traffic_handler", source="judgment",
                                       decided_on=date(2026, 5, 20), authority="法院", document_number="1",
                                       summary="事实")


def test_a_wrong_record_names_its_fields_and_saves_nothing(staff):
    with pytest.raises(InvalidInput) as bad:
        _record(staff, officer="nobody", source="gossip", authority=" ")
    assert set(bad.value.fields) == {"officer", "source", "authority"}
    assert not DishonestyRecord.objects.exists()


def test_exports_one_record_a_line_in_the_documented_fields(staff):
    _record(staff)
    _record(staff, source="refused_judgment", document_number="（2026）宁01民初1号", summary="拒不履行生效判决。")
    client = Client()
    client.force_login(staff("inspector"))
    lines = client.get("/workbench/assessment/integrity/records.jsonl").content.decode().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first) == integrity.FIELDS and first["source"] == "disciplinary_sanction"
    assert first["decided_on"] == "2026-05-20" and first["publishable"] is False
    rows = list(csv.reader(io.StringIO(client.get("/workbench/assessment/integrity/records.csv").content.decode())))
    assert rows[0] == integrity.FIELDS and len(rows) == 3
    assert rows[1][integrity.FIELDS.index("summary")].startswith("'=")  # no formula in a spreadsheet


def test_the_records_page_is_for_the_personnel_office_inspectors_and_leaders(staff):
    for username, status in (("personnel_handler", 200), ("inspector", 200), ("traffic_handler", 403)):
        client = Client()
        client.force_login(staff(username))
        assert client.get("/workbench/assessment/integrity/").status_code == status
