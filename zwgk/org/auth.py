"""Staff authentication: password login with lock-out, and API bearer tokens (API.md "General";
Art. 40: 身份认证、访问控制)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils import timezone

from zwgk.core.errors import NotAuthenticated, ServiceError
from zwgk.org.models import ApiToken, LoginFailure, Staff


class LockedOut(ServiceError):
    status = 429
    code = "locked_out"


def _lock_window() -> timedelta:
    return timedelta(minutes=settings.ZWGK_LOGIN_LOCK_MINUTES)


def check_not_locked(username: str) -> None:
    """Refuse further attempts after too many failures for one account name within the window."""
    since = timezone.now() - _lock_window()
    failures = LoginFailure.objects.filter(username=username.lower(), at__gte=since).count()
    if failures >= settings.ZWGK_LOGIN_MAX_FAILURES:
        raise LockedOut(
            f"登录失败次数过多，账号已暂时锁定，请{settings.ZWGK_LOGIN_LOCK_MINUTES}分钟后再试。",
        )


def do_login_check(username: str, password: str, ip: str | None) -> Staff:
    """The staff member with these credentials, or a Chinese error; failures are counted."""
    username = (username or "").strip()
    if not username or not password:
        raise NotAuthenticated(
            "请输入用户名和密码。",
            code="invalid_credentials",
            fields={k: "必填" for k, v in (("username", username), ("password", password)) if not v},
        )
    check_not_locked(username)
    user = authenticate(username=username, password=password)
    if user is None:
        LoginFailure.objects.create(username=username.lower(), ip=ip)
        raise NotAuthenticated("用户名或密码错误。", code="invalid_credentials")
    LoginFailure.objects.filter(username=username.lower()).delete()
    return user


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def do_issue_token(staff: Staff) -> tuple[str, ApiToken]:
    """A new bearer token; the caller sees the key once, the database keeps only its hash."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        staff=staff,
        key_hash=_hash(key),
        expires_at=timezone.now() + timedelta(hours=settings.ZWGK_TOKEN_HOURS),
    )
    return key, token


def staff_for_token(key: str) -> Staff | None:
    token = (
        ApiToken.objects.select_related("staff")
        .filter(key_hash=_hash(key), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.staff.is_active:
        return None
    return token.staff


def do_revoke_token(key: str) -> bool:
    return bool(
        ApiToken.objects.filter(key_hash=_hash(key), revoked_at__isnull=True).update(revoked_at=timezone.now())
    )


def client_ip(request) -> str | None:  # type: ignore[no-untyped-def]
    return request.META.get("REMOTE_ADDR") or None
