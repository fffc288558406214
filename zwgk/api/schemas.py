"""Base schema of the API: unknown fields are rejected (422), never ignored (API.md "General"),
and no text may hold a NUL character, which PostgreSQL cannot store."""

from typing import Any

from ninja import Schema
from pydantic import ConfigDict, field_validator


class StrictSchema(Schema):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("含有空字符（NUL）")
        if isinstance(value, list) and any(isinstance(item, str) and "\x00" in item for item in value):
            raise ValueError("含有空字符（NUL）")
        return value


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ErrorOut(Schema):
    error: ErrorBody
