"""API: staff tokens, password change and two-factor enrolment (API.md "General", "Identity")."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.core.errors import NotAuthenticated
from zwgk.org import auth, identity, otp

router = Router(tags=["认证"])


class TokenIn(StrictSchema):
    username: str
    password: str
    otp: str | None = None


class TokenOut(Schema):
    token: str
    expires_at: datetime


@router.post("/token", response={200: TokenOut, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut})
def issue_token(request: HttpRequest, payload: TokenIn):
    """Exchange a staff member's username and password (and, once enrolled, a TOTP code or backup
    code in ``otp``) for a bearer token (12 h by default). Without a valid ``otp`` an enrolled
    account gets 401 ``otp_required``."""
    staff, _ = identity.complete_login(payload.username, payload.password, payload.otp, auth.client_ip(request))
    key, token = auth.do_issue_token(staff)
    return {"token": key, "expires_at": token.expires_at}


@router.delete("/token", response={204: None, 401: ErrorOut})
def revoke_token(request: HttpRequest):
    """Revoke the token that authenticates this call."""
    _, _, key = request.headers.get("Authorization", "").partition(" ")
    if not request.user.is_authenticated or not auth.do_revoke_token(key.strip()):
        raise NotAuthenticated()
    return 204, None


class PasswordIn(StrictSchema):
    old: str
    new: str


@router.post("/password", response={204: None, 401: ErrorOut, 422: ErrorOut})
def change_password(request: HttpRequest, payload: PasswordIn):
    """Change one's own password (Art. 41). Every token of the account is revoked: log in again."""
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    auth.do_change_password(request.user, payload.old, payload.new)
    return 204, None


class OtpStartOut(Schema):
    secret: str
    otpauth_uri: str


@router.post("/otp", response={200: OtpStartOut, 401: ErrorOut})
def start_otp(request: HttpRequest):
    """A new TOTP secret for the account of this token; it counts once confirmed."""
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    secret, uri = otp.start_enrolment(request.user)
    return {"secret": secret, "otpauth_uri": uri}


class OtpConfirmIn(StrictSchema):
    otp: str


class OtpConfirmOut(Schema):
    backup_codes: list[str]


@router.post("/otp/confirm", response={200: OtpConfirmOut, 401: ErrorOut, 422: ErrorOut})
def confirm_otp(request: HttpRequest, payload: OtpConfirmIn):
    """Enrol the pending secret with a code from the app; returns ten one-use backup codes."""
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    _, codes = otp.confirm_enrolment(request.user, payload.otp)
    return {"backup_codes": codes}


ROUTERS = [("/auth", router)]
