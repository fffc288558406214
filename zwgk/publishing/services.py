"""Rendering the static tree and keeping it honest (DESIGN.md "Deployment"; Art. 40 网页防篡改).

A page is rendered by asking the project's own URLconf for it, anonymously, through Django's test
client: the same views, templates, context processors and middleware as the live page, so the
file is the live page byte for byte. A page that answers anything but 200, or that sets a cookie
(a per-visitor page), is never written. Every file written gets its sha256 recorded in
``PublishedFile``; ``tamper_check`` compares the tree with those records.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone

from zwgk.publishing import pages
from zwgk.publishing.models import PublishedFile, TamperAlert

log = logging.getLogger(__name__)

# Directory-style URLs become these files; nginx: try_files $uri $uri/index.html $uri/index.atom.
INDEX_FILES = {"text/html": "index.html", "application/atom+xml": "index.atom"}
RECORD_BATCH = 2000


def site_dir() -> Path:
    return Path(settings.ZWGK_SITE_DIR)


def file_for(url: str, content_type: str = "text/html") -> str:
    """The tree-relative file of a URL: ``/catalog/`` → ``catalog/index.html``. Refuses a path
    that would leave the tree."""
    path = unquote(urlsplit(url).path)
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or "\x00" in p for p in parts):
        raise ValueError(f"unsafe URL for the static tree: {url!r}")
    if path.endswith("/"):
        parts.append(INDEX_FILES.get(content_type.split(";")[0].strip(), "index.html"))
    return "/".join(parts)


class Renderer:
    """Renders URLs into the tree with one anonymous client, recording fingerprints in batches."""

    def __init__(self) -> None:
        split = urlsplit(settings.ZWGK_SITE_URL)
        self.client = Client(HTTP_HOST=split.netloc, secure=split.scheme == "https")
        self.root = site_dir()
        self.pending: dict[str, PublishedFile] = {}
        self.written = 0
        self.skipped: list[str] = []

    def render(self, url: str) -> tuple[str, bytes] | None:
        """(file, bytes) of the live page at ``url``, or None when it is not a static page."""
        response = self.client.get(url)
        if response.status_code != 200 or response.cookies:
            return None
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return file_for(url, response.get("Content-Type", "text/html")), content

    def publish(self, url: str) -> bool:
        """Render ``url`` into the tree; a page no longer public is removed from it."""
        rendered = self.render(url)
        if rendered is None:
            self.skipped.append(url)
            remove_url(url)
            return False
        self.store(url, rendered[1], rendered[0])
        return True

    def store(self, url: str, content: bytes, path: str | None = None) -> None:
        """Write one rendered page and queue its fingerprint."""
        path = path or file_for(url)
        write_file(self.root, path, content)
        self.pending[path] = PublishedFile(path=path, url=url, sha256=hashlib.sha256(content).hexdigest(),
                                           size=len(content), rendered_at=timezone.now())
        self.written += 1
        if len(self.pending) >= RECORD_BATCH:
            self.flush()

    def publish_all(self, urls: Iterable[str]) -> None:
        for url in urls:
            self.publish(url)
        self.flush()

    def flush(self) -> None:
        if self.pending:
            PublishedFile.objects.bulk_create(
                list(self.pending.values()), update_conflicts=True, unique_fields=["path"],
                update_fields=["url", "sha256", "size", "rendered_at"],
            )
            self.pending.clear()


def write_file(root: Path, path: str, content: bytes) -> None:
    """Write atomically (a reader never sees half a page), creating directories as needed."""
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def remove_url(url: str) -> None:
    """Take a page out of the tree (withdrawn entry, message no longer shown)."""
    for content_type in INDEX_FILES:
        path = file_for(url, content_type)
        (site_dir() / path).unlink(missing_ok=True)
        PublishedFile.objects.filter(path=path).delete()


def publish_urls(urls: Iterable[str]) -> int:
    renderer = Renderer()
    renderer.publish_all(dict.fromkeys(urls))
    return renderer.written


def publish_site(*, entries: bool = True, processes: int = 1) -> int:
    """Render the whole tree (``manage.py publish_site``); returns the number of files written."""
    renderer = Renderer()
    renderer.publish_all([*pages.fixed_urls(), *pages.message_urls()])
    written = renderer.written
    if entries:
        written += publish_entries(processes=processes)
    return written


def publish_entries(processes: int = 1) -> int:
    """Every published entry's page; several processes split the id range between them."""
    chunks = list(pages.published_index_numbers())
    if processes <= 1 or len(chunks) < 2:
        return _render_entry_chunks(chunks)
    import multiprocessing

    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        return sum(pool.map(_render_entry_chunks, [chunks[i::processes] for i in range(processes)]))


