"""Hostile uploads are refused through the real endpoints, with a Chinese message naming the field,
a 4xx, and nothing stored: no attachment row, no file on disk (issue 11; Art. 40)."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.catalog.test_attachments import docx_bytes
from zwgk.catalog.models import Attachment

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def disk(settings, tmp_path):
    """Uploads on a real disk, so that "no file stored" is a fact about the file system."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


def _files(root) -> list[str]:
    return [os.path.join(d, f) for d, _, names in os.walk(root) for f in names]


def _upload(handler, entry_id: int, name: str, data: bytes, content_type: str = "application/pdf"):
    return handler.client.post(
        f"/api/v1/catalog/drafts/{entry_id}/attachments",
        {"file": SimpleUploadedFile(name, data, content_type=content_type)},
        headers={"Authorization": f"Bearer {handler.token}"},
    )


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _refused(response, disk, *, words: str) -> None:
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert "file" in error["fields"] and words in error["message"], error
    assert not Attachment.objects.exists()
    assert _files(disk) == []


HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(("name", "data"), [
    ("通知.pdf", HTML), ("通知.html", HTML), ("图.svg", SVG), ("图.png", SVG),
    ("utf16.pdf", "\ufeff<html><body>x</body></html>".encode("utf-16-le")),
    ("脚本.pdf", b"#!/bin/sh\nrm -rf /\n"),
])
def test_html_svg_and_scripts_are_refused_whatever_their_name(draft, handler, disk, name, data):
    _refused(_upload(handler, draft()["id"], name, data), disk, words="网页或脚本")


def test_a_zip_bomb_disguised_as_docx_is_refused(draft, handler, disk):
    bomb = _zip({"word/media/zeros.bin": b"\x00" * (3 * 1024 * 1024)})  # ratio of about 1000
    _refused(_upload(handler, draft()["id"], "名单.docx", bomb), disk, words="压缩炸弹")


def test_a_docx_too_large_once_uncompressed_is_refused(draft, handler, disk, settings):
    settings.ZWGK_UPLOAD_ZIP_MAX_UNCOMPRESSED_MB = 1
    package = _zip({"word/media/noise.bin": os.urandom(1200 * 1024)})
    _refused(_upload(handler, draft()["id"], "名单.docx", package), disk, words="解压后过大")


def test_a_docx_with_too_many_entries_is_refused(draft, handler, disk, settings):
    settings.ZWGK_UPLOAD_ZIP_MAX_ENTRIES = 10
    package = _zip({f"word/part{i}.xml": b"<x/>" for i in range(20)})
    _refused(_upload(handler, draft()["id"], "名单.docx", package), disk, words="文件过多")


@pytest.mark.parametrize("inner", ["../../etc/cron.d/evil", "/etc/passwd", "C:\\Windows\\evil.dll",
                                   "word/../../evil.xml"])
def test_a_docx_with_an_entry_outside_the_package_is_refused(draft, handler, disk, inner):
    _refused(_upload(handler, draft()["id"], "名单.docx", _zip({inner: b"x"})), disk, words="路径不安全")


def test_a_file_over_the_size_limit_is_refused(draft, handler, disk, settings):
    settings.ZWGK_CATALOG_ATTACHMENT_MAX_MB = 1
    _refused(_upload(handler, draft()["id"], "大.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1)), disk,
             words="超过大小限制")


@pytest.mark.parametrize(("name", "kept"), [
    ("../../etc/passwd.pdf", "passwd.pdf"), ("C:\\x\\y.pdf", "y.pdf"), ("..\\..\\boot.pdf", "boot.pdf"),
    ("/var/www/.hidden.pdf", "hidden.pdf"),
])
def test_a_path_in_the_file_name_never_becomes_a_path(draft, handler, disk, name, kept):
    response = _upload(handler, draft()["id"], name, b"%PDF-1.7\n%%EOF\n")
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert attachment.name == kept
    [stored] = _files(disk)
    assert os.path.realpath(stored).startswith(os.path.realpath(disk / "catalog")) and stored.endswith(kept)


def test_a_real_docx_still_passes(draft, handler, disk):
    response = _upload(handler, draft()["id"], "名单.docx", docx_bytes("拟录用人员名单"))
    assert response.status_code == 201, response.content


def test_the_workbench_form_refuses_html_and_stores_nothing(draft, staff, disk):
    from django.test import Client

    client = Client()
    client.force_login(staff("publicity_handler"))
    entry = draft()
    response = client.post(f"/workbench/catalog/{entry['id']}/", {
        "action": "attach", "file": SimpleUploadedFile("通知.pdf", HTML, content_type="application/pdf"),
    }, follow=True)
    assert "网页或脚本" in response.content.decode()
    assert not Attachment.objects.exists() and _files(disk) == []


def test_downloads_are_attachments_and_never_sniffed(draft, handler, staff, disk):
    from django.test import Client

    entry = draft()
    _upload(handler, entry["id"], "通知.pdf", b"%PDF-1.7\n%%EOF\n")
    _upload(handler, entry["id"], "现场.png", PNG, "image/png")
    client = Client()
    client.force_login(staff("publicity_handler"))
    pdf, png = Attachment.objects.order_by("id")
    response = client.get(f"/workbench/catalog/attachment/{pdf.pk}/")
    assert response["Content-Disposition"].startswith("attachment") and response["X-Content-Type-Options"] == "nosniff"
    response = client.get(f"/workbench/catalog/attachment/{png.pk}/")
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
