"""Request guards: NUL characters are refused before they reach a database; ``Idempotency-Key`` for
API writes (API.md, "General"): the same key and body within 24 h returns the first result and
creates nothing new; a service's refusal becomes a Chinese page or API error."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from zwgk.core.actions import JSON_NESTING_LIMIT, _nesting, parse_json_object
from zwgk.core.callers import caller_key
from zwgk.core.errors import InvalidInput
from zwgk.core.models import IdempotencyRecord
from zwgk.core.responses import error_response, service_error_response

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
KEEP = timedelta(hours=24)


class BodySizeMiddleware:
    """A request body larger than ``ZWGK_MAX_BODY_MB`` (uploads included), or a form or JSON body
    larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE``, is refused with 413 and a Chinese message before
    anything reads it (issue 11; Art. 40, 网站防攻击). nginx refuses the same size first in
    production (deploy/nginx, ``client_max_body_size``); this guards the embedded mode and a
    gunicorn reached directly. Django alone would answer 400 for the form case, and nothing for a
    large upload until it had spooled it to disk."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.ZWGK_MAX_BODY_MB * 1024 * 1024
        multipart = (request.META.get("CONTENT_TYPE") or "").startswith("multipart/")
        form_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if length > limit:
            return self._too_large(request, limit)
        if not multipart and form_limit is not None and length > form_limit:
            return self._too_large(request, form_limit)
        if multipart and request.method == "POST":
            try:  # the form fields of a multipart body (not its files) count against form_limit
                request.POST  # noqa: B018
            except RequestDataTooBig:
                return self._too_large(request, form_limit)
        return self.get_response(request)

    @staticmethod
    def _too_large(request: HttpRequest, limit: int) -> HttpResponse:
        size = f"{limit // 1024 // 1024}MB" if limit >= 1024 * 1024 else f"{limit // 1024}KB"
        message = f"请求内容过大：上传的文件或提交的内容超过{size}，请缩小后重试。"
        if request.path.startswith("/api/"):
            return error_response(413, "payload_too_large", message, {"body": f"不超过{size}"})
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


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


