"""Chinese full-text search of the published catalog, behind one small interface.

Why segmentation: SQLite 3.40's FTS5 trigram tokenizer finds nothing for two-character words
(公安, 户籍), and PostgreSQL's pg_trgm extracts nothing from Chinese under LC_CTYPE C. So the title
and body are cut into words by jieba (``cut_for_search``: words and their dictionary sub-words, HMM
off so query and document are cut the same way) and stored as space-separated tokens:

* SQLite: an FTS5 table ``catalog_entry_fts(title, body)`` with the unicode61 tokenizer over the
  pre-segmented text; the service layer keeps it in sync (``index_entry`` / ``unindex_entry``).
* PostgreSQL: ``catalog_entry.search_vector``, a stored ``to_tsvector('simple', search_tokens)``
  with a GIN index over the words and the year of publication (btree_gin, migration 0008), so
  that a search limited to a year, or to the newest years, reads only that part of the index.

Queries are cut the same way; every word of the query is required. A quoted phrase ("…" or “…”)
is also required verbatim in the title or the body. When the index finds nothing, a LIKE on the
title catches what segmentation missed. Ranking: BM25 (SQLite, title weighted) or ts_rank
(PostgreSQL), then newest first; when a query matches very many entries (more than ``RANK_CAP``)
the newest matches are shown first instead, so that a common word stays fast on a large catalog
(on PostgreSQL, when the newest years alone hold more than ``RANK_CAP`` matches, the rest of
the catalog is not searched at all: every result shown lies in those years).

The public interface: ``segment``, ``entry_tokens``, ``index_entry``, ``unindex_entry``,
``bulk_index``, ``parse_query``, ``search``, ``highlight``, ``snippet``.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

RANK_CAP = 1000
FTS_TABLE = "catalog_entry_fts"
# the body the public reads: never match a phrase against the original of a redacted entry
PUBLIC_BODY_SQL = "(CASE WHEN e.disclosure_attribute = 'redacted' THEN e.redacted_body ELSE e.body END)"
# PostgreSQL: the year as the search index holds it (migration 0008_search_year_index)
YEAR_SQL = "EXTRACT(year FROM e.published_on)"
_WORD = re.compile(r"\w", re.UNICODE)
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」')
_lock = threading.Lock()
_jieba: Any = None


def _cutter() -> Any:
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return _jieba


def _clean_tokens(tokens: Iterable[str]) -> list[str]:
    return [t.lower() for t in (tok.strip() for tok in tokens) if t and _WORD.search(t)]


def segment(text: str) -> list[str]:
    """Words and sub-words of ``text`` for the index (jieba ``cut_for_search``, HMM off)."""
    return _clean_tokens(_cutter().cut_for_search(text, HMM=False))


def segment_query(text: str) -> list[str]:
    """The words a query term must match: jieba's precise cut (HMM off)."""
    return _clean_tokens(_cutter().cut(text, HMM=False))


def plain_text(body_html: str) -> str:
    """The text of an HTML body (tags removed, entities decoded)."""
    return html.unescape(strip_tags(body_html or ""))


def entry_tokens(title: str, body_html: str) -> tuple[str, str]:
    """Space-separated tokens of the title and of the body's text."""
    return " ".join(segment(title)), " ".join(segment(plain_text(body_html)))


# -- keeping the index in sync (called by the service layer only) ---------------------------------


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def facet_tokens(published_on: Any, section_id: int, category_id: int) -> str:
    """Filter values as tokens of the index's ``facets`` column (SQLite), so that a filtered search
    is answered inside the full-text index: ``y2018 s12 c1``."""
    year = published_on.year if published_on else 0
    return f"y{year} s{section_id} c{category_id}"


def index_entry(entry: Any) -> None:
    """(Re)index a published entry: its public title and body (the redacted body where redacted)."""
    title_tokens, body_tokens = entry_tokens(entry.title, entry.public_body)
    tokens = stored_tokens(title_tokens, body_tokens)
    type(entry).objects.filter(pk=entry.pk).update(search_tokens=tokens)
    entry.search_tokens = tokens
    if _is_sqlite():
        bulk_index([(entry.pk, title_tokens, body_tokens,
                     facet_tokens(entry.published_on, entry.section_id, entry.category_id))])


def stored_tokens(title_tokens: str, body_tokens: str) -> str:
    """The ``search_tokens`` column: the title's tokens, a newline, the body's tokens."""
    return f"{title_tokens}\n{body_tokens}"


