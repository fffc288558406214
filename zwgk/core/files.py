"""One file-type check for every upload: a file is known by its content, never by its name
(applications' scans, Art. 14, 19; catalog attachments, Art. 4).

The few types we accept have fixed signatures, and the two OOXML types are told apart by the parts
inside their zip package, which libmagic does not reliably do (it often answers
``application/zip``). So this reads the signatures itself; python-magic, once pinned for it, is
dropped: it needs the system's libmagic, which an embedded Windows install lacks.

Hostile uploads (issue 11; Art. 40, 门户网站安全防护体系): ``check_upload`` is the one gate every
upload path passes before anything is stored. It refuses markup and script (HTML, SVG, XML, which
a browser would run if the file were ever served inline), OOXML packages that are zip bombs (too
many entries, too large once uncompressed, an abnormal compression ratio) or hold entries with
``..`` or absolute paths, and files over the size limit; ``safe_name`` keeps only the last
component of a file name, so ``../../etc/passwd`` or ``C:\\x\\y.pdf`` never become a path."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping

from zwgk.core.errors import InvalidInput

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG, JPEG, GIF, TIFF = "image/png", "image/jpeg", "image/gif", "image/tiff"

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)


def sniff(data: bytes) -> str | None:
    """The content type by content: signatures first, then the inside of OOXML zip packages."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return DOCX
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return XLSX
    return None


# -- hostile uploads (issue 11) ------------------------------------------------------------------------

# Zip-bomb limits of an OOXML package (DOCX, XLSX); settings override them (``limits()``).
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_UNCOMPRESSED_MB = 200
ZIP_MAX_RATIO = 200
# Below this an entry's ratio is not judged: small XML parts compress very well and harm no one.
ZIP_RATIO_FLOOR = 1024 * 1024

# What a browser would render or run: HTML, SVG, XML, scripts, whatever their name says.
MARKUP = re.compile(
    rb"^\s*(<\?xml|<!doctype|<html|<svg|<script|<head|<body|<iframe|<object|<embed|<a\s|<img|<meta|<!--"
    rb"|<\?php|#!)", re.IGNORECASE,
)


def _setting(name: str, default: int) -> int:
    try:
        from django.conf import settings

        return int(getattr(settings, name, default))
    except Exception:  # outside Django (pure use of this module): the defaults
        return default


def safe_name(name: str | None, default: str = "附件") -> str:
    """The last component of an uploaded file's name, never a path: directories (``/`` and ``\\``),
    drive letters, control characters and leading dots are dropped; at most 200 characters."""
    text = unicodedata.normalize("NFC", name or "").replace("\\", "/")
    text = text.rsplit("/", 1)[-1]
    text = re.sub(r"^[A-Za-z]:", "", text)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = text.strip().lstrip(".").strip()
    return text[:200] or default


def markup_in(data: bytes) -> bool:
    """Whether the content is markup or a script (HTML, SVG, XML, PHP, shebang), BOM or not."""
    head = data[:1024]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
    if b"\x00" in head[:64]:  # UTF-16 markup
        head = head.replace(b"\x00", b"")
    return bool(MARKUP.match(head))


def zip_problem(data: bytes) -> str | None:
    """Why a zip package (DOCX, XLSX) may not be opened, in Chinese; None when it is sound. The
    sizes are those its directory declares: Python's zipfile never inflates an entry past its
    declared size, so they bound what reading the document can cost."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return "压缩包已损坏"
    max_entries = _setting("ZWGK_UPLOAD_ZIP_MAX_ENTRIES", ZIP_MAX_ENTRIES)
    max_total = _setting("ZWGK_UPLOAD_ZIP_MAX_UNCOMPRESSED_MB", ZIP_MAX_UNCOMPRESSED_MB) * 1024 * 1024
    max_ratio = _setting("ZWGK_UPLOAD_ZIP_MAX_RATIO", ZIP_MAX_RATIO)
    if len(infos) > max_entries:
        return f"压缩包内文件过多（{len(infos)}个，上限{max_entries}个）"
    total = 0
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in name.split("/"):
            return f"压缩包内含有路径不安全的文件（{name[:60]}）"
        total += info.file_size
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
            return f"压缩包的压缩比异常（疑似压缩炸弹，上限{max_ratio}倍）"
    if total > max_total:
        return f"压缩包解压后过大（上限{max_total // 1024 // 1024}MB，疑似压缩炸弹）"
    return None


def check_upload(name: str | None, data: bytes, *, allowed: Mapping[str, str], max_bytes: int,
                 field: str = "file", what: str = "附件") -> tuple[str, str]:
    """The one gate of every upload: ``(safe name, content type)`` or ``InvalidInput`` naming
    ``field``, with nothing stored. ``allowed`` maps the accepted content types to their Chinese
    labels. The order matters: size first (nothing large is parsed), then markup, then the type by
    content, then the inside of packages."""
    safe = safe_name(name)
    limit_mb = max(max_bytes // 1024 // 1024, 1)
    if not data:
        raise InvalidInput(f"{what}“{safe}”是空文件。", fields={field: "空文件"})
    if len(data) > max_bytes:
        raise InvalidInput(f"{what}“{safe}”超过大小限制（{limit_mb}MB）。", fields={field: f"不超过{limit_mb}MB"})
    labels = "、".join(dict.fromkeys(allowed.values()))
    if markup_in(data):
        raise InvalidInput(f"{what}“{safe}”的内容是网页或脚本（HTML、SVG、XML 等），不允许上传；只接受{labels}。",
                           fields={field: "不允许网页或脚本文件"})
    kind = sniff(data) if not data.startswith(b"PK\x03\x04") else None
    if data.startswith(b"PK\x03\x04"):
        problem = zip_problem(data)
        if problem:
            raise InvalidInput(f"{what}“{safe}”不能接受：{problem}。", fields={field: problem})
        kind = sniff(data)
    if kind not in allowed:
        raise InvalidInput(f"{what}“{safe}”的内容不是允许的格式（{labels}）。", fields={field: "格式不允许"})
    return safe, kind
