"""Every API error in one format: ``{"error": {"code", "message" (Chinese), "fields"}}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

from zwgk.core.errors import ServiceError
from zwgk.core.transitions import TransitionRefused

# Chinese wording for pydantic's error types; the field is named in the message.
_MESSAGES = {
    "missing": "必填",
    "extra_forbidden": "不允许的字段",
    "string_type": "应为文本",
    "string_too_short": "内容过短",
    "string_too_long": "内容过长",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为是或否（true/false）",
    "bool_parsing": "应为是或否（true/false）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_parsing": "应为日期时间",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "less_than": "数值过大",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_attributes_type": "应为 JSON 对象",
    "json_invalid": "不是有效的 JSON",
    "too_long": "项目过多",
    "too_short": "项目过少",
}


def error_response(status: int, code: str, message: str, fields: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form", "header")]
    return ".".join(parts) or "body"


def validation_fields(errors: list[dict[str, Any]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in errors:
        name = _field_name(error.get("loc", ()))
        kind = str(error.get("type", ""))
        text = _MESSAGES.get(kind)
        if text is None and kind.startswith("value_error"):
            # Our validators raise with a Chinese message; anything else gets the plain wording.
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            text = message if not message.isascii() else None
        fields.setdefault(name, text or "取值有误")
    return fields


def validation_response(errors: list[dict[str, Any]]) -> JsonResponse:
    fields = validation_fields(errors)
    summary = "；".join(f"{name}：{text}" for name, text in fields.items())
    return error_response(422, "validation_error", f"提交的数据有误（{summary}）。", fields)


def service_error_response(exc: ServiceError) -> JsonResponse:
    return error_response(exc.status, exc.code, exc.message, exc.fields)


def transition_refused_response(exc: TransitionRefused) -> JsonResponse:
    return error_response(409, "action_not_allowed", exc.message)


def not_found_response(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return error_response(404, "not_found", "未找到。")