def unindex_entry(entry: Any) -> None:
    """Remove an entry from the index (withdrawn)."""
    type(entry).objects.filter(pk=entry.pk).update(search_tokens="")
    entry.search_tokens = ""
    if _is_sqlite():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])


def bulk_index(rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Index many entries at once: ``(id, title_tokens, body_tokens, facet_tokens)``; the caller has
    already stored ``search_tokens`` (``stored_tokens(...)``) on the rows (bulk loaders: demo data,
    benchmarks)."""
    if _is_sqlite() and rows:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body, facets) VALUES (%s, %s, %s, %s)",
                               list(rows))


# -- queries ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool
    tokens: tuple[str, ...]

    @property
    def index_tokens(self) -> tuple[str, ...]:
        """Tokens to look up in the index. Single characters are left out when the term also has
        words: inside a document a character is usually part of a longer word (警 in 警务)."""
        words = tuple(t for t in self.tokens if len(t) > 1)
        return words or self.tokens

    @property
    def verbatim(self) -> bool:
        """Must the term appear as typed? Phrases, and terms segmentation cut into single characters."""
        return self.phrase or any(len(t) == 1 for t in self.tokens)


@dataclass(frozen=True)
class Query:
    raw: str
    terms: tuple[Term, ...]

    @property
    def words(self) -> list[str]:
        """What to highlight: each term as typed and its words, longest first."""
        found = {t.text for t in self.terms}
        for term in self.terms:
            found.update(tok for tok in term.tokens if len(tok) > 1 or len(term.text) == 1)
        return sorted(found, key=lambda w: (-len(w), w))

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str) -> Query:
    """Words separated by spaces; quoted text is a phrase that must appear verbatim."""
    raw = (raw or "").strip()[:200]
    terms: list[Term] = []

    def add(text: str, phrase: bool) -> None:
        text = text.strip()
        tokens = tuple(dict.fromkeys(segment_query(text)))
        if text and tokens:
            terms.append(Term(text, phrase, tokens))

    rest = raw
    for match in _QUOTED.finditer(raw):
        add(next(g for g in match.groups() if g is not None), True)
        rest = rest.replace(match.group(0), " ")
    for word in rest.split():
        add(word.strip("\"“”「」"), False)
    return Query(raw, tuple(terms[:8]))


@dataclass(frozen=True)
class Filters:
    category_id: int | None = None
    section_id: int | None = None
    year: int | None = None
    publisher: str | None = None


@dataclass
class Result:
    ids: list[int] = field(default_factory=list)
    count: int = 0
    capped: bool = False  # more than RANK_CAP matches: count is a lower bound, newest first
    fallback: bool = False  # found by the title fallback, not by the index


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filter_sql(filters: Filters) -> tuple[str, list[Any]]:
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
        if not _is_sqlite():
            # the same year as one key of the words-and-year index (migration 0008); the range
            # above serves the date indexes when results are listed newest first
            sql.append(f"{YEAR_SQL} = %s")
            params.append(filters.year)
    if filters.publisher:
        sql.append("e.publisher = %s")
        params.append(filters.publisher)
    return " AND ".join(sql), params


def _like_op(text: str) -> str:
    """SQLite's LIKE ignores ASCII case already; on PostgreSQL, ILIKE only where case can matter
    (ILIKE lower-cases the whole body first, several times slower than LIKE on long Chinese text)."""
    if _is_sqlite() or text.lower() == text.upper():
        return "LIKE"
    return "ILIKE"


def _phrase_sql(query: Query) -> tuple[str, list[Any]]:
    sql, params = [], []
    for term in query.terms:
        if term.verbatim:
            like = _like_op(term.text)
            sql.append(f"(e.title {like} %s ESCAPE '\\' OR {PUBLIC_BODY_SQL} {like} %s ESCAPE '\\')")
            pattern = _like(term.text)
            params += [pattern, pattern]
    return (" AND " + " AND ".join(sql)) if sql else "", params


def _index_tokens(query: Query) -> list[str]:
    return list(dict.fromkeys(tok for term in query.terms for tok in term.index_tokens))


def _fts5_match(query: Query) -> str:
    tokens = _index_tokens(query)
    return " AND ".join('"' + tok.replace('"', '""') + '"' for tok in tokens)


def _tsquery(query: Query) -> str:
    tokens = _index_tokens(query)
    return " & ".join("'" + tok.replace("\\", "\\\\").replace("'", "''") + "'" for tok in tokens)


_deadline = threading.local()  # when the running search must end (``_within_time_limit``)


def _run(sql: str, params: list[Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        ends = getattr(_deadline, "at", None)
        if ends is not None and not _is_sqlite():
            # the time left for the whole search, not a fresh limit for each of its statements
            left = max(1, int((ends - time.monotonic()) * 1000))
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(left)])
        cursor.execute(sql, params)
        return cursor.fetchall()


NO_FILTERS = Filters()


def search(query: Query, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0) -> Result:
    """Ids of published entries matching ``query`` and ``filters``, best first."""
    if not query:
        return Result()
    engine = _search_sqlite if _is_sqlite() else _search_postgres
    return _within_time_limit(lambda: engine(query, filters, limit=limit, offset=offset))


TOO_BROAD = "检索用时过长：请换用更具体的检索词，或按类别、栏目、年份缩小范围。"


def _within_time_limit(run: Callable[[], Result]) -> Result:
    """A public search never holds the database for long: after ``ZWGK_SEARCH_TIMEOUT_MS`` it is
    cancelled (PostgreSQL's statement timeout; SQLite's progress handler) and the person is asked
    to narrow the query. (A rare query, such as a common word next to a character that no entry
    holds, would otherwise read every entry that has the word.)"""
    from django.conf import settings
    from django.db import OperationalError, transaction

    from zwgk.core.errors import InvalidInput

    _deadline.at = time.monotonic() + int(settings.ZWGK_SEARCH_TIMEOUT_MS) / 1000
    try:
        if _is_sqlite():
            connection.ensure_connection()
            raw = connection.connection
            raw.set_progress_handler(lambda: time.monotonic() > _deadline.at, 20_000)
            try:
                return run()
            finally:
                raw.set_progress_handler(None, 0)
        with transaction.atomic():  # the statement timeouts end with it
            return run()
    except OperationalError as exc:
        if "interrupted" in str(exc) or type(exc.__cause__).__name__ == "QueryCanceled":
            raise InvalidInput(TOO_BROAD, fields={"q": "检索范围过大"}) from exc
        raise
    finally:
        _deadline.at = None


# how many of the newest years are counted, one by one, before the whole catalog
RECENT_YEARS = 3
WALK_PER_RESULT, WALK_MAX = 50, 4000


def _search_postgres(query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
    """GIN over (words, year), migration 0008. A common word on a large catalog is answered from
    the newest years, counted one year at a time (up to ``RECENT_YEARS``): when they alone hold
    more than ``RANK_CAP`` matches, the answer is "more than RANK_CAP, newest first" and every
    result shown (at most RANK_CAP) lies in those years, so the rest of the words' posting lists
    is never read."""
    where, params = _filter_sql(filters)
    phrase_sql, phrase_params = _phrase_sql(query)
    match = f"e.search_vector @@ to_tsquery('simple', %s){phrase_sql}"
    match_params = [_tsquery(query), *phrase_params]
    base = f"FROM catalog_entry e WHERE {match} AND {where}"
    base_params = [*match_params, *params]
    latest = None if filters.year or offset + limit > RANK_CAP else _latest_year()
    found = 0
    for year in range(latest, latest - RECENT_YEARS, -1) if latest else ():
        # one year is one key of the index: its part of the posting lists only
        found += _count(f"{base} AND {YEAR_SQL} = %s", [*base_params, year], cap=RANK_CAP + 1 - found)
        if found > RANK_CAP:
            # every result shown lies in the years counted
            count = found
            base += f" AND {YEAR_SQL} >= %s AND e.published_on >= %s"
            base_params = [*base_params, year, date(year, 1, 1)]
            break
    else:
        count = _count(base, base_params)
    if count == 0:
        return _title_fallback(query, filters, limit=limit, offset=offset)
    capped = count > RANK_CAP
    if capped:
        ids = _newest_matches(where, params, match, match_params, limit=limit, offset=offset)
        if ids is None:
            ids = [r[0] for r in _run(f"SELECT e.id {base} ORDER BY e.published_on DESC, e.id DESC LIMIT %s OFFSET %s",
                                      [*base_params, limit, offset])]
    else:
        order = "ts_rank(e.search_vector, to_tsquery('simple', %s), 1) DESC, e.published_on DESC, e.id DESC"
        ids = [r[0] for r in _run(f"SELECT e.id {base} ORDER BY {order} LIMIT %s OFFSET %s",
                                  [*base_params, match_params[0], limit, offset])]
    return Result(ids, min(count, RANK_CAP), capped)


def _latest_year() -> int | None:
    """The year of the newest published entry (an index lookup)."""
    latest = _run("SELECT max(published_on) FROM catalog_entry WHERE status = 'published'", [])[0][0]
    return latest.year if latest else None


def _newest_matches(where: str, params: list[Any], match: str, match_params: list[Any], *,
                    limit: int, offset: int) -> list[int] | None:
    """The newest matches of a query known to match many entries: walk the filtered entries
    newest first along a date index and test each against the words, within a budget of rows.
    ``None`` when the budget runs out first (the matches are sparse): the caller then sorts
    every match instead."""
    budget = min(WALK_PER_RESULT * (offset + limit), WALK_MAX)
    walk = (f"SELECT e.id, e.published_on FROM catalog_entry e WHERE {where} "
            f"ORDER BY e.published_on DESC, e.id DESC LIMIT %s")
    rows = _run(f"SELECT w.id FROM ({walk}) AS w JOIN catalog_entry e ON e.id = w.id WHERE {match} "
                f"ORDER BY w.published_on DESC, w.id DESC LIMIT %s OFFSET %s",
                [*params, budget, *match_params, limit, offset])
    return [r[0] for r in rows] if len(rows) == limit else None


def _count(base: str, params: list[Any], cap: int = RANK_CAP + 1) -> int:
    return _run(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {int(cap)}) AS hits", params)[0][0]


def _search_sqlite(query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
    """FTS5: words and filters (the ``facets`` column) are matched inside the index; the entries
    table is joined only for verbatim terms and the publisher filter."""
    match = _fts5_match(query)
    facets = []
    if filters.year:
        facets.append(f'facets : "y{filters.year}"')
    if filters.section_id:
        facets.append(f'facets : "s{filters.section_id}"')
    if filters.category_id:
        facets.append(f'facets : "c{filters.category_id}"')
    match = " AND ".join([f"({match})", *facets]) if facets else match
    phrase_sql, phrase_params = _phrase_sql(query)
    extra, extra_params = phrase_sql, list(phrase_params)
    if filters.publisher:
        extra += " AND e.publisher = %s"
        extra_params.append(filters.publisher)
    if extra:
        base = (f"FROM {FTS_TABLE} f JOIN catalog_entry e ON e.id = f.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND e.status = 'published'{extra}")
    else:
        base = f"FROM {FTS_TABLE} f WHERE {FTS_TABLE} MATCH %s"
    params = [match, *extra_params]
    count = _count(base, params)
    if count == 0:
        return _title_fallback(query, filters, limit=limit, offset=offset)
    capped = count > RANK_CAP
    order = "f.rowid DESC" if capped else f"bm25({FTS_TABLE}, 4.0, 1.0, 0.0), f.rowid DESC"
    rows = _run(f"SELECT f.rowid {base} ORDER BY {order} LIMIT %s OFFSET %s", [*params, limit, offset])
    return Result([r[0] for r in rows], min(count, RANK_CAP), capped)


def _title_fallback(query: Query, filters: Filters, *, limit: int, offset: int) -> Result:
    """What segmentation missed: every term as a substring of the title. Only for queries that
    segmentation cut into single characters (a title scan is not cheap on a large catalog)."""
    if not any(term.verbatim and not term.phrase for term in query.terms):
        return Result()
    where, params = _filter_sql(filters)
    for term in query.terms:
        where += f" AND e.title {_like_op(term.text)} %s ESCAPE '\\'"
        params.append(_like(term.text))
    base = f"FROM catalog_entry e WHERE {where}"
    count = _count(base, params)
    if not count:
        return Result()
    rows = _run(f"SELECT e.id {base} ORDER BY e.published_on DESC, e.id DESC LIMIT %s OFFSET %s",
                [*params, limit, offset])
    return Result([r[0] for r in rows], min(count, RANK_CAP), count > RANK_CAP, fallback=True)


# -- presenting ------------------------------------------------------------------------------------


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def highlight(text: str, words: Sequence[str]) -> SafeString:
    """``text`` escaped, with each matched word wrapped in ``<mark>``."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(str(escape(text[last:match.start()])))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(str(escape(text[last:])))
    return mark_safe("".join(out))


def snippet(text: str, words: Sequence[str], width: int = 120) -> SafeString:
    """A window of ``text`` around the first matched word, highlighted."""
    text = " ".join(text.split())
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - width // 3) if match else 0
    piece = text[start:start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(piece, words) + suffix)
