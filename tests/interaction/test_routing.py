"""Routing suggestion by responsibility (Art. 29, annex 4) and the word lists (Art. 34, 35)."""

from __future__ import annotations

import pytest

from zwgk.interaction import routing
from zwgk.interaction.models import Message, WordList


@pytest.mark.parametrize(("kind", "title", "body", "dept"), [
    ("consultation", "落户咨询", "孩子出生后户口怎么落？", "public_order"),
    ("consultation", "签证", "办理护照需要多久？", "exit_entry"),
    ("consultation", "驾照换证", "驾驶证到期了在哪里换？", "traffic"),
    ("tip_off", "举报", "有一个诈骗团伙在小区活动", "criminal"),
    ("complaint", "投诉", "派出所民警态度很差，推诿刁难", "inspection"),
    ("suggestion", "建议", "希望多举办警营开放日活动", "office"),
])
def test_suggestion_follows_the_responsibility_table(people, kind, title, body, dept):
    assert routing.suggest(kind, title, body).department.code == dept


def test_a_kind_specific_row_only_applies_to_its_kind(people):
    # "诈骗" is in the tip-off row (criminal); a consultation about it is not routed to criminal
    assert routing.suggest("consultation", "咨询", "接到诈骗电话怎么办").department.code == "cyber"


def test_hostile_content_goes_to_the_cyber_corps_queue(make):
    message = make(kind="suggestion", title="看法", body="我们要推翻政府")
    assert message.hostile
    assert message.status == Message.ROUTED and message.department.code == "cyber"


def test_word_lists_are_data(make, people):
    WordList.objects.filter(kind=WordList.ABUSIVE).update(words="讨厌鬼")
    assert make(body="你们都是讨厌鬼").abusive
    assert not make(body="你们都是好人").abusive


def test_emergency_words_flag_the_message(make):
    message = make(kind="tip_off", title="救命", body="有人持刀闯入我家")
    assert message.emergency and "持刀" in message.flagged_words["emergency"]
