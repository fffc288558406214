"""Health information.

The terms are data (``data/health_terms.txt``, or the department's own list passed by the caller);
a phrase around a term (患有X, 确诊X, X病史) is covered whole, so that the masked text does not say
"患有**".  Lines starting with ``!`` are exception phrases in which a term names a category or a
service, not anybody's health (残疾人专用).

Conditions outside any list are found by the phrases that state them, whatever the list holds:
a diagnosis verb followed by a disease-like word (患有腰椎间盘突出症, 查出肾结石, 被诊断为...炎),
a confirmed diagnosis up to the end of the clause (确诊为帕金森，), a medical history (有...病史)
and a stay in hospital (住院治疗, 在市医院住院).  Statistics (确诊病例) and wards or fees
(住院部, 住院费) are not anybody's health.  Crimes (盗窃, 吸毒 ...) are not health information and
are not in the list.
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


_CLAUSE_CHAR = r"[\u4e00-\u9fffA-Za-z0-9·\-]"
_DISEASE_END = r"(?:综合征|综合症|障碍|结石|骨折|梗死|梗塞|中风|损伤|衰竭|感染|肿瘤|病|症|癌|瘤|炎)"
_DIAGNOSIS = (
    r"(?:确诊患有|确诊为|确诊|被诊断出|被诊断为|诊断为|诊断出|患有|患上了|患上|患了|罹患|得了|查出了|查出|检查出)"
)
# 确诊病例, 确诊人数: figures of a public report, nobody's health
_STATISTICS = r"(?:病例|人数|数|率|者)"
_PHRASES = re.compile(
    # a diagnosis verb and a disease-like word: 患有严重的腰椎间盘突出症
    rf"{_DIAGNOSIS}(?!{_STATISTICS}){_CLAUSE_CHAR}{{0,12}}?{_DISEASE_END}(?:{_HEALTH_SUFFIX})?"
    # a confirmed diagnosis, to the end of the clause: 确诊为帕金森，
    rf"|确诊(?:为|患有|了)?(?!{_STATISTICS}){_CLAUSE_CHAR}{{2,10}}?(?=[,.;:!?，。；：！？、\s]|的|后|了|$)"
    # a medical history: 有十多年的哮喘病史
    rf"|(?<=有){_CLAUSE_CHAR}{{1,10}}?病史"
    # a stay in hospital: 在市第一人民医院住院治疗
    rf"|(?:在{_CLAUSE_CHAR}{{1,12}}?医院)?住院(?![部处楼医费区号证])(?:治疗|观察|抢救|手术|期间|至今)?"
)


def detect_phrases(text: str, context: Context) -> list[Span]:
    """Health conditions stated by their phrase, whether or not the condition is in the list."""
    return [Span.of("health", m.start(), m.end()) for m in _PHRASES.finditer(text)]
