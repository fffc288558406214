"""The one small interface every search backend implements, and what they share: the SQL of the
filters, of verbatim phrases and of the title fallback, counting, and the time limit of a search.

A backend keeps its index in sync (``index`` / ``unindex``, called by the service layer only) and
answers ``find``; ``run`` executes one statement within the time left to the whole search. A
search server could be one more backend.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection

from zwgk.catalog.search.text import Filters, Query, Result
from zwgk.core.errors import InvalidInput

RANK_CAP = 1000
# the body the public reads: never match a phrase against the original of a redacted entry
PUBLIC_BODY_SQL = "(CASE WHEN e.disclosure_attribute = 'redacted' THEN e.redacted_body ELSE e.body END)"
TOO_BROAD = "检索用时过长：请换用更具体的检索词，或按类别、栏目、年份缩小范围。"
IndexRow = tuple[int, str, str, str]  # id, title tokens, body tokens, facet tokens


def like_pattern(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Backend:
    """Full-text search of published entries inside one kind of database."""

    vendor = ""
    _deadline = threading.local()  # when the running search must end

    # -- the index (called by the service layer and bulk loaders) -----------------------------------

    def index(self, rows: Sequence[IndexRow]) -> None:
        """(Re)index entries whose ``search_tokens`` are already stored."""

    def unindex(self, pk: int) -> None:
        """Remove a withdrawn entry from the index (its ``search_tokens`` are already cleared)."""

    # -- queries -------------------------------------------------------------------------------------

    def find(self, query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
        raise NotImplementedError

    def search(self, query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
        """``find`` within ``ZWGK_SEARCH_TIMEOUT_MS`` for the whole search: a public search never
        holds the database for long; when cancelled, the person is asked to narrow the query (a
        rare query, such as a common word next to a character no entry holds, would otherwise read
        every entry that has the word)."""
        self._deadline.at = time.monotonic() + int(settings.ZWGK_SEARCH_TIMEOUT_MS) / 1000
        try:
            return self.limited(lambda: self.find(query, filters, limit=limit, offset=offset))
        except OperationalError as exc:
            if "interrupted" in str(exc) or type(exc.__cause__).__name__ == "QueryCanceled":
                raise InvalidInput(TOO_BROAD, fields={"q": "检索范围过大"}) from exc
            raise
        finally:
            self._deadline.at = None

    def limited(self, run: Callable[[], Result]) -> Result:
        """Run ``run`` so that the database cancels it when the deadline passes."""
        raise NotImplementedError

    def time_left_ms(self) -> int | None:
        ends = getattr(self._deadline, "at", None)
        return None if ends is None else max(1, int((ends - time.monotonic()) * 1000))

    def run(self, sql: str, params: list[Any]) -> list[tuple]:
        with connection.cursor() as cursor:
            self.before_statement(cursor)
            cursor.execute(sql, params)
            return cursor.fetchall()

    def before_statement(self, cursor: Any) -> None:
        """Called before each statement of a search (PostgreSQL sets the time left)."""

    # -- shared SQL ----------------------------------------------------------------------------------

    def like_op(self, text: str) -> str:
        return "LIKE"

    def year_sql(self, year: int) -> tuple[list[str], list[Any]]:
        """Extra conditions for a year filter, besides the date range (PostgreSQL's index key)."""
        return [], []

    def filter_sql(self, filters: Filters) -> tuple[str, list[Any]]:
        sql, params = ["e.status = 'published'"], []
        if filters.category_id:
            sql.append("e.category_id = %s")
            params.append(filters.category_id)
        if filters.section_id:
            sql.append("e.section_id = %s")
            params.append(filters.section_id)
        if filters.year:
            sql.append("e.published_on >= %s AND e.published_on <= %s")
            params += [date(filters.year, 1, 1), date(filters.year, 12, 31)]
            extra, extra_params = self.year_sql(filters.year)
            sql += extra
            params += extra_params
        if filters.publisher:
            sql.append("e.publisher = %s")
            params.append(filters.publisher)
        return " AND ".join(sql), params

    def phrase_sql(self, query: Query) -> tuple[str, list[Any]]:
        """Every verbatim term (phrases, terms cut into single characters) in the title or the
        public body."""
        sql, params = [], []
        for term in query.terms:
            if term.verbatim:
                like = self.like_op(term.text)
                sql.append(f"(e.title {like} %s ESCAPE '\\' OR {PUBLIC_BODY_SQL} {like} %s ESCAPE '\\')")
                pattern = like_pattern(term.text)
                params += [pattern, pattern]
        return (" AND " + " AND ".join(sql)) if sql else "", params

    def count(self, base: str, params: list[Any], cap: int = RANK_CAP + 1) -> int:
        return self.run(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {int(cap)}) AS hits", params)[0][0]

    def title_fallback(self, query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
        """What segmentation missed: every term as a substring of the title. Only for queries that
        segmentation cut into single characters (a title scan is not cheap on a large catalog)."""
        if not any(term.verbatim and not term.phrase for term in query.terms):
            return Result()
        where, params = self.filter_sql(filters)
        for term in query.terms:
            where += f" AND e.title {self.like_op(term.text)} %s ESCAPE '\\'"
            params.append(like_pattern(term.text))
        base = f"FROM catalog_entry e WHERE {where}"
        count = self.count(base, params)
        if not count:
            return Result()
        rows = self.run(f"SELECT e.id {base} ORDER BY e.published_on DESC, e.id DESC LIMIT %s OFFSET %s",
                        [*params, limit, offset])
        return Result([r[0] for r in rows], min(count, RANK_CAP), count > RANK_CAP, fallback=True)
