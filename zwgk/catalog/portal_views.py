"""The public side of the disclosure catalog: browse, search, the entry page as on the seed page,
feeds, the sitemap and the machine-readable export. Every page works without JavaScript."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from zwgk.catalog import search, selectors
from zwgk.catalog.models import Category, Entry, Section
from zwgk.core.errors import InvalidInput
from zwgk.core.exports import safe_record
from zwgk.core.reversing import cached_reverse

# Sections whose page is a service of another app: their list page links there.
SERVICE_LINKS = {"apply": ("/apply/", "在线提交政府信息公开申请"), "mailbox": ("/mailbox/", "给厅长写信")}


def _crumbs(*tail: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [("网站首页", cached_reverse("portal:home")), ("警务公开", cached_reverse("portal:channel", "disclosure")),
            ("信息公开目录", cached_reverse("catalog:index")), *tail]


def _options(choices: list[tuple[str, str]], selected: object, empty: str) -> SafeString:
    """``<option>`` elements built in Python: the list page has about a hundred of them."""
    selected = "" if selected is None else str(selected)
    parts = [format_html('<option value="">{}</option>', empty)]
    mark = mark_safe(" selected")
    parts += [format_html('<option value="{}"{}>{}</option>', value, mark if value == selected else "", label)
              for value, label in choices]
    return mark_safe("".join(parts))


def _filter_options(filters: selectors.Browse) -> dict[str, SafeString]:
    categories = [(c.code, f"{c.order}. {c.name[:22]}") for c in Category.objects.all()]
    sections = [(s.code, s.name) for s in Section.objects.filter(channel=Section.DISCLOSURE)]
    return {
        "category_options": _options(categories, filters.category.code if filters.category else "", "全部类别"),
        "section_options": _options(sections, filters.section.code if filters.section else "", "全部栏目"),
        "publisher_options": _options([(p, p) for p in selectors.publishers()], filters.publisher, "全部机构"),
        "year_options": _options([(str(y), f"{y}年") for y in selectors.year_range()], filters.year, "全部年份"),
    }


def _query(params: dict[str, object]) -> str:
    return "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


@require_GET
def index(request: HttpRequest, section: Section | None = None) -> HttpResponse:
    """Browse by category, section, publisher and year, newest first (keyset pages), or search."""
    filters = selectors.parse_filters(request.GET)
    if section is not None:
        filters = selectors.Browse(filters.category, section, filters.publisher, filters.year, filters.q)
    base = {"q": filters.q, "category": filters.category.code if filters.category else "",
            "publisher": filters.publisher or "", "year": filters.year or ""}
    if section is None:
        base["section"] = filters.section.code if filters.section else ""
    search_refused = ""
    if filters.q:
        try:
            number = int(request.GET.get("page") or 1)
        except ValueError:
            number = 1
        try:
            page = selectors.run_search(filters, page=number)
        except InvalidInput as refused:  # a query too broad to answer in time
            page, search_refused = selectors.Page([], 0), refused.message
        rows = [{"entry": e, "title": search.highlight(e.title, page.words),
                 "snippet": search.snippet(search.plain_text(e.public_body), page.words)} for e in page.entries]
        next_url = _query({**base, "page": page.page + 1}) if page.has_next else None
        prev_url = _query({**base, "page": page.page - 1}) if page.page > 1 else None
    else:
        page = selectors.browse(filters, after=request.GET.get("after") or None,
                                before=request.GET.get("before") or None)
        rows = [{"entry": e, "title": e.title, "snippet": ""} for e in page.entries]
        next_url = _query({**base, "after": page.next_cursor}) if page.next_cursor else None
        prev_url = _query({**base, "before": page.prev_cursor}) if page.prev_cursor else None
    title = section.name if section else ("检索结果" if filters.q else "信息公开目录")
    crumbs = _crumbs((title, None)) if section or filters.q else [*_crumbs()[:-1], ("信息公开目录", None)]
    context = {
        "nav": "disclosure", "crumbs": crumbs, "heading": title, "section": section, "filters": filters,
        "page": page, "rows": rows, "next_url": next_url, "prev_url": prev_url, "search_refused": search_refused,
        **_filter_options(filters),
        "service_link": SERVICE_LINKS.get(section.code) if section else None,
        "action": request.path,
    }
    return render(request, "catalog/list.html", context)


@require_GET
def section_list(request: HttpRequest, code: str) -> HttpResponse:
    return index(request, section=get_object_or_404(Section, code=code))


def entry_context(entry: Entry) -> dict[str, object]:
    """The entry page's context; static publishing renders the page in bulk with it (same bytes)."""
    return {
        "nav": "disclosure", "entry": entry, "body": entry.public_body,
        "crumbs": _crumbs(("正文", None)), "section_url": entry.section.get_absolute_url(),
        "attachments": selectors.public_attachment_list(entry) if entry.status == Entry.PUBLISHED else [],
    }


@require_GET
def item(request: HttpRequest, index_number: str) -> HttpResponse:
    """An entry's page as on the seed page: metadata block, title, publisher, body, attachments."""
    entry = selectors.entry_page(index_number)
    if entry is None:
        raise Http404
    context = entry_context(entry)
    if entry.status == Entry.WITHDRAWN:
        return render(request, "catalog/withdrawn.html", context, status=410)
    template = "catalog/print.html" if request.GET.get("print") == "1" else "catalog/detail.html"
    return render(request, template, context)


