"""Reads of the disclosure catalog: public browsing with keyset pagination (newest first, no OFFSET
scans), search, lookups by index number, and the workbench's lists of entries due."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from zwgk.catalog import search
from zwgk.catalog.models import Attachment, Category, Entry, Section
from zwgk.core.compiled import CompiledQuery
from zwgk.org.permissions import can
from zwgk.workdays import services as workdays

PAGE_SIZE = 20
COUNT_CACHE_SECONDS = 60
GENERATION_KEY = "catalog:generation"


def generation() -> int:
    """Bumped whenever the published catalog changes; part of every cache key of public pages."""
    return cache.get_or_set(GENERATION_KEY, 1, None)


def catalog_changed() -> None:
    """Called by the service layer after a publication or withdrawal: cached counts, year lists and
    the home page are recomputed."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


LARGE_FIELDS = ("search_tokens", "scan_findings")
BODY_FIELDS = ("body", "redacted_body")


def published() -> QuerySet[Entry]:
    return Entry.objects.filter(status=Entry.PUBLISHED).select_related("section", "category").defer(*LARGE_FIELDS)


@dataclass(frozen=True)
class Browse:
    """Filters that combine: category, section, publisher, year, and a search query."""

    category: Category | None = None
    section: Section | None = None
    publisher: str | None = None
    year: int | None = None
    q: str = ""

    def apply(self, qs: QuerySet[Entry]) -> QuerySet[Entry]:
        if self.category:
            qs = qs.filter(category=self.category)
        if self.section:
            qs = qs.filter(section=self.section)
        if self.publisher:
            qs = qs.filter(publisher=self.publisher)
        if self.year:
            qs = qs.filter(published_on__gte=date(self.year, 1, 1), published_on__lte=date(self.year, 12, 31))
        return qs

    def search_filters(self) -> search.Filters:
        return search.Filters(
            category_id=self.category.pk if self.category else None,
            section_id=self.section.pk if self.section else None,
            year=self.year, publisher=self.publisher,
        )

    def cache_key(self) -> str:
        raw = f"{self.category and self.category.pk}|{self.section and self.section.pk}|{self.publisher}|{self.year}"
        return f"catalog:counted:{generation()}:" + hashlib.sha1(raw.encode()).hexdigest()


def parse_filters(params: Any) -> Browse:
    """Filters from query parameters (codes, not ids); unknown values are ignored."""
    category = section = None
    if params.get("category"):
        category = Category.objects.filter(code=params.get("category")).first()
    if params.get("section"):
        section = Section.objects.filter(code=params.get("section")).first()
    year = None
    try:
        year = int(params.get("year") or 0) or None
    except ValueError:
        year = None
    if year is not None and not 1949 <= year <= 2200:
        year = None
    publisher = (params.get("publisher") or "").strip()[:100] or None
    return Browse(category, section, publisher, year, (params.get("q") or "").strip()[:200])


def encode_cursor(entry: Entry) -> str:
    return f"{entry.published_on.isoformat()}_{entry.pk}"


def decode_cursor(cursor: str | None) -> tuple[date, int] | None:
    if not cursor:
        return None
    try:
        day, _, pk = cursor.partition("_")
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


@dataclass
class Page:
    entries: list[Entry]
    count: int
    next_cursor: str | None = None
    prev_cursor: str | None = None
    capped: bool = False
    page: int = 1
    has_next: bool = False
    words: list[str] = field(default_factory=list)


COUNT_CAP = 10_000


def counted(filters: Browse) -> tuple[int, bool]:
    """How many published entries match, counted up to ``COUNT_CAP``: ``(count, capped)``. A
    COUNT(*) over a large filtered set (the whole catalog is a million rows on a provincial site)
    costs more than the page itself, so beyond the cap the page says "more than"."""
    key = filters.cache_key()
    value = cache.get(key)
    if value is None:
        matching = filters.apply(Entry.objects.filter(status=Entry.PUBLISHED)).order_by().values("id")
        found = matching[:COUNT_CAP + 1].count()
        value = (min(found, COUNT_CAP), found > COUNT_CAP)
        cache.set(key, value, COUNT_CACHE_SECONDS)
    return value


def browse(filters: Browse, *, after: str | None = None, before: str | None = None,
           limit: int = PAGE_SIZE) -> Page:
    """Newest first, keyset-paged by (published_on, id): ``after`` the last row of a page gives
    the next page, ``before`` the first row gives the previous one."""
    qs = filters.apply(published()).defer(*BODY_FIELDS)
    after_key, before_key = decode_cursor(after), decode_cursor(before)
    if before_key:
        d, pk = before_key
        rows = list(qs.filter(Q(published_on__gt=d) | Q(published_on=d, pk__gt=pk), published_on__gte=d)
                    .order_by("published_on", "id")[:limit + 1])
        has_prev = len(rows) > limit
        rows = list(reversed(rows[:limit]))
        has_next = True
    else:
        if after_key:
            d, pk = after_key
            # the redundant bound lets the (…, published_on, id) index start at the cursor
            qs = qs.filter(Q(published_on__lt=d) | Q(published_on=d, pk__lt=pk), published_on__lte=d)
        rows = list(qs.order_by("-published_on", "-id")[:limit + 1])
        has_next = len(rows) > limit
        rows = rows[:limit]
        has_prev = after_key is not None
    total, capped = counted(filters)
    return Page(
        entries=rows, count=total, capped=capped,
        next_cursor=encode_cursor(rows[-1]) if rows and has_next else None,
        prev_cursor=encode_cursor(rows[0]) if rows and has_prev else None,
        has_next=has_next,
    )