def _render_entry_chunks(chunks: list[list[tuple[int, str]]]) -> int:
    """Entry pages in bulk: two queries per chunk (the entries with the live page's own fields,
    ``selectors.page_entries``, and their attachments; none per page: ``public_attachment_list``
    reads the prefetched ones), the template compiled once, the site profile read once (its
    furniture rendered once: ``portal/templatetags/furniture.py``), and the live view's own context
    (``catalog.portal_views.entry_context``) rendered for an anonymous request of the entry's URL:
    the bytes the live page answers (a test compares them)."""
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Prefetch
    from django.template.loader import get_template
    from django.test import RequestFactory
    from django.utils import translation

    from zwgk.catalog.models import Attachment, Entry
    from zwgk.catalog.portal_views import entry_context
    from zwgk.catalog.selectors import page_entries
    from zwgk.core.models import frozen_site

    renderer = Renderer()
    split = urlsplit(settings.ZWGK_SITE_URL)
    factory = RequestFactory(HTTP_HOST=split.netloc)
    template = get_template("catalog/detail.html")
    anonymous = AnonymousUser()
    with frozen_site(), translation.override(settings.LANGUAGE_CODE):
        for chunk in chunks:
            attachments = Prefetch("attachments", queryset=Attachment.objects.defer("text"))
            entries = (page_entries().prefetch_related(attachments)
                       .filter(pk__in=[pk for pk, _ in chunk], status=Entry.PUBLISHED))
            for entry in entries:
                url = pages.entry_url(entry.index_number)
                request = factory.get(url, secure=split.scheme == "https")
                request.user = anonymous
                renderer.store(url, template.render(entry_context(entry), request).encode())
    renderer.flush()
    return renderer.written


def affected_urls(model: str, object_id: str) -> list[str]:
    """The pages that show one entry (its page, its section's list and feed, the catalog, home;
    the sitemap follows on its own task: ``sitemap_urls``), one message shown publicly now or
    before (its public page, the public list and feed; Art. 32) or one section (its
    list, feed, channel, home and its entries' pages), or one dishonesty record (the public list of
    Art. 22's published records)."""
    from django.urls import reverse

    from zwgk.catalog.models import Entry, Section
    from zwgk.interaction.models import Message
    from zwgk.interaction.selectors import public_messages

    home = [reverse("portal:home"), reverse("catalog:index")]
    if model == "entry":
        entry = Entry.objects.select_related("section").filter(pk=object_id).first()
        if entry is None or not entry.index_number:
            return []
        return [pages.entry_url(entry.index_number), *pages.section_urls([entry.section.code]), *home]
    if model == "message":
        number = Message.objects.filter(pk=object_id).values_list("number", flat=True).first()
        if number is None:
            return []
        detail = reverse("interaction:public_detail", args=[number])
        shown = public_messages().filter(pk=object_id).exists()
        if not shown and not PublishedFile.objects.filter(url=detail).exists():
            return []  # on no public page before this change nor after it (most messages are never shown)
        return [detail, *pages.mailbox_urls()]
    if model == "dishonestyrecord":
        return [reverse("assessment:dishonesty_records")]
    if model == "section":
        section = Section.objects.filter(pk=object_id).first()
        if section is None:
            return []
        numbers = (Entry.objects.filter(section=section, status=Entry.PUBLISHED, index_number__isnull=False)
                   .values_list("index_number", flat=True))
        return [*pages.section_urls([section.code]), reverse("portal:channel", args=[section.channel]), *home,
                reverse("catalog:sitemap_pages"), *(pages.entry_url(n) for n in numbers.iterator())]
    return []


