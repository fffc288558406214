"""Personal names.

Names are found by context (我叫, 民警, 举报人, 我儿子, 先生 ...), by enumeration after a found name
(张三、李四), by repetition of a found name, and — for three-character names only — when surname
and given-name characters are typical and the candidate stands between function words
(楼下的周大勇经常...).  Surname + title (王警官, 马所长, 李局长) is not a name: nothing to hide.
Police officers named in a letter (民警, 所长, 队长 ...) are masked like any third party;
leadership titles of the department (厅长, 局长, 书记 ...) are not cues: officials act publicly.
Ordinary words shaped like names (马上, 于是, 甘肃人, 向记者) are rejected with word lists derived
from jieba's dictionary (``bench/privacy_make_wordlists.py``).  Names already masked by the writer
(马某某) are never found again.  Cues, titles and character classes are data
(``data/name_cues.txt``, ``data/name_chars.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from zwgk.privacy.detect import lexicon
from zwgk.privacy.detect.base import PRIORITY, Context, Span, is_han


def _load() -> None:
    """The word lists of this detector, compiled; again whenever the lists change (lexicon.refresh)."""
    global _COMMON_WORDS, _FUNCTION_WORDS, _PLACE_WORDS, _GIVEN_CHARS, _NAME_STOP, _PLACE_SUFFIX_CHARS, \
        _CONNECTORS, _LIST_SEP, _LEFT_BOUNDARY, _TITLES, _ENDERS, _STRONG_CUES, _WEAK_CUES, _SUFFIX_CUES, \
        _STRONG_SET, _EXPLICIT_CUES, _EXPLICIT_LINKS, _NOT_NAMES, _NOT_NAME_AFTER, _NOT_NAME_BEFORE, _CUE_RE, \
        _SUFFIX_RE
    _COMMON_WORDS = lexicon.word_set("common_words.txt")
    _FUNCTION_WORDS = lexicon.word_set("function_words.txt")
    _PLACE_WORDS = lexicon.word_set("place_words.txt")
    _GIVEN_CHARS = lexicon.char_set("given_name_chars.txt")
    _NAME_STOP = lexicon.char_set("name_chars.txt", "stop")
    _PLACE_SUFFIX_CHARS = lexicon.char_set("name_chars.txt", "place_suffix")
    _CONNECTORS = lexicon.char_set("name_chars.txt", "connectors")
    _LIST_SEP = lexicon.char_set("name_chars.txt", "list_separators")
    _LEFT_BOUNDARY = lexicon.char_set("name_chars.txt", "left_boundary")
    _TITLES = lexicon.words("name_cues.txt", "titles")
    _ENDERS = _TITLES + lexicon.words("name_cues.txt", "enders")
    _STRONG_CUES = lexicon.words("name_cues.txt", "strong")
    _WEAK_CUES = lexicon.words("name_cues.txt", "weak")
    _SUFFIX_CUES = lexicon.words("name_cues.txt", "suffix")
    _STRONG_SET = frozenset(_STRONG_CUES)
    _EXPLICIT_CUES = lexicon.word_set("name_cues.txt", "explicit")
    _EXPLICIT_LINKS = frozenset({"叫做", "名叫", "姓名", "叫"})
    _NOT_NAMES = lexicon.word_set("not_names.txt", "words")
    _NOT_NAME_AFTER = lexicon.table("not_names.txt", "followed_by")
    _NOT_NAME_BEFORE = lexicon.table("not_names.txt", "preceded_by")
    # A lookahead, so that overlapping cues are all seen (我爸爸 holds 我爸 and 爸爸).
    _CUE_RE = re.compile(
        "(?=(?P<cue>" + "|".join(sorted(_STRONG_CUES + _WEAK_CUES, key=len, reverse=True)) + r")"
        r"(?P<link>叫做|名叫|姓名|叫|是|为)?(?P<space>\s*:?\s*))"
    )
    _SUFFIX_RE = re.compile("|".join(sorted(_SUFFIX_CUES, key=len, reverse=True)))


_load()
lexicon.on_reload(_load)

_IAM_DE = re.compile(r"我是[^,.;:!?，。；：！？\s]{1,15}?的")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


def _surname_at(text: str, p: int) -> int:
    single, double = lexicon.surnames()
    if text[p : p + 2] in double:
        return 2
    if p < len(text) and text[p] in single:
        return 1
    return 0


def _starts_ender(text: str, p: int) -> bool:
    return text.startswith(_ENDERS, p) or text[p : p + 2] in _FUNCTION_WORDS


def _name_char_ok(text: str, p: int, blocked: bytearray) -> bool:
    return p < len(text) and is_han(text[p]) and text[p] not in _NAME_STOP and not blocked[p]


def _given_length(text: str, q: int, blocked: bytearray) -> int:
    if not _name_char_ok(text, q, blocked) or text.startswith(_ENDERS, q):
        return 0
    if not _name_char_ok(text, q + 1, blocked) or _starts_ender(text, q + 1):
        return 1
    return 2


def _hard_end(text: str, p: int) -> bool:
    return p >= len(text) or not is_han(text[p])


def _soft_end(text: str, p: int) -> bool:
    return _hard_end(text, p) or text[p] in _NAME_STOP or _starts_ender(text, p)


def _ordinary_word(word: str, text: str, start: int, *, explicit: bool, context_only: bool = False) -> bool:
    """``word`` at ``start`` is a word of the stop list (王者, 高速, 李子 ...) used as a word.

    Its context decides first (张开嘴, 李子树, 服务很周到); otherwise only an explicit naming cue
    (我叫, 名叫 ...) makes it a name; with ``context_only`` (the word is the start of a longer
    candidate: 李子明) only the context can reject it.
    """
    if word not in _NOT_NAMES:
        return False
    end = start + len(word)
    if text.startswith(_NOT_NAME_AFTER.get(word, ()), end) and _NOT_NAME_AFTER.get(word):
        return True
    before = _NOT_NAME_BEFORE.get(word, ())
    if before and any(text.endswith(b, 0, start) for b in before):
        return True
    return not (explicit or context_only)


def _acceptable(surname: str, given: str, text: str, end: int, *, strong: bool, explicit: bool = False) -> bool:
    """Reject candidates that are ordinary words (马上, 于昨天, 甘肃人, 王者, 周到 ...)."""
    function, common, given_chars = _FUNCTION_WORDS, _COMMON_WORDS, _GIVEN_CHARS
    places = _PLACE_WORDS
    full = surname + given
    start = end - len(full)
    if _ordinary_word(full, text, start, explicit=explicit):
        return False
    if len(given) == 2 and _ordinary_word(surname + given[0], text, start, explicit=explicit, context_only=True):
        return False
    typical = all(c in given_chars for c in given)
    if full in function or (surname + given[0]) in function:
        return False
    if end < len(text) and text[end] in _PLACE_SUFFIX_CHARS and not text.startswith(_TITLES, end):
        return False
    if given[-1] in _PLACE_SUFFIX_CHARS and not explicit:
        return False  # 交警支队, 金凤区: an organisation or a place
    if given[-1] == surname[-1] and given[0] in "一了":
        return False  # 查一查, 管了管: a reduplicated verb
    if surname in _CONNECTORS and len(given) == 1 and _surname_at(given, 0) and text.startswith(_TITLES, end):
        return False  # 王警官和马所长: 和 joins, 马 is the surname of the title
    if not typical and surname in _CONNECTORS | {"于"}:
        return False  # 向记者, 和同事: a preposition, not a surname
    if not typical and (full in places or given in places or (len(given) == 2 and surname + given[0] in places)):
        return False
    if given in function and not typical:
        return False
    if len(given) == 2 and len(surname) == 1 and (surname + given[0]) in common and not typical:
        return False
    if full in common and not (strong and _hard_end(text, end)):
        return False
    return strong or _soft_end(text, end)


def _name_at(
    text: str, p: int, blocked: bytearray, *, strong: bool, explicit: bool = False
) -> tuple[int, int] | None:
    if p >= len(text) or blocked[p]:
        return None
    dotted = _DOTTED.match(text, p)
    if dotted and "某" not in dotted.group() and strong:
        return p, dotted.end()
    s = _surname_at(text, p)
    if not s or any(blocked[p : p + s]):
        return None
    natural = _given_length(text, p + s, blocked)
    for g in range(natural, 0, -1):
        end = p + s + g
        # a shortened candidate must end where a name can end (朋友来宁夏 is no 来宁)
        if _acceptable(
            text[p : p + s], text[p + s : end], text, end, strong=strong and g == natural, explicit=explicit
        ):
            return p, end
    return None


def _name_before(text: str, e: int, blocked: bytearray) -> tuple[int, int] | None:
    """A name ending at ``e`` (before a suffix cue such as 先生): the longest plausible one."""
    if e >= 1 and _surname_at(text, e - 1) and (e < 2 or text[e - 2] in _CONNECTORS or not is_han(text[e - 2])):
        return None  # 和王先生: surname + title only
    for total in (4, 3, 2):
        start = e - total
        if start < 0:
            continue
        s = _surname_at(text, start)
        if not s or total - s not in (1, 2):
            continue
        if total == 2 and s == 2:
            continue
        given_start = start + s
        if any(not _name_char_ok(text, i, blocked) for i in range(start + s, e)) or any(blocked[start:e]):
            continue
        if _given_length(text, given_start, blocked) < e - given_start and not text.startswith(_SUFFIX_CUES, e):
            continue
        bounded = start == 0 or not is_han(text[start - 1]) or text[start - 1] in _LEFT_BOUNDARY
        if not bounded and not all(c in _GIVEN_CHARS for c in text[given_start:e]):
            continue
        if _acceptable(text[start:given_start], text[given_start:e], text, e, strong=True):
            return start, e
    return None


def _uncued_names(text: str, blocked: bytearray) -> list[tuple[int, int]]:
    """Three-character names without a cue, between function words (楼下的周大勇经常...)."""
    found: list[tuple[int, int]] = []
    given_chars = _GIVEN_CHARS
    for p in range(len(text)):
        if p > 0 and is_han(text[p - 1]) and text[p - 1] not in _LEFT_BOUNDARY:
            continue
        s = _surname_at(text, p)
        if s != 1 or p + 3 > len(text) or any(blocked[p : p + 3]):
            continue
        given = text[p + 1 : p + 3]
        if not all(c in given_chars and c not in _NAME_STOP for c in given):
            continue
        if text.startswith(_ENDERS, p + 1) or (p > 0 and text[p - 1 : p + 1] in _FUNCTION_WORDS):
            continue  # 对方微信: the given name would be a word, the surname the end of one
        if given in _COMMON_WORDS or text[p : p + 2] in _COMMON_WORDS:
            continue
        if _acceptable(text[p], given, text, p + 3, strong=False) and _soft_end(text, p + 3):
            found.append((p, p + 3))
    return found


def _find_names(text: str, blocked: bytearray, extra_names: Iterable[str], *, cued_only: bool = False) -> list[Span]:
    found: list[tuple[int, int]] = []
    extra: list[Span] = []
    for name in {n.strip() for n in extra_names if n and len(n.strip()) >= 2}:
        for m in re.finditer(re.escape(name), text):
            extra.append(Span("name", m.start(), m.end(), PRIORITY["extra_name"]))
    for m in _CUE_RE.finditer(text):
        strong = m.group("cue") in _STRONG_SET or (m.group("link") is not None and m.group("cue") != "叫")
        if m.group("cue") in ("举报", "投诉", "控告", "起诉") and m.group("link"):
            strong = False
        explicit = m.group("cue") in _EXPLICIT_CUES or m.group("link") in _EXPLICIT_LINKS
        span = _name_at(text, m.end("space"), blocked, strong=strong, explicit=explicit)
        if span:
            found.append(span)
    for m in _IAM_DE.finditer(text):
        span = _name_at(text, m.end(), blocked, strong=False)
        if span and _hard_end(text, span[1]):
            found.append(span)
    for m in _SUFFIX_RE.finditer(text):
        span = _name_before(text, m.start(), blocked)
        if span:
            found.append(span)
    # three-character names without a cue, between function words
    if not cued_only:
        found += _uncued_names(text, blocked)

    # enumerations after a found name: 张三、李四和王五
    queue = list(found)
    while queue:
        start, end = queue.pop()
        if end < len(text) and text[end] in _LIST_SEP:
            span = _name_at(text, end + 1, blocked, strong=False)
            if span and span not in found:
                found.append(span)
                queue.append(span)
        if start >= 2 and text[start - 1] == "、":
            span = _name_before(text, start - 1, blocked)
            if span and span not in found:
                found.append(span)
                queue.append(span)
    # a name found once is a name wherever it recurs
    for name in {text[a:b] for a, b in found if b - a >= 2}:
        for m in re.finditer(re.escape(name), text):
            if not any(blocked[m.start() : m.end()]):
                found.append((m.start(), m.end()))
    return extra + [Span.of("name", a, b) for a, b in found]


def detect(text: str, context: Context) -> list[Span]:
    """Names, never inside what another detector found (``context.blocked``)."""
    return _find_names(text, context.blocked, context.extra_names, cued_only=context.cued_names_only)
