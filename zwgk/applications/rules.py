"""Who may see and work applications (DESIGN.md "Who may do what"; Art. 14, 15, 20, 21).

The office (政务公开办公室) receives, registers, reviews and transfers every application and sees them
all; a department sees only what was transferred to it (others get 404); the secrecy office and the
legal corps see what is sent to them for review; the legal corps keeps reconsideration and
litigation (Art. 21). What a person may do *now* on a case is decided in ``services.guard``.
"""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import rule


def is_office(user: Any) -> bool:
    """Office staff who register and review applications (Art. 14, 15)."""
    return "application.register" in user.permission_codes()


def in_departments(user: Any, application: Any) -> bool:
    """Lead or assisting department of the application (Art. 20)."""
    if user.department_id is None:
        return False
    if application.lead_department_id == user.department_id:
        return True
    return application.assisting_departments.filter(pk=user.department_id).exists()


def is_lead(user: Any, application: Any) -> bool:
    return user.department_id is not None and application.lead_department_id == user.department_id


@rule("application.register")
def _register(user: Any, obj: Any) -> bool:
    return is_office(user)


@rule("application.use")
def _use(user: Any, obj: Any) -> bool:
    """Whether the applications menu is shown: anyone who may ever work or read a case."""
    codes = user.permission_codes()
    return bool({"application.register", "application.view_all", "application.legal"} & codes) or user.has_role(
        "handler", "dept_head", "secrecy", "leader"
    )


@rule("application.view")
def _view(user: Any, application: Any) -> bool:
    codes = user.permission_codes()
    if "application.view_all" in codes or "application.register" in codes:
        return True
    if in_departments(user, application):
        return True
    reviews = application.draft_reviews or []
    if user.has_role("secrecy") and "secrecy" in reviews:
        return True
    if "application.legal" in codes and ("legal" in reviews or application.status == "answered"):
        return True
    return user.has_role("leader") and application.status in ("in_signoff", "signed_off", "answered")


@rule("application.legal")
def _legal(user: Any, obj: Any) -> bool:
    """Art. 21: the legal corps records reconsideration and litigation."""
    return "application.legal" in user.permission_codes()


@rule("application.approve_extension")
def _approve_extension(user: Any, obj: Any) -> bool:
    """Art. 15: an extension needs the consent of the head of the disclosure office."""
    return "application.approve_extension" in user.permission_codes()

