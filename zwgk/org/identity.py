"""A complete staff login, the same for the workbench and the API token (API.md "Identity"): the
password through the gate, then the second factor of an enrolled account, then the audit entry."""

from __future__ import annotations

from typing import Any

from zwgk.core.errors import NotAuthenticated
from zwgk.org import auth, otp
from zwgk.org.models import Staff
from zwgk.security import audit
from zwgk.security.models import AuditKind, AuditResult


def complete_login(username: str, password: str, token: str | None, ip: str | None) -> tuple[Staff, Any]:
    """(staff, the device that checked the second factor or None), or a Chinese refusal."""
    staff = auth.do_login_check(username, password, ip)
    device = None
    if otp.enrolled(staff):
        device = otp.verify(staff, token)
        if device is None:
            audit.log(AuditKind.LOGIN_FAILED, actor=staff, obj=staff, ip=ip, result=AuditResult.FAILURE,
                      detail={"reason": "otp"})
            message = "动态口令不正确，请重新输入。" if token else "该账号已启用双因素认证，请输入动态口令。"
            raise NotAuthenticated(message, code="otp_required",
                                   fields={"otp": "动态口令不正确" if token else "必填"})
    audit.log(AuditKind.LOGIN, actor=staff, obj=staff, ip=ip, detail={"otp": device is not None})
    return staff, device
