"""Which public pages are the same for every visitor, and so belong in the static tree (DESIGN.md
"Deployment"): home, channels, the catalog and its section lists and feeds, every published
entry, the sitemaps, and the mailbox's public replies with their feed. Search, forms, status
lookups, further list pages (a query string), the workbench and the API stay in Django."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from zwgk.catalog.models import Entry, Section


def fixed_urls() -> list[str]:
    """The pages that do not belong to one entry or one message."""
    from zwgk.catalog.portal_views import _page_starts

    urls = [reverse("portal:home"), reverse("catalog:index")]
    urls += [reverse("portal:channel", args=[code]) for code, _ in Section.CHANNELS]
    urls += section_urls(Section.objects.filter(link="").values_list("code", flat=True))
    urls += [reverse("catalog:sitemap"), reverse("catalog:sitemap_pages")]
    urls += [reverse("catalog:sitemap_page", args=[start]) for start in _page_starts()]
    urls += mailbox_urls()
    urls += [reverse("assessment:dishonesty_records")]  # Art. 22: the published dishonesty records, masked
    return urls


def section_urls(codes) -> list[str]:
    """A section's list page (its first page) and its feed."""
    urls: list[str] = []
    for code in codes:
        urls += [reverse("catalog:section", args=[code]), reverse("catalog:feed", args=[code])]
    return urls


def mailbox_urls() -> list[str]:
    """The public replies' list (first page) and feed (Art. 32: masked as on the live page)."""
    return [reverse("interaction:public"), reverse("interaction:feed")]


def entry_url(index_number: str) -> str:
    return reverse("catalog:item", args=[index_number])


def published_index_numbers(chunk: int = 5000) -> Iterator[list[tuple[int, str]]]:
    """(id, index number) of every published entry, in id order, in chunks (keyset walk)."""
    last = 0
    qs = Entry.objects.filter(status=Entry.PUBLISHED).filter(index_number__isnull=False).order_by("id")
    while True:
        rows = list(qs.filter(id__gt=last).values_list("id", "index_number")[:chunk])
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def message_urls() -> list[str]:
    from zwgk.interaction.selectors import public_messages

    return [reverse("interaction:public_detail", args=[n]) for n in public_messages().values_list("number", flat=True)]
