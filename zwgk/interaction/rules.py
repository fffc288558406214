"""Who may do what with citizen messages (DESIGN.md "Who may do what"; Art. 29, 35)."""

from __future__ import annotations

from typing import Any

from zwgk.org.models import OFFICE
from zwgk.org.permissions import rule


def _office(user: Any) -> bool:
    return "message.route" in user.permission_codes()


def _own(user: Any, message: Any) -> bool:
    return (message is not None and user.department_id is not None
            and user.department_id == message.department_id and message.status != "received")


def _handler(user: Any, message: Any) -> bool:
    return user.has_role("handler", "dept_head") and _own(user, message)


@rule("message.use")
def _use(user: Any, obj: Any) -> bool:
    return (_office(user) or "message.view_all" in user.permission_codes()
            or user.has_role("handler", "dept_head", "legal"))


@rule("message.view")
def _view(user: Any, message: Any) -> bool:
    if _office(user) or "message.view_all" in user.permission_codes() or _own(user, message):
        return True
    # The legal corps sees what is (or was) sent to it for review (Art. 29).
    return user.has_role("legal") and (message.status == "awaiting_legal" or bool(message.draft_reply))


@rule("message.view_all")
def _view_all(user: Any, obj: Any) -> bool:
    return _office(user) or "message.view_all" in user.permission_codes()


@rule("message.route")
def _route(user: Any, message: Any) -> bool:
    """The office routes by responsibility (Art. 29, annex 4)."""
    return _office(user)


@rule("message.triage")
def _triage(user: Any, message: Any) -> bool:
    """Only the office sets a message's complexity, and so its deadline (Art. 31)."""
    return _office(user)


@rule("message.request_reclassification")
def _request_reclassification(user: Any, message: Any) -> bool:
    """The handling department may ask the office for another complexity (Art. 31)."""
    return _handler(user, message)


@rule("message.head_approve")
def _head_approve(user: Any, message: Any) -> bool:
    """The head of the owning department approves its replies (Art. 29: "一把手"负责制); for what the
    office owns itself, the office head."""
    return _own(user, message) and user.has_role("dept_head", "office_head")


@rule("message.handle")
def _handle(user: Any, message: Any) -> bool:
    """Replies come from the owning department ("一把手"负责制, Art. 29); the office answers what
    it owns itself."""
    return _handler(user, message) or (
        _office(user) and message is not None and message.department is not None
        and message.department.code == OFFICE and message.status != "received")


@rule("message.explain")
def _explain(user: Any, message: Any) -> bool:
    return _office(user) or _handler(user, message)


@rule("message.collective_review")
def _collective(user: Any, message: Any) -> bool:
    return _office(user) or (user.has_role("dept_head") and _own(user, message))


@rule("message.legal_review")
def _legal(user: Any, message: Any) -> bool:
    return user.has_role("legal")


@rule("message.mark")
def _mark(user: Any, message: Any) -> bool:
    return _office(user) or _handler(user, message)


rule("message.mask")(_mark)


@rule("message.import")
def _import(user: Any, obj: Any) -> bool:
    """New-media items come in through the office or the publicity department that runs the accounts."""
    return _office(user) or (user.department is not None and user.department.code == "publicity"
                             and user.has_role("handler", "dept_head"))


@rule("message.word_lists")
def _word_lists(user: Any, obj: Any) -> bool:
    return _office(user)
