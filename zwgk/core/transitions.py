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
    """``rows``: action -> (source states, target state); a target of ``None`` keeps the state."""

    rows: Mapping[str, tuple[frozenset[str], str | None]]
    state_labels: Mapping[str, str] = field(default_factory=dict)
    action_labels: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        rows: Iterable[tuple[str, Iterable[str], str | None]],
        state_labels: Mapping[str, str] | None = None,
        action_labels: Mapping[str, str] | None = None,
    ) -> TransitionTable:
        table: dict[str, tuple[frozenset[str], str | None]] = {}
        for action, sources, target in rows:
            if action in table:
                raise ValueError(f"action {action!r} appears twice")
            table[action] = (frozenset(sources), target)
        return cls(table, dict(state_labels or {}), dict(action_labels or {}))

    def target(self, action: str, state: str) -> str:
        """The state after ``action`` from ``state``; raises TransitionRefused when not allowed."""
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
        return state if target is None else target

    def allowed(self, state: str) -> list[str]:
        """Actions allowed from ``state``, in the table's order."""
        return [action for action, (sources, _) in self.rows.items() if state in sources]

    def states(self) -> set[str]:
        found: set[str] = set()
        for sources, target in self.rows.values():
            found |= sources
            if target is not None:
                found.add(target)
        return found
