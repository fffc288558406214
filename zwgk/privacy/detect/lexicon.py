"""The word lists of the detectors: shipped in ``zwgk/privacy/data/`` (plain UTF-8 text), and
replaced by the department's own edited copies where a store is attached (the workbench keeps
them in the database; ``zwgk.privacy.store``).

File format: words separated by whitespace, any number per line; ``#`` starts a comment; a line
``[name]`` starts a section (files holding several related lists).  Lists are data so that the
department can correct them without touching code; every loader is cached, so a list is read and
compiled once per process and again only when the store's version changes (``refresh``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

_SECTION = re.compile(r"^\[([a-z_]+)\]$")
# Characters a word may not hold: the detectors build regular expressions from some lists.
_FORBIDDEN = set("[](){}*+?|\\^$.#-")
MAX_WORD = 200

_overrides: dict[str, str] = {}
_hooks: list[Callable[[], None]] = []
_store: tuple[Callable[[], object], Callable[[], dict[str, str]]] | None = None
_loaded: object = None
_lock = threading.Lock()


def filenames() -> list[str]:
    """The shipped lists, one file each."""
    return sorted(p.name for p in DATA.glob("*.txt"))


def shipped_text(filename: str) -> str:
    return (DATA / filename).read_text(encoding="utf-8")


def text_of(filename: str) -> str:
    """The list in force: the edited copy where there is one, else the shipped file."""
    return _overrides.get(filename) or shipped_text(filename)


def on_reload(hook: Callable[[], None]) -> None:
    """``hook`` recompiles a detector's module-level lists; it runs whenever the lists change."""
    _hooks.append(hook)


def attach_store(version: Callable[[], object], texts: Callable[[], dict[str, str]]) -> None:
    """Use edited lists: ``version()`` is cheap (a cache read) and changes on every edit;
    ``texts()`` returns {filename: text} of the edited lists (read only when the version changed)."""
    global _store, _loaded
    _store, _loaded = (version, texts), object()


def refresh() -> None:
    """Recompile the lists if the store's version changed since they were last compiled."""
    if _store is None:
        return
    version = _store[0]()
    if version == _loaded:
        return
    with _lock:
        if version != _loaded:
            apply(_store[1](), version)


def apply(texts: dict[str, str], version: object = None) -> None:
    """Put ``texts`` in force (an empty dict: the shipped files) and recompile every detector."""
    global _overrides, _loaded
    previous = _overrides
    _overrides = {k: v for k, v in texts.items() if k in filenames()}
    try:
        _recompile()
    except Exception:
        _overrides = previous
        _recompile()
        raise
    _loaded = version


def _recompile() -> None:
    for cached in (_lines, sections, table, word_set, char_set, surnames, load_health_terms):
        cached.cache_clear()
    for hook in _hooks:
        hook()


def problems(filename: str, text: str) -> list[str]:
    """What is wrong with an edited list, in Chinese (empty: none): it must keep every section of
    the shipped file, none of them empty where the shipped one has words, and hold plain words."""
    if filename not in filenames():
        return ["没有这个词表。"]
    shipped = parse(shipped_text(filename))
    try:
        edited = parse(text)
    except ValueError as exc:
        return [str(exc)]
    found = []
    for name, rows in shipped.items():
        label = f"分节[{name}]" if name else "词表"
        if name not in edited:
            found.append(f"缺少{label}（检测程序需要它）。")
        elif rows and not edited[name]:
            found.append(f"{label}不能为空。")
    for name in edited:
        if name not in shipped:
            found.append(f"不认识的分节[{name}]。")
    for rows in edited.values():
        for row in rows:
            for word in row:
                if len(word) > MAX_WORD:
                    found.append(f"词语“{word[:10]}…”过长（不超过{MAX_WORD}个字）。")
                elif _FORBIDDEN & set(word):
                    found.append(f"词语“{word}”含有不允许的符号（{''.join(sorted(_FORBIDDEN & set(word)))}）。")
    return found[:20]


def parse(text: str) -> dict[str, list[tuple[str, ...]]]:
    result: dict[str, list[tuple[str, ...]]] = {"": []}
    current = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if m := _SECTION.match(line):
            current = m.group(1)
            result.setdefault(current, [])
        elif line.startswith("["):
            raise ValueError(f"分节标题“{line[:20]}”格式不对，应为 [小写字母]。")
        elif line:
            result[current].append(tuple(line.split()))
    if not result[""] and len(result) > 1:
        del result[""]
    return result


@lru_cache(maxsize=64)
def _lines(filename: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    result: dict[str, list[tuple[str, ...]]] = {"": []}
    current = ""
    for line in text_of(filename).splitlines():
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
