"""One permission layer for views and the API: may this person do this action on this object?

Rules are registered by name (``calendar.manage``, ``application.transfer`` …) by each app. A
person outside a case's department gets 404 for it, not 403 (DESIGN.md "Who may do what").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models

from zwgk.core.errors import Forbidden, NotAuthenticated, NotFound

Rule = Callable[[Any, Any], bool]
RULES: dict[str, Rule] = {}
M = TypeVar("M", bound=models.Model)


def rule(action: str) -> Callable[[Rule], Rule]:
    """Register the rule deciding ``action``; a second registration of one action is a bug."""

    def register(fn: Rule) -> Rule:
        if action in RULES:
            raise ValueError(f"rule {action!r} registered twice")
        RULES[action] = fn
        return fn

    return register


def is_staff_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can(user: Any, action: str, obj: Any = None) -> bool:
    """True when ``user`` may do ``action`` (on ``obj``). Unknown actions are refused."""
    if not is_staff_member(user):
        return False
    decide = RULES.get(action)
    return bool(decide and decide(user, obj))


def require(user: Any, action: str, obj: Any = None) -> None:
    """Raise 401 for anonymous people and 403 for staff without the right."""
    if not is_staff_member(user):
        raise NotAuthenticated()
    if not can(user, action, obj):
        raise Forbidden()


def get_for(user: Any, queryset: models.QuerySet[M], action: str, **lookup: Any) -> M:
    """The object found by ``lookup`` if ``user`` may do ``action`` on it; otherwise 404, so that
    people outside a department do not even learn that the case exists."""
    if not is_staff_member(user):
        raise NotAuthenticated()
    obj = queryset.filter(**lookup).first()
    if obj is None or not can(user, action, obj):
        raise NotFound()
    return obj


def has_permission_code(code: str) -> Rule:
    """A rule granted by a permission code held through one of the person's roles."""
    return lambda user, obj: code in user.permission_codes()


rule("workbench.use")(lambda user, obj: True)
rule("calendar.manage")(has_permission_code("calendar.manage"))
rule("org.manage")(has_permission_code("org.manage"))
rule("org.view")(lambda user, obj: bool({"org.manage", "org.view"} & user.permission_codes()))
rule("audit.view")(lambda user, obj: bool({"security.manage", "audit.view"} & user.permission_codes()))
