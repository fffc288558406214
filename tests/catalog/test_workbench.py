"""Workbench pages: drafting, the scan's findings in place, review, publication, the due list."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.catalog.conftest import VALID_ID
from zwgk.catalog.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser_as(staff):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(staff(username))
        return client

    return make


def test_handler_drafts_on_the_form_for_own_sections_only(browser_as, staff):
    client = browser_as("publicity_handler")
    page = client.get("/workbench/catalog/new/").content.decode()
    assert "公安要闻" in page and "政府采购" not in page
    response = client.post("/workbench/catalog/new/", {
        "title": "宣传处起草的信息", "section": staff("publicity_handler").department.sections.get(code="news").pk,
        "category": 13, "disclosure_attribute": "public", "disclosure_mode": "proactive",
        "publisher": "公安厅宣传处", "validity": "valid", "body": "第一段\n第二段",
    })
    entry = Entry.objects.get(title="宣传处起草的信息")
    assert response.status_code == 302 and response["Location"] == f"/workbench/catalog/{entry.pk}/"
    assert entry.body == "<p>第一段</p><p>第二段</p>" and entry.status == Entry.DRAFT


def test_findings_are_marked_in_place_for_the_reviewer(browser_as, draft, handler):
    entry = draft(body=f"<p>当事人身份证号{VALID_ID}，请核实。</p>")
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    page = browser_as("publicity_head").get(f"/workbench/catalog/{entry['id']}/").content.decode()
    assert f'<mark class="finding">{VALID_ID}</mark>' in page
    assert "身份证号码" in page and "提交审核意见" in page


def test_review_publish_and_due_list_through_the_pages(browser_as, draft, handler, on_day):
    on_day(date(2026, 10, 9))
    entry = draft()
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    head = browser_as("publicity_head")
    head.post(f"/workbench/catalog/{entry['id']}/", {"action": "review", "decision": "approve", "opinion": "同意"})
    # 5 working days after Friday 10/9: Saturday 10/10 works, then 10/12–10/15
    assert Entry.objects.get(pk=entry["id"]).due_on == date(2026, 10, 15)
    on_day(date(2026, 10, 19))
    page = browser_as("publicity_handler").get("/workbench/catalog/").content.decode()
    assert "已超期" in page and entry["title"] in page
    assert entry["title"] not in browser_as("traffic_handler").get("/workbench/catalog/").content.decode()
    browser_as("publicity_handler").post(f"/workbench/catalog/{entry['id']}/", {"action": "publish", "confirmed": "1"})
    assert Entry.objects.get(pk=entry["id"]).status == Entry.PUBLISHED


def test_other_departments_get_404(browser_as, draft):
    entry = draft()
    assert browser_as("traffic_handler").get(f"/workbench/catalog/{entry['id']}/").status_code == 404


def test_the_ledger_and_catalog_export_to_xlsx(browser_as, draft, handler, head):
    import io

    import openpyxl

    from zwgk.catalog.models import ReviewRecord

    entry = draft()
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    head.post(f"/catalog/drafts/{entry['id']}/actions/review", {"decision": "approve", "opinion": "同意公开"})
    response = browser_as("chief").get("/workbench/catalog/ledger.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "审核事项", "承办部门")
    row = next(r for r in rows[1:] if r[1] == entry["title"])  # after the demo entries' own rows
    assert row[7] == "同意公开" and row[8] == "否"
    assert len(rows) - 1 == ReviewRecord.objects.count()
    response = browser_as("publicity_head").get("/workbench/catalog/catalog.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 1).value == "索引号"


def test_todo_lists_reviews_for_the_head(browser_as, draft, handler):
    entry = draft(title="待审核的要闻")
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    assert "信息审核：待审核的要闻" in browser_as("publicity_head").get("/workbench/").content.decode()


def test_head_marks_a_published_entry_repealed_and_the_page_shows_it(browser_as, draft, handler, head, client):
    entry = draft(title="关于旧规定的通知")
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    head.post(f"/catalog/drafts/{entry['id']}/actions/review", {"decision": "approve", "opinion": "同意"})
    handler.post(f"/catalog/drafts/{entry['id']}/actions/publish", {})
    browser_as("publicity_head").post(f"/workbench/catalog/{entry['id']}/",
                                      {"action": "set_validity", "validity": "repealed"})
    published = Entry.objects.get(pk=entry["id"])
    assert published.validity == "repealed"
    assert "【已废止】" in client.get(published.get_absolute_url()).content.decode()


def test_handler_edits_a_draft_on_the_form_through_the_same_action_as_the_api(browser_as, draft):
    from zwgk.events.models import Event

    entry = Entry.objects.get(pk=draft()["id"])
    response = browser_as("publicity_handler").post(f"/workbench/catalog/{entry.pk}/edit/", {
        "title": "修改后的信息名称", "section": entry.section_id, "category": entry.category_id,
        "disclosure_attribute": "public", "disclosure_mode": "proactive", "publisher": "公安厅宣传处",
        "validity": "valid", "body": "新的正文",
    })
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.body) == ("修改后的信息名称", "<p>新的正文</p>")
    assert Event.objects.for_object(entry).filter(action="draft_changed").count() == 1
