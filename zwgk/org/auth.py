"""Staff authentication: one gate for every password login (workbench, API token, /admin/), the
password policy, and API bearer tokens (API.md "General", "Identity"; Art. 40: 身份认证、访问控制;
Art. 41: 加强账号及密码管理).

The gate reserves an attempt before the password is checked, in a locked row per account+address
and per address, so sixteen parallel guesses check at most the allowed number of passwords. A lock
covers one account from one address: a stranger elsewhere cannot keep a clerk locked out."""

from __future__ import annotations

import hashlib
import secrets
import string
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from zwgk.core.errors import InvalidInput, NotAuthenticated, ServiceError
from zwgk.org.models import ApiToken, LoginThrottle, PasswordHistory, Staff
from zwgk.security import audit
from zwgk.security.context import client_ip
from zwgk.security.models import AuditKind, AuditResult


class LockedOut(ServiceError):
    status = 429
    code = "locked_out"


@dataclass(frozen=True)
class Limit:
    key: str
    max_failures: int


def _limits(username: str, ip: str | None) -> list[Limit]:
    address = ip or "unknown"
    return [
        Limit(f"account:{username.lower()}|{address}", settings.ZWGK_LOGIN_MAX_FAILURES),
        Limit(f"address:{address}", settings.ZWGK_LOGIN_MAX_FAILURES_PER_ADDRESS),
    ]


def _lock_minutes(lockouts: int) -> int:
    """Back-off: each lock-out in a row doubles the next, up to a day."""
    return min(settings.ZWGK_LOGIN_LOCK_MINUTES * 2**lockouts, 24 * 60)


def _reserve(limit: Limit, username: str, ip: str | None) -> None:
    """Count one attempt under ``limit`` before any password is checked, or refuse it."""
    now = timezone.now()
    window = timedelta(minutes=settings.ZWGK_LOGIN_LOCK_MINUTES)
    locked_for = 0
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(key=limit.key)
        if row.locked_until and row.locked_until > now:
            locked_for = -1
        else:
            if row.locked_until and row.locked_until + timedelta(days=1) < now:
                row.lockouts = 0  # a quiet day forgets earlier lock-outs
            if row.window_start < now - window:
                row.failures, row.window_start = 0, now
            if row.failures >= limit.max_failures:
                locked_for = _lock_minutes(row.lockouts)
                row.locked_until = now + timedelta(minutes=locked_for)
                row.lockouts += 1
                row.failures, row.window_start = 0, now
            else:
                row.failures += 1
            row.save()
    if locked_for > 0:
        audit.log(AuditKind.LOCKOUT, actor=username, obj=limit.key, ip=ip, result=AuditResult.REFUSED,
                  detail={"minutes": locked_for})
    if locked_for:
        minutes = max(1, int(((row.locked_until or now) - now).total_seconds() // 60) + 1)
        raise LockedOut(f"登录失败次数过多，已暂时锁定，请{minutes}分钟后再试。")


def _release(username: str, ip: str | None) -> None:
    """A correct password clears the account's count from this address (not the address's own)."""
    account, address = _limits(username, ip)
    LoginThrottle.objects.filter(key=account.key).delete()
    LoginThrottle.objects.filter(key=address.key, failures__gt=0).update(failures=F("failures") - 1)


def authenticate_password(username: str, password: str, ip: str | None) -> Staff:
    """The staff member with these credentials through the gate, or a Chinese error."""
    username = (username or "").strip()
    if not username or not password:
        raise NotAuthenticated(
            "请输入用户名和密码。",
            code="invalid_credentials",
            fields={k: "必填" for k, v in (("username", username), ("password", password)) if not v},
        )
    for limit in _limits(username, ip):
        _reserve(limit, username, ip)
    user = ModelBackend().authenticate(None, username=username, password=password)
    if user is None:
        audit.log(AuditKind.LOGIN_FAILED, actor=username, ip=ip, result=AuditResult.FAILURE)
        raise NotAuthenticated("用户名或密码错误。", code="invalid_credentials")
    _release(username, ip)
    user.backend = "zwgk.org.auth.GatedBackend"
    return user


def do_login_check(username: str, password: str, ip: str | None) -> Staff:
    """Password login for the workbench and the API; the caller logs the login once it is complete
    (after the second factor)."""
    return authenticate_password(username, password, ip)


class GatedBackend(ModelBackend):
    """Django's own ``authenticate()`` (used by /admin/'s login form) goes through the same gate."""

    def authenticate(self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any):
        if username is None:
            username = kwargs.get(Staff.USERNAME_FIELD)
        try:
            return authenticate_password(username or "", password or "", client_ip(request) if request else None)
        except ServiceError:
            return None


# --- password policy (Art. 41) ---------------------------------------------------------------------

def password_expired(staff: Staff) -> bool:
    return staff.password_changed_at < timezone.now() - timedelta(days=settings.ZWGK_PASSWORD_MAX_AGE_DAYS)


def must_change_password(staff: Staff) -> bool:
    return staff.must_change_password or password_expired(staff)


def _check_new_password(staff: Staff, new: str) -> None:
    try:
        validate_password(new, staff)
    except ValidationError as exc:
        raise InvalidInput("；".join(exc.messages), fields={"new": "；".join(exc.messages)}) from None
    recent = [staff.password, *staff.password_history.values_list("password", flat=True)[
        : settings.ZWGK_PASSWORD_HISTORY]]
    if any(old and check_password(new, old) for old in recent):
        raise InvalidInput(f"新密码不能与最近{settings.ZWGK_PASSWORD_HISTORY}次使用过的密码相同。",
                           fields={"new": "与最近使用过的密码相同"})


@transaction.atomic
def do_change_password(staff: Staff, old: str, new: str) -> None:
    """The person changes their own password: the old one is asked for, the new one must meet the
    complexity rule and differ from the last five."""
    if not staff.check_password(old or ""):
        audit.log(AuditKind.PASSWORD_CHANGED, actor=staff, obj=staff, result=AuditResult.FAILURE)
        raise InvalidInput("原密码不正确。", fields={"old": "原密码不正确"})
    _check_new_password(staff, new or "")
    _set_password(staff, new, must_change=False)
    audit.log(AuditKind.PASSWORD_CHANGED, actor=staff, obj=staff)


def _set_password(staff: Staff, new: str, *, must_change: bool) -> None:
    if staff.password:
        PasswordHistory.objects.create(staff=staff, password=staff.password)
        keep = staff.password_history.values_list("pk", flat=True)[: settings.ZWGK_PASSWORD_HISTORY]
        staff.password_history.exclude(pk__in=list(keep)).delete()
    staff.set_password(new)
    staff.must_change_password = must_change
    staff.password_changed_at = timezone.now()
    staff.save(update_fields=["password", "must_change_password", "password_changed_at"])
    ApiToken.objects.filter(staff=staff, revoked_at__isnull=True).update(revoked_at=timezone.now())


def generate_password() -> str:
    """A one-time password that meets the complexity rule (four classes, 16 characters)."""
    alphabet = string.ascii_letters + string.digits + "#%+-=@"
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(16))
        if (any(c.islower() for c in candidate) and any(c.isupper() for c in candidate)
                and any(c.isdigit() for c in candidate) and any(not c.isalnum() for c in candidate)):
            return candidate


def set_initial_password(staff: Staff) -> str:
    """Give ``staff`` a one-time password to be changed at the first login; returns it once."""
    password = generate_password()
    _set_password(staff, password, must_change=True)
    return password


# --- API tokens -----------------------------------------------------------------------------------

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
