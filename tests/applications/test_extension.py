"""Art. 15 ¶3: an extension is asked for by whoever works the case and decided by the office head
in their own session (issue 9); the statutory record and the applicant's notice name the real
approver; nothing is extended after the deadline has passed."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.applications.models import ExtensionRequest
from zwgk.core.errors import Conflict, Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db
D = date(2026, 9, 28)  # reply due 2026-10-23 (National Day 10-01..10-08; 9/28 and 10/10 worked)


def _requested(register, act, days: int = 10):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    return act(a, "request_extension", "traffic_handler", on=date(2026, 10, 20), days=days, reason="信息量大")


def test_a_request_moves_nothing_until_the_office_head_approves(register, act):
    a = _requested(register, act)
    assert a.due_on == date(2026, 10, 23) and a.extended_days is None
    assert a.pending_extension().requested_by.username == "traffic_handler"
    a = act(a, "approve_extension", "chief", on=date(2026, 10, 21))
    assert a.due_on == date(2026, 11, 6) and a.extended_days == 10
    assert a.extension_approved_by.username == "chief"
    assert a.extension_requests.get().state == "approved"


def test_the_letter_and_the_record_name_the_head_who_really_agreed(register, act, mailoutbox,
                                                                    django_capture_on_commit_callbacks):
    a = _requested(register, act)
    with django_capture_on_commit_callbacks(execute=True):
        a = act(a, "approve_extension", "chief", on=date(2026, 10, 21))
    letter = a.letters.get(template_id="extension")
    assert letter.public and "经政务公开办公室负责人马建国同意" in letter.body
    event = Event.objects.for_object(a).get(action="approve_extension")
    assert event.actor.username == "chief" and "马建国同意" in event.note
    assert [m.to for m in mailoutbox] == [["zhangming@example.cn"]] and "马建国" in mailoutbox[0].body


def test_only_the_office_head_approves_or_refuses(register, act):
    a = _requested(register, act)
    for username in ("clerk", "traffic_handler", "traffic_head", "leader"):
        with pytest.raises(Forbidden):
            act(a, "approve_extension", username, on=date(2026, 10, 21))
    a = act(a, "refuse_extension", "chief", on=date(2026, 10, 21), reason="可在期限内答复")
    assert a.due_on == date(2026, 10, 23) and a.extended_days is None
    assert a.extension_requests.get().state == "refused"
    with pytest.raises(Conflict):
        act(a, "approve_extension", "chief", on=date(2026, 10, 21))


def test_a_second_pending_request_is_refused(register, act):
    a = _requested(register, act)
    with pytest.raises(Conflict):
        act(a, "request_extension", "clerk", on=date(2026, 10, 20), days=5, reason="量大")


def test_one_pending_request_per_application_is_a_database_constraint(register, act, staff):
    from django.db import IntegrityError, transaction

    a = _requested(register, act)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExtensionRequest.objects.create(application=a, days=5, reason="量大", requested_on=date(2026, 10, 20),
                                        requested_by=staff("clerk"))


def test_the_office_head_extends_directly_as_the_approver(register, act):
    a = act(register(D), "extend", "chief", on=date(2026, 10, 20), days=10, reason="信息量大")
    assert a.due_on == date(2026, 11, 6) and a.extension_approved_by.username == "chief"
    a = act(register(D), "extend", "chief", on=date(2026, 10, 20), days=5, reason="量大", approved_by="chief")
    assert a.extended_days == 5


def test_extend_naming_someone_else_as_approver_is_refused(register, act):
    with pytest.raises(InvalidInput) as caught:
        act(register(D), "extend", "chief", on=date(2026, 10, 20), days=5, reason="量大", approved_by="clerk")
    assert "approved_by" in caught.value.fields


def test_extend_by_anyone_but_the_office_head_is_refused(register, act):
    with pytest.raises(Forbidden):
        act(register(D), "extend", "clerk", on=date(2026, 10, 20), days=5, reason="量大", approved_by="chief")


def test_an_extension_asked_for_after_the_deadline_is_refused(register, act):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    with pytest.raises(InvalidInput) as caught:
        act(a, "request_extension", "traffic_handler", on=date(2026, 10, 26), days=5, reason="量大")
    assert "on" in caught.value.fields
    with pytest.raises(InvalidInput):
        act(a, "extend", "chief", on=date(2026, 10, 26), days=5, reason="量大")


def test_an_extension_approved_after_the_deadline_is_refused(register, act):
    a = _requested(register, act)
    with pytest.raises(InvalidInput) as caught:
        act(a, "approve_extension", "chief", on=date(2026, 10, 26))
    assert "on" in caught.value.fields
    assert a.pending_extension() is not None


def test_extension_is_refused_twice(register, act):
    a = act(register(D), "extend", "chief", on=date(2026, 10, 20), days=5, reason="量大")
    with pytest.raises(Conflict):
        act(a, "extend", "chief", on=date(2026, 10, 21), days=5, reason="量大")
    with pytest.raises(Conflict):
        act(a, "request_extension", "clerk", on=date(2026, 10, 21), days=5, reason="量大")


@pytest.mark.parametrize("days", [0, 16])
def test_extension_days_must_be_within_the_limit(register, act, days):
    with pytest.raises(InvalidInput):
        act(register(D), "request_extension", "clerk", on=date(2026, 10, 20), days=days, reason="量大")


def test_extension_is_refused_while_awaiting_supplement(register, act):
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 11), items=["年份"])
    with pytest.raises(TransitionRefused):
        act(a, "request_extension", "clerk", on=date(2026, 2, 12), days=5, reason="量大")


def test_a_pending_request_is_on_the_office_heads_to_do_list(register, act, staff):
    from zwgk.applications import selectors

    a = _requested(register, act)
    assert a in selectors.queue(staff("chief"), "mine")
    a = act(a, "approve_extension", "chief", on=date(2026, 10, 21))
    assert a not in selectors.queue(staff("chief"), "mine")
