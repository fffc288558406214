"""Every API error in one format: ``{"error": {"code", "message" (Chinese), "fields"}}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

from zwgk.core.errors import ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.core.validation import summary, validation_fields


def error_response(status: int, code: str, message: str, fields: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def validation_response(errors: list[dict[str, Any]]) -> JsonResponse:
    fields = validation_fields(errors)
    return error_response(422, "validation_error", summary(fields), fields)


def service_error_response(exc: ServiceError) -> JsonResponse:
    return error_response(exc.status, exc.code, exc.message, exc.fields)


def transition_refused_response(exc: TransitionRefused) -> JsonResponse:
    return error_response(409, "action_not_allowed", exc.message)


def not_found_response(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return error_response(404, "not_found", "未找到。")
