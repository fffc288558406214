"""The messages' case list (issue 13): search, filters, sorting, visibility, export, API."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from zwgk.core import case_lists
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.interaction import selectors, services
from zwgk.interaction.schemas import MessageListQuery
from zwgk.security.models import AuditEntry

TODAY = date(2026, 10, 30)  # a Friday: the consultation is due today, the unrouted one on Monday


def _numbers(user, **params) -> list[str]:
    query = case_lists.parse(MessageListQuery, params)
    return [m.number for m in selectors.search(user, query, today=TODAY)]


@pytest.fixture
def mailbox(make, people):
    """An old complaint at traffic (overdue), a fresh consultation at public order, one unrouted."""
    complaint = make(kind="complaint", on="2026-09-01", title="投诉交警执法", name="王芳", phone="13800001111")
    consultation = make(on="2026-10-29", title="咨询居住证", body="居住证办理需要几天？", name="赵磊")
    unrouted = make(on="2026-10-30", title="咨询出入境", name="钱进")
    complaint = services.do_route(complaint, actor=people("clerk"), department="traffic")
    consultation = services.do_route(consultation, actor=people("clerk"), department="public_order")
    return complaint, consultation, unrouted


def test_search_and_filters(mailbox, people):
    complaint, consultation, unrouted = mailbox
    clerk = people("clerk")
    assert _numbers(clerk, q="王芳") == [complaint.number]
    assert _numbers(clerk, q="0000111") == [complaint.number]
    assert _numbers(clerk, q="居住证 几天") == [consultation.number]
    assert _numbers(clerk, kind="complaint") == [complaint.number]
    assert _numbers(clerk, department="public_order") == [consultation.number]
    assert _numbers(clerk, status="received") == [unrouted.number]
    assert _numbers(clerk, received_from="2026-10-01", sort="received") == [consultation.number, unrouted.number]
    assert _numbers(clerk, overdue="true") == [complaint.number]
    assert complaint.number not in _numbers(clerk, overdue="false")
    assert _numbers(clerk, due_within="0") == [consultation.number]
    assert _numbers(clerk, due_within="1", sort="due") == [consultation.number, unrouted.number]
    assert _numbers(clerk, sort="-number") == sorted(_numbers(clerk), reverse=True)


def test_a_department_finds_only_what_it_may_open(mailbox, people):
    complaint, _consultation, _unrouted = mailbox
    assert _numbers(people("traffic_handler")) == [complaint.number]
    assert _numbers(people("traffic_handler"), q="居住证") == []
    with pytest.raises(NotFound):
        _numbers(people("traffic_handler"), queue="routing")


def test_bad_filters_name_the_field(people):
    with pytest.raises(InvalidInput) as caught:
        case_lists.parse(MessageListQuery, {"kind": "rumour", "overdue": "maybe"})
    assert set(caught.value.fields) == {"kind", "overdue"} and "信息类别" in caught.value.message


def test_the_page_and_its_export(mailbox, people):
    complaint, _consultation, _unrouted = mailbox
    client = Client()
    client.force_login(people("clerk"))
    html = client.get("/workbench/messages/search/", {"q": "王芳"}).content.decode()
    assert complaint.number in html and "共 1 件" in html
    assert client.get("/workbench/messages/search/", {"kind": "rumour"}).status_code == 422
    response = client.get("/workbench/messages/search.xlsx", {"overdue": "true", "q": "王芳"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [complaint.number] and rows[1][-2] == "已超期"
    assert AuditEntry.objects.filter(kind="personal_data_export", detail__what="message_list.xlsx").count() == 1


def test_the_api_filters_with_the_same_selector(mailbox, token_client):
    complaint, _consultation, _unrouted = mailbox
    clerk = token_client("clerk")
    response = clerk.get("/messages", {"q": "王芳", "kind": "", "sort": "-due"})
    assert [m["number"] for m in response.json()] == [complaint.number]
    assert response["X-Total-Count"] == "1"
    bad = clerk.get("/messages", {"received_to": "yesterday"})
    assert bad.status_code == 422 and "received_to" in bad.json()["error"]["fields"]
