"""The workbench: queues, the case page with only the allowed actions, registration with a scan."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.applications.conftest import RESIDENT_ID

pytestmark = pytest.mark.django_db


def _client(staff, username: str) -> Client:
    client = Client()
    client.force_login(staff(username))
    return client


def test_office_sees_every_case_and_department_only_its_own(register, act, staff):
    a = act(register(date(2026, 11, 2)), "transfer", "clerk", on=date(2026, 11, 2), lead="traffic")
    assert _client(staff, "clerk").get(f"/workbench/applications/{a.number}/").status_code == 200
    assert _client(staff, "traffic_handler").get(f"/workbench/applications/{a.number}/").status_code == 200
    assert _client(staff, "criminal_handler").get(f"/workbench/applications/{a.number}/").status_code == 404


def test_case_page_shows_only_the_actions_of_this_person(register, act, staff):
    a = act(register(date(2026, 11, 2)), "transfer", "clerk", on=date(2026, 11, 2), lead="traffic")
    handler_page = _client(staff, "traffic_handler").get(f"/workbench/applications/{a.number}/").content.decode()
    assert "拟定答复" in handler_page and "转办</summary>" not in handler_page
    clerk_page = _client(staff, "clerk").get(f"/workbench/applications/{a.number}/").content.decode()
    assert "拟定答复</summary>" not in clerk_page and "转办</summary>" in clerk_page
    assert "答复期限" in clerk_page and "2026-11-23" in clerk_page


def test_action_form_runs_the_service(register, staff):
    a = register(date(2026, 11, 2))
    response = _client(staff, "clerk").post(
        f"/workbench/applications/{a.number}/actions/transfer/",
        {"transfer-on": "2026-11-03", "transfer-lead": "traffic", "transfer-assisting": ["public_order"]},
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == "transferred" and a.lead_department.code == "traffic"


def test_refused_action_form_shows_the_reason(register, staff):
    a = register(date(2026, 2, 10))
    response = _client(staff, "clerk").post(
        f"/workbench/applications/{a.number}/actions/request_supplement/",
        {"request_supplement-on": "2026-02-27", "request_supplement-items": "年份"},
    )
    assert response.status_code == 422
    assert "7个工作日内" in response.content.decode()
    a.refresh_from_db()
    assert a.status == "received"


def test_queues_sorted_by_due_date(register, act, staff):
    later = register(date(2026, 11, 20))
    earlier = register(date(2026, 11, 2))
    page = _client(staff, "clerk").get("/workbench/applications/", {"queue": "intake"}).content.decode()
    assert page.index(earlier.number) < page.index(later.number)
    page = _client(staff, "clerk").get("/workbench/applications/", {"queue": "intake", "order": "-due_on"})
    text = page.content.decode()
    assert text.index(later.number) < text.index(earlier.number)


def test_overdue_queue(register, staff):
    a = register(date(2026, 9, 1))
    page = _client(staff, "clerk").get("/workbench/applications/", {"queue": "overdue"}).content.decode()
    assert a.number in page


def test_handler_queue_shows_only_own_department(register, act, staff):
    a = act(register(date(2026, 11, 2)), "transfer", "clerk", on=date(2026, 11, 2), lead="traffic")
    b = register(date(2026, 11, 2))
    page = _client(staff, "traffic_handler").get("/workbench/applications/", {"queue": "all"}).content.decode()
    assert a.number in page and b.number not in page


def test_register_a_letter_with_a_scan(staff):
    from zwgk.applications.models import Application

    scan = SimpleUploadedFile("信件.pdf", b"%PDF-1.4 scanned letter", content_type="application/pdf")
    response = _client(staff, "clerk").post("/workbench/applications/register/", {
        "applicant_type": "natural_person", "name": "李娟", "id_type": "resident_id", "id_number": RESIDENT_ID,
        "phone": "13909510002", "description": "户籍迁入政策", "delivery": "pickup", "channel": "mail",
        "received_on": "2026-11-02", "scan": scan,
    })
    assert response.status_code == 302
    application = Application.objects.get(name="李娟", received_on=date(2026, 11, 2), channel="mail")
    assert application.scans.get().content_type == "application/pdf"


def test_a_scan_that_is_not_a_scan_is_refused(staff):
    from zwgk.applications.models import Application

    count = Application.objects.count()
    scan = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = _client(staff, "clerk").post("/workbench/applications/register/", {
        "applicant_type": "natural_person", "name": "李娟", "id_type": "resident_id", "id_number": RESIDENT_ID,
        "phone": "13909510002", "description": "户籍迁入政策", "delivery": "pickup", "channel": "mail",
        "received_on": "2026-11-02", "scan": scan,
    })
    assert response.status_code == 200 and "不是允许的格式" in response.content.decode()
    assert Application.objects.count() == count


def test_todo_lists_cases_owed(register, act, staff):
    from zwgk.workbench.todo import todo_for

    a = act(register(date(2026, 11, 2)), "transfer", "clerk", on=date(2026, 11, 2), lead="traffic")
    assert any(a.number in item.title for item in todo_for(staff("traffic_handler")))
    assert not any(a.number in item.title for item in todo_for(staff("criminal_handler")))


def test_reminders_mail_the_handler_of_a_case_due_soon(register, act, staff, mailoutbox):
    from zwgk.applications import reminders

    handler = staff("traffic_handler")
    handler.email = "traffic@example.cn"
    handler.save()
    a = act(register(date(2026, 11, 2)), "transfer", "clerk", on=date(2026, 11, 2), lead="traffic")
    reminders.run(date(2026, 11, 19))  # due 11/23: within three working days
    assert any(a.number in m.body and m.to == ["traffic@example.cn"] for m in mailoutbox)


def test_reminder_command_mails_the_office_about_overdue_cases(register, staff, mailoutbox):
    from io import StringIO

    from django.core.management import call_command

    clerk = staff("clerk")
    clerk.email = "office@example.cn"
    clerk.save()
    a = register(date(2026, 9, 1))
    out = StringIO()
    call_command("application_reminders", "--date", "2026-11-27", stdout=out)
    assert "发送邮件" in out.getvalue()
    mail = next(m for m in mailoutbox if m.to == ["office@example.cn"])
    assert a.number in mail.body and "已超期" in mail.body


def test_celery_task_runs_the_reminders(db, demo):
    from zwgk.applications.tasks import send_reminders

    assert set(send_reminders.apply().get()) == {"abandoned", "expired", "cases", "mails"}


def test_the_case_page_links_its_due_date_to_how_it_was_counted(register, client, staff):
    from datetime import date

    a = register(date(2026, 9, 30))
    client.force_login(staff("clerk"))
    page = client.get(f"/workbench/applications/{a.number}/").content.decode()
    assert '/workdays/explain/?start=2026-09-30&amp;days=15">如何计算</a>' in page
