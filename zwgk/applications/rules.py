"""Who may see and work applications (DESIGN.md "Who may do what"; Art. 14, 15, 18, 20, 21).

The office (政务公开办公室) receives, registers, reviews and transfers every application and sees them
all; a department sees only what was transferred to it (others get 404); the secrecy office and the
legal corps see what is sent to them for review; the legal corps keeps reconsideration and
litigation (Art. 21); only the office head approves an extension (Art. 15). Every right on an
application is one rule here, asked through ``zwgk.org.permissions.can/require``; *when* an action
may be taken is the transition table's (``services.TABLE``).
"""

from __future__ import annotations

from typing import Any

from zwgk.applications.models import Application, Stage, Status
from zwgk.org.permissions import can, has_permission_code, rule

_registers = has_permission_code("application.register")
_views_all = has_permission_code("application.view_all")
_legal_code = has_permission_code("application.legal")


def is_office(user: Any) -> bool:
    """Office staff who register and review applications (Art. 14, 15)."""
    return can(user, "application.register")


def in_departments(user: Any, application: Any) -> bool:
    """Lead or assisting department of the application (Art. 20)."""
    if user.department_id is None:
        return False
    if application.lead_department_id == user.department_id:
        return True
    return application.assisting_departments.filter(pk=user.department_id).exists()


def is_lead(user: Any, application: Any) -> bool:
    return user.department_id is not None and application.lead_department_id == user.department_id


def _lead_staff(user: Any, application: Any) -> bool:
    return user.has_role("handler", "dept_head") and is_lead(user, application)


def fits_stage(user: Any, application: Application, stage: str | None) -> bool:
    """Whether ``user`` signs the Art. 20 step ``stage`` of this application."""
    if stage == Stage.DEPT_HEAD:
        return user.has_role("dept_head") and is_lead(user, application)
    if stage == Stage.SECRECY:
        return user.has_role("secrecy")
    if stage == Stage.LEGAL:
        return can(user, "application.legal")
    if stage == Stage.OFFICE:
        return is_office(user)
    if stage == Stage.LEADER:
        return user.has_role("leader")
    return False


@rule("application.register")
def _register(user: Any, obj: Any) -> bool:
    return _registers(user, obj)


@rule("application.view_all")
def _view_all(user: Any, obj: Any) -> bool:
    return _views_all(user, obj)


@rule("application.view_identity")
def _view_identity(user: Any, obj: Any) -> bool:
    """The applicant's identity document and contact: the office and those who see every case."""
    return _registers(user, obj) or _views_all(user, obj)


@rule("application.use")
def _use(user: Any, obj: Any) -> bool:
    """Whether the applications menu is shown: anyone who may ever work or read a case."""
    return _view_identity(user, obj) or _legal_code(user, obj) or user.has_role(
        "handler", "dept_head", "secrecy", "leader"
    )


@rule("application.view")
def _view(user: Any, application: Any) -> bool:
    if _view_identity(user, application):
        return True
    if in_departments(user, application):
        return True
    reviews = application.draft_reviews or []
    if user.has_role("secrecy") and "secrecy" in reviews:
        return True
    if _legal_code(user, application) and ("legal" in reviews or application.status == Status.ANSWERED):
        return True
    return user.has_role("leader") and application.status in (Status.IN_SIGNOFF, Status.SIGNED_OFF, Status.ANSWERED)


@rule("application.legal")
def _legal(user: Any, obj: Any) -> bool:
    """Art. 21: the legal corps records reconsideration and litigation."""
    return _legal_code(user, obj)


@rule("application.approve_extension")
def _approve_extension(user: Any, obj: Any) -> bool:
    """Art. 15: an extension needs the consent of the head of the disclosure office."""
    return has_permission_code("application.approve_extension")(user, obj)


@rule("application.work")
def _work(user: Any, application: Any) -> bool:
    """Consult third parties, record their answers, ask for an extension: the office, or the lead
    department's handler or head (Art. 15, 18, 20)."""
    return is_office(user) or _lead_staff(user, application)


@rule("application.draft")
def _draft(user: Any, application: Any) -> bool:
    """Art. 20: the lead department's handler proposes the answer."""
    return user.has_role("handler") and is_lead(user, application)


@rule("application.sign_off")
def _sign_off(user: Any, application: Any) -> bool:
    """Art. 20: the person of the chain's next step, in its order."""
    return fits_stage(user, application, application.pending_stage())


@rule("application.sign_off_any")
def _sign_off_any(user: Any, obj: Any) -> bool:
    """Whether this person signs some step of the Art. 20 chain (the batch sign-off page)."""
    return user.has_role("dept_head", "secrecy", "leader") or _legal_code(user, obj) or is_office(user)


@rule("application.reply")
def _reply(user: Any, application: Any) -> bool:
    """Art. 15 ¶1: the office answers on the spot at first review; Art. 20: otherwise the lead
    department answers once the chain approved."""
    if application.status == Status.RECEIVED:
        return is_office(user)
    return _lead_staff(user, application)


@rule("application.decide_public_interest")
def _decide_public_interest(user: Any, application: Any) -> bool:
    """Art. 18: the office decides that not disclosing would harm the public interest."""
    return is_office(user)

