"""Transition tables (DESIGN.md principle 4): a status changes only as its table allows."""

import pytest

from zwgk.core.transitions import TransitionRefused, TransitionTable

TABLE = TransitionTable.build(
    [("submit", ["draft"], "in_review"), ("comment", ["draft", "in_review"], None)],
    state_labels={"in_review": "审核中"},
    action_labels={"submit": "提交"},
)


def test_an_allowed_action_gives_its_target():
    assert TABLE.target("submit", "draft") == "in_review"


def test_an_action_without_target_keeps_the_state():
    assert TABLE.target("comment", "in_review") == "in_review"


def test_a_refused_action_says_why_in_chinese():
    with pytest.raises(TransitionRefused) as refused:
        TABLE.target("submit", "in_review")
    assert refused.value.message == "当前状态为“审核中”，不能进行“提交”操作。"


def test_allowed_lists_the_actions_from_a_state():
    assert TABLE.allowed("draft") == ["submit", "comment"]
    assert TABLE.states() == {"draft", "in_review"}


def test_an_action_listed_twice_is_a_bug():
    with pytest.raises(ValueError):
        TransitionTable.build([("a", ["x"], "y"), ("a", ["y"], "x")])


def test_a_row_with_several_targets_ends_where_the_service_says():
    from zwgk.core.transitions import TransitionTable

    table = TransitionTable.build([("sign_off", ["in_signoff"], ("in_signoff", "signed_off", "returned"))])
    assert table.target("sign_off", "in_signoff", to="signed_off") == "signed_off"
    assert table.states() == {"in_signoff", "signed_off", "returned"}
    with pytest.raises(ValueError):
        table.target("sign_off", "in_signoff", to="answered")
    with pytest.raises(ValueError):
        table.target("sign_off", "in_signoff")
