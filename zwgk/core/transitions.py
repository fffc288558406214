"""Tables of allowed status transitions (DESIGN.md principle 4). Pure logic, no Django.

Each case type declares one table; each service function asks it for the target state of its
action before changing anything, so a status never changes outside the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


class TransitionRefused(Exception):
    """The action is not allowed from the current state. The message is Chinese."""

    def __init__(self, action: str, state: str, message: str) -> None:
        super().__init__(message)
        self.action = action
        self.state = state
        self.message = message


@dataclass(frozen=True)
class TransitionTable:
    """``rows``: action -> (source states, target). A target of ``None`` keeps the state; a tuple of
    states lets the action end in any one of them, named by the service with ``to=`` (e.g. a
    sign-off that approves, completes or returns a draft), so that even such a branch is checked
    against the table."""

    rows: Mapping[str, tuple[frozenset[str], str | tuple[str, ...] | None]]
    state_labels: Mapping[str, str] = field(default_factory=dict)
    action_labels: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        rows: Iterable[tuple[str, Iterable[str], str | tuple[str, ...] | None]],
        state_labels: Mapping[str, str] | None = None,
        action_labels: Mapping[str, str] | None = None,
    ) -> TransitionTable:
        table: dict[str, tuple[frozenset[str], str | tuple[str, ...] | None]] = {}
        for action, sources, target in rows:
            if action in table:
                raise ValueError(f"action {action!r} appears twice")
            table[action] = (frozenset(sources), target)
        return cls(table, dict(state_labels or {}), dict(action_labels or {}))

    def target(self, action: str, state: str, *, to: str | None = None) -> str:
        """The state after ``action`` from ``state``; raises TransitionRefused when not allowed.
        For a row with several targets, ``to`` names the one reached (a ValueError if it is not one
        of them: that is a bug in the service, not a refusal)."""
        if action not in self.rows:
            raise TransitionRefused(action, state, f"未知的操作：{action}。")
        sources, target = self.rows[action]
        if state not in sources:
            raise TransitionRefused(
                action,
                state,
                f"当前状态为“{self.state_labels.get(state, state)}”，"
                f"不能进行“{self.action_labels.get(action, action)}”操作。",
            )
        if isinstance(target, tuple):
            if to not in target:
                raise ValueError(f"action {action!r} cannot end in {to!r}")
            return to
        if to is not None and to != (state if target is None else target):
            raise ValueError(f"action {action!r} cannot end in {to!r}")
        return state if target is None else target

    def allowed(self, state: str) -> list[str]:
        """Actions allowed from ``state``, in the table's order."""
        return [action for action, (sources, _) in self.rows.items() if state in sources]

    def states(self) -> set[str]:
        found: set[str] = set()
        for sources, target in self.rows.values():
            found |= sources
            if isinstance(target, tuple):
                found |= set(target)
            elif target is not None:
                found.add(target)
        return found
