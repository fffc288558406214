"""The one action pipeline: bodies validated in Chinese, keyword-only arguments, locked rows."""

from __future__ import annotations

import pytest
from pydantic import Field

from zwgk.core.actions import ActionRegistry, parse_json_object
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema

TABLE = TransitionTable.build([("close", ["open"], "closed"), ("note", ["open", "closed"], None)],
                              action_labels={"close": "办结", "note": "备注"})


class CloseBody(StrictSchema):
    reason: str = Field(min_length=1)


def _registry() -> ActionRegistry:
    return ActionRegistry(TABLE)


def test_an_action_must_be_a_row_of_the_table():
    registry = _registry()
    with pytest.raises(ValueError):
        registry.action(CloseBody, name="reopen")(lambda obj, *, actor: obj)


def test_missing_lists_rows_without_an_action():
    registry = _registry()
    registry.action(CloseBody, name="close")(lambda obj, *, actor, reason: obj)
    assert registry.missing() == ["note"]


def test_unknown_action_is_not_found():
    with pytest.raises(NotFound):
        _registry().perform(object(), "reopen", actor=None, body={})


def test_bad_body_names_the_field_in_chinese():
    registry = _registry()
    registry.action(CloseBody, name="close")(lambda obj, *, actor, reason: obj)
    with pytest.raises(InvalidInput) as refused:
        registry.arguments("close", {"reason": "", "extra": 1})
    assert refused.value.fields == {"reason": "内容过短", "extra": "不允许的字段"}


def test_arguments_are_typed_keywords():
    registry = _registry()
    registry.action(CloseBody, name="close")(lambda obj, *, actor, reason: obj)
    assert registry.arguments("close", {"reason": "重复申请"}) == {"reason": "重复申请"}


@pytest.mark.parametrize("raw", [b"[1]", b"not json", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_refused(raw):
    with pytest.raises(InvalidInput):
        parse_json_object(raw)


def test_deeply_nested_json_is_refused_before_parsing():
    with pytest.raises(InvalidInput) as refused:
        parse_json_object(b'{"a":' + b"[" * 5000 + b"]" * 5000 + b"}")
    assert refused.value.fields == {"body": "嵌套过深"}


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert parse_json_object('{"a": "' + "[" * 100 + '"}') == {"a": "[" * 100}
