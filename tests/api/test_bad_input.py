"""Bad input found by probing the running server answers 4xx in the error format, never 500
(issue 9, "Server errors on bad input"). The test client re-raises server errors, so a 500 fails."""

from __future__ import annotations

import json

import pytest
from django.test import Client

MESSAGE = {"kind": "consultation", "title": "户籍迁移咨询", "body": "请问户口迁入需要什么材料？", "name": "孙丽",
           "phone": "13709518888"}


def _error(response, status: int | tuple[int, ...]) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, response.content
    body = response.json()
    assert set(body["error"]) == {"code", "message", "fields"}
    assert not body["error"]["message"].isascii()
    return body["error"]


def test_a_lone_surrogate_in_a_text_field_is_refused(demo):
    raw = json.dumps({**MESSAGE, "title": "\ud800"})  # json.dumps writes the escape \\ud800
    response = Client().post("/api/v1/messages", raw, content_type="application/json")
    assert "title" in _error(response, 422)["fields"]


def test_a_date_at_the_end_of_the_calendar_is_refused(db):
    response = Client().get("/api/v1/workdays/deadline", {"start": "9999-12-31", "days": 5})
    _error(response, 422)


def test_json_nested_thousands_of_levels_is_refused(demo):
    raw = '{"title": ' + "[" * 5000 + "]" * 5000 + "}"
    response = Client().post("/api/v1/messages", raw, content_type="application/json")
    _error(response, 422)


def test_a_nul_inside_a_nested_value_is_refused(demo, staff):
    from zwgk.core.validation import StrictSchema

    class Inner(StrictSchema):
        name: str

    class Outer(StrictSchema):
        items: list[Inner]

    with pytest.raises(ValueError, match="NUL"):
        Outer.model_validate({"items": [{"name": "a\x00b"}]})
    raw = json.dumps({**MESSAGE, "title": "ok", "extra": [{"x": "a\x00b"}]})
    response = Client().post("/api/v1/messages", raw, content_type="application/json")
    assert _error(response, 422)["fields"] == {"extra.0.x": "含有空字符（NUL）"}


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_non_json_content_types_are_refused(demo, content_type):
    response = Client().post("/api/v1/messages", json.dumps(MESSAGE), content_type=content_type)
    assert _error(response, (415, 422))["code"] == "unsupported_media_type"


def test_a_large_multipart_upload_is_not_read_by_the_json_guard(demo, settings):
    """Uploads are multipart: the guard leaves them to the view (reading the whole body would
    refuse anything over DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.7\n" + b"0" * 5000, content_type="application/pdf")
    response = Client().post("/api/v1/applications/YSQ-2026-00001/scans", {"file": upload})
    assert response.status_code in (401, 403, 404)


@pytest.mark.parametrize("raw", ["not json", "[1, 2", '{"title": '])
def test_a_body_that_is_not_json_is_422_in_chinese(demo, raw):
    response = Client().post("/api/v1/messages", raw, content_type="application/json")
    assert _error(response, 422)["fields"] == {"body": "不是有效的 JSON"}