@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An attachment of a published entry, as the public may have it: for 此件删减后公开 only the
    redacted versions (Art. 5, 26). Whoever asks, nothing else answers (staff read originals and
    drafts' files at the workbench's address)."""
    found = selectors.public_attachment(pk)
    if found is None:
        raise Http404
    response = FileResponse(default_storage.open(found.file.name, "rb"), content_type=found.content_type,
                            as_attachment=not found.content_type.startswith("image/"), filename=found.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def guide(request: HttpRequest) -> HttpResponse:
    """The disclosure guide (政府信息公开指南): the newest entry of the guide section."""
    entry = selectors.guide()
    if entry is None:
        return HttpResponseRedirect(reverse("catalog:section", args=["guide"]))
    return HttpResponseRedirect(entry.get_absolute_url())


class SectionFeed(Feed):
    """The newest entries of a section as an Atom feed."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, code: str) -> Section:
        return get_object_or_404(Section, code=code)

    def title(self, obj: Section) -> str:
        from zwgk.core.models import current_site

        return f"{current_site().name} - {obj.name}"

    def link(self, obj: Section) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Section) -> str:
        return obj.description

    def items(self, obj: Section):
        return selectors.published().filter(section=obj).order_by("-published_on", "-id")[:30]

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return search.snippet(search.plain_text(item.public_body), [], width=200)

    def item_link(self, item: Entry) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Entry):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.published_on, time(9, 0)))

    def item_author_name(self, item: Entry) -> str:
        return item.publisher


SITEMAP_PAGE = 40000


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """sitemap.xml: an index of sitemap pages, each listing up to 40,000 entries by id range."""
    base = request.build_absolute_uri("/")[:-1]
    ids = _page_starts()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
             f"<sitemap><loc>{base}{reverse('catalog:sitemap_pages')}</loc></sitemap>"]
    for start in ids:
        parts.append(f"<sitemap><loc>{base}{reverse('catalog:sitemap_page', args=[start])}</loc></sitemap>")
    parts.append("</sitemapindex>")
    return HttpResponse("\n".join(parts), content_type="application/xml; charset=utf-8")


def _page_starts() -> list[int]:
    """The first id of each sitemap page, walking the primary key by keyset."""
    starts, last = [], 0
    qs = Entry.objects.filter(status=Entry.PUBLISHED).order_by("id").values_list("id", flat=True)
    while True:
        first = qs.filter(id__gt=last).first()
        if first is None:
            return starts
        starts.append(first)
        page_end = qs.filter(id__gte=first)[SITEMAP_PAGE - 1:SITEMAP_PAGE].first()
        if page_end is None:
            return starts
        last = page_end


def sitemap_pages(request: HttpRequest) -> HttpResponse:
    """The portal's fixed pages and the section lists."""
    base = request.build_absolute_uri("/")[:-1]
    urls = [reverse("portal:home"), reverse("catalog:index"), reverse("catalog:guide")]
    urls += [reverse("portal:channel", args=[c]) for c, _ in Section.CHANNELS]
    urls += [s.get_absolute_url() for s in Section.objects.all()]
    body = "".join(f"<url><loc>{base}{u}</loc></url>" for u in urls)
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{body}</urlset>", content_type="application/xml; charset=utf-8")


def sitemap_page(request: HttpRequest, start: int) -> StreamingHttpResponse:
    base = request.build_absolute_uri("/")[:-1]
    rows = (Entry.objects.filter(status=Entry.PUBLISHED, id__gte=start).order_by("id")
            .values_list("index_number", "published_on")[:SITEMAP_PAGE])

    def lines() -> Iterator[str]:
        yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        for number, day in rows.iterator(chunk_size=2000):
            yield f"<url><loc>{base}{reverse('catalog:item', args=[number])}</loc><lastmod>{day}</lastmod></url>\n"
        yield "</urlset>\n"

    return StreamingHttpResponse(lines(), content_type="application/xml; charset=utf-8")


EXPORT_FIELDS = ["index_number", "title", "publisher", "published_on", "disclosure_mode", "category", "section",
                 "document_number", "validity", "url"]


def _export_rows(request: HttpRequest) -> Iterator[dict[str, str]]:
    filters = selectors.parse_filters(request.GET)
    base = request.build_absolute_uri("/")[:-1]
    qs = (filters.apply(Entry.objects.filter(status=Entry.PUBLISHED)).order_by("-published_on", "-id")
          .values_list("index_number", "title", "publisher", "published_on", "disclosure_mode", "category__code",
                       "section__code", "document_number", "validity"))
    for row in qs.iterator(chunk_size=2000):
        data = dict(zip(EXPORT_FIELDS, [*row, ""], strict=True))
        data["published_on"] = row[3].isoformat()
        data["url"] = base + reverse("catalog:item", args=[row[0]])
        yield data


def export_json(request: HttpRequest) -> StreamingHttpResponse:
    """The published catalog as JSON lines-free JSON array (streams; filters as on the list page)."""

    def chunks() -> Iterator[str]:
        yield "["
        for i, row in enumerate(_export_rows(request)):
            yield ("," if i else "") + json.dumps(row, ensure_ascii=False)
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="catalog.json"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The published catalog as CSV (UTF-8 with BOM so that spreadsheet programs read Chinese)."""
    writer = csv.DictWriter(_Echo(), fieldnames=EXPORT_FIELDS)

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writeheader()
        for row in _export_rows(request):
            yield writer.writerow(safe_record(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="catalog.csv"'
    return response
