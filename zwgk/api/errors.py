"""Every API error in one format: ``{"error": {"code", "message" (Chinese), "fields"}}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

from zwgk.core.responses import error_response, service_error_response
from zwgk.core.transitions import TransitionRefused
from zwgk.core.validation import summary, validation_fields

__all__ = ["error_response", "not_found_response", "service_error_response", "transition_refused_response",
           "validation_response"]


def validation_response(errors: list[dict[str, Any]]) -> JsonResponse:
    fields = validation_fields(errors)
    return error_response(422, "validation_error", summary(fields), fields)


def transition_refused_response(exc: TransitionRefused) -> JsonResponse:
    return error_response(409, "action_not_allowed", exc.message)


def not_found_response(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return error_response(404, "not_found", "未找到。")
