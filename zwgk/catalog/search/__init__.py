"""Chinese full-text search of the published catalog, behind one small interface (DESIGN.md,
"Search"): the text side (``text``: segmentation, queries, highlighting) is the same everywhere;
the index and the queries belong to one backend per database (``sqlite``: FTS5; ``postgres``: a
tsvector with GIN), a ``base.Backend``, chosen once at first use.

Queries are cut as documents are; every word of the query is required. A quoted phrase ("…" or
“…”) is also required verbatim in the title or the public body. When the index finds nothing, a
LIKE on the title catches what segmentation missed.

The public interface: ``segment``, ``entry_tokens``, ``stored_tokens``, ``facet_tokens``,
``index_entry``, ``unindex_entry``, ``bulk_index``, ``parse_query``, ``search``, ``highlight``,
``snippet``, ``plain_text``; ``backend()`` for the rest.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from django.db import connection

from zwgk.catalog.search.base import RANK_CAP, TOO_BROAD, Backend, IndexRow
from zwgk.catalog.search.sqlite import FTS_TABLE
from zwgk.catalog.search.text import (
    NO_FILTERS,
    Filters,
    Query,
    Result,
    Term,
    entry_tokens,
    facet_tokens,
    highlight,
    parse_query,
    plain_text,
    segment,
    segment_query,
    snippet,
    stored_tokens,
)

__all__ = [
    "FTS_TABLE", "NO_FILTERS", "RANK_CAP", "TOO_BROAD", "Backend", "Filters", "Query", "Result", "Term", "backend",
    "bulk_index", "entry_tokens", "facet_tokens", "highlight", "index_entry", "parse_query", "plain_text",
    "search", "segment", "segment_query", "snippet", "stored_tokens", "unindex_entry",
]


@functools.cache
def backend() -> Backend:
    """The backend of the database in use, chosen once."""
    if connection.vendor == "sqlite":
        from zwgk.catalog.search.sqlite import SqliteBackend

        return SqliteBackend()
    from zwgk.catalog.search.postgres import PostgresBackend

    return PostgresBackend()


def index_entry(entry: Any) -> None:
    """(Re)index a published entry: its public title and body (the redacted body where redacted)."""
    title_tokens, body_tokens = entry_tokens(entry.title, entry.public_body)
    tokens = stored_tokens(title_tokens, body_tokens)
    type(entry).objects.filter(pk=entry.pk).update(search_tokens=tokens)
    entry.search_tokens = tokens
    backend().index([(entry.pk, title_tokens, body_tokens,
                      facet_tokens(entry.published_on, entry.section_id, entry.category_id))])


def unindex_entry(entry: Any) -> None:
    """Remove an entry from the index (withdrawn)."""
    type(entry).objects.filter(pk=entry.pk).update(search_tokens="")
    entry.search_tokens = ""
    backend().unindex(entry.pk)


def bulk_index(rows: Sequence[IndexRow]) -> None:
    """Index many entries at once: ``(id, title_tokens, body_tokens, facet_tokens)``; the caller has
    already stored ``search_tokens`` (``stored_tokens(...)``) on the rows (bulk loaders: demo data,
    benchmarks)."""
    backend().index(rows)


def search(query: Query, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0) -> Result:
    """Ids of published entries matching ``query`` and ``filters``, best first, within the time
    limit of a public search (``InvalidInput`` naming ``q`` when it runs out)."""
    if not query:
        return Result()
    return backend().search(query, filters, limit=limit, offset=offset)