MAX_SEARCH_PAGES = 50


def run_search(filters: Browse, *, page: int = 1, limit: int = PAGE_SIZE) -> Page:
    """Ranked search results; pages are bounded (at most ``MAX_SEARCH_PAGES``)."""
    query = search.parse_query(filters.q)
    page = max(1, min(page, MAX_SEARCH_PAGES))
    result = search.search(query, filters.search_filters(), limit=limit, offset=(page - 1) * limit)
    by_id = published().in_bulk(result.ids)
    entries = [by_id[i] for i in result.ids if i in by_id]
    return Page(entries=entries, count=result.count, capped=result.capped, page=page,
                has_next=page < MAX_SEARCH_PAGES and page * limit < result.count, words=query.words)


def entry_by_index_number(index_number: str) -> Entry | None:
    """A published (or withdrawn: the catalog keeps its record) entry. Nothing else is reachable by
    a public address, whoever asks: staff read drafts in the workbench (Art. 4, 26)."""
    return (Entry.objects.select_related("section", "category", "department", "replaced_by")
            .defer(*LARGE_FIELDS, "replaced_by__search_tokens", "replaced_by__body")
            .filter(index_number=index_number, status__in=[Entry.PUBLISHED, Entry.WITHDRAWN]).order_by().first())


# What the entry page (catalog/detail.html, print.html, withdrawn.html, ``entry_context``) reads,
# and nothing else: a third of the columns, the query compiled and read in a fraction of the time.
PAGE_FIELDS = (
    "index_number", "title", "publisher", "published_on", "disclosure_mode", "disclosure_attribute",
    "document_number", "body", "redacted_body", "validity", "repost_source", "repost_at", "repost_url", "status",
    "withdrawn_reason", "withdrawn_at", "section__code", "section__name", "section__link", "category__code",
    "category__name", "replaced_by__title", "replaced_by__status", "replaced_by__index_number",
)


def page_entries() -> QuerySet[Entry]:
    """Entries as their public page reads them: the live page and the static tree's bulk renderer
    load the same fields (the same bytes; a field the page starts to read goes in PAGE_FIELDS)."""
    return Entry.objects.select_related("section", "category", "replaced_by").only(*PAGE_FIELDS).order_by()


_ENTRY_PAGE = CompiledQuery(lambda index_number: (
    page_entries().annotate(has_attachments=Exists(Attachment.objects.filter(entry=OuterRef("pk"))))
    .filter(index_number=index_number, status__in=[Entry.PUBLISHED, Entry.WITHDRAWN])[:1]
))


def entry_page(index_number: str) -> Entry | None:
    """``entry_by_index_number`` for the entry's public page: only the fields the page shows, and
    whether it has attachments (most have none: no second query). The index number is unique: no
    ORDER BY. Compiled once (``core.compiled``): the page's one query, built and compiled, cost
    more than the rest of the page."""
    return _ENTRY_PAGE.first(index_number)


def _public_are_originals(entry: Entry) -> bool:
    """Whether the public gets the files themselves (True) or only their redacted versions."""
    return entry.disclosure_attribute != Entry.REDACTED


def public_attachments(entry: Entry) -> QuerySet[Attachment]:
    """The attachments the public may have (Art. 5, 26): for 此件删减后公开 only the redacted versions,
    never an original; otherwise the files themselves."""
    return entry.attachments.filter(redacted_of__isnull=_public_are_originals(entry))


def public_attachment_list(entry: Entry) -> list[Attachment]:
    """``public_attachments`` as a list, read from ``prefetch_related("attachments")`` when the
    entry was loaded with it (static publishing loads a chunk of entries in one query: no query
    per page), else from the database. Same rule, same order (``Attachment.Meta.ordering``)."""
    prefetched = getattr(entry, "_prefetched_objects_cache", {}).get("attachments")
    if prefetched is None and not getattr(entry, "has_attachments", True):
        return []  # ``entry_page`` asked in its own query: most entries have none (no second query)
    if prefetched is None:
        return list(public_attachments(entry))
    originals = _public_are_originals(entry)
    return [a for a in prefetched if (a.redacted_of_id is None) == originals]


def public_attachment(pk: int) -> Attachment | None:
    """An attachment by its public address: one of ``public_attachments`` of a published entry."""
    found = Attachment.objects.select_related("entry").filter(pk=pk, entry__status=Entry.PUBLISHED).first()
    if found is None or not public_attachments(found.entry).filter(pk=found.pk).exists():
        return None
    return found


