"""The statutory clock on real 2026 dates (Art. 15, 18; API.md action table)."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.applications.models import ThirdPartyConsultation
from zwgk.core.errors import Conflict, Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused

pytestmark = pytest.mark.django_db


def test_due_date_is_fifteen_working_days_across_national_day(register):
    # 9/28 received; 10/1-10/8 holidays (National Day and Mid-Autumn), 10/10 a working Saturday.
    a = register(date(2026, 9, 28))
    assert a.due_on == date(2026, 10, 23)
    assert a.status == "received" and not a.due_provisional


def test_supplement_stops_the_clock(register, act):
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 12), items=["请说明年份"])
    assert a.status == "awaiting_supplement"
    assert a.due_on is None
    assert a.letters.filter(template_id="supplement").exists()


def test_supplement_is_allowed_on_the_seventh_working_day_over_spring_festival(register, act):
    # 2/10 + 7 working days: 2/11, 2/12, 2/13, 2/14 (working Saturday), then 2/24, 2/25, 2/26.
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 26), items=["请说明年份"])
    assert a.status == "awaiting_supplement"


def test_supplement_is_refused_after_seven_working_days(register, act):
    a = register(date(2026, 2, 10))
    with pytest.raises(Conflict):
        act(a, "request_supplement", "clerk", on=date(2026, 2, 27), items=["请说明年份"])
    a.refresh_from_db()
    assert a.status == "received" and a.due_on == date(2026, 3, 9)


def test_supplement_is_refused_twice(register, act):
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 11), items=["年份"])
    a = act(a, "resubmit", "clerk", on=date(2026, 2, 12))
    with pytest.raises(Conflict):
        act(a, "request_supplement", "clerk", on=date(2026, 2, 13), items=["文号"])


def test_resubmission_restarts_the_clock(register, act):
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 11), items=["年份"])
    a = act(a, "resubmit", "clerk", on=date(2026, 3, 2))
    assert a.status == "received"
    assert a.due_on == date(2026, 3, 23)


def test_resubmit_needs_a_pending_supplement(register, act):
    with pytest.raises(TransitionRefused):
        act(register(date(2026, 3, 2)), "resubmit", "clerk", on=date(2026, 3, 3))


def test_transfer_makes_a_slip_and_leaves_the_clock(register, act):
    a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 29), lead="traffic",
            assisting=["public_order"])
    assert a.status == "transferred" and a.due_on == date(2026, 10, 23)
    slip = a.transfers.get()
    assert slip.lead.code == "traffic" and [d.code for d in slip.assisting.all()] == ["public_order"]
    assert a.letters.filter(template_id="transfer_slip", public=False).exists()


def test_transfer_is_for_the_office_only(register, act):
    with pytest.raises(Forbidden):
        act(register(date(2026, 9, 28)), "transfer", "traffic_handler", on=date(2026, 9, 29), lead="traffic")


def test_transfer_to_an_unknown_department_is_refused(register, act):
    with pytest.raises(InvalidInput):
        act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 29), lead="nowhere")


def test_third_party_pause_moves_the_due_date_by_the_paused_working_days(register, act):
    a = act(register(date(2026, 9, 15)), "transfer", "clerk", on=date(2026, 9, 15), lead="tech")
    assert a.due_on == date(2026, 10, 12)
    a = act(a, "consult_third_party", "tech_handler", on=date(2026, 9, 29), party="某公司", contact="0951-1")
    assert a.paused
    consultation = ThirdPartyConsultation.objects.get(application=a)
    assert consultation.due_on == date(2026, 10, 26)  # the third party's own 15 working days
    # (9/29, 10/12] holds 5 working days: 9/30, 10/8, 10/9, 10/10 (working Saturday), 10/12.
    a = act(a, "third_party_replied", "tech_handler", on=date(2026, 10, 12), consent=False, opinion="不同意")
    assert not a.paused
    assert a.paused_days == 5
    assert a.due_on == date(2026, 10, 19)


def test_a_pause_ending_by_expiry_counts_only_to_the_third_partys_deadline(register, act):
    a = act(register(date(2026, 9, 15)), "consult_third_party", "clerk", on=date(2026, 9, 29), party="某公司")
    a = act(a, "third_party_replied", "clerk", on=date(2026, 11, 2), consent=True)
    consultation = a.consultations.get()
    assert consultation.ended_by_expiry and consultation.counted_days == 15
    assert a.due_on == date(2026, 11, 2)


def test_expiry_is_applied_by_the_daily_job(register, act):
    from zwgk.applications import reminders

    a = act(register(date(2026, 9, 15)), "consult_third_party", "clerk", on=date(2026, 9, 29), party="某公司")
    assert reminders.run(date(2026, 10, 27))["expired"] == 1
    a.refresh_from_db()
    assert not a.paused and a.due_on == date(2026, 11, 2)


def test_consulting_twice_at_once_is_refused(register, act):
    a = act(register(date(2026, 9, 15)), "consult_third_party", "clerk", on=date(2026, 9, 16), party="甲公司")
    with pytest.raises(Conflict):
        act(a, "consult_third_party", "clerk", on=date(2026, 9, 17), party="乙公司")


def test_reply_while_paused_is_refused(register, act):
    a = act(register(date(2026, 9, 15)), "consult_third_party", "clerk", on=date(2026, 9, 16), party="甲公司")
    with pytest.raises(Conflict):
        act(a, "reply", "clerk", on=date(2026, 9, 17), outcome="disclosed")


def test_extension_counts_from_the_old_due_date(register, act):
    a = act(register(date(2026, 9, 28)), "extend", "clerk", on=date(2026, 10, 20), days=10, reason="信息量大",
            approved_by="chief")
    assert a.due_on == date(2026, 11, 6)
    assert a.extended_days == 10
    assert a.letters.filter(template_id="extension", public=True).exists()


def test_extension_tells_the_applicant_by_email(register, act, mailoutbox, django_capture_on_commit_callbacks):
    application = register(date(2026, 9, 28))
    with django_capture_on_commit_callbacks(execute=True):
        act(application, "extend", "clerk", on=date(2026, 10, 20), days=10, reason="信息量大", approved_by="chief")
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["zhangming@example.cn"], f"政府信息公开申请{application.number}延期答复")]


def test_extension_is_refused_twice(register, act):
    a = act(register(date(2026, 9, 28)), "extend", "clerk", on=date(2026, 10, 20), days=5, reason="量大",
            approved_by="chief")
    with pytest.raises(Conflict):
        act(a, "extend", "clerk", on=date(2026, 10, 21), days=5, reason="量大", approved_by="chief")


@pytest.mark.parametrize("days", [0, 16])
def test_extension_days_must_be_within_the_limit(register, act, days):
    with pytest.raises(InvalidInput):
        act(register(date(2026, 9, 28)), "extend", "clerk", on=date(2026, 10, 20), days=days, reason="量大",
            approved_by="chief")


def test_extension_needs_the_office_heads_approval(register, act):
    with pytest.raises(InvalidInput) as caught:
        act(register(date(2026, 9, 28)), "extend", "clerk", on=date(2026, 10, 20), days=5, reason="量大",
            approved_by="clerk")
    assert "approved_by" in caught.value.fields


def test_extension_is_refused_while_awaiting_supplement(register, act):
    a = act(register(date(2026, 2, 10)), "request_supplement", "clerk", on=date(2026, 2, 11), items=["年份"])
    with pytest.raises(TransitionRefused):
        act(a, "extend", "clerk", on=date(2026, 2, 12), days=5, reason="量大", approved_by="chief")


def test_on_the_spot_reply_by_the_office_closes_the_case(register, act):
    a = act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="already_public",
            content="已在门户网站公开。")
    assert a.status == "answered" and a.closed_on == date(2026, 9, 28)
    assert a.letters.get(template_id="access_route").public


def test_not_disclosed_needs_a_reason(register, act):
    with pytest.raises(InvalidInput):
        act(register(date(2026, 9, 28)), "reply", "clerk", on=date(2026, 9, 28), outcome="not_disclosed")


def test_withdraw_closes(register, act):
    a = act(register(date(2026, 9, 28)), "withdraw", "clerk", on=date(2026, 9, 30), reason="申请人撤回")
    assert a.status == "withdrawn" and a.closed_on == date(2026, 9, 30)
    with pytest.raises(TransitionRefused):
        act(a, "transfer", "clerk", on=date(2026, 9, 30), lead="traffic")


def test_abandon_for_no_supplement_needs_a_supplement_notice(register, act):
    a = register(date(2026, 9, 28))
    with pytest.raises(Conflict):
        act(a, "abandon", "clerk", on=date(2026, 10, 30), reason="no_supplement")
    a = act(a, "request_supplement", "clerk", on=date(2026, 9, 29), items=["年份"])
    a = act(a, "abandon", "clerk", on=date(2026, 10, 30), reason="no_supplement")
    assert a.status == "abandoned"


def test_an_action_before_receipt_is_refused(register, act):
    with pytest.raises(InvalidInput):
        act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 27), lead="traffic")


def test_every_action_writes_an_event(register, act):
    from zwgk.events.models import Event

    a = act(register(date(2026, 9, 28)), "transfer", "clerk", on=date(2026, 9, 29), lead="traffic")
    assert list(Event.objects.for_object(a).values_list("action", flat=True)) == ["submit", "transfer"]
