"""Art. 31 and Art. 37 time limits on real 2026 dates, counted by the working-day engine from receipt."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.interaction import services


@pytest.mark.parametrize(("kind", "on", "complexity", "due"), [
    # a complaint received the day before National Day: 7 working days skip 10/1–10/7, count Saturday 10/10
    ("complaint", "2026-09-30", "simple", "2026-10-15"),
    ("complaint", "2026-09-30", "complex", "2026-10-27"),
    ("consultation", "2026-09-30", "simple", "2026-10-08"),
    ("consultation", "2026-09-30", "complex", "2026-10-10"),
    ("suggestion", "2026-09-18", "major", "2026-09-29"),  # working Sunday 9/20 counts, Mid-Autumn 9/25–27 not
    ("tip_off", "2026-02-13", "simple", "2026-02-25"),  # working Saturday 2/14, Spring Festival 2/15–2/23
    ("tip_off", "2026-02-13", "complex", "2026-03-02"),
    ("consultation", "2026-05-08", "simple", "2026-05-09"),  # Saturday 5/9 is a working day
])
def test_reply_limit_by_kind_and_complexity(make, people, kind, on, complexity, due):
    message = make(kind=kind, on=on)
    message = services.do_triage(message, actor=people("clerk"), complexity=complexity)
    message.refresh_from_db()
    assert message.due_on == date.fromisoformat(due)
    assert message.due_start == date.fromisoformat(on)
    assert message.due_provisional is False


def test_receipt_assumes_simple_until_triage(make):
    message = make(kind="complaint", on="2026-09-30")
    assert message.complexity == "simple" and not message.triaged
    assert message.due_on == date(2026, 10, 15)


def test_triage_recounts_from_receipt_not_from_the_day_of_triage(make, people):
    message = make(kind="consultation", on="2026-09-30")
    message = services.do_triage(message, actor=people("clerk"), complexity="major")
    assert message.due_on == date(2026, 10, 15)  # 7 working days from 9/30


def test_new_media_is_answered_the_same_day_unless_triaged(people):
    from tests.interaction.conftest import at

    result = services.do_submit_new_media(actor=people("clerk"), platform="微博", account="宁夏公安", external_id="a1",
                                          author="塞上江南", content="电动自行车怎么上牌？", posted_at=at("2026-09-30"))
    message = result.message
    assert message.due_on == date(2026, 9, 30)  # Art. 37: 当日
    message = services.do_triage(message, actor=people("clerk"), complexity="complex")
    assert message.due_on == date(2026, 10, 10)  # 3 working days
    message = services.do_triage(message, actor=people("clerk"), complexity="major")
    assert message.due_on == date(2026, 10, 15)


def test_overdue_is_derived_from_the_deadline(make, people, monkeypatch):
    from zwgk.interaction import models

    message = make(kind="consultation", on="2026-01-05")
    assert message.due_on == date(2026, 1, 6)
    monkeypatch.setattr(models.timezone, "localdate", lambda *a: date(2026, 1, 6))
    assert not message.overdue
    monkeypatch.setattr(models.timezone, "localdate", lambda *a: date(2026, 1, 7))
    assert message.overdue
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_reply(message, actor=people("public_order_handler"), content="您好，答复如下。")
    assert not message.overdue  # answered: nothing is owed any more
