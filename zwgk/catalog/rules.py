"""Who may do what with catalog entries (DESIGN.md "Who may do what"; Art. 4, 25)."""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import rule


def _own(user: Any, department_id: int | None) -> bool:
    return user.department_id is not None and user.department_id == department_id


@rule("catalog.use")
def _use(user: Any, obj: Any) -> bool:
    return user.has_role("handler", "dept_head", "secrecy") or "catalog.view_all" in user.permission_codes()


@rule("catalog.draft")
def _draft(user: Any, section: Any) -> bool:
    """A handler drafts for the sections the responsibility table gives their department (Art. 25)."""
    if section is None:
        return user.has_role("handler")
    return user.has_role("handler") and _own(user, section.department_id)


@rule("catalog.edit")
def _edit(user: Any, entry: Any) -> bool:
    return user.has_role("handler") and _own(user, entry.department_id)


rule("catalog.submit")(_edit)


@rule("catalog.review")
def _review(user: Any, entry: Any) -> bool:
    """The department head reviews content and secrecy; the secrecy office decides when referred."""
    if entry.status == "secrecy_review":
        return user.has_role("secrecy")
    return user.has_role("dept_head") and _own(user, entry.department_id)


@rule("catalog.publish")
def _publish(user: Any, entry: Any) -> bool:
    return user.has_role("handler", "dept_head") and _own(user, entry.department_id)


@rule("catalog.withdraw")
def _withdraw(user: Any, entry: Any) -> bool:
    return user.has_role("dept_head") and _own(user, entry.department_id)


@rule("catalog.view")
def _view(user: Any, entry: Any) -> bool:
    if "catalog.view_all" in user.permission_codes() or _own(user, entry.department_id):
        return True
    if user.has_role("secrecy"):
        return entry.status == "secrecy_review" or entry.ledger.filter(stage="secrecy").exists()
    return False


@rule("catalog.view_all")
def _view_all(user: Any, obj: Any) -> bool:
    return "catalog.view_all" in user.permission_codes()
