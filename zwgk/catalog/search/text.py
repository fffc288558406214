"""The text side of search, the same on every database: jieba's segmentation of entries and
queries, the parsed query, and the presentation of results (highlighted titles, snippets).

Why segmentation: SQLite 3.40's FTS5 trigram tokenizer finds nothing for two-character words
(公安, 户籍), and PostgreSQL's pg_trgm extracts nothing from Chinese under LC_CTYPE C. So the title
and body are cut into words by jieba (``cut_for_search``: words and their dictionary sub-words, HMM
off so query and document are cut the same way) and stored as space-separated tokens.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

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


def stored_tokens(title_tokens: str, body_tokens: str) -> str:
    """The ``search_tokens`` column: the title's tokens, a newline, the body's tokens."""
    return f"{title_tokens}\n{body_tokens}"


def facet_tokens(published_on: Any, section_id: int, category_id: int) -> str:
    """Filter values as tokens of the index's ``facets`` column (SQLite), so that a filtered search
    is answered inside the full-text index: ``y2018 s12 c1``."""
    year = published_on.year if published_on else 0
    return f"y{year} s{section_id} c{category_id}"


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

    def index_tokens(self) -> list[str]:
        return list(dict.fromkeys(tok for term in self.terms for tok in term.index_tokens))

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


NO_FILTERS = Filters()


@dataclass
class Result:
    ids: list[int] = field(default_factory=list)
    count: int = 0
    capped: bool = False  # more than RANK_CAP matches: count is a lower bound, newest first
    fallback: bool = False  # found by the title fallback, not by the index


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
