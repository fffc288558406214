"""The public portal's pages. Every page works without JavaScript."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from zwgk.catalog.models import Entry, Section
from zwgk.core.compiled import CompiledQuery
from zwgk.core.models import SiteProfile
from zwgk.portal.context_processors import CARE_COOKIE

VISITOR_COOKIE = "visitor"
CHANNEL_NAMES = dict(Section.CHANNELS)


@dataclass
class SectionLink:
    code: str
    name: str
    url: str
    description: str
    department: object


@dataclass
class Channel:
    code: str
    name: str
    sections: list[SectionLink] = field(default_factory=list)


_SECTIONS = CompiledQuery(lambda: Section.objects.select_related("department"))


def _channels(sections: list[Section] | None = None) -> dict[str, Channel]:
    channels = {code: Channel(code, name) for code, name in Section.CHANNELS}
    for section in _SECTIONS() if sections is None else sections:
        channels[section.channel].sections.append(
            SectionLink(section.code, section.name, section.get_absolute_url(), section.description, section.department)
        )
    return channels


def visits(request: HttpRequest) -> HttpResponse:
    """The visit counter as an image for the static home page: a browser is counted once, on its
    first visit (the ``visitor`` cookie), in the cache, never writing the database per request."""
    from django.utils.html import escape

    from zwgk.portal import visits as counter

    new = not request.COOKIES.get(VISITOR_COOKIE)
    number = counter.count_visitor() if new else counter.total()
    text = escape(f"您好！您是第 {number} 位访问本站的人！")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{16 * len(text) + 8}" height="24" role="img" '
           f'aria-label="{text}"><text x="4" y="17" font-size="14" fill="#555">{text}</text></svg>')
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "no-store"
    if new:
        response.set_cookie(VISITOR_COOKIE, "1", max_age=365 * 86400, httponly=True, samesite="Lax",
                            secure=settings.PRODUCTION)
    return response


# The main sections whose newest entries the home page shows.
HOME_SECTIONS = ["news", "notices", "announcements", "regulations"]
NEWEST_PER_SECTION = 8


@dataclass
class HomeData:
    """What the home page shows besides the furniture: every section (the channels), the newest
    entries of the main ones, and the disclosure guide's newest entry (for its link only). Two
    queries: the sections once, then one statement for the newest of every main section and the
    guide (issue 11: the home page rendered on a cache miss read the sections three times and ran a
    query per section)."""

    channels: list[Channel]
    newest: list[dict[str, Any]]
    guide: Entry | None


def _home_data() -> HomeData:
    from zwgk.catalog import selectors

    sections = _SECTIONS()
    by_code = {s.code: s for s in sections}
    shown = [by_code[code] for code in HOME_SECTIONS if code in by_code]
    limits = {s.pk: NEWEST_PER_SECTION for s in shown}
    if "guide" in by_code:
        limits[by_code["guide"].pk] = 1
    newest = selectors.newest(limits)
    guide = by_code.get("guide")
    return HomeData(
        channels=list(_channels(sections).values()),
        newest=[{"section": s, "entries": newest[s.pk]} for s in shown],
        guide=(newest[guide.pk] or [None])[0] if guide else None,
    )


HOME_CACHE_SECONDS = 10
_FINGERPRINT_SQL: str | None = None


def _home_fingerprint() -> str:
    """What the cached home page depends on besides the catalog generation, in one cheap query:
    the site's furniture (all but the visit count) and the highest catalog entry id."""
    global _FINGERPRINT_SQL
    from django.db import connection

    if _FINGERPRINT_SQL is None:
        columns = ", ".join(connection.ops.quote_name(f.column) for f in SiteProfile._meta.fields if f.name != "visits")
        _FINGERPRINT_SQL = (
            f"SELECT (SELECT max(id) FROM {Entry._meta.db_table}), {columns} "
            f"FROM {SiteProfile._meta.db_table} ORDER BY id LIMIT 1"
        )
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT_SQL)
        row = cursor.fetchone()
    return hashlib.sha1(repr(row).encode()).hexdigest()[:16]


def home(request: HttpRequest) -> HttpResponse:
    """The home page. Its HTML is cached for a few seconds (and until the catalog changes), so the
    guide it shows may lag by that much. The visit counter is an image (``visits``): the page is
    the same for every visitor, so it can be published as a static file."""
    from django.core.cache import cache

    from zwgk.catalog import selectors

    care = request.COOKIES.get(CARE_COOKIE) == "1"
    key = None if request.GET else f"portal:home:{selectors.generation()}:{_home_fingerprint()}:{int(care)}"
    html = cache.get(key) if key else None
    if html is None:
        data = _home_data()
        html = render(
            request,
            "portal/home.html",
            {"nav": "home", "channels": data.channels, "newest": data.newest, "guide": data.guide},
        ).content
        if key:
            cache.set(key, html, HOME_CACHE_SECONDS)
    return HttpResponse(html)


def channel(request: HttpRequest, code: str) -> HttpResponse:
    if code not in CHANNEL_NAMES:
        raise Http404
    return render(
        request,
        "portal/channel.html",
        {
            "nav": code,
            "channel": _channels()[code],
            "crumbs": [("网站首页", reverse("portal:home")), (CHANNEL_NAMES[code], None)],
        },
    )


def care_mode(request: HttpRequest) -> HttpResponse:
    """Switch the large-type, high-contrast mode (适老化) on or off by a plain link: no JavaScript."""
    target = request.GET.get("next") or reverse("portal:home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "1":
        response.set_cookie(CARE_COOKIE, "1", max_age=365 * 86400, samesite="Lax", httponly=True,
                            secure=settings.PRODUCTION)
    else:
        response.delete_cookie(CARE_COOKIE)
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: JSON in the API's format under /api/, a Chinese page elsewhere."""
    if request.path.startswith("/api/"):
        from zwgk.api.errors import not_found_response

        return not_found_response(request)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: JSON under /api/, else the portal's own page; if even that fails (say, the database is
    gone and the site furniture cannot be read), a plain Chinese page, never a trace."""
    from zwgk.api.errors import error_response

    if request.path.startswith("/api/"):
        return error_response(500, "server_error", "服务器内部错误，请稍后重试。")
    try:
        return render(request, "500.html", status=500)
    except Exception:
        return HttpResponse("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>服务器内部错误</title>"
                            "<h1>服务器内部错误</h1><p>请稍后重试。</p><p><a href=\"/\">返回网站首页</a></p></html>",
                            status=500, content_type="text/html; charset=utf-8")
