"""The supplement notice states its deadline (policy ``supplement_days`` working days, counted over
the 2026 National Day holiday); after it the daily job closes the case as 视为放弃 with its letter
(Art. 15 ¶2; national regulation Art. 30)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from zwgk.applications import reminders
from zwgk.applications.models import Application
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db


def _noticed(register, act):
    a = register(date(2026, 9, 25))
    return act(a, "request_supplement", "clerk", on=date(2026, 9, 28), items=["请写明所需统计年报的年份"])


def test_the_notice_states_a_deadline_counted_over_national_day(register, act):
    from zwgk.workdays import services as workdays

    a = _noticed(register, act)
    assert workdays.limit("supplement_days") == 15  # policy data (migration 0009)
    # 15 working days after Mon 28 Sep 2026: 29, 30 Sep; 1–7 Oct off; 8, 9 Oct, Sat 10 Oct (调休上班), ...
    assert a.supplement_due_on == workdays.deadline(date(2026, 9, 28), 15).date == date(2026, 10, 23)
    notice = a.letters.get(template_id="supplement")
    assert "请于2026年10月23日前补正" in notice.body
    assert "视为放弃申请" in notice.body


def test_the_daily_job_leaves_a_case_alone_on_its_deadline(register, act):
    a = _noticed(register, act)
    assert a.supplement_due_on == date(2026, 10, 23), a.supplement_due_on
    reminders.run(date(2026, 10, 23))
    assert Application.objects.get(pk=a.pk).status == "awaiting_supplement"


def test_the_daily_job_closes_an_unsupplemented_case_as_abandoned_with_its_letter(register, act):
    a = _noticed(register, act)
    assert reminders.run(date(2026, 10, 26))["abandoned"] >= 1
    a = Application.objects.get(pk=a.pk)
    assert a.status == "abandoned" and a.closed_on == date(2026, 10, 26) and a.closing_note == "no_supplement"
    letter = a.letters.get(template_id="abandoned")
    notice = a.letters.get(template_id="supplement")
    assert "2026年9月28日" in letter.body and "2026年10月23日" in letter.body
    assert notice.document_number and notice.document_number in letter.body
    assert letter.public and letter.document_number
    event = Event.objects.for_object(a).get(action="abandon")
    assert event.public and event.data["reason"] == "no_supplement" and event.actor is None
    reminders.run(date(2026, 10, 27))
    assert a.letters.filter(template_id="abandoned").count() == 1  # once


def test_the_applicant_is_told_of_the_abandonment(register, act, settings, tmp_path,
                                                  django_capture_on_commit_callbacks):
    from django.core import mail

    settings.ZWGK_SMS_DIR = str(tmp_path)
    a = _noticed(register, act)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.run(date(2026, 10, 26))
    texts = [json.loads(line)["text"] for line in (tmp_path / "outbox.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(a.number in sms and "视为放弃申请" in sms for sms in texts)
    assert f"政府信息公开申请{a.number}视为放弃" in [m.subject for m in mail.outbox]


def test_staff_cannot_abandon_for_no_supplement_before_the_deadline(register, act, staff):
    from zwgk.applications.services import ACTIONS
    from zwgk.core.errors import Conflict

    a = _noticed(register, act)
    with pytest.raises(Conflict, match="期限届满前"):
        ACTIONS.perform(a, "abandon", actor=staff("clerk"), body={"on": "2026-10-23", "reason": "no_supplement"})
    assert Application.objects.get(pk=a.pk).status == "awaiting_supplement"
    a = act(a, "abandon", "clerk", on=date(2026, 10, 26), reason="no_supplement")
    assert a.status == "abandoned" and a.letters.filter(template_id="abandoned").exists()
