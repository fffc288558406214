"""Scans of paper applications pass the same upload gate as catalog attachments: markup is refused
through the API with a Chinese message naming the field, and nothing is stored (issue 11)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


def _upload(api_as, number: str, name: str, data: bytes):
    clerk = api_as("clerk")
    return clerk.client.post(f"/api/v1/applications/{number}/scans",
                             {"file": SimpleUploadedFile(name, data, content_type="application/pdf")},
                             headers={"Authorization": f"Bearer {clerk.token}"})


def test_an_html_scan_is_refused_and_nothing_stored(register, api_as, disk):
    application = register(date(2026, 9, 28))
    response = _upload(api_as, application.number, "扫描件.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 422
    error = response.json()["error"]
    assert "file" in error["fields"] and "网页或脚本" in error["message"]
    assert not application.scans.exists() and [f for _, _, f in os.walk(disk) if f] == []


def test_a_path_in_a_scan_name_is_dropped(register, api_as, disk):
    application = register(date(2026, 9, 28))
    response = _upload(api_as, application.number, "..\\..\\C:\\扫描件.pdf", b"%PDF-1.7\n%%EOF\n")
    assert response.status_code == 201, response.content
    assert application.scans.get().name == "扫描件.pdf"


def test_the_scan_size_limit_is_a_setting(register, api_as, disk, settings):
    settings.ZWGK_SCAN_MAX_MB = 1
    application = register(date(2026, 9, 28))
    response = _upload(api_as, application.number, "扫描件.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    assert response.status_code == 422 and "1MB" in response.json()["error"]["message"]
    assert not application.scans.exists()
