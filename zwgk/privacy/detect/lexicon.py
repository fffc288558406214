"""The word lists of the detectors, read once from ``zwgk/privacy/data/`` (plain UTF-8 text).

File format: words separated by whitespace, any number per line; ``#`` starts a comment; a line
``[name]`` starts a section (files holding several related lists).  Lists are data so that the
department can correct them without touching code; every loader is cached, so a file is read once
per process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

_SECTION = re.compile(r"^\[([a-z_]+)\]$")


@lru_cache(maxsize=64)
def _lines(filename: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    result: dict[str, list[tuple[str, ...]]] = {"": []}
    current = ""
    for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if m := _SECTION.match(line):
            current = m.group(1)
            result.setdefault(current, [])
        elif line:
            result[current].append(tuple(line.split()))
    return {name: tuple(rows) for name, rows in result.items()}


@lru_cache(maxsize=64)
def sections(filename: str) -> dict[str, tuple[str, ...]]:
    """Each section of ``data/<filename>`` as a tuple of words (unsectioned words go under ``""``)."""
    return {name: tuple(w for row in rows for w in row) for name, rows in _lines(filename).items()}


@lru_cache(maxsize=16)
def table(filename: str, section: str) -> dict[str, tuple[str, ...]]:
    """A section whose lines read ``key word word ...``, as {key: words}."""
    return {row[0]: row[1:] for row in _lines(filename)[section]}


def words(filename: str, section: str = "") -> tuple[str, ...]:
    """The words of one list (one section of one file), in file order."""
    return sections(filename)[section]


@lru_cache(maxsize=64)
def word_set(filename: str, section: str = "") -> frozenset[str]:
    return frozenset(words(filename, section))


@lru_cache(maxsize=16)
def char_set(filename: str, section: str = "") -> frozenset[str]:
    """A list of characters (written with or without spaces between them) as a set."""
    return frozenset("".join(words(filename, section)))


def alternation(filename: str, section: str = "") -> str:
    """A regex alternation of a list's words, longest first (so that 公安局 wins over 公安)."""
    return "|".join(re.escape(w) for w in sorted(words(filename, section), key=len, reverse=True))


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single- and two-character surnames."""
    all_names = words("surnames.txt")
    return frozenset(w for w in all_names if len(w) == 1), frozenset(w for w in all_names if len(w) == 2)


def split_surname(name: str) -> tuple[str, str]:
    """Split a personal name into (surname, given name); two-character surnames are recognised.

    Used by the masker, which keeps the surname (Art. 32 masks the part that identifies).
    """
    _single, double = surnames()
    if len(name) >= 3 and name[:2] in double:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=1)
def load_health_terms() -> tuple[str, ...]:
    """The default health terms (and ``!``-prefixed exception phrases) from ``data/health_terms.txt``."""
    return words("health_terms.txt")
