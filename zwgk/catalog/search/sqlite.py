"""SQLite: an FTS5 table ``catalog_entry_fts(title, body, facets)`` with the unicode61 tokenizer
over the pre-segmented text (migration 0005), kept in sync by the service layer. Filters are
tokens of the ``facets`` column (``y2018 s12 c1``), so that a filtered search is answered inside
the index. Ranking: BM25 with the title weighted, then newest first; beyond ``RANK_CAP`` matches,
newest first. The time limit is SQLite's progress handler."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection

from zwgk.catalog.search.base import RANK_CAP, Backend, IndexRow
from zwgk.catalog.search.text import Filters, Query, Result

FTS_TABLE = "catalog_entry_fts"


class SqliteBackend(Backend):
    vendor = "sqlite"

    def index(self, rows: Sequence[IndexRow]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body, facets) VALUES (%s, %s, %s, %s)",
                               list(rows))

    def unindex(self, pk: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])

    def limited(self, run: Callable[[], Result]) -> Result:
        connection.ensure_connection()
        raw = connection.connection
        raw.set_progress_handler(lambda: time.monotonic() > self._deadline.at, 20_000)
        try:
            return run()
        finally:
            raw.set_progress_handler(None, 0)

    @staticmethod
    def match(query: Query) -> str:
        return " AND ".join('"' + tok.replace('"', '""') + '"' for tok in query.index_tokens())

    def find(self, query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
        """Words and filters (the ``facets`` column) are matched inside the index; the entries
        table is joined only for verbatim terms and the publisher filter."""
        match = self.match(query)
        facets = []
        if filters.year:
            facets.append(f'facets : "y{filters.year}"')
        if filters.section_id:
            facets.append(f'facets : "s{filters.section_id}"')
        if filters.category_id:
            facets.append(f'facets : "c{filters.category_id}"')
        match = " AND ".join([f"({match})", *facets]) if facets else match
        extra, extra_params = self.phrase_sql(query)
        extra_params = list(extra_params)
        if filters.publisher:
            extra += " AND e.publisher = %s"
            extra_params.append(filters.publisher)
        if extra:
            base = (f"FROM {FTS_TABLE} f JOIN catalog_entry e ON e.id = f.rowid "
                    f"WHERE {FTS_TABLE} MATCH %s AND e.status = 'published'{extra}")
        else:
            base = f"FROM {FTS_TABLE} f WHERE {FTS_TABLE} MATCH %s"
        params: list[Any] = [match, *extra_params]
        count = self.count(base, params)
        if count == 0:
            return self.title_fallback(query, filters, limit=limit, offset=offset)
        capped = count > RANK_CAP
        order = "f.rowid DESC" if capped else f"bm25({FTS_TABLE}, 4.0, 1.0, 0.0), f.rowid DESC"
        rows = self.run(f"SELECT f.rowid {base} ORDER BY {order} LIMIT %s OFFSET %s", [*params, limit, offset])
        return Result([r[0] for r in rows], min(count, RANK_CAP), capped)
