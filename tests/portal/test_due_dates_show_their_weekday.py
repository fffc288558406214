"""Due dates carry their Chinese weekday (issue #13): on the applicant's status page and in the
workbench's queues and case pages, through the one ``with_weekday`` filter."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.applications.test_portal import _submit
from zwgk.applications.models import Application
from zwgk.portal.templatetags.weekdays import with_weekday

pytestmark = pytest.mark.django_db


def test_the_status_page_shows_the_due_date_with_its_weekday(demo):
    client = Client()
    _submit(client)
    application = Application.objects.order_by("-id").first()
    code = client.session["application_receipts"][application.number]
    text = client.post("/apply/status/", {"number": application.number, "query_code": code}).content.decode()
    assert with_weekday(application.due_on, "Y年n月j日") in text


def test_the_workbench_shows_due_dates_with_their_weekday(demo, staff):
    from zwgk.interaction.models import Message

    application = Application.objects.exclude(due_on=None).order_by("pk").first()
    message = Message.objects.exclude(due_on=None).filter(status__in=["received", "routing"]).order_by("pk").first() \
        or Message.objects.exclude(due_on=None).order_by("pk").first()
    client = Client()
    client.force_login(staff("clerk"))
    due = with_weekday(application.due_on)
    assert due.endswith("）") and "（星期" in due
    assert due in client.get("/workbench/applications/?queue=all").content.decode()
    assert due in client.get(f"/workbench/applications/{application.number}/").content.decode()
    if message.is_open:
        assert with_weekday(message.due_on) in client.get(f"/workbench/messages/{message.number}/").content.decode()
