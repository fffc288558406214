"""The applicant is told at supplement notice, pause and reply (Art. 15, 18), by SMS and e-mail."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def _outbox(path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_applicant_is_told_at_each_step(register, act, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.ZWGK_SMS_DIR = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        a = register(date(2026, 9, 28))
        a = act(a, "transfer", "clerk", on=date(2026, 9, 28), lead="traffic")
        a = act(a, "consult_third_party", "clerk", on=date(2026, 9, 29), party="宁夏某运输公司")
        a = act(a, "third_party_replied", "clerk", on=date(2026, 10, 9), consent=True)
        a = act(a, "draft_reply", "traffic_handler", on=date(2026, 10, 9), outcome="disclosed", content="附统计表。")
        for username in ("traffic_head", "clerk", "leader"):
            a = act(a, "sign_off", username, on=date(2026, 10, 9), decision="approve")
        a = act(a, "reply", "traffic_handler", on=date(2026, 10, 10))
    texts = _outbox(tmp_path / "outbox.jsonl")
    firsts = [t.split("，")[0].split("申请")[-1] for t in texts]
    assert firsts == ["已收到", f"{a.number}涉及第三方权益", f"{a.number}已作出答复"]
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [f"政府信息公开申请{a.number}已收到", f"政府信息公开申请{a.number}征求第三方意见",
                        f"政府信息公开申请{a.number}已答复"]


def test_a_supplement_notice_is_sent_by_sms(register, act, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.ZWGK_SMS_DIR = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        a = act(register(date(2026, 9, 28)), "request_supplement", "clerk", on=date(2026, 9, 29),
                items=["请说明所需信息的年份"])
    assert "需要补正" in _outbox(tmp_path / "outbox.jsonl")[-1] and a.number in _outbox(tmp_path / "outbox.jsonl")[-1]
