"""API: staff tokens (API.md "General")."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.core.errors import NotAuthenticated
from zwgk.org import auth

router = Router(tags=["认证"])


class TokenIn(StrictSchema):
    username: str
    password: str


class TokenOut(Schema):
    token: str
    expires_at: datetime


@router.post("/token", response={200: TokenOut, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut})
def issue_token(request: HttpRequest, payload: TokenIn):
    """Exchange a staff member's username and password for a bearer token (12 h by default)."""
    staff = auth.do_login_check(payload.username, payload.password, auth.client_ip(request))
    key, token = auth.do_issue_token(staff)
    return {"token": key, "expires_at": token.expires_at}


@router.delete("/token", response={204: None, 401: ErrorOut})
def revoke_token(request: HttpRequest):
    """Revoke the token that authenticates this call."""
    _, _, key = request.headers.get("Authorization", "").partition(" ")
    if not request.user.is_authenticated or not auth.do_revoke_token(key.strip()):
        raise NotAuthenticated()
    return 204, None


ROUTERS = [("/auth", router)]
