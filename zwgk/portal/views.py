"""The public portal's pages. Every page works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from zwgk.catalog.models import Section
from zwgk.portal.context_processors import CARE_COOKIE
from zwgk.portal.models import SiteProfile, current_site

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


def _channels() -> dict[str, Channel]:
    channels = {code: Channel(code, name) for code, name in Section.CHANNELS}
    for section in Section.objects.select_related("department"):
        channels[section.channel].sections.append(
            SectionLink(section.code, section.name, section.get_absolute_url(), section.description, section.department)
        )
    return channels


def _count_visitor(request: HttpRequest, response: HttpResponse) -> None:
    """The seed page's visit counter: a browser is counted once, on its first visit."""
    if request.COOKIES.get(VISITOR_COOKIE):
        return
    site = current_site()
    if site.pk:
        SiteProfile.objects.filter(pk=site.pk).update(visits=F("visits") + 1)
    response.set_cookie(VISITOR_COOKIE, "1", max_age=365 * 86400, httponly=True, samesite="Lax")


# The main sections whose newest entries the home page shows.
HOME_SECTIONS = ["news", "notices", "announcements", "regulations"]


def _newest_sections() -> list[dict]:
    from zwgk.catalog import selectors

    newest = selectors.newest(HOME_SECTIONS, per_section=8)
    sections = {s.code: s for s in Section.objects.filter(code__in=HOME_SECTIONS)}
    return [{"section": sections[code], "entries": newest.get(code, [])} for code in HOME_SECTIONS if code in sections]


def home(request: HttpRequest) -> HttpResponse:
    from zwgk.catalog import selectors

    site = current_site()
    response = render(
        request,
        "portal/home.html",
        {"nav": "home", "channels": list(_channels().values()), "visitor_number": site.visits + 1,
         "newest": _newest_sections(), "guide": selectors.guide()},
    )
    _count_visitor(request, response)
    return response


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
        response.set_cookie(CARE_COOKIE, "1", max_age=365 * 86400, samesite="Lax")
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
    from zwgk.api.errors import error_response

    if request.path.startswith("/api/"):
        return error_response(500, "server_error", "服务器内部错误，请稍后重试。")
    return HttpResponse("<h1>服务器内部错误</h1><p>请稍后重试。</p>", status=500)
