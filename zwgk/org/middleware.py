"""API requests are authenticated by bearer token only: a browser session never counts there, so
no cross-site request can act through the API with a clerk's cookie. Staff sessions end when idle
and lead to the password change and two-factor enrolment they still owe (Art. 40, 41)."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from zwgk.api.errors import error_response
from zwgk.org import auth, otp
from zwgk.org.auth import staff_for_token

SEEN = "zwgk_seen"


class ApiTokenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            request.user = AnonymousUser()
            header = request.headers.get("Authorization", "")
            if header:
                scheme, _, key = header.partition(" ")
                staff = staff_for_token(key.strip()) if scheme.lower() == "bearer" and key.strip() else None
                if staff is None:
                    return error_response(401, "invalid_token", "令牌无效或已过期，请重新登录。")
                request.user = staff
        return self.get_response(request)


def owed_step(staff) -> str | None:  # type: ignore[no-untyped-def]
    """What a person must do before any other work: change the password, then enrol two-factor."""
    if auth.must_change_password(staff):
        return "password"
    if otp.required(staff) and not otp.enrolled(staff):
        return "otp"
    return None


class StaffSessionMiddleware:
    """Idle workbench sessions end after ``ZWGK_SESSION_IDLE_MINUTES``; an initial, reset or expired
    password and a missing second factor are dealt with first, on the workbench and on the API."""

    API_FREE = ("/api/v1/auth/",)

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            step = owed_step(user)
            if step and not request.path.startswith(self.API_FREE):
                if step == "password":
                    return error_response(403, "password_change_required",
                                          "请先修改密码（POST /api/v1/auth/password）。")
                return error_response(403, "otp_enrolment_required", "请先启用双因素认证（POST /api/v1/auth/otp）。")
            return self.get_response(request)
        now = int(time.time())
        seen = request.session.get(SEEN)
        if seen and now - seen > settings.ZWGK_SESSION_IDLE_MINUTES * 60:
            logout(request)
            return redirect(f"{reverse('workbench:login')}?{urlencode({'next': request.path, 'idle': 1})}")
        if not seen or now - seen >= 30:
            request.session[SEEN] = now
        if request.path.startswith(("/workbench/", "/admin/")):
            step = owed_step(user)
            targets = {"password": reverse("workbench:password"), "otp": reverse("workbench:otp")}
            free = (*targets.values(), reverse("workbench:logout"))
            if step and request.path not in free:
                return redirect(targets[step])
        return self.get_response(request)
