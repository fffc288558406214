"""Keyset pagination of the public catalog: newest first, no repeats, no gaps, no OFFSET."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwgk.catalog import selectors
from zwgk.catalog.models import Entry

pytestmark = pytest.mark.django_db


def test_walking_the_pages_visits_every_published_entry_once_in_order(demo):
    filters = selectors.Browse()
    seen, cursor = [], None
    while True:
        page = selectors.browse(filters, after=cursor, limit=50)
        seen += [(e.published_on, e.pk) for e in page.entries]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == Entry.objects.filter(status="published").count()
    assert seen == sorted(seen, reverse=True)


def test_before_cursor_goes_back_to_the_previous_page(demo):
    filters = selectors.Browse()
    first = selectors.browse(filters)
    second = selectors.browse(filters, after=first.next_cursor)
    back = selectors.browse(filters, before=second.prev_cursor)
    assert [e.pk for e in back.entries] == [e.pk for e in first.entries]


def test_paging_does_not_use_offset(demo):
    first = selectors.browse(selectors.Browse())
    with CaptureQueriesContext(connection) as queries:
        selectors.browse(selectors.Browse(), after=first.next_cursor)
    assert not any("OFFSET" in q["sql"].upper() for q in queries.captured_queries)


def test_portal_pages_link_next_and_previous(client, demo):
    html = client.get("/catalog/").content.decode()
    assert 'rel="next"' in html and 'rel="prev"' not in html
    cursor = selectors.browse(selectors.Browse()).next_cursor
    html = client.get("/catalog/", {"after": cursor}).content.decode()
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_a_bad_cursor_is_the_first_page(client, demo):
    assert client.get("/catalog/", {"after": "yesterday_x"}).status_code == 200


def test_counts_stop_at_the_cap_and_say_so(demo, client, monkeypatch):
    """A count over a million rows costs more than the page: above the cap, "more than" is shown."""
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    assert Entry.objects.filter(status="published").count() > 5
    body = client.get("/api/v1/catalog").json()
    assert (body["count"], body["count_capped"]) == (5, True)
    assert "共超过 5 条信息" in client.get("/catalog/").content.decode()


def test_a_small_count_is_exact(demo, client):
    from zwgk.catalog.models import Section

    section = Section.objects.filter(entries__status="published").first()
    body = client.get("/api/v1/catalog", {"section": section.code}).json()
    assert body["count"] == section.entries.filter(status="published").count()
    assert body["count_capped"] is False
