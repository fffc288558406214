"""PostgreSQL: ``catalog_entry.search_vector``, a stored ``to_tsvector('simple', search_tokens)``
(migration 0005) with a GIN index over the words and the year of publication (btree_gin,
migration 0008), so that a search limited to a year, or to the newest years, reads only that part
of the index. It is a generated column: the index keeps itself in sync with ``search_tokens``.
Ranking: ts_rank, then newest first; when a query matches more than ``RANK_CAP`` entries the
newest matches are shown first, and when the newest years alone hold more than ``RANK_CAP``
matches the rest of the catalog is not searched at all (every result shown lies in those years).
The time limit is the statement timeout, set to the time left before each statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import transaction

from zwgk.catalog.search.base import RANK_CAP, Backend
from zwgk.catalog.search.text import Filters, Query, Result

# the year as the search index holds it (migration 0008_search_year_index)
YEAR_SQL = "EXTRACT(year FROM e.published_on)"
# how many of the newest years are counted, one by one, before the whole catalog
RECENT_YEARS = 3
WALK_PER_RESULT, WALK_MAX = 50, 4000


class PostgresBackend(Backend):
    vendor = "postgresql"

    def limited(self, run: Callable[[], Result]) -> Result:
        with transaction.atomic():  # the statement timeouts end with it
            return run()

    def before_statement(self, cursor: Any) -> None:
        left = self.time_left_ms()
        if left is not None:
            # the time left for the whole search, not a fresh limit for each of its statements
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(left)])

    def like_op(self, text: str) -> str:
        """ILIKE only where case can matter (ILIKE lower-cases the whole body first, several times
        slower than LIKE on long Chinese text)."""
        return "LIKE" if text.lower() == text.upper() else "ILIKE"

    def year_sql(self, year: int) -> tuple[list[str], list[Any]]:
        # the same year as one key of the words-and-year index; the date range serves the date
        # indexes when results are listed newest first
        return [f"{YEAR_SQL} = %s"], [year]

    @staticmethod
    def tsquery(query: Query) -> str:
        return " & ".join("'" + tok.replace("\\", "\\\\").replace("'", "''") + "'" for tok in query.index_tokens())

    def find(self, query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
        """A common word on a large catalog is answered from the newest years, counted one year at
        a time (up to ``RECENT_YEARS``): when they alone hold more than ``RANK_CAP`` matches, the
        answer is "more than RANK_CAP, newest first" and the rest of the words' posting lists is
        never read."""
        where, params = self.filter_sql(filters)
        phrase_sql, phrase_params = self.phrase_sql(query)
        match = f"e.search_vector @@ to_tsquery('simple', %s){phrase_sql}"
        match_params = [self.tsquery(query), *phrase_params]
        base = f"FROM catalog_entry e WHERE {match} AND {where}"
        base_params = [*match_params, *params]
        latest = None if filters.year or offset + limit > RANK_CAP else self.latest_year()
        found = 0
        for year in range(latest, latest - RECENT_YEARS, -1) if latest else ():
            # one year is one key of the index: its part of the posting lists only
            found += self.count(f"{base} AND {YEAR_SQL} = %s", [*base_params, year], cap=RANK_CAP + 1 - found)
            if found > RANK_CAP:
                count = found
                base += f" AND {YEAR_SQL} >= %s AND e.published_on >= %s"
                base_params = [*base_params, year, date(year, 1, 1)]
                break
        else:
            count = self.count(base, base_params)
        if count == 0:
            return self.title_fallback(query, filters, limit=limit, offset=offset)
        capped = count > RANK_CAP
        if capped:
            ids = self.newest_matches(where, params, match, match_params, limit=limit, offset=offset)
            if ids is None:
                ids = [r[0] for r in self.run(
                    f"SELECT e.id {base} ORDER BY e.published_on DESC, e.id DESC LIMIT %s OFFSET %s",
                    [*base_params, limit, offset])]
        else:
            order = "ts_rank(e.search_vector, to_tsquery('simple', %s), 1) DESC, e.published_on DESC, e.id DESC"
            ids = [r[0] for r in self.run(f"SELECT e.id {base} ORDER BY {order} LIMIT %s OFFSET %s",
                                          [*base_params, match_params[0], limit, offset])]
        return Result(ids, min(count, RANK_CAP), capped)

    def latest_year(self) -> int | None:
        """The year of the newest published entry (an index lookup)."""
        latest = self.run("SELECT max(published_on) FROM catalog_entry WHERE status = 'published'", [])[0][0]
        return latest.year if latest else None

    def newest_matches(self, where: str, params: list[Any], match: str, match_params: list[Any], *,
                       limit: int, offset: int) -> list[int] | None:
        """The newest matches of a query known to match many entries: walk the filtered entries
        newest first along a date index and test each against the words, within a budget of rows.
        ``None`` when the budget runs out first (the matches are sparse): the caller then sorts
        every match instead."""
        budget = min(WALK_PER_RESULT * (offset + limit), WALK_MAX)
        walk = (f"SELECT e.id, e.published_on FROM catalog_entry e WHERE {where} "
                f"ORDER BY e.published_on DESC, e.id DESC LIMIT %s")
        rows = self.run(f"SELECT w.id FROM ({walk}) AS w JOIN catalog_entry e ON e.id = w.id WHERE {match} "
                        f"ORDER BY w.published_on DESC, w.id DESC LIMIT %s OFFSET %s",
                        [*params, budget, *match_params, limit, offset])
        return [r[0] for r in rows] if len(rows) == limit else None
