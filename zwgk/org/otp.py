"""Two-factor login (Art. 40: 身份认证; 等保 2.0 level 3): a TOTP app (RFC 6238, SHA-1, 30 s) and ten
one-use backup codes, on django-otp. Required for the roles that can publish, sign off, approve or
administer when ``ZWGK_OTP_REQUIRED`` is on (the production default)."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from zwgk.core.errors import InvalidInput
from zwgk.org.models import Staff
from zwgk.security import audit
from zwgk.security.models import AuditKind

BACKUP_CODES = 10


def enrolled(staff: Staff) -> bool:
    return TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


def required(staff: Staff) -> bool:
    return settings.ZWGK_OTP_REQUIRED and staff.has_role(*settings.ZWGK_OTP_ROLES)


def verify(staff: Staff, token: str | None) -> Any:
    """The device that accepts ``token`` (a TOTP code or an unused backup code), or None."""
    token = (token or "").strip().replace(" ", "")
    return match_token(staff, token) if token else None


@transaction.atomic
def start_enrolment(staff: Staff) -> tuple[str, str]:
    """A new, not yet confirmed TOTP secret: (base32 secret, otpauth URI for the app)."""
    TOTPDevice.objects.filter(user=staff, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=staff, name="身份验证器", confirmed=False)
    return b32encode(device.bin_key).decode(), device.config_url


def pending_device(staff: Staff) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=staff, confirmed=False).order_by("-id").first()


@transaction.atomic
def confirm_enrolment(staff: Staff, token: str) -> tuple[TOTPDevice, list[str]]:
    """Enrol the pending secret once the app shows a right code; returns the backup codes (once)."""
    device = pending_device(staff)
    if device is None:
        raise InvalidInput("请先生成双因素认证密钥。", fields={"otp": "尚未生成密钥"})
    if not device.verify_token((token or "").strip()):
        raise InvalidInput("动态口令不正确，请核对手机时间后重试。", fields={"otp": "动态口令不正确"})
    TOTPDevice.objects.filter(user=staff, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=staff).delete()
    static = StaticDevice.objects.create(user=staff, name="备用码", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    audit.log(AuditKind.OTP_ENROLLED, actor=staff, obj=staff)
    return device, codes


@transaction.atomic
def do_reset(actor: Staff, staff: Staff) -> None:
    """The system administrator removes a person's second factor (a lost phone); they enrol again
    at their next login."""
    from zwgk.org.permissions import require

    require(actor, "org.manage")
    for device in devices_for_user(staff, confirmed=None):
        device.delete()
    audit.log(AuditKind.OTP_RESET, actor=actor, obj=staff)
