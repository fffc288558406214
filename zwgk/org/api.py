"""API: staff tokens, password change and two-factor enrolment (API.md "General", "Identity")."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.core.errors import NotAuthenticated
from zwgk.org import admin_services, auth, identity, otp
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import require

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


# --- administration (API.md "Administration"; org.manage) ------------------------------------------

org_router = Router(tags=["系统管理"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
RoleCode = Literal["clerk", "office_head", "handler", "dept_head", "secrecy", "legal", "leader", "inspector",
                   "sysadmin"]


class DepartmentOut(Schema):
    code: str
    name: str
    active: bool


class DepartmentIn(StrictSchema):
    code: str
    name: str
    duties: str = ""


class DepartmentPatch(StrictSchema):
    name: str | None = None
    active: bool | None = None
    duties: str | None = None


@org_router.get("/departments", response={200: list[DepartmentOut], **ERRORS})
def departments(request: HttpRequest):
    require(request.user, "org.manage")
    return list(Department.objects.all())


@org_router.post("/departments", response={201: DepartmentOut, **ERRORS})
def create_department(request: HttpRequest, payload: DepartmentIn):
    return 201, admin_services.do_create_department(request.user, **payload.model_dump())


@org_router.patch("/departments/{code}", response={200: DepartmentOut, **ERRORS})
def change_department(request: HttpRequest, code: str, payload: DepartmentPatch):
    return admin_services.do_change_department(request.user, code, **payload.model_dump(exclude_unset=True))


class StaffOut(Schema):
    username: str
    name: str
    department: str | None
    roles: list[str]
    active: bool
    two_factor: bool


class StaffIn(StrictSchema):
    username: str
    name: str
    department: str | None = None
    roles: list[RoleCode]


class StaffPatch(StrictSchema):
    name: str | None = None
    department: str | None = None
    roles: list[RoleCode] | None = None
    active: bool | None = None


class StaffCreated(Schema):
    username: str
    initial_password: str


def _staff_out(staff: Staff) -> dict:
    return {"username": staff.username, "name": staff.full_name, "active": staff.is_active,
            "department": staff.department.code if staff.department else None,
            "roles": sorted(staff.role_codes()), "two_factor": otp.enrolled(staff)}


@org_router.get("/staff", response={200: list[StaffOut], **ERRORS})
def staff_list(request: HttpRequest):
    require(request.user, "org.manage")
    return [_staff_out(s) for s in Staff.objects.select_related("department").order_by("username")]


@org_router.post("/staff", response={201: StaffCreated, **ERRORS})
def create_staff(request: HttpRequest, payload: StaffIn):
    """A new account; ``initial_password`` is shown this once and must be changed at the first login."""
    staff, password = admin_services.do_create_staff(request.user, **payload.model_dump())
    return 201, {"username": staff.username, "initial_password": password}


@org_router.patch("/staff/{username}", response={200: StaffOut, **ERRORS})
def change_staff(request: HttpRequest, username: str, payload: StaffPatch):
    """Change name, department, roles (never one's own) or deactivate (records are kept)."""
    return _staff_out(admin_services.do_change_staff(request.user, username,
                                                     **payload.model_dump(exclude_unset=True)))


ROUTERS = [("/auth", router), ("/org", org_router)]
