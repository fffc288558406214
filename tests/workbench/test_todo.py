"""The to-do list puts emergencies, overdue and returned items first, in words and in red, and
says why each item is there."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.workbench import todo

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(monkeypatch):
    listed: list[todo.TodoItem] = []
    monkeypatch.setattr(todo, "PROVIDERS", [lambda user: listed])
    return listed


def test_flagged_items_come_first_and_overdue_is_derived(items, staff):
    items += [
        todo.TodoItem("later", "/a", "x", date(2026, 11, 20)),
        todo.TodoItem("late", "/b", "x", date(2026, 10, 9)),
        todo.TodoItem("returned", "/c", "x", date(2026, 11, 30), reason="退回修改：请补充理由", flag="returned"),
        todo.TodoItem("alarm", "/d", "x", None, reason="疑似报警", flag="emergency"),
        todo.TodoItem("soon", "/e", "x", date(2026, 10, 13)),
    ]
    listed = todo.todo_for(staff("clerk"), today=date(2026, 10, 12))
    assert [i.title for i in listed] == ["alarm", "late", "returned", "soon", "later"]
    assert [i.flag_label for i in listed] == ["报警", "已超期", "已退回", "即将到期", ""]


def test_the_home_page_says_why_and_marks_urgent_items_in_words(items, client, staff):
    items.append(todo.TodoItem("依申请公开 YSQ-2026-00001", "/b", "x", date(2020, 1, 6), reason="待您审签"))
    client.force_login(staff("clerk"))
    page = client.get("/workbench/").content.decode()
    assert '<li class="urgent"><strong class="flag">【已超期】</strong>' in page
    assert "待您审签" in page and "2020-01-06（星期一）" in page
