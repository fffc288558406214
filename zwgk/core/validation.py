"""Validation shared by the API and the workbench: the strict base schema of every body (unknown
fields are refused, never ignored; no NUL characters, which PostgreSQL cannot store) and the
Chinese wording of pydantic's errors, each naming its field (API.md, "General")."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import BaseModel, ConfigDict, field_validator

from zwgk.core.errors import InvalidInput

# Chinese wording for pydantic's error types; the field is named in the message.
MESSAGES = {
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


class StrictSchema(Schema):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        if _holds_nul(value):
            raise ValueError("含有空字符（NUL）")
        return value


def _holds_nul(value: Any) -> bool:
    """A NUL in a string at any depth: lists, tuples, sets, dicts (keys and values) and nested
    models (their own validator has run, but a plain dict or list of dicts has none)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, BaseModel):
        return any(_holds_nul(item) for item in value.__dict__.values())
    return False


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form", "header")]
    return ".".join(parts) or "body"


def validation_fields(errors: list[dict[str, Any]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in errors:
        name = _field_name(error.get("loc", ()))
        kind = str(error.get("type", ""))
        text = MESSAGES.get(kind)
        if text is None and kind.startswith("value_error"):
            # Our validators raise with a Chinese message; anything else gets the plain wording.
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            text = message if not message.isascii() else None
        fields.setdefault(name, text or "取值有误")
    return fields


def summary(fields: dict[str, str]) -> str:
    return "提交的数据有误（" + "；".join(f"{name}：{text}" for name, text in fields.items()) + "）。"


def invalid_input_from(errors: list[dict[str, Any]]) -> InvalidInput:
    """pydantic's errors as one InvalidInput (422) naming every faulty field in Chinese."""
    fields = validation_fields(errors)
    return InvalidInput(summary(fields), fields=fields)
