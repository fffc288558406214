"""The link checker (Art. 39, 40: 链接可用): every link in published content and in the portal's
furniture is visited, with bounded concurrency, a time-out and its own user agent; the broken
ones are recorded per section and department for the workbench. Links to the portal itself are
asked of the project's own URLconf (no network); others over HTTP(S)."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from zwgk.publishing.models import BrokenLink

USER_AGENT = "zwgk-link-checker/1 (government portal link check)"


@dataclass(frozen=True)
class Source:
    """Where a link was found: a page, and the entry that holds it (None: the furniture)."""

    page: str
    entry_id: int | None = None
    section_id: int | None = None
    department_id: int | None = None


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag in ("img", "script") and name == "src")
                          or (tag == "link" and name == "href")):
                self.found.append(value)


def links_in(html: str, base: str) -> list[str]:
    """Absolute http(s) links of an HTML fragment (anchors, fragments and mailto left out)."""
    parser = _Links()
    parser.feed(html)
    result = []
    for href in parser.found:
        if href.strip().startswith("#"):
            continue
        absolute = urljoin(base, href.strip()).split("#")[0]
        if urlsplit(absolute).scheme in ("http", "https"):
            result.append(absolute)
    return list(dict.fromkeys(result))


def _sources() -> list[tuple[Source, list[str]]]:
    """Every published entry's links, and the links of the portal's fixed pages."""
    from zwgk.catalog.models import Entry
    from zwgk.catalog.selectors import LARGE_FIELDS
    from zwgk.publishing import pages
    from zwgk.publishing.services import Renderer

    site = settings.ZWGK_SITE_URL
    found: list[tuple[Source, list[str]]] = []
    renderer = Renderer()
    for url in pages.fixed_urls():
        rendered = renderer.render(url)
        if rendered and rendered[0].endswith(".html"):
            found.append((Source(url), links_in(rendered[1].decode("utf-8", "replace"), site + url)))
    entries = (Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None)
               .defer(*LARGE_FIELDS))
    for entry in entries.iterator(chunk_size=500):
        url = entry.get_absolute_url()
        links = links_in(entry.public_body, site + url)
        if entry.repost_url:
            links.append(entry.repost_url)
        if links:
            found.append((Source(url, entry.id, entry.section_id, entry.department_id), links))
    return found


def probe(url: str, timeout: float) -> str | None:
    """None when ``url`` answers; otherwise the problem in Chinese."""
    site = urlsplit(settings.ZWGK_SITE_URL)
    split = urlsplit(url)
    if split.netloc == site.netloc:
        from django.test import Client

        response = Client(HTTP_HOST=site.netloc).get(split.path, secure=site.scheme == "https", follow=True)
        return None if response.status_code < 400 else f"HTTP {response.status_code}"
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(1024)
            return None
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except TimeoutError:
        return f"超时（{timeout:g} 秒）"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return "超时" if isinstance(reason, TimeoutError) else f"无法访问：{reason}"


def check_links(*, concurrency: int = 8, timeout: float = 10.0) -> list[BrokenLink]:
    """Visit every link once (at most ``concurrency`` at a time) and record the broken ones,
    replacing the previous check's list."""
    sources = _sources()
    # The project's own static files are served by nginx from the collected files, not checked here.
    assets = settings.ZWGK_SITE_URL + settings.STATIC_URL
    sources = [(source, [link for link in links if not link.startswith(assets)]) for source, links in sources]
    unique = list(dict.fromkeys(link for _, links in sources for link in links))
    internal = {u for u in unique if urlsplit(u).netloc == urlsplit(settings.ZWGK_SITE_URL).netloc}
    problems = {u: probe(u, timeout) for u in internal}  # the test client is not thread-safe
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        external = [u for u in unique if u not in internal]
        problems.update(zip(external, pool.map(lambda u: probe(u, timeout), external), strict=True))
    now = timezone.now()
    broken = [BrokenLink(url=link[:1000], page=source.page[:500], entry_id=source.entry_id,
                         section_id=source.section_id, department_id=source.department_id,
                         problem=problems[link][:200], checked_at=now)
              for source, links in sources for link in links if problems.get(link)]
    with transaction.atomic():
        BrokenLink.objects.all().delete()
        BrokenLink.objects.bulk_create(broken)
    return broken