NEWEST_FIELDS = ("id", "title", "index_number", "published_on", "section_id")


def newest(limits: dict[int, int]) -> dict[int, list[Entry]]:
    """The newest published entries of each section, as many as ``limits`` gives per section id
    (the portal's home page). One statement for all: a UNION ALL of one ``ORDER BY … LIMIT`` per
    section, each an index descent along ``entry_section_date``. The ORM cannot say it (SQLite
    refuses LIMIT in a compound's arms unless each is wrapped in a subquery, which Django does
    not do), and a window function would rank every published entry of those sections."""
    result: dict[int, list[Entry]] = {pk: [] for pk in limits}
    if not limits:
        return result
    table, quote = Entry._meta.db_table, connection.ops.quote_name
    columns = ", ".join(quote(c) for c in NEWEST_FIELDS)
    arm = (f"SELECT * FROM (SELECT {columns} FROM {quote(table)} WHERE section_id = %s AND status = %s "
           f"ORDER BY published_on DESC, id DESC LIMIT %s) AS s{{n}}")
    sql = " UNION ALL ".join(arm.format(n=n) for n in range(len(limits)))
    params: list[Any] = []
    for pk, limit in limits.items():
        params += [pk, Entry.PUBLISHED, limit]
    for entry in Entry.objects.raw(sql, params):
        result[entry.section_id].append(entry)
    for entries in result.values():  # a compound keeps no order: each section's, newest first
        entries.sort(key=lambda e: (e.published_on, e.pk), reverse=True)
    return result


def newest_id() -> int:
    """The highest entry id (part of the home page's cache key; a primary-key lookup)."""
    return Entry.objects.order_by("-id").values_list("id", flat=True).first() or 0


def year_range() -> list[int]:
    key = f"catalog:years:{generation()}"
    years = cache.get(key)
    if years is None:
        bounds = Entry.objects.filter(status=Entry.PUBLISHED).aggregate(lo=Min("published_on"), hi=Max("published_on"))
        years = list(range(bounds["hi"].year, bounds["lo"].year - 1, -1)) if bounds["lo"] else []
        cache.set(key, years, 300)
    return years


def publishers() -> list[str]:
    key = f"catalog:publishers:{generation()}"
    names = cache.get(key)
    if names is None:
        names = _distinct_publishers(200)
        cache.set(key, names, 300)
    return names


def _distinct_publishers(limit: int) -> list[str]:
    """The publishers of published entries, in order: a loose index scan (one index descent per
    name, along ``entry_publisher_date``) instead of a DISTINCT over every published row."""
    table = Entry._meta.db_table
    step = f"SELECT publisher FROM {table} WHERE status = %s AND publisher > p.name ORDER BY publisher LIMIT 1"
    sql = (
        f"WITH RECURSIVE p(name, n) AS ("
        f"SELECT * FROM (SELECT publisher, 1 FROM {table} WHERE status = %s ORDER BY publisher LIMIT 1) AS first "
        f"UNION ALL SELECT ({step}), p.n + 1 FROM p WHERE p.name IS NOT NULL AND p.n < %s"
        f") SELECT name FROM p WHERE name IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [Entry.PUBLISHED, Entry.PUBLISHED, limit])
        return [row[0] for row in cursor.fetchall()]


def guide() -> Entry | None:
    """The disclosure guide (政府信息公开指南): the newest published entry of the guide section."""
    return published().filter(section__code="guide").order_by("-published_on", "-id").first()


# -- the workbench ---------------------------------------------------------------------------------------


def visible_to(user: Any) -> QuerySet[Entry]:
    qs = Entry.objects.select_related("section", "category", "department")
    if can(user, "catalog.view_all"):
        return qs
    own = Q(department_id=user.department_id) if user.department_id else Q(pk__in=[])
    if user.has_role("secrecy"):
        awaiting_override = Q(status=Entry.APPROVED) & ~Q(scan_findings=[])
        own |= Q(status=Entry.SECRECY_REVIEW) | awaiting_override | Q(ledger__stage__in=["secrecy", "publish"])
    return qs.filter(own).distinct()


def due_state(entry: Entry, today: date | None = None) -> str:
    """Derived from ``due_on`` by the working-day engine (never stored): overdue, due_soon or due;
    "soon" is the policy profile's ``due_soon``."""
    return workdays.due_state(entry.due_on, today or timezone.localdate())


DUE_LABELS = workdays.DUE_STATE_LABELS


def due_for_publication(user: Any) -> dict[str, list[Entry]]:
    """Approved entries waiting to be published, by derived state, for the user's department
    (the office and the inspection corps see all)."""
    qs = visible_to(user).filter(status=Entry.APPROVED).order_by("due_on", "id")
    today = timezone.localdate()
    soon = workdays.soon_limit(today)
    groups: dict[str, list[Entry]] = {"overdue": [], "due_soon": [], "due": []}
    for entry in qs[:500]:
        state = workdays.due_state(entry.due_on, today, soon=soon) or "due"
        entry.due_state = state
        groups[state].append(entry)
    return groups
