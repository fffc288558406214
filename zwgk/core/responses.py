"""The API's error format as a response: ``{"error": {"code", "message" (Chinese), "fields"}}``
(API.md, "General"). It lives in core so that request guards (middleware) answer in the same
format without importing the API package."""

from __future__ import annotations

from django.http import JsonResponse

from zwgk.core.errors import ServiceError


def error_response(status: int, code: str, message: str, fields: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def service_error_response(exc: ServiceError) -> JsonResponse:
    return error_response(exc.status, exc.code, exc.message, exc.fields)