def sitemap_urls(entry_id: int) -> list[str]:
    """The sitemap index, the sitemap page listing one entry, and any page not yet in the tree
    (walking the id range costs seconds on a large catalog: kept off the visible pages' task)."""
    from django.urls import reverse

    from zwgk.catalog.portal_views import _page_starts

    starts = _page_starts()
    page_urls = [reverse("catalog:sitemap_page", args=[start]) for start in starts]
    holding = [url for start, url in zip(starts, page_urls, strict=True) if start <= entry_id][-1:]
    recorded = set(PublishedFile.objects.filter(path__startswith="sitemap-entries-").values_list("url", flat=True))
    missing = [url for url in page_urls if url not in recorded]
    return [reverse("catalog:sitemap"), *dict.fromkeys([*holding, *missing])]


# -- tamper protection --------------------------------------------------------------------------------------


@dataclass
class Finding:
    kind: str
    path: str
    difference: str = ""


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    checked: int = 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _text(content: bytes) -> list[str]:
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)


def _diff(path: str, expected: bytes, found: bytes, limit: int = 4000) -> str:
    lines = difflib.unified_diff(_text(expected), _text(found), fromfile=f"应为 {path}", tofile=f"实际 {path}", n=1)
    text = "".join(lines)
    return text if len(text) <= limit else text[:limit] + "\n…（差异过长，已截断）"


def tamper_check() -> CheckResult:
    """Compare the tree with the recorded fingerprints: restore (re-render) every file that
    differs or is missing, remove every file that is not ours, and alert for each (Art. 40)."""
    root = site_dir()
    result = CheckResult()
    records = {p: (sha, url) for p, sha, url in PublishedFile.objects.values_list("path", "sha256", "url")}
    seen: set[str] = set()
    renderer = Renderer()
    if root.exists():
        for directory, _dirs, files in os.walk(root):
            for name in files:
                full = Path(directory) / name
                path = full.relative_to(root).as_posix()
                result.checked += 1
                record = records.get(path)
                if record is None:
                    found = full.read_bytes()[:2000]
                    full.unlink()
                    result.findings.append(Finding(TamperAlert.Kind.EXTRA, path, _text_head(found)))
                    continue
                seen.add(path)
                if _sha256(full) != record[0]:
                    found = full.read_bytes()
                    rendered = renderer.render(record[1])
                    expected = rendered[1] if rendered else b""
                    renderer.publish(record[1])
                    result.findings.append(Finding(TamperAlert.Kind.ALTERED, path, _diff(path, expected, found)))
    for path, (_sha, url) in records.items():
        if path not in seen:
            renderer.publish(url)
            result.findings.append(Finding(TamperAlert.Kind.MISSING, path, f"文件缺失，已按 {url} 重新生成。"))
    renderer.flush()
    if result.findings:
        raise_alerts(result.findings)
    return result


def _text_head(content: bytes) -> str:
    return "不应存在的文件，已删除。内容开头：\n" + content.decode("utf-8", errors="replace")


def raise_alerts(findings: list[Finding]) -> None:
    """Record each finding for the workbench and mail the technology bureau and the cyber corps."""
    from django.core.mail import send_mail

    from zwgk.org.models import Staff
    from zwgk.publishing.rules import ALERT_DEPARTMENTS

    now = timezone.now()
    with transaction.atomic():
        TamperAlert.objects.bulk_create(
            [TamperAlert(found_at=now, path=f.path, kind=f.kind, difference=f.difference) for f in findings])
    recipients = sorted(set(
        Staff.objects.filter(is_active=True, department__code__in=ALERT_DEPARTMENTS).exclude(email="")
        .values_list("email", flat=True)))
    labels = dict(TamperAlert.Kind.choices)
    body = "\n\n".join(f"【{labels[f.kind]}】{f.path}\n{f.difference}" for f in findings)
    if recipients:
        send_mail(f"网页防篡改告警：发现 {len(findings)} 处异常，已自动恢复", body + "\n\n请到工作台“网页防篡改”确认。",
                  settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)
    log.warning("tamper check: %d findings", len(findings))


def acknowledge(alert: TamperAlert, *, actor) -> TamperAlert:
    from zwgk.org.permissions import require

    require(actor, "publishing.acknowledge_alert", alert)
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = actor
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return alert
