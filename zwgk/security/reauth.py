"""The password re-check (再次验证密码) before the weightiest workbench actions: publishing a
catalog entry, approving (sign-off, extension, head approval, review) and changing roles ask for the
password again when the last check is older than ``ZWGK_REAUTH_MINUTES`` (issue 10; Art. 40
身份认证、访问控制: a session left open is not a licence to publish).

The time of the last check lives in the session: the login and the re-check page set it. A wrong
password goes through the same lock-out gate as a login; every re-check is an audit entry.

API tokens: a bearer token counts as recent authentication for its whole lifetime
(``ZWGK_TOKEN_HOURS``): it is issued only against the password (and the second factor), and
changing the password revokes it; API calls are not asked for the password again."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from zwgk.core.errors import NotAuthenticated, ServiceError
from zwgk.security import audit
from zwgk.security.context import client_ip
from zwgk.security.models import AuditKind, AuditResult

CHECKED = "zwgk_password_checked_at"


def mark_checked(request: HttpRequest) -> None:
    """The password was just checked in this session (login, password change, re-check)."""
    request.session[CHECKED] = int(time.time())


def on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Every session login (workbench, /admin/) follows a password check through the gate."""
    if request is not None and hasattr(request, "session"):
        mark_checked(request)


def is_recent(request: HttpRequest) -> bool:
    """Whether the last password check of this session is within ``ZWGK_REAUTH_MINUTES``."""
    checked = request.session.get(CHECKED)
    return bool(checked) and time.time() - checked <= settings.ZWGK_REAUTH_MINUTES * 60


def do_recheck(request: HttpRequest, password: str, *, action: str, obj: Any = None) -> None:
    """Check the signed-in person's password again through the lock-out gate (a wrong one counts as a
    failed login); records the re-check, its action and result in the audit log."""
    from zwgk.org.auth import authenticate_password

    user = request.user
    ip = client_ip(request)
    detail = {"action": action}
    if not password:
        audit.log(AuditKind.REAUTH, actor=user, obj=obj, ip=ip, result=AuditResult.FAILURE, detail=detail)
        raise NotAuthenticated("请输入密码。", code="reauth_required", fields={"reauth_password": "必填"})
    try:
        checked = authenticate_password(user.get_username(), password, ip)
    except ServiceError as exc:
        audit.log(AuditKind.REAUTH, actor=user, obj=obj, ip=ip,
                  result=AuditResult.REFUSED if exc.code == "locked_out" else AuditResult.FAILURE, detail=detail)
        if exc.code == "locked_out":
            raise
        raise NotAuthenticated("密码不正确，请重新输入。", code="reauth_failed",
                               fields={"reauth_password": "密码不正确"}) from None
    if checked.pk != user.pk:  # pragma: no cover - the gate looks the same account up
        raise NotAuthenticated("密码不正确，请重新输入。", code="reauth_failed")
    mark_checked(request)
    audit.log(AuditKind.REAUTH, actor=user, obj=obj, ip=ip, detail=detail)
