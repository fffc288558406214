"""The API's error schema; ``StrictSchema`` (the base of every body) lives in ``core.validation``."""

from ninja import Schema

from zwgk.core.validation import StrictSchema

__all__ = ["ErrorBody", "ErrorOut", "StrictSchema"]


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ErrorOut(Schema):
    error: ErrorBody