class JsonBodyMiddleware:
    """Every API write with a body is checked before a view sees it, so that bad input is a 4xx in
    the error format and never a server error (issue 9, found by probing):

    - a content type other than JSON (or ``multipart/form-data`` for uploads) is 415;
    - the body must be UTF-8 JSON nested no deeper than ``core.actions.JSON_NESTING_LIMIT``
      (``parse_json_object``; deeper nesting exhausts the parser's recursion);
    - no string at any depth, key or value, may hold a NUL (PostgreSQL cannot store it) or a lone
      surrogate such as ``"\\ud800"`` (valid JSON, but no database can encode it).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in WRITE_METHODS or not request.path.startswith("/api/"):
            return self.get_response(request)
        content_type = request.content_type or ""
        # Uploads stream as multipart (never read whole here: a 20 MB scan exceeds the body limit).
        if content_type == "multipart/form-data" or not request.body:
            return self.get_response(request)
        if content_type != "application/json" and not content_type.endswith("+json"):
            return error_response(
                415, "unsupported_media_type", "请求内容类型应为 application/json（JSON 格式）。",
                {"Content-Type": "应为 application/json"},
            )
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            return error_response(422, "validation_error", "请求内容不是有效的 UTF-8 文本。", {"body": "编码有误"})
        try:
            parse_json_object(text) if text.lstrip().startswith("{") else _nesting_checked(text)
        except InvalidInput as exc:
            return service_error_response(exc)
        except ValueError:
            return error_response(422, "validation_error", "请求内容不是有效的 JSON。", {"body": "不是有效的 JSON"})
        field = _bad_string(json.loads(text))
        if field is not None:
            path, problem = field
            return error_response(422, "validation_error", f"{path}{problem}。", {path: problem})
        return self.get_response(request)


def _nesting_checked(text: str) -> None:
    """A body that is not an object (the view refuses it): only refused here when too deep."""
    if _nesting(text) > JSON_NESTING_LIMIT:
        raise InvalidInput("请求内容嵌套过深。", fields={"body": "嵌套过深"})
    json.loads(text)


def _bad_string(value: Any, path: str = "") -> tuple[str, str] | None:
    """The path of the first string holding a NUL or a lone surrogate, and what is wrong with it."""
    if isinstance(value, str):
        if "\x00" in value:
            return path or "body", "含有空字符（NUL）"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "body", "含有无效字符（孤立代理项）"
        return None
    items: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            found = _bad_string(key, name)
            if found is not None:
                return found
            items.append((name, item))
    elif isinstance(value, list):
        items = [(f"{path}.{i}" if path else str(i), item) for i, item in enumerate(value)]
    for name, item in items:
        found = _bad_string(item, name)
        if found is not None:
            return found
    return None


class IdempotencyMiddleware:
    """``Idempotency-Key`` on API writes (API.md, "General"): the same key and body within 24 h
    answers the first result again and creates nothing new.

    - Keys are scoped per caller (``core.callers.caller_key``: the staff account, or for anonymous
      callers a keyed hash of address + user agent), so two citizens choosing the same key never
      see each other's answer.
    - A record "in progress" holds a lease of ``ZWGK_IDEMPOTENCY_LEASE_SECONDS`` (60 s): a retry
      within the lease is 409; after it (the first request died with its server) the retry takes the
      lease over and is processed normally instead of answering 409 for a day.
    - The stored answer keeps no secret: the fields of ``SECRET_FIELDS`` (the query code, a token,
      an initial password, an OTP secret, backup codes) are removed before it is stored (only a keyed
      hash of a query code may be kept, Art. 15 receipt); a replay answers with the same number and
      status, ``null`` for each withheld field and ``secrets_withheld`` naming them with a Chinese
      note: a secret is shown once, in the first answer, and never again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key or request.method not in WRITE_METHODS or not request.path.startswith("/api/"):
            return self.get_response(request)
        if len(key) > 200:
            return error_response(422, "validation_error", "Idempotency-Key 过长（不超过200个字符）。")
        owner = caller_key(request)
        body_hash = hashlib.sha256(request.method.encode() + request.path.encode() + request.body).hexdigest()
        now = timezone.now()
        IdempotencyRecord.objects.filter(created_at__lt=now - KEEP).delete()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    key=key, owner=owner, method=request.method, path=request.path, body_hash=body_hash
                )
        except IntegrityError:
            first = IdempotencyRecord.objects.get(owner=owner, key=key)
            if first.body_hash != body_hash:
                return error_response(422, "idempotency_key_reused", "此 Idempotency-Key 已用于另一请求内容。")
            if first.status != 0:
                response = HttpResponse(bytes(first.content), status=first.status, content_type=first.content_type)
                response["Idempotent-Replay"] = "true"
                return response
            lease = timedelta(seconds=settings.ZWGK_IDEMPOTENCY_LEASE_SECONDS)
            # Take over an abandoned lease atomically: of two retries at once, one wins.
            taken = IdempotencyRecord.objects.filter(pk=first.pk, status=0, created_at__lt=now - lease).update(
                created_at=now
            )
            if not taken:
                return error_response(409, "idempotency_in_progress", "相同请求正在处理，请稍后重试。")
            record = first
        try:
            response = self.get_response(request)
        except Exception:
            record.delete()
            raise
        if response.status_code >= 500 or getattr(response, "streaming", False):
            record.delete()
            return response
        record.status = response.status_code
        record.content_type = response.get("Content-Type", "application/json")
        record.content = without_secrets(response.content, record.content_type)
        record.save(update_fields=["status", "content", "content_type"])
        return response


SECRET_FIELDS = frozenset({"query_code", "token", "initial_password", "secret", "otpauth_uri", "backup_codes"})
WITHHELD_NOTE = "该信息仅在首次答复中显示一次，重复请求的答复不再显示。"


def without_secrets(content: bytes, content_type: str) -> bytes:
    """A JSON answer with every secret field (at any depth) set to ``null`` and named in
    ``secrets_withheld``; anything else is stored as it is."""
    if "json" not in content_type:
        return bytes(content)
    try:
        data = json.loads(content)
    except ValueError:
        return bytes(content)
    withheld: set[str] = set()

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for name, item in value.items():
                if name in SECRET_FIELDS and item is not None:
                    withheld.add(name)
                    out[name] = None
                else:
                    out[name] = strip(item)
            return out
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    data = strip(data)
    if not withheld:
        return bytes(content)
    if isinstance(data, dict):
        data["secrets_withheld"] = sorted(withheld)
        data["secrets_note"] = WITHHELD_NOTE
    return json.dumps(data, ensure_ascii=False).encode()


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
