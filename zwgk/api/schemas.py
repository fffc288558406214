"""The API's error schema; ``StrictSchema`` (the base of every body) lives in ``core.validation``."""

from typing import Any

from ninja import Schema

from zwgk.core.validation import StrictSchema

__all__ = ["ErrorBody", "ErrorOut", "StrictSchema", "inline_json_schema"]


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ErrorOut(Schema):
    error: ErrorBody


def inline_json_schema(model: type[Schema]) -> dict[str, Any]:
    """The JSON schema of ``model`` with its nested models written in place: pydantic refers to
    them as ``#/$defs/…``, which does not resolve once the schema sits inside the OpenAPI document
    (e.g. an action's body in a ``oneOf``)."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(definitions[ref.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return inline(schema)
