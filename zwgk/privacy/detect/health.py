"""Health information.

The terms are data (``data/health_terms.txt``, or the department's own list passed by the caller);
a phrase around a term (患有X, 确诊X, X病史) is covered whole, so that the masked text does not say
"患有**".  Lines starting with ``!`` are exception phrases in which a term names a category or a
service, not anybody's health (残疾人专用).
"""

from __future__ import annotations

import re
from functools import lru_cache

from zwgk.privacy.detect.base import Context, Span

_HEALTH_PREFIX = r"(?:确诊患有|被诊断出|被诊断为|诊断为|确诊为|确诊|患有|患上了|患上|患了|得了|查出了|查出|检查出)"
_HEALTH_SUFFIX = r"(?:病史|症状|患者|病人|晚期|早期|后遗症|并发症|症|病)"


@lru_cache(maxsize=16)
def _health_patterns(terms: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    words = sorted({t for t in terms if t and not t.startswith("!")}, key=len, reverse=True)
    exceptions = sorted({t[1:] for t in terms if t.startswith("!") and len(t) > 1}, key=len, reverse=True)
    if not words:
        return None, None
    alternatives = []
    for w in words:
        if w.isascii():
            alternatives.append(rf"(?<![A-Za-z])(?i:{re.escape(w)})(?![A-Za-z])")
        else:
            alternatives.append(re.escape(w))
    term_re = re.compile(rf"{_HEALTH_PREFIX}?(?P<term>{'|'.join(alternatives)}){_HEALTH_SUFFIX}?")
    exc_re = re.compile("|".join(re.escape(e) for e in exceptions)) if exceptions else None
    return term_re, exc_re


def detect(text: str, context: Context) -> list[Span]:
    """Health terms of the list, with the phrase around them (患有X, 确诊X, X病史)."""
    term_re, exc_re = _health_patterns(context.health_terms)
    if term_re is None:
        return []
    excluded: list[tuple[int, int]] = [(m.start(), m.end()) for m in exc_re.finditer(text)] if exc_re else []
    found = []
    for m in term_re.finditer(text):
        ts, te = m.span("term")
        if any(a <= ts and te <= b for a, b in excluded):
            continue
        found.append(Span.of("health", m.start(), m.end()))
    return found

