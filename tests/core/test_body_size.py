"""A body over the limit answers 413 with a Chinese message before anything reads it (issue 11)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_api_body_over_the_limit_is_413_in_chinese(settings):
    settings.ZWGK_MAX_BODY_MB = 1
    response = Client().post("/api/v1/messages", b"{" + b" " * (1024 * 1024 + 10) + b"}",
                             content_type="application/json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "payload_too_large" and "请求内容过大" in error["message"] and "body" in error["fields"]


def test_a_form_larger_than_data_upload_max_memory_size_is_413(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post("/apply/", {"description": "很长的内容" * 500})
    assert response.status_code == 413 and "请求内容过大" in response.content.decode()


def test_an_upload_over_the_limit_is_413_but_a_smaller_one_reaches_the_view(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.ZWGK_MAX_BODY_MB = 1
    big = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024), content_type="application/pdf")
    assert Client().post("/api/v1/catalog/drafts/1/attachments", {"file": big}).status_code == 413
    small = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    assert Client().post("/api/v1/catalog/drafts/1/attachments", {"file": small}).status_code == 401


def test_nginx_refuses_the_same_size_with_a_chinese_page(tmp_path):
    from zwgk.publishing.front import nginx_config

    text = nginx_config(var_dir=tmp_path, site_dir=tmp_path, static_root=tmp_path, upstream="127.0.0.1:9",
                        body_limit="25m")
    assert "client_max_body_size 25m;" in text and "error_page 413 /_too_large.txt;" in text
    assert "25MB" in text
    from zwgk.publishing.front import DEPLOY_DIR

    assert "请求内容过大" in (DEPLOY_DIR / "too_large.txt").read_text()


def test_upload_limits_are_settings():
    from django.conf import settings

    assert settings.ZWGK_MAX_BODY_MB == 25 and settings.ZWGK_SCAN_MAX_MB == 20
    assert settings.ZWGK_CATALOG_ATTACHMENT_MAX_MB == 20 and settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
