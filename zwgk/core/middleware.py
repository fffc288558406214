"""Request guards: NUL characters are refused before they reach a database; ``Idempotency-Key`` for
API writes (API.md, "General"): the same key and body within 24 h returns the first result and
creates nothing new; a service's refusal becomes a Chinese page or API error."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from zwgk.api.errors import error_response, service_error_response
from zwgk.core.models import IdempotencyRecord

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
KEEP = timedelta(hours=24)


class NulCharacterMiddleware:
    """A NUL character in the address, the query or the Idempotency-Key is bad input: PostgreSQL
    cannot store it in any text column and would fail the request with a server error. The request
    is refused with a clear message and nothing changes. (Forms refuse NUL in fields themselves;
    API bodies are checked by ``StrictSchema``.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = self._field_with_nul(request)
        if field is None:
            return self.get_response(request)
        message = f"请求的{field}含有不允许的空字符（NUL）。"
        if request.path.startswith("/api/"):
            return error_response(400, "validation_error", message, {field: "含有空字符"})
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _field_with_nul(request: HttpRequest) -> str | None:
        if "\x00" in request.path:
            return "地址"
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return name.replace("\x00", "") or "查询参数"
        if "\x00" in request.headers.get("Idempotency-Key", ""):
            return "Idempotency-Key"
        return None


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key or request.method not in WRITE_METHODS or not request.path.startswith("/api/"):
            return self.get_response(request)
        if len(key) > 200:
            return error_response(422, "validation_error", "Idempotency-Key 过长（不超过200个字符）。")
        user = getattr(request, "user", None)
        owner = f"staff:{user.pk}" if user is not None and user.is_authenticated else "public"
        body_hash = hashlib.sha256(request.method.encode() + request.path.encode() + request.body).hexdigest()
        IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    key=key, owner=owner, method=request.method, path=request.path, body_hash=body_hash
                )
        except IntegrityError:
            first = IdempotencyRecord.objects.get(owner=owner, key=key)
            if first.body_hash != body_hash:
                return error_response(422, "idempotency_key_reused", "此 Idempotency-Key 已用于另一请求内容。")
            if first.status == 0:
                return error_response(409, "idempotency_in_progress", "相同请求正在处理，请稍后重试。")
            response = HttpResponse(bytes(first.content), status=first.status, content_type=first.content_type)
            response["Idempotent-Replay"] = "true"
            return response
        try:
            response = self.get_response(request)
        except Exception:
            record.delete()
            raise
        if response.status_code >= 500 or getattr(response, "streaming", False):
            record.delete()
            return response
        record.status = response.status_code
        record.content = response.content
        record.content_type = response.get("Content-Type", "application/json")
        record.save(update_fields=["status", "content", "content_type"])
        return response


class ServiceErrorMiddleware:
    """A service's refusal reaches a person as a page in Chinese, never as a server error;
    an anonymous visitor of the workbench is sent to the login page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import render

        from zwgk.core.errors import NotAuthenticated, ServiceError

        if not isinstance(exception, ServiceError):
            return None
        if request.path.startswith("/api/"):
            return service_error_response(exception)
        if isinstance(exception, NotAuthenticated):
            return redirect_to_login(request.get_full_path())
        return render(request, "error.html", {"message": exception.message}, status=exception.status)
