"""One action pipeline for every case type (DESIGN.md principle 4).

Each case type (catalog entry, application, citizen message) keeps one ``ActionRegistry`` built on
its ``TransitionTable``. Every action is one ``do_<action>`` service function, registered with the
pydantic schema of its body::

    ACTIONS = ActionRegistry(TABLE)

    @ACTIONS.action(ExtendBody)
    def do_extend(application: Application, *, actor: Staff, on: date, days: int, reason: str) -> Application:
        target = check_extend(application, actor=actor)
        ...

The registry wraps each ``do_*`` so that it runs inside a transaction on the row re-read under
``select_for_update``: the guard (``check_*``) always reads the state it is about to change, and
two clerks pressing the same button at once give one change and one clear refusal (the second
sees the new state). The API and the workbench both call ``perform``: it validates the body with
the action's schema (Chinese messages naming each field) and calls the ``do_*`` with typed,
keyword-only arguments, the actor always as ``actor=`` (as Zulip's ``acting_user``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models, transaction
from pydantic import BaseModel, ValidationError

from zwgk.core.errors import InvalidInput, NotFound
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import invalid_input_from

M = TypeVar("M", bound=models.Model)
Do = Callable[..., Any]
JSON_NESTING_LIMIT = 64


@dataclass(frozen=True)
class Action:
    name: str
    body: type[BaseModel]
    do: Do


def locked(obj: M) -> M:
    """``obj`` re-read under ``SELECT … FOR UPDATE`` (call inside a transaction)."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


class ActionRegistry:
    """The actions of one case type, one per row of its transition table."""

    def __init__(self, table: TransitionTable) -> None:
        self.table = table
        self.actions: dict[str, Action] = {}

    def action(self, body: type[BaseModel], *, name: str | None = None) -> Callable[[Do], Do]:
        """Register ``do_<name>`` (name taken from the function) with the schema of its body."""

        def register(fn: Do) -> Do:
            action = name or fn.__name__.removeprefix("do_")
            if action not in self.table.rows:
                raise ValueError(f"action {action!r} is not a row of the transition table")
            if action in self.actions:
                raise ValueError(f"action {action!r} registered twice")

            @functools.wraps(fn)
            def run_locked(obj: Any, /, *, actor: Any, **arguments: Any) -> Any:
                with transaction.atomic():
                    return fn(locked(obj), actor=actor, **arguments)

            self.actions[action] = Action(action, body, run_locked)
            return run_locked

        return register

    def __contains__(self, name: str) -> bool:
        return name in self.actions

    def __iter__(self):
        return iter(self.actions)

    def label(self, name: str) -> str:
        return self.table.action_labels.get(name, name)

    def arguments(self, name: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """The validated keyword arguments of action ``name`` (InvalidInput naming each field)."""
        action = self._get(name)
        try:
            return action.body.model_validate(dict(body)).model_dump(exclude_unset=True)
        except ValidationError as exc:
            raise invalid_input_from(exc.errors()) from None

    def perform(self, obj: Any, name: str, *, actor: Any, body: Mapping[str, Any]) -> Any:
        """Validate ``body`` and run the action: the one entry of the API and the workbench."""
        return self._get(name).do(obj, actor=actor, **self.arguments(name, body))

    def missing(self) -> list[str]:
        """Rows of the table without a registered action (a test asserts there are none)."""
        return [name for name in self.table.rows if name not in self.actions]

    def _get(self, name: str) -> Action:
        action = self.actions.get(name)
        if action is None:
            raise NotFound(f"未知的操作：{name}。")
        return action


def parse_json_object(raw: bytes | str | None) -> dict[str, Any]:
    """The JSON object of a request body, refused in Chinese when it is not one (or nested deeper
    than any of our bodies could be, which would otherwise exhaust the parser's recursion)."""
    text = raw.decode("utf-8", errors="strict") if isinstance(raw, bytes) else (raw or "")
    if _nesting(text) > JSON_NESTING_LIMIT:
        raise InvalidInput("请求内容嵌套过深。", fields={"body": "嵌套过深"})
    try:
        value = json.loads(text or "{}")
    except ValueError:
        raise InvalidInput("请求内容不是有效的 JSON。", fields={"body": "不是有效的 JSON"}) from None
    if not isinstance(value, dict):
        raise InvalidInput("请求内容应为 JSON 对象。", fields={"body": "应为 JSON 对象"})
    return value


def _nesting(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
