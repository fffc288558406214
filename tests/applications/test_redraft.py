"""Issue 13: a redraft after a return starts from the returned text, and the handler sees why it
was returned (Art. 20)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
D = date(2026, 9, 28)


def _page(staff, username: str, number: str) -> str:
    client = Client()
    client.force_login(staff(username))
    return client.get(f"/workbench/applications/{number}/").content.decode()


def test_the_draft_form_after_a_return_holds_the_returned_answer_and_comment(register, act, staff):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    a = act(a, "draft_reply", "traffic_handler", on=D, outcome="partly_disclosed", reason="third_party_rights",
            content="涉及他人个人隐私的部分已删除，其余部分予以公开。")
    a = act(a, "sign_off", "traffic_head", on=D, decision="return", comment="请写明删除的是哪几栏")
    assert a.status == "transferred"
    page = _page(staff, "traffic_handler", a.number)
    assert 'id="return-comment"' in page and "请写明删除的是哪几栏" in page
    assert '<option value="partly_disclosed" selected>' in page
    assert '<option value="third_party_rights" selected>' in page
    assert "涉及他人个人隐私的部分已删除，其余部分予以公开。</textarea>" in page


def test_a_first_draft_starts_blank(register, act, staff):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    page = _page(staff, "traffic_handler", a.number)
    assert 'id="return-comment"' not in page and '<option value="partly_disclosed" selected>' not in page
