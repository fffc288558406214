"""One file-type check for every upload (core.files.sniff), by content, never by name."""

from __future__ import annotations

import io
import tomllib
import zipfile
from pathlib import Path

import pytest

from zwgk.core import files
from zwgk.core.errors import InvalidInput


def _package(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for part in ("[Content_Types].xml", *parts):
            package.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n", files.PDF), (b"\x89PNG\r\n\x1a\n....", files.PNG), (b"II*\x00....", files.TIFF),
    (_package("word/document.xml"), files.DOCX), (_package("xl/workbook.xml"), files.XLSX),
    (b"MZ\x90\x00", None), (_package("other.xml"), None),
])
def test_sniff_knows_a_file_by_its_content(data, kind):
    assert files.sniff(data) == kind


def test_scans_and_catalog_attachments_use_the_one_check():
    from zwgk.applications.services import check_scan
    from zwgk.catalog import attachments

    assert check_scan(b"II*\x00 scan") == ("image/tiff", "tif")
    with pytest.raises(InvalidInput):
        check_scan(_package("word/document.xml"))  # not a scan type
    with pytest.raises(InvalidInput, match="格式"):
        attachments.check("scan.tif", b"II*\x00 scan")  # not an attachment type
    assert attachments.check("a.pdf", b"%PDF-1.7\n").content_type == files.PDF


def test_python_magic_is_no_longer_a_dependency():
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert not [d for d in project["project"]["dependencies"] if d.startswith("python-magic")]


def test_uploads_inside_the_web_root_fail_the_system_check(settings, tmp_path):
    from zwgk.core.checks import uploads_outside_the_web_root

    assert uploads_outside_the_web_root() == []
    settings.ZWGK_SITE_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    assert [m.id for m in uploads_outside_the_web_root()] == ["zwgk.E011"]


@pytest.mark.parametrize(("name", "kept"), [
    ("../../etc/passwd", "passwd"), ("C:\\x\\y.pdf", "y.pdf"), ("a/b\\c.docx", "c.docx"), ("..", "附件"),
    ("报告\x00.pdf", "报告.pdf"), ("D:evil.pdf", "evil.pdf"), (".htaccess", "htaccess"),
])
def test_safe_name_keeps_only_the_last_component(name, kept):
    assert files.safe_name(name) == kept


def test_markup_is_known_by_content():
    assert files.markup_in(b"  <!DOCTYPE html><p>x") and files.markup_in(b"\xef\xbb\xbf<svg onload=x>")
    assert not files.markup_in(b"%PDF-1.7\n<html>")
