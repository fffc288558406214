"""Art. 22 "形成信用档案": each officer's file shows the department, roles, the dishonesty records
with their sources, dates and documents, and the accountability cases naming the officer."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from zwgk.assessment import accountability, integrity

pytestmark = pytest.mark.django_db
URL = "/workbench/assessment/integrity/people/traffic_handler/"


def _file_data(staff):
    integrity.do_record_dishonesty(
        actor=staff("personnel_handler"), officer="traffic_handler", source="judgment", decided_on=date(2026, 4, 2),
        authority="银川市兴庆区人民法院", document_number="（2026）宁0104民初88号", summary="拖欠货款被判决。")
    accountability.do_open(actor=staff("inspector"), item="4", department="traffic", person="traffic_handler",
                           facts="网民留言超期未答复，造成不良影响。", on=date(2026, 4, 10))


@pytest.mark.parametrize("username", ["personnel_handler", "inspector", "leader"])
def test_the_file_shows_records_and_cases(staff, username):
    _file_data(staff)
    client = Client()
    client.force_login(staff(username))
    page = client.get(URL).content.decode()
    assert staff("traffic_handler").department.name in page
    assert "司法判决" in page and "2026-04-02" in page and "（2026）宁0104民初88号" in page
    assert "WZ-2026-" in page and "不得推荐" in page


@pytest.mark.parametrize("username", ["traffic_head", "traffic_handler", "clerk"])
def test_others_get_403(staff, username):
    client = Client()
    client.force_login(staff(username))
    assert client.get(URL).status_code == 403


def test_an_unknown_person_is_404(staff):
    client = Client()
    client.force_login(staff("inspector"))
    assert client.get("/workbench/assessment/integrity/people/nobody/").status_code == 404
