"""Pre-publication scan of documents about to be published (Art. 4).

Art. 4 forbids publishing information that, alone or combined with what is already public, leaks
personal data or sensitive matters.  Before a document goes out, staff get a list of what deserves
a second look: identity numbers (a number shaped like one whose check character is wrong is
reported as ``suspected_id``, 疑似身份证号: a mistyped number still identifies its holder), mobile
and landline numbers, bank card numbers, passport numbers, WeChat ids and QQ numbers, names that a
context word introduces (举报人, 当事人, 先生 ...), detailed home addresses and health
information — what the mailbox's masking finds (Art. 32) — and the words of the department's
sensitive-word list.  E-mail addresses and licence plates are left out: in official documents they
are mostly an office's address or a vehicle named in a public decision.

Sensitive words are matched with an Aho–Corasick automaton (pyahocorasick), built once per word
list and cached, so scanning a long document against thousands of words stays linear in the text.
Matching ignores ASCII case, folds full-width letters and digits, and skips whitespace and
zero-width characters inside a word (敏 感 词 is still found).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from zwgk.privacy.detect import Finding, find_private_data
from zwgk.privacy.ids import is_valid_resident_id, luhn_valid
from zwgk.privacy.mask import mask_findings, mask_value

__all__ = ["SCAN_KINDS", "SensitiveWordMatcher", "excerpt", "scan_for_publication", "sensitive_word_matcher"]

# What the scan reports besides sensitive words.
SCAN_KINDS: tuple[str, ...] = (
    "resident_id", "suspected_id", "passport", "mobile", "landline", "bank_card", "wechat", "qq",
    "name", "address", "health",
)

_SKIPPED = frozenset(" \t\r\n\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff")
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {i: i + 32 for i in range(ord("A"), ord("Z") + 1)}


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text without skipped characters, and for each kept character its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if c in _SKIPPED:
            continue
        chars.append(c.translate(_FOLD).translate(_FOLD))
        index.append(i)
    return "".join(chars), index


class SensitiveWordMatcher:
    """Finds the words of one sensitive-word list in texts; build once, use for many documents."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        self.words: frozenset[str] = frozenset(w for w in words if w and w.strip())
        for word in self.words:
            key, _ = _normalise(word)
            if key:
                self._automaton.add_word(key, (len(key), word))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Finding]:
        """Non-overlapping hits, leftmost first and longest at each position; kind ``sensitive_word``."""
        if self._empty or not text:
            return []
        folded, index = _normalise(text)
        hits: list[tuple[int, int]] = []
        for end, (length, _word) in self._automaton.iter(folded):
            hits.append((end - length + 1, end + 1))
        hits.sort(key=lambda h: (h[0], -h[1]))
        findings: list[Finding] = []
        last_end = 0
        for start, end in hits:
            if start < last_end:
                continue
            a, b = index[start], index[end - 1] + 1
            findings.append(Finding("sensitive_word", a, b, text[a:b]))
            last_end = end
        return findings


@lru_cache(maxsize=32)
def sensitive_word_matcher(words: frozenset[str]) -> SensitiveWordMatcher:
    """The cached matcher for a word list: the automaton is built once per distinct list."""
    return SensitiveWordMatcher(words)


@lru_cache(maxsize=8)
def _private_data(text: str) -> tuple[Finding, ...]:
    """The personal data the scan reports (cached: :func:`excerpt` asks again for the same text)."""
    found = []
    for f in find_private_data(text, cued_names_only=True):
        if f.kind not in SCAN_KINDS:
            continue
        digits = re.sub(r"[^0-9x]", "", f.text.translate(_FOLD).translate(_FOLD))
        if f.kind == "resident_id" and len(digits) == 18 and not is_valid_resident_id(digits.upper()):
            f = Finding("suspected_id", f.start, f.end, f.text)
        if f.kind == "bank_card" and not luhn_valid(digits):
            continue
        found.append(f)
    return tuple(found)


def scan_for_publication(text: str, sensitive_words: Iterable[str] | SensitiveWordMatcher) -> list[Finding]:
    """What a reviewer must look at before ``text`` is published (Art. 4), sorted by position.

    Kinds: :data:`SCAN_KINDS` — ``resident_id`` (valid check character and birth date),
    ``suspected_id`` (shaped like one, check character or date wrong), ``landline`` (office numbers
    are public and not reported), ``bank_card`` (Luhn), ``name`` (introduced by a context word) ... —
    and ``sensitive_word``.  Hits never overlap; personal data wins over a sensitive word that
    overlaps it.
    """
    matcher = (
        sensitive_words
        if isinstance(sensitive_words, SensitiveWordMatcher)
        else sensitive_word_matcher(frozenset(sensitive_words))
    )
    numbers = list(_private_data(text))
    words = [w for w in matcher.find(text) if not any(w.start < n.end and n.start < w.end for n in numbers)]
    return sorted(numbers + words, key=lambda f: (f.start, f.end))


def excerpt(text: str, finding: Finding, width: int = 12, *, mask: bool = True) -> str:
    """The hit with ``width`` characters of context on each side, the hit marked 【…】, on one line.

    Personal data is shown masked by default (【138****5678】, 【张某某】): the excerpt is stored with
    the review record, and a copy of somebody's identity number there would itself be a leak
    (Art. 4).  Personal data in the context is masked too, so that the excerpt of one finding never
    shows another one in clear.  Sensitive words are shown as they are.
    """
    start, end = max(0, finding.start - width), min(len(text), finding.end + width)
    others: list[Finding] = []
    if mask:
        # personal data in the context is masked as well; a finding cut by the window is taken whole
        for f in _private_data(text):
            if f.start < end and start < f.end and (f.start, f.end) != (finding.start, finding.end):
                others.append(f)
                start, end = min(start, f.start), max(end, f.end)
    hit = text[finding.start : finding.end]
    if mask and finding.kind != "sensitive_word":
        hit = mask_value(finding.kind, hit)

    def context(a: int, b: int) -> str:
        inside = [Finding(f.kind, f.start - a, f.end - a, f.text) for f in others if a <= f.start and f.end <= b]
        return mask_findings(text[a:b], inside)

    result = (
        ("…" if start > 0 else "")
        + context(start, finding.start)
        + "【"
        + hit
        + "】"
        + context(finding.end, end)
        + ("…" if end < len(text) else "")
    )
    return re.sub(r"\s+", " ", result)
