"""API requests are authenticated by bearer token only: a browser session never counts there, so
no cross-site request can act through the API with a clerk's cookie."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

from zwgk.api.errors import error_response
from zwgk.org.auth import staff_for_token


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
